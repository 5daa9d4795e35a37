// The test phone (测试电话), for administrators, when the simulator plays the telephony provider: call
// the hotline from a test number, read what the line says and the queue position as it goes, press
// digits, leave a voicemail (typed, or an uploaded stand-in), hang up; answer or reject calls ringing at
// the number (an operator's leg, a callback); read the SMS sent to it. With a real provider the API is
// absent (404) and the page says so.
import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react'
import { ApiError, staffApi } from '../../api/client.ts'
import { fileToBase64, HOTLINE, type SimCall, type SimPhone } from '../../api/hotline.ts'
import { PageHeading, UserText } from '../../components/bits.tsx'
import { ErrorMessage, Loading, Notice } from '../../components/feedback.tsx'
import { type FieldError, TextArea, TextField } from '../../components/fields.tsx'
import { useI18n, useTitle } from '../../i18n/i18n.tsx'

const SIM = `${HOTLINE}/simulator`
const E164 = /^\+[1-9]\d{6,14}$/
const FINAL = ['completed', 'busy', 'no-answer', 'failed', 'canceled']
const POLL_MS = 1_000
const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#']
const AUDIO_TYPES = ['audio/wav', 'audio/mpeg', 'audio/ogg', 'audio/webm']
// the simulator takes up to 2 MB, but a request passes the gateway and the service only up to their body
// limit (256 KiB by default), and base64 adds a third
const MAX_AUDIO = 180 * 1024

/** A random mainland mobile number in E.164, so that each visit is a new caller unless changed. */
export function randomTestNumber(): string {
  const digits = crypto.getRandomValues(new Uint32Array(2))
  const rest = String((digits[0] ?? 0) % 1_000_000_000).padStart(9, '0')
  const second = 3 + ((digits[1] ?? 0) % 7)
  return `+861${second}${rest}`
}

/** Reads something every `ms` while `active`; the answer of a superseded read is dropped. */
function usePoll<T>(read: ((signal: AbortSignal) => Promise<T>) | null, ms: number) {
  const [data, setData] = useState<T | null>(null)
  const [error, setError] = useState<unknown>(null)
  useEffect(() => {
    if (!read) return
    const ctrl = new AbortController()
    let timer: ReturnType<typeof setTimeout> | undefined
    const tick = async () => {
      try {
        const value = await read(ctrl.signal)
        if (ctrl.signal.aborted) return
        setData(value)
        setError(null)
      } catch (err) {
        if (ctrl.signal.aborted) return
        setError(err)
      }
      if (!ctrl.signal.aborted) timer = setTimeout(() => void tick(), ms)
    }
    void tick()
    return () => {
      ctrl.abort()
      clearTimeout(timer)
    }
  }, [read, ms])
  return { data, error }
}

function Transcript({ call }: { call: SimCall }) {
  const { t, tx, dateTime } = useI18n()
  const end = useRef<HTMLLIElement>(null)
  // biome-ignore lint/correctness/useExhaustiveDependencies: follows the transcript's growth
  useEffect(() => {
    end.current?.scrollIntoView({ block: 'nearest' })
  }, [call.transcript.length])
  return (
    <ol
      className="tp-transcript"
      aria-label={t('tp.transcript')}
      aria-live="polite"
      data-testid="tp-transcript"
    >
      {call.transcript.map((line, i) => (
        <li
          // biome-ignore lint/suspicious/noArrayIndexKey: the transcript only grows
          key={i}
          className={`tp-line tp-${line.kind}`}
          ref={i === call.transcript.length - 1 ? end : undefined}
        >
          <span className="tp-kind">{tx('tp.kind', line.kind)}</span>
          <span className="tp-text">
            <UserText text={line.text} inline />
          </span>
          <time className="muted small" dateTime={line.at}>
            {dateTime(line.at).slice(-5)}
          </time>
        </li>
      ))}
    </ol>
  )
}

