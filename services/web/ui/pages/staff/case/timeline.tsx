// The case timeline, public and internal entries, and the check of its hash chain on the server.
import { useEffect, useState } from 'react'
import { SATISFACTION_LEVELS } from '../../../api/callbacks.ts'
import { staffApi } from '../../../api/client.ts'
import { ORDER_ROLES, orderPage } from '../../../api/rectification.ts'
import type { CaseView, SessionUser } from '../../../api/types.ts'
import { Badge, UserText } from '../../../components/bits.tsx'
import { ErrorMessage, Notice } from '../../../components/feedback.tsx'
import { hasRole } from '../../../components/layout.tsx'
import { useI18n } from '../../../i18n/i18n.tsx'
import { Link } from '../../../lib/router.tsx'

/** Rectification's entries on a case's timeline: their note is the order's number (ZG2026-00017). */
/** A callback's entry notes the satisfaction level heard (one of the five), shown in words. */
const SATISFACTION: ReadonlySet<string> = new Set(SATISFACTION_LEVELS)

const RECT_ENTRIES = new Set(['rectification_ordered', 'rectification_closed', 'rectification_reopened'])

export function Timeline({ c, user }: { c: CaseView; user: SessionUser }) {
  const { t, tx, dateTime } = useI18n()
  /** The order an entry names by its number, from the case's own list of its rectifications. */
  const orderOf = (note: string | null | undefined) =>
    c.rectifications.find((r) => note?.includes(r.number))?.orderId ?? null
  const [verify, setVerify] = useState<{ valid: boolean; entries: number; brokenAt?: number } | null>(null)
  const [failure, setFailure] = useState<unknown>(null)
  // a changed case needs a new check
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the version changes
  useEffect(() => setVerify(null), [c.version])
  const check = async () => {
    setFailure(null)
    try {
      setVerify(await staffApi(`/cases/${encodeURIComponent(c.id)}/timeline/verify`))
    } catch (err) {
      setFailure(err)
    }
  }
  return (
    <section className="card" aria-labelledby="timeline-h">
      <h2 id="timeline-h">{t('case.timeline')}</h2>
      <p className="muted small">{t('case.timeline.intro')}</p>
      <ol className="timeline staff-timeline" data-testid="timeline">
        {c.timeline.map((e) => (
          <li key={e.seq} className={e.public ? 'tl-public' : 'tl-internal'}>
            <time dateTime={e.at}>{dateTime(e.at)}</time>
            <span className="tl-action">{tx('tl', e.action)}</span>
            <span className="tl-meta">
              {t('case.timeline.actor')}: {tx('role', e.actorRole)}
              {e.actorId && e.actorId === user.id ? t('case.timeline.you') : ''} ·{' '}
              <Badge tone={e.public ? 'done' : 'muted'}>
                {e.public ? t('case.timeline.public') : t('case.timeline.internal')}
              </Badge>
            </span>
            {e.note &&
              (e.action === 'callback_completed' && SATISFACTION.has(e.note) ? (
                <span className="tl-note" data-testid="tl-callback-satisfaction">
                  {tx('cb.sat', e.note)}
                </span>
              ) : (
                <UserText text={e.note} className="tl-note" />
              ))}
            {RECT_ENTRIES.has(e.action) && orderOf(e.note) && hasRole(user, ...ORDER_ROLES) && (
              <Link
                to={orderPage(orderOf(e.note) ?? '')}
                className="small"
                data-testid="tl-rectification-link"
              >
                {t('tl.rectification.open')}
              </Link>
            )}
          </li>
        ))}
      </ol>
      <p>
        <button type="button" className="btn btn-secondary btn-small" onClick={check}>
          {t('case.verify')}
        </button>
      </p>
      {verify && (
        <div role="status">
          {verify.valid ? (
            <Notice kind="success">{t('case.verify.ok', { n: verify.entries })}</Notice>
          ) : (
            <div className="alert alert-error">
              {t('case.verify.broken', { seq: verify.brokenAt ?? '?' })}
            </div>
          )}
        </div>
      )}
      {failure ? <ErrorMessage error={failure} /> : null}
    </section>
  )
}
