// The operator console (接听台): the operator's availability and endpoint, the live queue (server-sent
// events, polling when the stream cannot be had) with waiting times that tick, and "answer next", which
// claims the oldest caller and opens the call card. Dispatchers and supervisors see the queue only.
import { type FormEvent, useEffect, useState } from 'react'
import { ApiError, staffApi } from '../../../api/client.ts'
import {
  type CallCard,
  followQueue,
  HOTLINE,
  OPERATOR_ROLES,
  type OperatorState,
  type QueueFeed,
  type QueueState,
} from '../../../api/hotline.ts'
import type { SessionUser } from '../../../api/types.ts'
import { PageHeading } from '../../../components/bits.tsx'
import { AsyncView, ErrorMessage, Notice, useAsync } from '../../../components/feedback.tsx'
import { type FieldError, TextField } from '../../../components/fields.tsx'
import { hasRole } from '../../../components/layout.tsx'
import { useI18n, useTitle } from '../../../i18n/i18n.tsx'
import type { MessageKey } from '../../../i18n/zh-CN.ts'
import { Link, navigate } from '../../../lib/router.tsx'
import { duration, isConflict, secondsSince, useNow } from './shared.tsx'

/** A phone number in E.164 or a soft phone `client:<identity>`, as the hotline service accepts them. */
export const ENDPOINT = /^(\+[1-9]\d{6,14}|client:[A-Za-z0-9_.-]{1,64})$/

function Availability() {
  const { t, dateTime } = useI18n()
  const state = useAsync((signal) => staffApi<OperatorState>(`${HOTLINE}/operators/me`, { signal }), [])
  const [endpoint, setEndpoint] = useState('')
  const [error, setError] = useState<FieldError>(null)
  const [failure, setFailure] = useState<unknown>(null)
  const [saving, setSaving] = useState(false)
  const current = state.data
  useEffect(() => {
    if (current?.endpoint) setEndpoint(current.endpoint)
  }, [current?.endpoint])

  const save = async (available: boolean) => {
    setFailure(null)
    const value = endpoint.trim()
    if (available && !value) return setError({ key: 'v.required' })
    if (value && !ENDPOINT.test(value)) return setError({ key: 'hl.v.endpoint' })
    setError(null)
    setSaving(true)
    try {
      state.set(
        await staffApi<OperatorState>(`${HOTLINE}/operators/me`, {
          method: 'PUT',
          body: { available, ...(value ? { endpoint: value } : {}) },
        }),
      )
    } catch (err) {
      if (err instanceof ApiError && err.status === 400) setError(err.problem.detail ?? t('error.400'))
      else setFailure(err)
    } finally {
      setSaving(false)
    }
  }
  const submit = (e: FormEvent) => {
    e.preventDefault()
    void save(!current?.available)
  }
  return (
    <section className="card hl-availability" aria-labelledby="hl-avail-h" data-testid="hl-availability">
      <h2 id="hl-avail-h">{t('hl.console.availability')}</h2>
      <AsyncView state={state}>
        {(me) => (
          <form onSubmit={submit} noValidate className="hl-avail-form">
            <p className="hl-avail-state" data-available={me.available ? 'yes' : 'no'}>
              <span className={`hl-dot ${me.available ? 'on' : 'off'}`} aria-hidden="true" />
              {me.available ? t('hl.console.available') : t('hl.console.away')}
              {me.since && <span className="muted small"> · {dateTime(me.since)}</span>}
            </p>
            <TextField
              id="hl-endpoint"
              label={t('hl.console.endpoint')}
              hint={t('hl.console.endpoint.hint')}
              required={!me.available}
              value={endpoint}
              onChange={(e) => {
                setEndpoint(e.target.value)
                setError(null)
              }}
              error={error}
              autoComplete="off"
              inputMode="tel"
            />
            <button
              type="submit"
              className={`btn ${me.available ? 'btn-secondary' : 'btn-primary'}`}
              disabled={saving}
              data-testid="hl-toggle"
            >
              {me.available ? t('hl.console.goAway') : t('hl.console.goAvailable')}
            </button>
          </form>
        )}
      </AsyncView>
      {failure ? <ErrorMessage error={failure} /> : null}
    </section>
  )
}

const FEED_KEYS: Record<QueueFeed, MessageKey> = {
  connecting: 'hl.queue.connecting',
  live: 'hl.queue.live',
  polling: 'hl.queue.polling',
}

