// The call card (来电卡片): who called (in clear for the operator role only), when, how long they waited
// and talked, the voicemail or recording (through the API), the caller's earlier calls and their cases
// from every channel (tracking's search by phone, operators only), the log form, and a hang-up button
// while the call is live. Read again every few seconds while the call is not over.
import { useEffect, useState } from 'react'
import { staffApi } from '../../../api/client.ts'
import {
  type CallCard,
  type CallSummary,
  HOTLINE,
  LOG_ROLES,
  type LogAnswer,
  OPERATOR_ROLES,
} from '../../../api/hotline.ts'
import type { SessionUser } from '../../../api/types.ts'
import { Fact, Facts, PageHeading, UserText } from '../../../components/bits.tsx'
import { AsyncView, ErrorMessage, useAsync } from '../../../components/feedback.tsx'
import { hasRole } from '../../../components/layout.tsx'
import { useI18n, useTitle } from '../../../i18n/i18n.tsx'
import { Link } from '../../../lib/router.tsx'
import { CaseListLoader } from '../case-table.tsx'
import { CallLogForm, CaseReceipt } from './log-form.tsx'
import { AudioPlayer, CallStatus, duration, secondsSince, useNow } from './shared.tsx'

const REFRESH_MS = 3_000

const isLive = (c: CallCard) => (c.status === 'in-progress' || c.status === 'connecting') && !c.endedAt

function TalkClock({ since }: { since: string }) {
  const now = useNow()
  return <span data-testid="hl-talk-clock">{duration(secondsSince(since, now))}</span>
}

