// The callback list (回拨): the calls the line missed, by status, with their due time (overdue marked).
// An operator claims an item, calls back (the operator's phone rings first, then the citizen's), records
// each attempt, and logs the call on its call card.
import { useState } from 'react'
import { staffApi } from '../../../api/client.ts'
import {
  ATTEMPT_OUTCOMES,
  type AttemptOutcome,
  CALLBACK_STATUSES,
  type CallbackItem,
  type CallbackStatus,
  HOTLINE,
  OPERATOR_ROLES,
} from '../../../api/hotline.ts'
import type { SessionUser } from '../../../api/types.ts'
import { Badge, PageHeading } from '../../../components/bits.tsx'
import { AsyncView, ErrorMessage, Notice, useAsync } from '../../../components/feedback.tsx'
import { SelectField } from '../../../components/fields.tsx'
import { hasRole } from '../../../components/layout.tsx'
import { useI18n, useTitle } from '../../../i18n/i18n.tsx'
import { Link, navigate, useSearchParams } from '../../../lib/router.tsx'

/** The outbound call placed for an item, kept across the tabs the item moves through (this page's life). */
const placedCalls = new Map<string, string>()

function CallbackRow({
  item,
  user,
  onChange,
}: {
  item: CallbackItem
  user: SessionUser
  onChange(item: CallbackItem | null): void
}) {
  const { t, tx, dateTime } = useI18n()
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<unknown>(null)
  /** The outbound call placed from this page, for the attempt and the log. */
  const [placed, setPlacedState] = useState<string | null>(() => placedCalls.get(item.callbackId) ?? null)
  const setPlaced = (callId: string) => {
    placedCalls.set(item.callbackId, callId)
    setPlacedState(callId)
  }
  const [outcome, setOutcome] = useState<AttemptOutcome | ''>('')
  const operator = hasRole(user, ...OPERATOR_ROLES)
  const mine = item.claimedBy === user.id
  const base = `${HOTLINE}/callbacks/${encodeURIComponent(item.callbackId)}`

  const run = async (f: () => Promise<void>) => {
    setFailure(null)
    setBusy(true)
    try {
      await f()
    } catch (err) {
      setFailure(err)
    } finally {
      setBusy(false)
    }
  }
  const claim = () =>
    run(async () => onChange(await staffApi<CallbackItem>(`${base}/claim`, { method: 'POST' })))
  const release = () =>
    run(async () => {
      const answer = await staffApi<CallbackItem | undefined>(`${base}/release`, { method: 'POST' })
      onChange(answer ?? null)
    })
  const callBack = () =>
    run(async () => {
      const { callId } = await staffApi<{ callId: string }>(`${base}/call`, { method: 'POST' })
      setPlaced(callId)
    })
  const attempt = () =>
    run(async () => {
      if (!outcome) return
      const next = await staffApi<CallbackItem>(`${base}/attempts`, {
        method: 'POST',
        body: { outcome, ...(placed ? { callId: placed } : {}) },
      })
      setOutcome('')
      onChange(next)
    })
  const lastPlaced = [...item.attempts].reverse().find((a) => a.callId)?.callId
  const logCall = item.loggedCallId ?? placed ?? lastPlaced ?? item.callId
  const open = item.status === 'open' || item.status === 'claimed'

  return (
    <li
      className={`card hl-callback${item.overdue && open ? ' overdue' : ''}`}
      data-callback={item.callbackId}
    >
      <div className="hl-callback-head">
        <span className="mono hl-callback-caller" data-testid="hl-callback-caller">
          {item.caller ?? item.callerMasked}
        </span>
        <Badge tone="muted">{tx('hl.reason', item.reason)}</Badge>
        {item.overdue && open && <Badge tone="danger">{t('hl.cb.overdue')}</Badge>}
        <span className="muted small">{tx('hl.cb.status', item.status)}</span>
      </div>
      <p className="small">
        {t('hl.cb.missedAt', { at: dateTime(item.createdAt) })} ·{' '}
        <strong>{t('hl.cb.dueAt', { at: dateTime(item.dueAt) })}</strong>
        {item.claimedBy && ` · ${mine ? t('hl.cb.claimedByMe') : t('hl.cb.claimedByOther')}`}
      </p>
      {item.attempts.length > 0 && (
        <ol className="hl-attempts" aria-label={t('hl.cb.attempts')}>
          {item.attempts.map((a) => (
            <li key={a.n}>
              {t('hl.cb.attempt', { n: a.n, at: dateTime(a.at), outcome: tx('hl.attempt', a.outcome) })}
            </li>
          ))}
        </ol>
      )}
      {placed && <Notice kind="info">{t('hl.cb.placed')}</Notice>}
      {operator && (
        <div className="row-actions">
          {item.status === 'open' && (
            <button type="button" className="btn btn-primary btn-small" onClick={claim} disabled={busy}>
              {t('hl.cb.claim')}
            </button>
          )}
          {item.status === 'claimed' && mine && (
            <>
              <button
                type="button"
                className="btn btn-primary btn-small"
                onClick={callBack}
                disabled={busy}
                data-testid="hl-call-back"
              >
                {t('hl.cb.callBack')}
              </button>
              <SelectField
                label={t('hl.cb.outcome')}
                value={outcome}
                onChange={(e) => setOutcome(e.target.value as AttemptOutcome | '')}
              >
                <option value="">{t('hl.log.choose')}</option>
                {ATTEMPT_OUTCOMES.map((o) => (
                  <option key={o} value={o}>
                    {tx('hl.attempt', o)}
                  </option>
                ))}
              </SelectField>
              <button
                type="button"
                className="btn btn-secondary btn-small"
                onClick={attempt}
                disabled={busy || !outcome}
              >
                {t('hl.cb.record')}
              </button>
              <button type="button" className="btn btn-ghost btn-small" onClick={release} disabled={busy}>
                {t('hl.cb.release')}
              </button>
            </>
          )}
          {(item.status === 'done' || placed) && (
            <button
              type="button"
              className="btn btn-secondary btn-small"
              onClick={() => navigate(`/staff/hotline/calls/${encodeURIComponent(logCall)}`)}
            >
              {item.loggedCallId ? t('hl.cb.openLog') : t('hl.cb.logCall')}
            </button>
          )}
        </div>
      )}
      {!operator && (
        <p>
          <Link to={`/staff/hotline/calls/${encodeURIComponent(item.callId)}`}>{t('hl.cb.openCall')}</Link>
        </p>
      )}
      {failure ? <ErrorMessage error={failure} /> : null}
    </li>
  )
}

