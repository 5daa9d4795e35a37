// The audit trail of searches by phone number (admin): who searched, when, with which roles, the outcome
// (found, refused for a role that sees contact data masked, over the rate limit) and how many cases
// matched. Tracking never stores the number searched, so it is not shown.
import { useCallback, useEffect, useState } from 'react'
import { staffApi } from '../../api/client.ts'
import type { PhoneSearch } from '../../api/types.ts'
import { Badge, PageHeading } from '../../components/bits.tsx'
import { ErrorMessage, Loading } from '../../components/feedback.tsx'
import { useI18n, useTitle } from '../../i18n/i18n.tsx'
import { AdminTable } from './shared.tsx'

const OUTCOME_TONE = { ok: 'done', forbidden: 'danger', limited: 'warn' } as const

export function PhoneSearchesPage() {
  const { t, tx, dateTime } = useI18n()
  useTitle(t('admin.searches.title'))
  const [items, setItems] = useState<PhoneSearch[]>([])
  const [cursor, setCursor] = useState<string | null>(null)
  const [loading, setLoading] = useState(false)
  const [failure, setFailure] = useState<unknown>(null)

  const load = useCallback(async (from: string | null) => {
    setLoading(true)
    setFailure(null)
    try {
      const page = await staffApi<{ items: PhoneSearch[]; nextCursor: string | null }>('/audit/searches', {
        query: { limit: 50, cursor: from },
      })
      setItems((prev) => (from ? [...prev, ...page.items] : page.items))
      setCursor(page.nextCursor)
    } catch (err) {
      setFailure(err)
    } finally {
      setLoading(false)
    }
  }, [])
  useEffect(() => {
    void load(null)
  }, [load])

  return (
    <>
      <PageHeading lead={t('admin.searches.intro')}>{t('admin.searches.title')}</PageHeading>
      {failure ? <ErrorMessage error={failure} onRetry={() => void load(null)} /> : null}
      <AdminTable
        testId="phone-searches"
        caption={t('admin.searches.title')}
        actions={false}
        columns={[
          t('admin.searches.at'),
          t('admin.searches.user'),
          t('admin.user.roles'),
          t('admin.searches.outcome'),
          t('admin.searches.results'),
          t('admin.searches.requestId'),
        ]}
      >
        {items.map((s) => (
          <tr key={s.id}>
            <th scope="row">{dateTime(s.at)}</th>
            <td className="mono">{s.userId}</td>
            <td>{s.roles.map((r) => tx('role', r)).join('、')}</td>
            <td>
              <Badge tone={OUTCOME_TONE[s.outcome]}>{t(`admin.searches.outcome.${s.outcome}`)}</Badge>
            </td>
            <td>{s.results === null ? '—' : `${s.results}${s.more ? '+' : ''}`}</td>
            <td className="mono small">{s.requestId}</td>
          </tr>
        ))}
      </AdminTable>
      {!loading && items.length === 0 && !failure && <p className="empty">{t('common.noResults')}</p>}
      {loading && <Loading />}
      {cursor && !loading && (
        <p className="center">
          <button type="button" className="btn btn-secondary" onClick={() => void load(cursor)}>
            {t('common.more')}
          </button>
        </p>
      )}
    </>
  )
}
