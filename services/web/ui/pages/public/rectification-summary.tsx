// The monthly summary of rectifications closed (GET /rectification/public/summary?month=YYYY-MM) on the
// public statistics page: the kind of problem, the department and what it fixed; never a name.
import { useState } from 'react'
import { publicApi } from '../../api/client.ts'
import { type PublicSummary, RECT } from '../../api/rectification.ts'
import { AsyncView, useAsync } from '../../components/feedback.tsx'
import { TextField } from '../../components/fields.tsx'
import { useI18n } from '../../i18n/i18n.tsx'

/** The month before this one in Shanghai (the last whole month). */
function lastMonth(): string {
  const now = new Date(Date.now() + 8 * 3_600_000)
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 7)
}

export function RectificationSummary() {
  const { t, tx } = useI18n()
  const [month, setMonth] = useState(lastMonth)
  const state = useAsync(
    (signal) => publicApi<PublicSummary>(`${RECT}/public/summary`, { query: { month }, signal }),
    [month],
  )
  return (
    <section aria-labelledby="rect-public-h" data-testid="rect-public">
      <h2 id="rect-public-h">{t('rect.public.title')}</h2>
      <p className="muted">{t('rect.public.intro')}</p>
      <div className="filters">
        <TextField
          id="rect-public-month"
          type="month"
          label={t('rect.public.month')}
          value={month}
          onChange={(e) => /^\d{4}-\d{2}$/.test(e.target.value) && setMonth(e.target.value)}
        />
      </div>
      <AsyncView state={state}>
        {(data) =>
          data.items.length ? (
            <div className="table-wrap">
              <table className="data-table" data-testid="rect-public-table">
                <caption className="sr-only">
                  {t('rect.public.title')} {data.month}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('rect.public.kinds')}</th>
                    <th scope="col">{t('rect.col.department')}</th>
                    <th scope="col">{t('rect.public.measures')}</th>
                    <th scope="col">{t('rect.public.closedAt')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((i, n) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: the summary names no order; rows by position
                    <tr key={n}>
                      <td>{i.problemKinds.map((k) => tx('rect.kind', k)).join('、')}</td>
                      <td>{i.departmentName ?? '—'}</td>
                      <td>
                        <span className="user-text">{i.measures}</span>
                      </td>
                      <td>{i.closedOn}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p className="empty">{t('rect.public.empty')}</p>
          )
        }
      </AsyncView>
    </section>
  )
}