function ActiveCall({ callId, onGone }: { callId: string; onGone(): void }) {
  const { t, tx } = useI18n()
  const read = useCallback(
    (signal: AbortSignal) => staffApi<SimCall>(`${SIM}/calls/${encodeURIComponent(callId)}`, { signal }),
    [callId],
  )
  const [polling, setPolling] = useState(true)
  const { data: call, error } = usePoll(polling ? read : null, POLL_MS)
  const [last, setLast] = useState<SimCall | null>(null)
  const shown = call ?? last
  const over = shown ? FINAL.includes(shown.state) : false
  useEffect(() => {
    if (call) setLast(call)
    if (call && FINAL.includes(call.state)) setPolling(false)
  }, [call])

  const [text, setText] = useState('')
  const [file, setFile] = useState<File | null>(null)
  const [fileError, setFileError] = useState<FieldError>(null)
  const [failure, setFailure] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const post = async (path: string, body?: unknown) => {
    setFailure(null)
    setBusy(true)
    try {
      await staffApi(`${SIM}/calls/${encodeURIComponent(callId)}/${path}`, {
        method: 'POST',
        ...(body !== undefined ? { body } : {}),
      })
      setPolling(true)
    } catch (err) {
      setFailure(err)
    } finally {
      setBusy(false)
    }
  }
  const voicemail = async (e: FormEvent) => {
    e.preventDefault()
    setFileError(null)
    if (file) {
      if (!AUDIO_TYPES.includes(file.type)) return setFileError({ key: 'tp.v.audioType' })
      if (file.size > MAX_AUDIO) return setFileError({ key: 'tp.v.audioSize' })
      await post('voicemail', { audioBase64: await fileToBase64(file), contentType: file.type })
      setFile(null)
    } else if (text.trim()) {
      await post('voicemail', { text: text.trim() })
      setText('')
    } else setFileError({ key: 'tp.v.voicemail' })
  }

  if (!shown) return error ? <ErrorMessage error={error} /> : <Loading />
  const recording = shown.transcript.some((l) => l.kind === 'record') && !over
  return (
    <div className="tp-call" data-testid="tp-call" data-state={shown.state}>
      <p className="tp-state">
        <span className={`hl-dot ${over ? 'off' : 'on'}`} aria-hidden="true" />
        <span data-testid="tp-state">{tx('tp.state', shown.state)}</span>
        {shown.position !== undefined && !over && (
          <strong data-testid="tp-position"> · {t('tp.position', { n: shown.position })}</strong>
        )}
      </p>
      <Transcript call={shown} />
      {!over && (
        <>
          <fieldset className="tp-keypad" aria-label={t('tp.keypad')}>
            {KEYS.map((k) => (
              <button
                key={k}
                type="button"
                className="btn btn-secondary tp-key"
                onClick={() => void post('digits', { digits: k })}
                disabled={busy}
              >
                {k}
              </button>
            ))}
          </fieldset>
          {recording && (
            <form className="tp-voicemail" onSubmit={voicemail} noValidate>
              <TextArea
                id="tp-vm-text"
                label={t('tp.vmText')}
                rows={3}
                maxLength={2000}
                value={text}
                onChange={(e) => setText(e.target.value)}
              />
              <TextField
                id="tp-vm-file"
                type="file"
                label={t('tp.vmFile')}
                hint={t('tp.vmFile.hint')}
                accept={AUDIO_TYPES.join(',')}
                onChange={(e) => setFile(e.target.files?.[0] ?? null)}
                error={fileError}
              />
              <button type="submit" className="btn btn-secondary" disabled={busy} data-testid="tp-leave-vm">
                {t('tp.leaveVoicemail')}
              </button>
            </form>
          )}
          <p>
            <button
              type="button"
              className="btn btn-danger tp-hangup"
              onClick={() => void post('hangup')}
              disabled={busy}
              data-testid="tp-hangup"
            >
              {t('tp.hangup')}
            </button>
          </p>
        </>
      )}
      {over && (
        <p>
          <button type="button" className="btn btn-secondary" onClick={onGone}>
            {t('tp.done')}
          </button>
        </p>
      )}
      {failure ? <ErrorMessage error={failure} /> : null}
    </div>
  )
}

function Incoming({ phone, onAnswered }: { phone: SimPhone; onAnswered(callId: string): void }) {
  const { t } = useI18n()
  const [failure, setFailure] = useState<unknown>(null)
  const ringing = phone.calls.filter((c) => c.state === 'ringing' && c.to === phone.number)
  const act = async (callId: string, what: 'answer' | 'reject') => {
    setFailure(null)
    try {
      await staffApi(`${SIM}/calls/${encodeURIComponent(callId)}/${what}`, { method: 'POST' })
      if (what === 'answer') onAnswered(callId)
    } catch (err) {
      setFailure(err)
    }
  }
  if (!ringing.length && !failure) return null
  return (
    <div className="tp-ringing" data-testid="tp-ringing">
      {ringing.map((c) => (
        <div key={c.callId} className="alert alert-warning tp-ring">
          <p className="alert-title">{t('tp.ringing', { from: c.from })}</p>
          <div className="row-actions">
            <button
              type="button"
              className="btn btn-primary"
              onClick={() => void act(c.callId, 'answer')}
              data-testid="tp-answer"
            >
              {t('tp.answer')}
            </button>
            <button type="button" className="btn btn-danger" onClick={() => void act(c.callId, 'reject')}>
              {t('tp.reject')}
            </button>
          </div>
        </div>
      ))}
      {failure ? <ErrorMessage error={failure} /> : null}
    </div>
  )
}

