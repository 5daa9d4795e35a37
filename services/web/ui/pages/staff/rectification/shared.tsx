// What the rectification pages share: status and priority badges, a place in words, the problems table
// (withdrawn on appeal shown as such, the source case linked), and the handling of a stale version.
import type { ReactNode } from 'react'
import type { OrderStatus, Place, Priority, ProblemView } from '../../../api/rectification.ts'
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

export function SourceLink({ p }: { p: ProblemView }) {
  const { t } = useI18n()
  if (p.source.kind === 'case') {
    const label = t('rect.problem.case', { code: p.source.trackingCode ?? p.source.id })
    return <Link to={`/staff/cases/${encodeURIComponent(p.source.id)}`}>{label}</Link>
  }
  return <span>{t(`rect.problem.${p.source.kind}`, { id: p.source.id })}</span>
}

/** The problems as a table; `select` adds a checkbox column, `extra` a last column (an appeal button). */
export function ProblemTable({
  problems,
  caption,
  select,
  extra,
}: {
  problems: ProblemView[]
  caption: string
  select?: { chosen: string[]; onChange(ids: string[]): void; disabled?(p: ProblemView): boolean }
  extra?: (p: ProblemView) => ReactNode
}) {
  const { t, tx, dateTime } = useI18n()
  if (!problems.length) return <p className="empty">{t('rect.new.noProblems')}</p>
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
            <th scope="col">{t('rect.problem.place')}</th>
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
            <tr
              key={p.problemId}
              className={p.withdrawn ? 'rect-withdrawn' : undefined}
              data-problem={p.problemId}
            >
              {select && (
                <td>
                  <input
                    type="checkbox"
                    aria-label={`${t('rect.new.choose')}: ${p.summary}`}
                    checked={select.chosen.includes(p.problemId)}
                    disabled={select.disabled?.(p) ?? false}
                    onChange={(e) =>
                      select.onChange(
                        e.target.checked
                          ? [...select.chosen, p.problemId]
                          : select.chosen.filter((id) => id !== p.problemId),
                      )
                    }
                  />
                </td>
              )}
              <td>{tx('rect.kind', p.kind)}</td>
              <td>
                <span className="user-text">{p.summary}</span>
                {p.withdrawn && (
                  <>
                    {' '}
                    <Badge tone="muted">{t('rect.problem.withdrawn')}</Badge>
                  </>
                )}
              </td>
              <td>
                <PlaceText place={p} />
              </td>
              <td>
                <SourceLink p={p} />
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
