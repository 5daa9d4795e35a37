// Following a letter: tracking code + access key (sent as X-Access-Key, never in the URL) → status, due
// date, public timeline, the reply; after the reply, the rating form.
import { type FormEvent, useEffect, useRef, useState } from 'react'
import { SATISFACTION_LEVELS } from '../../api/callbacks.ts'
import { ApiError, publicApi } from '../../api/client.ts'
import { type PublicCase, SATISFACTIONS, type Satisfaction } from '../../api/types.ts'
import { Fact, Facts, PageHeading, StatusBadge, UserText } from '../../components/bits.tsx'
import { ErrorMessage, Loading, Notice } from '../../components/feedback.tsx'
import { type FieldError, RadioGroup, TextArea, TextField } from '../../components/fields.tsx'
import { useI18n, useTitle } from '../../i18n/i18n.tsx'
import { TRACKING_CODE, validateText } from '../../lib/validate.ts'
import { followHandoff } from './receipt-store.ts'

/** A callback's public entry notes the satisfaction level heard, shown in words. */
const SATISFACTION: ReadonlySet<string> = new Set(SATISFACTION_LEVELS)

const normaliseCode = (s: string) => s.trim().toUpperCase().replace(/\s+/g, '')

/** Rated after the latest reply (a dissatisfied rating reopens; the next reply may be rated again). */
function ratedSinceReply(c: PublicCase): boolean {
  let replied = -1
  let rated = -1
  c.timeline.forEach((e, i) => {
    if (e.action === 'replied' || e.action === 'answered') replied = i
    if (e.action === 'rated') rated = i
  })
  return rated > replied && replied >= 0
}

export function FollowPage() {
  const { t } = useI18n()
  useTitle(t('follow.title'))
  const [handoff] = useState(() => followHandoff.peek())
  const [code, setCode] = useState(handoff?.trackingCode ?? '')
  const [key, setKey] = useState(handoff?.accessKey ?? '')
  const [errors, setErrors] = useState<Record<string, FieldError>>({})
  const [loading, setLoading] = useState(false)
  const [failure, setFailure] = useState<unknown>(null)
  const [found, setFound] = useState<{ c: PublicCase; key: string } | null>(null)
  const resultRef = useRef<HTMLElement>(null)

  /** `patient`: just after sending, the case may take a moment to be registered; ask again a few times. */
  const lookup = async (rawCode: string, rawKey: string, patient = false) => {
    const trackingCode = normaliseCode(rawCode)
    const accessKey = rawKey.trim()
    const e: Record<string, FieldError> = {}
    if (!trackingCode) e.code = { key: 'v.required' }
    else if (!TRACKING_CODE.test(trackingCode)) e.code = { key: 'v.trackingCode' }
    if (!accessKey) e.key = { key: 'v.required' }
    setErrors(e)
    if (Object.keys(e).length) return
    setLoading(true)
    setFailure(null)
    setFound(null)
    try {
      const get = () =>
        publicApi<PublicCase>(`/public/cases/${encodeURIComponent(trackingCode)}`, {
          headers: { 'x-access-key': accessKey },
        })
      let c: PublicCase | null = null
      for (let attempt = 1; !c; attempt++) {
        try {
          c = await get()
        } catch (err) {
          if (!patient || attempt >= 8 || !(err instanceof ApiError && err.status === 404)) throw err
          await new Promise((r) => setTimeout(r, 1500))
        }
      }
      setFound({ c, key: accessKey })
      setTimeout(() => resultRef.current?.focus(), 0)
    } catch (err) {
      setFailure(err)
    } finally {
      setLoading(false)
    }
  }

  // arriving from the confirmation page: look the letter up straight away
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, on arrival
  useEffect(() => {
    if (handoff) void lookup(handoff.trackingCode, handoff.accessKey, true)
    return () => followHandoff.clear()
  }, [])

  const submit = (e: FormEvent) => {
    e.preventDefault()
    void lookup(code, key)
  }

  const notFound = failure instanceof ApiError && (failure.status === 404 || failure.status === 400)

  return (
    <>
      <PageHeading lead={t('follow.intro')}>{t('follow.title')}</PageHeading>
      <form className="form card form-narrow" onSubmit={submit} noValidate>
        <TextField
          id="follow-code"
          label={t('follow.code')}
          hint={t('follow.code.hint')}
          required
          value={code}
          maxLength={20}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          className="mono"
          onChange={(e) => setCode(e.target.value)}
          error={errors.code}
        />
        <TextField
          id="follow-key"
          label={t('follow.key')}
          required
          type="password"
          value={key}
          maxLength={200}
          autoComplete="off"
          spellCheck={false}
          className="mono"
          onChange={(e) => setKey(e.target.value)}
          error={errors.key}
        />
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={loading}>
            {t('follow.submit')}
          </button>
        </div>
      </form>
      {loading && <Loading />}
      {failure ? (
        notFound ? (
          <div className="alert alert-error" role="alert">
            <p className="alert-title">{t('follow.notFound')}</p>
          </div>
        ) : (
          <ErrorMessage error={failure} onRetry={() => void lookup(code, key)} />
        )
      ) : null}
      {found && (
        <CaseResult
          c={found.c}
          accessKey={found.key}
          onChange={(c) => setFound({ c, key: found.key })}
          headingRef={resultRef}
        />
      )}
    </>
  )
}

