// The month's callback figures on the public statistics page (GET /callbacks/public/monthly?month=YYYY-MM):
// per department the callback rate and satisfaction with its sample size and 95 % interval; no names,
// numbers or staff.
import { useState } from 'react'
import { CB, type PublicMonthly } from '../../api/callbacks.ts'
import { publicApi } from '../../api/client.ts'
import { AsyncView, useAsync } from '../../components/feedback.tsx'
import { TextField } from '../../components/fields.tsx'
import { useI18n } from '../../i18n/i18n.tsx'
import { Estimate } from '../staff/callbacks/shared.tsx'

/** The month before this one in Shanghai (the last whole month). */
function lastMonth(): string {
  const now = new Date(Date.now() + 8 * 3_600_000)
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 7)
}

export function CallbacksMonthly({ initialMonth }: { initialMonth?: string }) {
  const { t, percent, number } = useI18n()
  const [month, setMonth] = useState(initialMonth ?? lastMonth())
  const state = useAsync(
    (signal) => publicApi<PublicMonthly>(`${CB}/public/monthly`, { query: { month }, signal }),
    [month],
  )
  return (
    <section aria-labelledby="cb-public-h" data-testid="cb-public">
      <h2 id="cb-public-h">{t('cb.public.title')}</h2>
      <p className="muted">{t('cb.public.intro')}</p>
      <div className="filters">
        <TextField
          id="cb-public-month"
          type="month"
          label={t('rect.public.month')}
          value={month}
          onChange={(e) => /^\d{4}-\d{2}$/.test(e.target.value) && setMonth(e.target.value)}
        />
      </div>
      <AsyncView state={state}>
        {(data) =>
          data.departments.length ? (
            <div className="table-wrap">
              <table className="data-table" data-testid="cb-public-table">
                <caption className="sr-only">
                  {t('cb.public.title')} {data.month}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('rect.col.department')}</th>
                    <th scope="col">{t('cb.kpi.eligible')}</th>
                    <th scope="col">{t('cb.kpi.completed')}</th>
                    <th scope="col">{t('cb.kpi.callbackRate')}</th>
                    <th scope="col">{t('cb.kpi.satisfaction')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.departments.map((d) => (
                    <tr key={d.departmentId}>
                      <th scope="row">{d.departmentName ?? '—'}</th>
                      <td className="num">{number(d.eligible)}</td>
                      <td className="num">{number(d.completed)}</td>
                      <td className="num">{percent(d.callbackRate)}</td>
                      <td>
                        <Estimate s={d.satisfaction} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p className="empty">{t('cb.public.empty')}</p>
          )
        }
      </AsyncView>
    </section>
  )
}