function Messages({ phone }: { phone: SimPhone }) {
  const { t, dateTime } = useI18n()
  return (
    <section className="card tp-sms" aria-labelledby="tp-sms-h">
      <h2 id="tp-sms-h">{t('tp.sms')}</h2>
      {phone.messages.length === 0 ? (
        <p className="empty">{t('tp.noSms')}</p>
      ) : (
        <ol className="tp-messages" data-testid="tp-messages">
          {[...phone.messages].reverse().map((m) => (
            <li key={m.messageId} className="tp-message">
              <p className="muted small">
                {t('tp.smsFrom', { from: m.from })} · {dateTime(m.at)} · {m.status}
              </p>
              <UserText text={m.body} />
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}

export function TestPhonePage() {
  const { t } = useI18n()
  useTitle(t('tp.title'))
  const [number, setNumber] = useState(randomTestNumber)
  const [watched, setWatched] = useState(number)
  const [numberError, setNumberError] = useState<FieldError>(null)
  const [callId, setCallId] = useState<string | null>(null)
  const [failure, setFailure] = useState<unknown>(null)
  const [dialling, setDialling] = useState(false)

  // the number's phone: ringing calls, recent calls, SMS (asking also makes the simulator watch it)
  const readPhone = useCallback(
    (signal: AbortSignal) => staffApi<SimPhone>(`${SIM}/phones/${encodeURIComponent(watched)}`, { signal }),
    [watched],
  )
  const { data: phone, error: phoneError } = usePoll(readPhone, POLL_MS)
  const absent = phoneError instanceof ApiError && phoneError.status === 404 && !phone

  const takeNumber = () => {
    const n = number.trim()
    if (!E164.test(n)) {
      setNumberError({ key: 'tp.v.number' })
      return null
    }
    setNumberError(null)
    setWatched(n)
    return n
  }
  const dial = async (e: FormEvent) => {
    e.preventDefault()
    const from = takeNumber()
    if (!from) return
    setFailure(null)
    setDialling(true)
    try {
      const answer = await staffApi<{ callId: string }>(`${SIM}/calls`, { method: 'POST', body: { from } })
      setCallId(answer.callId)
    } catch (err) {
      setFailure(err)
    } finally {
      setDialling(false)
    }
  }

  if (absent) {
    return (
      <>
        <PageHeading>{t('tp.title')}</PageHeading>
        <Notice kind="info">
          <p data-testid="tp-absent">{t('tp.absent')}</p>
        </Notice>
      </>
    )
  }
  return (
    <>
      <PageHeading lead={t('tp.intro')}>{t('tp.title')}</PageHeading>
      <div className="tp-layout">
        <section className="card tp-phone" aria-labelledby="tp-phone-h" data-testid="tp-phone">
          <h2 id="tp-phone-h">{t('tp.phone')}</h2>
          <form onSubmit={dial} noValidate className="tp-dial">
            <TextField
              id="tp-number"
              label={t('tp.number')}
              hint={t('tp.number.hint')}
              required
              inputMode="tel"
              autoComplete="off"
              value={number}
              onChange={(e) => setNumber(e.target.value)}
              onBlur={() => takeNumber()}
              error={numberError}
              disabled={Boolean(callId)}
            />
            {!callId && (
              <button
                type="submit"
                className="btn btn-primary tp-call-button"
                disabled={dialling}
                data-testid="tp-dial"
              >
                {dialling ? t('tp.dialling') : t('tp.dial')}
              </button>
            )}
          </form>
          {failure ? <ErrorMessage error={failure} /> : null}
          {phone && <Incoming phone={phone} onAnswered={setCallId} />}
          {callId && <ActiveCall key={callId} callId={callId} onGone={() => setCallId(null)} />}
        </section>
        <div>
          {phone ? (
            <Messages phone={phone} />
          ) : phoneError ? (
            <ErrorMessage error={phoneError} />
          ) : (
            <Loading />
          )}
        </div>
      </div>
    </>
  )
}
