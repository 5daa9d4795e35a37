// Pieces the hotline's pages share: a ticking clock, durations as m:ss, the audio player that fetches
// through the API, and the call-status badge.
import { useEffect, useState } from 'react'
import { ApiError } from '../../../api/client.ts'
import { fetchAudio } from '../../../api/hotline.ts'
import { Badge } from '../../../components/bits.tsx'
import { ErrorMessage, Loading } from '../../../components/feedback.tsx'
import { useI18n } from '../../../i18n/i18n.tsx'

/** The current time, re-read every `ms` (waiting times tick without asking the server). */
export function useNow(ms = 1_000): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms)
    return () => clearInterval(timer)
  }, [ms])
  return now
}

/** Seconds as `m:ss` (or `h:mm:ss`); a dash when unknown. */
export function duration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return '—'
  const s = Math.max(0, Math.round(seconds))
  const h = Math.floor(s / 3600)
  const m = Math.floor((s % 3600) / 60)
  const ss = String(s % 60).padStart(2, '0')
  return h ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`
}

/** Seconds since an instant, by the given clock. */
export const secondsSince = (iso: string, now: number) => Math.max(0, (now - new Date(iso).getTime()) / 1000)

/**
 * A voicemail or a call recording: fetched through the hotline service with the staff token into a blob
 * URL on request (never a provider URL), released when the player goes.
 */
export function AudioPlayer({
  callId,
  which,
  seconds,
}: {
  callId: string
  which: 'voicemail' | 'recording'
  seconds: number
}) {
  const { t } = useI18n()
  const [url, setUrl] = useState<string | null>(null)
  const [state, setState] = useState<'idle' | 'loading' | 'none' | 'ready'>('idle')
  const [error, setError] = useState<unknown>(null)
  useEffect(
    () => () => {
      if (url) URL.revokeObjectURL(url)
    },
    [url],
  )
  const load = async () => {
    setState('loading')
    setError(null)
    try {
      const blob = await fetchAudio(callId, which)
      setUrl(blob)
      setState(blob ? 'ready' : 'none')
    } catch (err) {
      setError(err)
      setState('idle')
    }
  }
  const label = t(which === 'voicemail' ? 'hl.card.voicemail' : 'hl.card.recording')
  return (
    <div className="hl-audio" data-testid={`hl-${which}`}>
      <p>
        <strong>{label}</strong> <span className="muted">({duration(seconds)})</span>
      </p>
      {state === 'ready' && url ? (
        // biome-ignore lint/a11y/useMediaCaption: a caller's voice; the transcript, when there is one, is shown beside it
        <audio controls src={url} aria-label={label} />
      ) : state === 'loading' ? (
        <Loading />
      ) : state === 'none' ? (
        <p className="muted">{t('hl.card.audioGone')}</p>
      ) : (
        <button type="button" className="btn btn-secondary btn-small" onClick={() => void load()}>
          {t('hl.card.listen')}
        </button>
      )}
      {error ? <ErrorMessage error={error} /> : null}
    </div>
  )
}

const STATUS_TONE: Record<string, 'warn' | 'danger' | 'muted' | 'done'> = {
  ringing: 'warn',
  queued: 'warn',
  connecting: 'warn',
  'in-progress': 'done',
  ended: 'muted',
  completed: 'muted',
  answered: 'done',
  voicemail: 'warn',
}

export function CallStatus({ status }: { status: string }) {
  const { tx } = useI18n()
  return <Badge tone={STATUS_TONE[status] ?? 'danger'}>{tx('hl.status', status)}</Badge>
}

/** A 409 with this problem code. */
export const isConflict = (err: unknown, code: string) =>
  err instanceof ApiError && err.status === 409 && err.problem.code === code