/** The queue as the server last told it, followed live. */
export function useQueue(): { queue: QueueState | null; feed: QueueFeed; error: unknown } {
  const [queue, setQueue] = useState<QueueState | null>(null)
  const [feed, setFeed] = useState<QueueFeed>('connecting')
  const [error, setError] = useState<unknown>(null)
  useEffect(
    () =>
      followQueue(
        (q) => {
          setQueue(q)
          setError(null)
        },
        setFeed,
        setError,
      ),
    [],
  )
  return { queue, feed, error }
}

function QueueTable({ queue }: { queue: QueueState }) {
  const { t, dateTime } = useI18n()
  const now = useNow()
  if (!queue.waiting.length)
    return (
      <p className="empty" data-testid="hl-queue-empty">
        {t('hl.queue.empty')}
      </p>
    )
  return (
    <div className="table-wrap">
      <table className="data-table hl-queue" data-testid="hl-queue">
        <caption className="sr-only">{t('hl.queue.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('hl.queue.position')}</th>
            <th scope="col">{t('hl.queue.caller')}</th>
            <th scope="col">{t('hl.queue.since')}</th>
            <th scope="col">{t('hl.queue.waiting')}</th>
          </tr>
        </thead>
        <tbody>
          {[...queue.waiting]
            .sort((a, b) => a.position - b.position)
            .map((w) => {
              // the server's figure when it was sent, the clock's since then
              const waited = Math.max(w.waitSeconds, secondsSince(w.waitingSince, now))
              return (
                <tr key={w.callId} data-call={w.callId} className={waited > 15 ? 'row-overdue' : undefined}>
                  <td className="num">{w.position}</td>
                  <td className="mono">{w.callerMasked}</td>
                  <td>{dateTime(w.waitingSince)}</td>
                  <td className="num" data-testid="hl-waiting">
                    {duration(waited)}
                  </td>
                </tr>
              )
            })}
        </tbody>
      </table>
    </div>
  )
}

export function HotlineConsolePage({ user }: { user: SessionUser }) {
  const { t, number } = useI18n()
  useTitle(t('hl.console.title'))
  const operator = hasRole(user, ...OPERATOR_ROLES)
  const { queue, feed, error } = useQueue()
  const [answering, setAnswering] = useState(false)
  const [failure, setFailure] = useState<unknown>(null)
  const [notice, setNotice] = useState<MessageKey | null>(null)

  const answerNext = async () => {
    setFailure(null)
    setNotice(null)
    setAnswering(true)
    try {
      const { call } = await staffApi<{ call: CallCard }>(`${HOTLINE}/queue/answer-next`, { method: 'POST' })
      navigate(`/staff/hotline/calls/${encodeURIComponent(call.callId)}`)
    } catch (err) {
      if (isConflict(err, 'TJ_QUEUE_EMPTY')) setNotice('hl.console.queueEmpty')
      else if (isConflict(err, 'TJ_OPERATOR_UNAVAILABLE')) setNotice('hl.console.unavailable')
      else setFailure(err)
    } finally {
      setAnswering(false)
    }
  }

  return (
    <>
      <PageHeading lead={operator ? t('hl.console.intro') : t('hl.console.introReadOnly')}>
        {t('hl.console.title')}
      </PageHeading>
      <p className="hl-links">
        <Link to="/staff/hotline/callbacks">{t('hl.nav.callbacks')}</Link>
      </p>
      <div className={operator ? 'hl-console' : undefined}>
        {operator && <Availability />}
        <section className="card" aria-labelledby="hl-queue-h">
          <div className="hl-queue-head">
            <h2 id="hl-queue-h">{t('hl.queue.title')}</h2>
            <span className={`hl-feed hl-feed-${feed}`} role="status" data-testid="hl-feed">
              {t(FEED_KEYS[feed])}
            </span>
          </div>
          {queue && (
            <p className="hl-queue-figures">
              <span data-testid="hl-queue-count">
                {t('hl.queue.count', { n: number(queue.waiting.length) })}
              </span>
              {' · '}
              {t('hl.queue.operators', { n: number(queue.operatorsAvailable) })}
            </p>
          )}
          {operator && (
            <p>
              <button
                type="button"
                className="btn btn-primary btn-large"
                onClick={() => void answerNext()}
                disabled={answering}
                data-testid="hl-answer-next"
              >
                {answering ? t('hl.console.answering') : t('hl.console.answerNext')}
              </button>
            </p>
          )}
          {notice && <Notice kind="warning">{t(notice)}</Notice>}
          {failure ? <ErrorMessage error={failure} /> : null}
          {queue ? <QueueTable queue={queue} /> : error ? <ErrorMessage error={error} /> : null}
        </section>
      </div>
    </>
  )
}
