// A list of cases as a table (one row per case, the tracking code links to the case page), with paging by
// cursor. Used by the queues, the search and the supervision board.
import { useCallback, useEffect, useState } from 'react'
import { staffApi } from '../../api/client.ts'
import type { CaseView, Page } from '../../api/types.ts'
import { Badge, StatusBadge } from '../../components/bits.tsx'
import { ErrorMessage, Loading } from '../../components/feedback.tsx'
import { useI18n } from '../../i18n/i18n.tsx'
import { Link } from '../../lib/router.tsx'
import { useDepartments } from './use-staff.ts'

export function CaseFlags({ c }: { c: Pick<CaseView, 'overdue' | 'escalationLevel' | 'reworkCount'> }) {
  const { t, tx } = useI18n()
  return (
    <span className="flags">
      {c.overdue && <Badge tone="danger">{t('cases.overdue')}</Badge>}
      {c.escalationLevel > 0 && (
        <Badge tone={c.escalationLevel >= 2 ? 'danger' : 'warn'}>
          {tx('cases.escalation', String(c.escalationLevel))}
        </Badge>
      )}
      {c.reworkCount > 0 && <Badge tone="warn">{`${t('case.reworkCount')} ${c.reworkCount}`}</Badge>}
    </span>
  )
}

export function CaseTable({ items, caption }: { items: CaseView[]; caption: string }) {
  const { t, tx, date, dateTime, deptName } = useI18n()
  const { byId } = useDepartments()
  if (items.length === 0) return <p className="empty">{t('cases.empty')}</p>
  return (
    <div className="table-wrap">
      <table className="data-table case-table">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('cases.code')}</th>
            <th scope="col">{t('cases.subject')}</th>
            <th scope="col">{t('cases.category')}</th>
            <th scope="col">{t('cases.status')}</th>
            <th scope="col">{t('cases.department')}</th>
            <th scope="col">{t('cases.submittedAt')}</th>
            <th scope="col">{t('cases.dueAt')}</th>
            <th scope="col">{t('cases.flags')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((c) => (
            <tr key={c.id} className={c.overdue ? 'row-overdue' : undefined}>
              <td>
                <Link to={`/staff/cases/${encodeURIComponent(c.id)}`} className="mono">
                  {c.trackingCode}
                </Link>
              </td>
              <td className="subject-cell">{c.subject}</td>
              <td>{tx('category', c.category)}</td>
              <td>
                <StatusBadge status={c.status} />
              </td>
              <td>{c.departmentId ? deptName(byId.get(c.departmentId)) : '—'}</td>
              <td>{dateTime(c.submittedAt)}</td>
              <td>{date(c.dueAt)}</td>
              <td>
                <CaseFlags c={c} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/** Loads `GET /cases` with the given query, page by page. `query` null: nothing to load yet. */
export function CaseListLoader({
  query,
  caption,
}: {
  query: Record<string, string | number | boolean> | null
  caption: string
}) {
  const { t } = useI18n()
  const [items, setItems] = useState<CaseView[]>([])
  const [cursor, setCursor] = useState<string | null>(null)
  const [loading, setLoading] = useState(false)
  const [failure, setFailure] = useState<unknown>(null)
  const [loaded, setLoaded] = useState(false)
  const key = JSON.stringify(query)

  const load = useCallback(
    async (from: string | null) => {
      const query = JSON.parse(key) as Record<string, string | number | boolean> | null
      if (!query) return
      setLoading(true)
      setFailure(null)
      try {
        const page = await staffApi<Page<CaseView>>('/cases', {
          query: { ...query, limit: 25, cursor: from },
        })
        setItems((prev) => (from ? [...prev, ...page.items] : page.items))
        setCursor(page.nextCursor)
        setLoaded(true)
      } catch (err) {
        setFailure(err)
      } finally {
        setLoading(false)
      }
    },
    [key],
  )

  useEffect(() => {
    setItems([])
    setCursor(null)
    setLoaded(false)
    void load(null)
  }, [load])

  if (!query) return null
  return (
    <div data-testid="case-list">
      {loaded && <CaseTable items={items} caption={caption} />}
      {loading && <Loading />}
      {failure ? <ErrorMessage error={failure} onRetry={() => void load(cursor)} /> : null}
      {cursor && !loading && (
        <p className="center">
          <button type="button" className="btn btn-secondary" onClick={() => void load(cursor)}>
            {t('common.more')}
          </button>
        </p>
      )}
    </div>
  )
}
