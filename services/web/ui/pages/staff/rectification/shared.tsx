// What the rectification pages share: status and priority badges, a place in words, the problems table
// (withdrawn on appeal shown as such, the source case linked), and the handling of a stale version.
import type { ReactNode } from 'react'
import type {
  OrderProblem,
  OrderStatus,
  Place,
  Priority,
  ProblemSource,
  ProblemView,
} from '../../../api/rectification.ts'
import { Badge } from '../../../components/bits.tsx'
import { useI18n } from '../../../i18n/i18n.tsx'
import { Link } from '../../../lib/router.tsx'
import { useDepartments } from '../use-staff.ts'

const STATUS_TONE: Record<OrderStatus, string> = {
  issued: 'tone-new',
  acknowledged: 'tone-work',
  planned: 'tone-work',
  evidence_submitted: 'tone-warn',
  verified: 'tone-done',
  closed: 'tone-done',
}

export function OrderStatusBadge({ status }: { status: OrderStatus }) {
  const { tx } = useI18n()
  return (
    <span className={`badge ${STATUS_TONE[status] ?? ''}`} data-status={status}>
      {tx('rect.status', status)}
    </span>
  )
}

export function PriorityBadge({ priority }: { priority: Priority }) {
  const { tx } = useI18n()
  if (priority === 'normal') return <span className="muted">{tx('rect.priority', priority)}</span>
  return <Badge tone={priority === 'urgent' ? 'danger' : 'warn'}>{tx('rect.priority', priority)}</Badge>
}

/** The department's name in the current language (the id while the list loads or when it is unknown). */
export function useDeptName(): (id: string | null | undefined) => string {
  const { deptName } = useI18n()
  const { byId } = useDepartments()
  return (id) => (id ? (byId.has(id) ? deptName(byId.get(id)) : id) : '—')
}

/** Office, window and staff number in words; the department too unless `withDepartment` is false. */
export function PlaceText({ place, withDepartment = true }: { place: Place; withDepartment?: boolean }) {
  const { t } = useI18n()
  const dept = useDeptName()
  const parts: string[] = []
  if (withDepartment) parts.push(dept(place.departmentId))
  if (place.office) parts.push(t('rect.place.office', { v: place.office }))
  if (place.window) parts.push(t('rect.place.window', { v: place.window }))
  if (place.staffNumber) parts.push(t('rect.place.staff', { v: place.staffNumber }))
  return <span className="rect-place">{parts.length ? parts.join(' · ') : t('rect.place.none')}</span>
}

/** A problem as the tables show it: from the problems' list (with its place) or from an order. */
export interface ProblemRow {
  id: string
  kind: string
  summary: string | null
  source: ProblemSource | null
  occurredAt: string | null
  withdrawn: boolean
  place: Place | null
  orderId: string | null
}

export const problemRow = (p: ProblemView): ProblemRow => ({
  id: p.id,
  kind: p.kind,
  summary: p.summary,
  source: p.source,
  occurredAt: p.occurredAt,
  withdrawn: Boolean(p.withdrawn),
  place: p,
  orderId: p.orderId,
})

export const orderProblemRow = (p: OrderProblem): ProblemRow => ({
  id: p.problemId,
  kind: p.kind,
  summary: p.summary,
  source: p.source,
  occurredAt: p.occurredAt,
  withdrawn: p.withdrawn,
  place: null,
  orderId: null,
})

export function SourceLink({ source }: { source: ProblemSource | null }) {
  const { t } = useI18n()
  if (!source) return <span>—</span>
  if (source.kind === 'case') {
    const label = t('rect.problem.case', { code: source.trackingCode ?? source.id })
    return <Link to={`/staff/cases/${encodeURIComponent(source.id)}`}>{label}</Link>
  }
  if (source.kind === 'survey' || source.kind === 'service_record')
    return <span>{t(`rect.problem.${source.kind}`, { id: source.id })}</span>
  return <span>{source.id}</span>
}

/** The problems as a table; `select` adds a checkbox column, `extra` a last column (an appeal button). */
export function ProblemTable({
  problems,
  caption,
  select,
  extra,
}: {
  problems: ProblemRow[]
  caption: string
  select?: { chosen: string[]; onChange(ids: string[]): void; disabled?(p: ProblemRow): boolean }
  extra?: (p: ProblemRow) => ReactNode
}) {
  const { t, tx, dateTime } = useI18n()
  if (!problems.length) return <p className="empty">{t('rect.new.noProblems')}</p>
  const withPlace = problems.some((p) => p.place)
  return (
    <div className="table-wrap">
      <table className="data-table rect-problems" data-testid="rect-problems">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            {select && (
              <th scope="col">
                <span className="sr-only">{t('rect.new.choose')}</span>
              </th>
            )}
            <th scope="col">{t('rect.problem.kind')}</th>
            <th scope="col">{t('rect.problem.summary')}</th>
            {withPlace && <th scope="col">{t('rect.problem.place')}</th>}
            <th scope="col">{t('rect.problem.source')}</th>
            <th scope="col">{t('rect.problem.occurredAt')}</th>
            {extra && (
              <th scope="col">
                <span className="sr-only">{t('rect.order.actions')}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {problems.map((p) => (
            <tr key={p.id} className={p.withdrawn ? 'rect-withdrawn' : undefined} data-problem={p.id}>
              {select && (
                <td>
                  <input
                    type="checkbox"
                    aria-label={`${t('rect.new.choose')}: ${p.summary ?? p.id}`}
                    checked={select.chosen.includes(p.id)}
                    disabled={select.disabled?.(p) ?? false}
                    onChange={(e) =>
                      select.onChange(
                        e.target.checked
                          ? [...select.chosen, p.id]
                          : select.chosen.filter((id) => id !== p.id),
                      )
                    }
                  />
                </td>
              )}
              <td>{tx('rect.kind', p.kind)}</td>
              <td>
                {p.summary && <span className="user-text">{p.summary}</span>}
                {p.withdrawn && (
                  <>
                    {' '}
                    <Badge tone="muted">{t('rect.problem.withdrawn')}</Badge>
                  </>
                )}
              </td>
              {withPlace && <td>{p.place ? <PlaceText place={p.place} /> : '—'}</td>}
              <td>
                <SourceLink source={p.source} />
              </td>
              <td>{dateTime(p.occurredAt)}</td>
              {extra && <td>{extra(p)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