function CaseResult({
  c,
  accessKey,
  onChange,
  headingRef,
}: {
  c: PublicCase
  accessKey: string
  onChange(c: PublicCase): void
  headingRef: React.RefObject<HTMLElement | null>
}) {
  const { t, tx, date, dateTime } = useI18n()
  const canRate = c.status === 'replied' && c.reply !== null && !ratedSinceReply(c)
  const [thanks, setThanks] = useState<'follow.rate.reopened' | 'follow.rate.thanks' | null>(null)
  return (
    <section
      className="card result"
      aria-labelledby="result-h"
      ref={headingRef}
      tabIndex={-1}
      data-testid="follow-result"
    >
      <h2 id="result-h">{t('follow.result')}</h2>
      <Facts>
        <Fact term={t('follow.code')}>
          <span className="mono">{c.trackingCode}</span>
        </Fact>
        <Fact term={t('follow.status')}>
          <StatusBadge status={c.status} />
        </Fact>
        <Fact term={t('follow.category')}>{tx('category', c.category)}</Fact>
        <Fact term={t('follow.subject')}>
          <UserText text={c.subject} inline />
        </Fact>
        <Fact term={t('follow.submittedAt')}>{dateTime(c.submittedAt)}</Fact>
        <Fact term={t('follow.dueAt')}>{c.dueAt ? date(c.dueAt) : t('follow.noDue')}</Fact>
      </Facts>
      <h3>{t('follow.reply')}</h3>
      {c.reply ? (
        <div className="reply-box" data-testid="public-reply">
          <Facts>
            <Fact term={t('follow.replyFrom')}>{c.reply.department ?? '—'}</Fact>
            <Fact term={t('follow.repliedAt')}>{dateTime(c.reply.repliedAt)}</Fact>
          </Facts>
          <UserText text={c.reply.text} />
        </div>
      ) : (
        <p className="muted">{t('follow.noReply')}</p>
      )}
      {thanks ? (
        <Notice kind="success">{t(thanks)}</Notice>
      ) : canRate ? (
        <RatingForm
          c={c}
          accessKey={accessKey}
          onDone={(updated, message) => {
            setThanks(message)
            onChange(updated)
          }}
        />
      ) : c.reply && ratedSinceReply(c) ? (
        <Notice kind="success">{t('follow.rate.already')}</Notice>
      ) : null}
      <h3>{t('follow.timeline')}</h3>
      <ol className="timeline">
        {c.timeline.map((e, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: entries never reorder
          <li key={i}>
            <time dateTime={e.at}>{dateTime(e.at)}</time>
            <span className="tl-action">{tx('tl', e.action)}</span>
            {e.text &&
              (e.action === 'callback_completed' && SATISFACTION.has(e.text) ? (
                <span className="tl-note">{tx('cb.sat', e.text)}</span>
              ) : (
                <UserText text={e.text} className="tl-note" />
              ))}
          </li>
        ))}
      </ol>
    </section>
  )
}

function RatingForm({
  c,
  accessKey,
  onDone,
}: {
  c: PublicCase
  accessKey: string
  onDone(c: PublicCase, message: 'follow.rate.reopened' | 'follow.rate.thanks'): void
}) {
  const { t, tx } = useI18n()
  const [satisfaction, setSatisfaction] = useState<Satisfaction | ''>('')
  const [comment, setComment] = useState('')
  const [errors, setErrors] = useState<Record<string, FieldError>>({})
  const [sending, setSending] = useState(false)
  const [failure, setFailure] = useState<unknown>(null)

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    const errs: Record<string, FieldError> = {}
    if (!satisfaction) errs.satisfaction = { key: 'v.required' }
    if (comment.trim()) {
      const bad = validateText(comment, 1000)
      if (bad) errs.comment = bad
    }
    setErrors(errs)
    if (Object.keys(errs).length) return
    setSending(true)
    setFailure(null)
    try {
      const updated = await publicApi<PublicCase>(`/public/cases/${c.trackingCode}/rating`, {
        method: 'POST',
        headers: { 'x-access-key': accessKey },
        body: { satisfaction, ...(comment.trim() ? { comment: comment.trim() } : {}) },
      })
      onDone(updated, satisfaction === 'dissatisfied' ? 'follow.rate.reopened' : 'follow.rate.thanks')
    } catch (err) {
      setFailure(err)
    } finally {
      setSending(false)
    }
  }

  return (
    <form className="form rating" onSubmit={submit} noValidate aria-labelledby="rate-h">
      <h3 id="rate-h">{t('follow.rate.title')}</h3>
      <p>{t('follow.rate.intro')}</p>
      <RadioGroup
        id="rate-satisfaction"
        legend={t('follow.rate.satisfaction')}
        name="satisfaction"
        required
        inline
        value={satisfaction}
        onChange={(v) => setSatisfaction(v as Satisfaction)}
        error={errors.satisfaction}
        choices={SATISFACTIONS.map((s) => ({ value: s, label: tx('sat', s) }))}
      />
      <TextArea
        id="rate-comment"
        label={t('follow.rate.comment')}
        rows={3}
        maxLength={1000}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        error={errors.comment}
      />
      {failure ? <ErrorMessage error={failure} /> : null}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={sending}>
          {sending ? t('common.submitting') : t('follow.rate.submit')}
        </button>
      </div>
    </form>
  )
}
