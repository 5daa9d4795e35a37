// The case's callback surveys (回访), as the callbacks service announced them to tracking: completed with
// the satisfaction level heard, or unreachable; and whether the citizen asked not to be phoned.
import { AGENT_ROLES, taskPage } from '../../../api/callbacks.ts'
import type { CaseView, SessionUser } from '../../../api/types.ts'
import { Badge } from '../../../components/bits.tsx'
import { hasRole } from '../../../components/layout.tsx'
import { useI18n } from '../../../i18n/i18n.tsx'
import { Link } from '../../../lib/router.tsx'

export function CaseCallbacks({ c, user }: { c: CaseView; user: SessionUser }) {
  const { t, tx, dateTime } = useI18n()
  if (!c.callbacks.length && !c.contactDeclined) return null
  const agent = hasRole(user, ...AGENT_ROLES)
  return (
    <section className="card" aria-labelledby="case-callbacks-h" data-testid="case-callbacks">
      <h2 id="case-callbacks-h">{t('case.callbacks')}</h2>
      {c.contactDeclined && (
        <p data-testid="case-contact-declined">
          <Badge tone="warn">{t('case.contactDeclined')}</Badge>
        </p>
      )}
      {c.callbacks.length ? (
        <ul className="plain">
          {c.callbacks.map((cb) => (
            <li key={`${cb.taskId}-${cb.at}`} data-outcome={cb.outcome}>
              <time dateTime={cb.at}>{dateTime(cb.at)}</time> ·{' '}
              {cb.outcome === 'completed' ? t('tl.callback_completed') : t('tl.callback_unreachable')}
              {cb.satisfaction && (
                <>
                  {' '}
                  <Badge tone={cb.satisfaction.includes('dissatisfied') ? 'danger' : 'done'}>
                    {tx('cb.sat', cb.satisfaction)}
                  </Badge>
                </>
              )}
              {agent && (
                <>
                  {' '}
                  <Link to={taskPage(cb.taskId)} className="small">
                    {t('case.callbacks.open')}
                  </Link>
                </>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('case.callbacks.none')}</p>
      )}
    </section>
  )
}