export function CallHistory({ calls }: { calls: CallSummary[] }) {
  const { t, tx, dateTime } = useI18n()
  if (!calls.length) return <p className="empty">{t('hl.card.noCalls')}</p>
  return (
    <div className="table-wrap">
      <table className="data-table" data-testid="hl-history-calls">
        <caption className="sr-only">{t('hl.card.earlierCalls')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('hl.card.receivedAt')}</th>
            <th scope="col">{t('hl.card.direction')}</th>
            <th scope="col">{t('hl.card.status')}</th>
            <th scope="col">{t('hl.log.outcome')}</th>
          </tr>
        </thead>
        <tbody>
          {calls.map((c) => (
            <tr key={c.callId}>
              <td>
                <Link to={`/staff/hotline/calls/${encodeURIComponent(c.callId)}`}>
                  {dateTime(c.receivedAt)}
                </Link>
              </td>
              <td>{tx('hl.direction', c.direction)}</td>
              <td>
                <CallStatus status={c.endReason ?? c.status} />
              </td>
              <td>{c.outcome ? tx('hl.outcome', c.outcome) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

function LoggedSummary({ card }: { card: CallCard }) {
  const { t, tx, dateTime } = useI18n()
  const log = card.log
  if (!log) return null
  return (
    <section className="card" aria-labelledby="hl-logged-h" data-testid="hl-logged">
      <h2 id="hl-logged-h">{t('hl.card.logged')}</h2>
      <Facts>
        <Fact term={t('hl.log.outcome')}>{tx('hl.outcome', log.outcome)}</Fact>
        {log.loggedAt && <Fact term={t('hl.card.loggedAt')}>{dateTime(log.loggedAt)}</Fact>}
        {log.trackingCode && (
          <Fact term={t('cases.code')}>
            <span className="mono">{log.trackingCode}</span>
          </Fact>
        )}
        {log.category && <Fact term={t('write.category')}>{tx('category', log.category)}</Fact>}
        {log.subject && (
          <Fact term={t('write.subject')}>
            <UserText text={log.subject} inline />
          </Fact>
        )}
        {log.referral && (
          <Fact term={t('hl.log.referralTo')}>
            {tx('hl.referral', log.referral.to)}
            {log.referral.body ? ` · ${log.referral.body}` : ''}
          </Fact>
        )}
        {log.notAMatter && (
          <Fact term={t('hl.log.notAMatterReason')}>{tx('hl.nam', log.notAMatter.reason)}</Fact>
        )}
      </Facts>
      {log.summary && <UserText text={log.summary} />}
    </section>
  )
}

export function CallCardPage({ callId, user }: { callId: string; user: SessionUser }) {
  const { t, tx, dateTime } = useI18n()
  useTitle(t('hl.card.title'))
  const state = useAsync(
    (signal) => staffApi<CallCard>(`${HOTLINE}/calls/${encodeURIComponent(callId)}`, { signal }),
    [callId],
  )
  const [receipt, setReceipt] = useState<LogAnswer | null>(null)
  const [hangupError, setHangupError] = useState<unknown>(null)
  const [hangingUp, setHangingUp] = useState(false)
  const card = state.data
  const operator = hasRole(user, ...OPERATOR_ROLES)
  const clearCaller = hasRole(user, 'hotline_operator')

  // follow the call while it is not over (answered → ended, a voicemail arriving)
  // (quietly: no loading mark, and a failed read waits for the next one)
  const ongoing = Boolean(card && !card.endedAt)
  const { reload, set } = state
  useEffect(() => {
    if (!ongoing) return
    const ctrl = new AbortController()
    const timer = setInterval(() => {
      staffApi<CallCard>(`${HOTLINE}/calls/${encodeURIComponent(callId)}`, { signal: ctrl.signal }).then(
        set,
        () => {},
      )
    }, REFRESH_MS)
    return () => {
      clearInterval(timer)
      ctrl.abort()
    }
  }, [ongoing, callId, set])

  const hangup = async () => {
    setHangupError(null)
    setHangingUp(true)
    try {
      await staffApi(`${HOTLINE}/calls/${encodeURIComponent(callId)}/hangup`, { method: 'POST' })
      reload()
    } catch (err) {
      setHangupError(err)
    } finally {
      setHangingUp(false)
    }
  }

  return (
    <>
      <p className="breadcrumb">
        <Link to="/staff/hotline">{t('hl.nav.console')}</Link>
      </p>
      <AsyncView state={state}>
        {(c) => (
          <div className="hl-card" data-testid="hl-card" data-call={c.callId}>
            <PageHeading>
              {t('hl.card.heading', { caller: clearCaller ? c.caller : c.callerMasked })}
            </PageHeading>
            <section className="card" aria-labelledby="hl-card-h">
              <h2 id="hl-card-h" className="sr-only">
                {t('hl.card.title')}
              </h2>
              <div className="hl-card-top">
                <p className="hl-caller">
                  <span className="secret-label">{t('hl.card.caller')}</span>
                  <output className="secret" data-testid="hl-caller">
                    {clearCaller ? c.caller : c.callerMasked}
                  </output>
                </p>
                <CallStatus status={c.endReason ?? c.status} />
                {isLive(c) && c.answeredAt && (
                  <span className="hl-live">
                    {t('hl.card.talking')} <TalkClock since={c.answeredAt} />
                  </span>
                )}
                {isLive(c) && operator && (
                  <button
                    type="button"
                    className="btn btn-danger"
                    onClick={() => void hangup()}
                    disabled={hangingUp}
                    data-testid="hl-hangup"
                  >
                    {t('hl.card.hangup')}
                  </button>
                )}
              </div>
              {hangupError ? <ErrorMessage error={hangupError} /> : null}
              <Facts>
                <Fact term={t('hl.card.direction')}>{tx('hl.direction', c.direction)}</Fact>
                <Fact term={t('hl.card.receivedAt')}>{dateTime(c.receivedAt)}</Fact>
                <Fact term={t('hl.card.answeredAt')}>{dateTime(c.answeredAt)}</Fact>
                <Fact term={t('hl.card.endedAt')}>{dateTime(c.endedAt)}</Fact>
                <Fact term={t('hl.card.wait')}>{duration(c.waitSeconds)}</Fact>
                <Fact term={t('hl.card.talk')}>{duration(c.talkSeconds)}</Fact>
                {c.callbackId && (
                  <Fact term={t('hl.card.callback')}>
                    <Link to="/staff/hotline/callbacks">{t('hl.card.onCallbackList')}</Link>
                  </Fact>
                )}
              </Facts>
              {c.voicemail && (
                <>
                  <AudioPlayer callId={c.callId} which="voicemail" seconds={c.voicemail.durationSeconds} />
                  {c.voicemail.transcript && (
                    <div>
                      <p className="field-label">{t('hl.card.transcript')}</p>
                      <UserText text={c.voicemail.transcript} className="quote" />
                    </div>
                  )}
                </>
              )}
              {c.recording && (
                <AudioPlayer callId={c.callId} which="recording" seconds={c.recording.durationSeconds} />
              )}
            </section>

            <div className="two-col hl-card-cols">
              <div>
                {receipt ? (
                  <CaseReceipt answer={receipt} />
                ) : c.log ? (
                  <LoggedSummary card={c} />
                ) : hasRole(user, ...LOG_ROLES) ? (
                  <CallLogForm
                    callId={c.callId}
                    onLogged={(answer) => {
                      setReceipt(answer)
                      reload()
                    }}
                  />
                ) : (
                  <p className="empty">{t('hl.card.notLogged')}</p>
                )}
                {receipt && !receipt.trackingCode && (
                  <p className="alert alert-success" role="status" data-testid="hl-logged-notice">
                    {t('hl.log.done', { outcome: tx('hl.outcome', receipt.outcome) })}
                  </p>
                )}
              </div>
              <div>
                <section className="card" aria-labelledby="hl-history-h" data-testid="hl-history">
                  <h2 id="hl-history-h">{t('hl.card.history')}</h2>
                  <h3>{t('hl.card.earlierCalls')}</h3>
                  <CallHistory calls={c.history.calls} />
                  <h3>{t('hl.card.cases')}</h3>
                  {clearCaller && /^[+\d][\d -]{2,39}$/.test(c.caller) ? (
                    <div data-testid="hl-history-cases">
                      <CaseListLoader query={{ phone: c.caller }} caption={t('hl.card.cases')} />
                    </div>
                  ) : (
                    <p className="muted">{t('hl.card.casesOperatorOnly')}</p>
                  )}
                </section>
              </div>
            </div>
          </div>
        )}
      </AsyncView>
    </>
  )
}