export function CallbacksPage({ user }: { user: SessionUser }) {
  const { t, tx } = useI18n()
  useTitle(t('hl.cb.title'))
  const params = useSearchParams()
  const asked = params.get('status')
  const status: CallbackStatus = (CALLBACK_STATUSES as readonly string[]).includes(asked ?? '')
    ? (asked as CallbackStatus)
    : 'open'
  const state = useAsync(
    (signal) =>
      staffApi<{ items: CallbackItem[] }>(`${HOTLINE}/callbacks`, { query: { status, limit: 100 }, signal }),
    [status],
  )
  const replace = (id: string, next: CallbackItem | null) => {
    if (!state.data) return
    // an item that moved to another status leaves this tab
    const items = state.data.items.flatMap((i) =>
      i.callbackId !== id ? [i] : next && next.status === status ? [next] : [],
    )
    state.set({ items })
    // the item is followed to its new tab (claimed: call back there; done: log the call there)
    if (next && next.status !== status) navigate(`/staff/hotline/callbacks?status=${next.status}`)
    else if (!next) state.reload()
  }
  return (
    <>
      <p className="breadcrumb">
        <Link to="/staff/hotline">{t('hl.nav.console')}</Link>
      </p>
      <PageHeading lead={t('hl.cb.intro')}>{t('hl.cb.title')}</PageHeading>
      <nav className="hl-tabs" aria-label={t('hl.cb.tabs')}>
        {CALLBACK_STATUSES.map((s) => (
          <Link
            key={s}
            to={`/staff/hotline/callbacks?status=${s}`}
            className={`hl-tab${s === status ? ' current' : ''}`}
            aria-current={s === status ? 'page' : undefined}
          >
            {tx('hl.cb.status', s)}
          </Link>
        ))}
      </nav>
      <AsyncView state={state}>
        {(data) =>
          data.items.length ? (
            <ul className="hl-callbacks" data-testid="hl-callbacks">
              {data.items.map((item) => (
                <CallbackRow
                  key={item.callbackId}
                  item={item}
                  user={user}
                  onChange={(next) => replace(item.callbackId, next)}
                />
              ))}
            </ul>
          ) : (
            <p className="empty" data-testid="hl-callbacks-empty">
              {t('hl.cb.empty')}
            </p>
          )
        }
      </AsyncView>
      <p>
        <button type="button" className="btn btn-secondary" onClick={state.reload}>
          {t('common.refresh')}
        </button>
      </p>
    </>
  )
}
