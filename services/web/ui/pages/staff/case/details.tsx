// How the case is being handled: status, departments, assignee, time limits, extension, escalation,
// return, closing, rating, merges.
import { ORDER_ROLES, orderPage } from '../../../api/rectification.ts'
import type { CaseView, SessionUser } from '../../../api/types.ts'
import { Badge, Fact, Facts, StatusBadge, UserText } from '../../../components/bits.tsx'
import { hasRole } from '../../../components/layout.tsx'
import { useI18n } from '../../../i18n/i18n.tsx'
import { Link } from '../../../lib/router.tsx'
import { useDepartments } from '../use-staff.ts'

/** A due date counted across a year with no working-day table: the mark, and why (hover, focus, or read out). */
function ProvisionalMark() {
  const { t } = useI18n()
  const why = t('case.dueProvisional.why')
  return (
    <span className="provisional" data-testid="due-provisional">
      {/* a button so that keyboard users reach the tooltip too; the reason is its accessible description */}
      <button
        type="button"
        className="badge tone-warn provisional-mark"
        title={why}
        aria-describedby="due-provisional-why"
      >
        <span aria-hidden="true" className="provisional-icon">
          ⚠
        </span>{' '}
        {t('case.dueProvisional')}
      </button>
      <span id="due-provisional-why" role="tooltip" className="provisional-why">
        {why}
      </span>
    </span>
  )
}

export function HandlingDetails({ c, user }: { c: CaseView; user: SessionUser }) {
  const { t, tx, date, dateTime, deptName } = useI18n()
  const { byId } = useDepartments()
  const dept = (id: string | null) => (id ? deptName(byId.get(id)) : '—')
  return (
    <section className="card" aria-labelledby="handling-h">
      <h2 id="handling-h">{t('case.details')}</h2>
      <Facts>
        <Fact term={t('case.status')}>
          <StatusBadge status={c.status} />
        </Fact>
        <Fact term={t('case.department')}>{dept(c.departmentId)}</Fact>
        {c.supportingDepartmentIds.length > 0 && (
          <Fact term={t('case.supporting')}>{c.supportingDepartmentIds.map((d) => dept(d)).join('、')}</Fact>
        )}
        {c.assigneeId && (
          <Fact term={t('case.assignee')}>{c.assigneeId === user.id ? user.displayName : c.assigneeId}</Fact>
        )}
        <Fact term={t('case.acceptedAt')}>{dateTime(c.acceptedAt)}</Fact>
        {c.status === 'assigned' && <Fact term={t('case.signDueAt')}>{dateTime(c.signDueAt)}</Fact>}
        <Fact term={t('case.dueAt')}>
          {date(c.dueAt)} {c.overdue && <Badge tone="danger">{t('case.overdue')}</Badge>}
          {c.dueProvisional && <ProvisionalMark />}
        </Fact>
        {c.extendedDays > 0 && (
          <Fact term={t('case.extendedDays')}>{t('common.workingDays', { n: c.extendedDays })}</Fact>
        )}
        {c.extension && (
          <Fact term={t('case.extension')}>
            <UserText
              inline
              text={t('case.extensionText', { days: c.extension.days, reason: c.extension.reason })}
            />
          </Fact>
        )}
        {c.escalationLevel > 0 && (
          <Fact term={t('case.escalationLevel')}>{tx('cases.escalation', String(c.escalationLevel))}</Fact>
        )}
        <Fact term={t('case.concerns')}>
          <span data-testid="case-concerns">
            {c.concerns && (c.concerns.office || c.concerns.window || c.concerns.staffNumber)
              ? [
                  c.concerns.office && t('rect.place.office', { v: c.concerns.office }),
                  c.concerns.window && t('rect.place.window', { v: c.concerns.window }),
                  c.concerns.staffNumber && t('rect.place.staff', { v: c.concerns.staffNumber }),
                ]
                  .filter(Boolean)
                  .join(' · ')
              : t('case.concerns.none')}
          </span>
        </Fact>
        {c.rectifications.length > 0 && (
          <Fact term={t('case.rectifications')}>
            <ul className="plain" data-testid="case-rectifications">
              {c.rectifications.map((r) => (
                <li key={`${r.orderId}-${r.status}-${r.at}`}>
                  {hasRole(user, ...ORDER_ROLES) ? (
                    <Link to={orderPage(r.orderId)}>{r.number}</Link>
                  ) : (
                    <span className="mono">{r.number}</span>
                  )}{' '}
                  {tx('case.rectification', r.status)} {date(r.at)}
                </li>
              ))}
            </ul>
          </Fact>
        )}
        {c.returned && (
          <Fact term={t('tl.returned')}>
            <UserText inline text={c.returned.reason} />
          </Fact>
        )}
        {c.notAcceptedReason && (
          <Fact term={t('case.notAcceptedReason')}>
            <UserText inline text={c.notAcceptedReason} />
          </Fact>
        )}
        {c.closedAt && <Fact term={t('case.closedAt')}>{dateTime(c.closedAt)}</Fact>}
        {c.onTime !== null && (
          <Fact term={t('case.onTime')}>{c.onTime ? t('common.yes') : t('common.no')}</Fact>
        )}
        {c.rating && (
          <Fact term={t('case.rating')}>
            {tx('sat', c.rating.satisfaction)}
            {c.rating.comment && <UserText text={c.rating.comment} />}
          </Fact>
        )}
        {c.reworkCount > 0 && <Fact term={t('case.reworkCount')}>{String(c.reworkCount)}</Fact>}
        {c.mergedInto && (
          <Fact term={t('case.mergedInto')}>
            <Link to={`/staff/cases/${encodeURIComponent(c.mergedInto)}`}>{c.mergedInto}</Link>
          </Fact>
        )}
        {c.mergedCaseIds.length > 0 && (
          <Fact term={t('case.mergedCases')}>
            <ul className="plain">
              {c.mergedCaseIds.map((m) => (
                <li key={m}>
                  <Link to={`/staff/cases/${encodeURIComponent(m)}`}>{m}</Link>
                </li>
              ))}
            </ul>
          </Fact>
        )}
      </Facts>
    </section>
  )
}
