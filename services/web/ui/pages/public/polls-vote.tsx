// A poll as the citizen answers it (GET /polls/{id}): the rule stated plainly, the voter's proof under
// that rule (a mobile number verified by a code sent by SMS, or the invitation code), every question, the
// API's checks made before sending, a clear answer to a second vote (409), then the results when the poll
// shows them. Mobile first. The voting token lives in memory only: a reload verifies again.
import { type FormEvent, useRef, useState } from 'react'
import { ApiError, publicApi } from '../../api/client.ts'
import {
  type BallotReceipt,
  CODE,
  type CodeSent,
  INVITATION_CODE,
  mainlandMobile,
  POLLS,
  type PollResults,
  type PublicPoll,
  shanghaiText,
  type VotingToken,
} from '../../api/polls.ts'
import { PageHeading, UserText } from '../../components/bits.tsx'
import { AsyncView, ErrorMessage, Notice, useAsync } from '../../components/feedback.tsx'
import { ErrorSummary, type FieldError, TextField } from '../../components/fields.tsx'
import { useI18n, useTitle } from '../../i18n/i18n.tsx'
import type { MessageKey } from '../../i18n/zh-CN.ts'
import { Link } from '../../lib/router.tsx'
import {
  checkBallot,
  type Drafts,
  PhaseBadge,
  QuestionField,
  questionFieldId,
  questionOfError,
  ResultsView,
  RuleNote,
  toAnswers,
} from './polls-shared.tsx'

const CODE_ERRORS: Record<string, MessageKey> = {
  TJ_CODE_WRONG: 'poll.err.codeWrong',
  TJ_CODE_EXPIRED: 'poll.err.codeExpired',
  TJ_CODE_USED: 'poll.err.codeUsed',
  TJ_CODE_LOCKED: 'poll.err.codeLocked',
  TJ_CODE_UNKNOWN: 'poll.err.codeUnknown',
}

const masked = (phone: string) => `${phone.slice(0, 3)}****${phone.slice(-4)}`

/** The verified_phone rule's step: number → code by SMS → a voting token (kept in memory). */
function PhoneVerification({
  pollId,
  token,
  onToken,
  error,
}: {
  pollId: string
  token: { phone: string; value: VotingToken } | null
  onToken(t: { phone: string; value: VotingToken } | null): void
  error?: FieldError
}) {
  const { t } = useI18n()
  const [phone, setPhone] = useState('')
  const [code, setCode] = useState('')
  const [sent, setSent] = useState<CodeSent | null>(null)
  const [phoneError, setPhoneError] = useState<FieldError>(null)
  const [codeError, setCodeError] = useState<FieldError>(null)
  const [failure, setFailure] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const base = `${POLLS}/${encodeURIComponent(pollId)}/verification`

  const send = async () => {
    const mobile = mainlandMobile(phone)
    setFailure(null)
    if (!mobile) {
      setPhoneError({ key: phone.trim() ? 'poll.v.mobile' : 'v.required' })
      return
    }
    setPhoneError(null)
    setBusy(true)
    try {
      setSent(await publicApi<CodeSent>(base, { method: 'POST', body: { phone: mobile } }))
      setCode('')
      setCodeError(null)
    } catch (err) {
      if (err instanceof ApiError && err.status === 429) setPhoneError({ key: 'poll.err.tooMany' })
      else if (err instanceof ApiError && err.status === 400) setPhoneError({ key: 'poll.v.mobile' })
      else setFailure(err)
    } finally {
      setBusy(false)
    }
  }

  const confirm = async () => {
    const mobile = mainlandMobile(phone)
    setFailure(null)
    if (!mobile) {
      setPhoneError({ key: 'poll.v.mobile' })
      return
    }
    if (!CODE.test(code.trim())) {
      setCodeError({ key: 'poll.v.code' })
      return
    }
    setCodeError(null)
    setBusy(true)
    try {
      const value = await publicApi<VotingToken>(`${base}/confirm`, {
        method: 'POST',
        body: { phone: mobile, code: code.trim() },
      })
      onToken({ phone: mobile, value })
    } catch (err) {
      const key = err instanceof ApiError ? CODE_ERRORS[err.problem.code ?? ''] : undefined
      if (key) {
        const left = /(\d+) tries left/.exec(err instanceof ApiError ? (err.problem.detail ?? '') : '')
        setCodeError({ key, params: { n: left?.[1] ?? '' } })
      } else if (err instanceof ApiError && err.status === 429) setCodeError({ key: 'poll.err.tooMany' })
      else setFailure(err)
    } finally {
      setBusy(false)
    }
  }

  if (token)
    return (
      <div className="card poll-verify done" data-testid="poll-verified">
        <p>
          <span aria-hidden="true">✓ </span>
          {t('poll.verify.done', { phone: masked(token.phone) })}
        </p>
        <p className="field-hint">
          {t('poll.verify.tokenUntil', { at: shanghaiText(token.value.expiresAt) })}
        </p>
        <button type="button" className="btn btn-ghost btn-small" onClick={() => onToken(null)}>
          {t('poll.verify.other')}
        </button>
      </div>
    )
  return (
    <section className="card poll-verify" aria-labelledby="poll-verify-title" data-testid="poll-verify">
      <h2 id="poll-verify-title">{t('poll.verify.title')}</h2>
      <p className="field-hint">{t('poll.verify.intro')}</p>
      {error && !sent && (
        <p className="field-error" id="poll-verify-error">
          {t('poll.v.verifyFirst')}
        </p>
      )}
      <TextField
        id="poll-phone"
        label={t('poll.verify.phone')}
        type="tel"
        inputMode="tel"
        autoComplete="tel"
        value={phone}
        onChange={(e) => setPhone(e.target.value)}
        error={phoneError}
        hint={t('poll.verify.phoneHint')}
        required
      />
      <p>
        <button
          type="button"
          className="btn btn-secondary"
          onClick={() => void send()}
          disabled={busy}
          data-testid="poll-send-code"
        >
          {sent ? t('poll.verify.resend') : t('poll.verify.send')}
        </button>
      </p>
      {sent && (
        <>
          <p role="status" className="field-hint" data-testid="poll-code-sent">
            {t('poll.verify.sent', { at: shanghaiText(sent.expiresAt) })}
          </p>
          <TextField
            id="poll-code"
            label={t('poll.verify.code')}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            value={code}
            onChange={(e) => setCode(e.target.value)}
            error={codeError}
            required
          />
          <p>
            <button
              type="button"
              className="btn btn-primary"
              onClick={() => void confirm()}
              disabled={busy}
              data-testid="poll-confirm-code"
            >
              {t('poll.verify.confirm')}
            </button>
          </p>
        </>
      )}
      {failure ? <ErrorMessage error={failure} /> : null}
    </section>
  )
}

function Voting({ poll }: { poll: PublicPoll }) {
  const { t, tx } = useI18n()
  const [drafts, setDrafts] = useState<Drafts>({})
  const [errors, setErrors] = useState<Record<string, FieldError>>({})
  const [token, setToken] = useState<{ phone: string; value: VotingToken } | null>(null)
  const [invitation, setInvitation] = useState('')
  const [failure, setFailure] = useState<unknown>(null)
  const [already, setAlready] = useState(false)
  const [busy, setBusy] = useState(false)
  const [receipt, setReceipt] = useState<BallotReceipt | null>(null)
  const [results, setResults] = useState<PollResults | null>(null)
  const top = useRef<HTMLDivElement>(null)

  const labels: Record<string, string> = {
    voter: poll.rule === 'invitation' ? t('poll.invitation') : t('poll.verify.title'),
    form: t('poll.form'),
  }
  for (const [i, q] of poll.questions.entries()) labels[q.questionId] = `${i + 1}. ${q.title}`
  const idFor = (field: string) =>
    field === 'voter'
      ? poll.rule === 'invitation'
        ? 'poll-invitation'
        : token
          ? 'poll-phone'
          : 'poll-phone'
      : field === 'form'
        ? 'poll-submit'
        : questionFieldId({ questionId: field })

  const focusSummary = () => setTimeout(() => document.getElementById('error-summary')?.focus(), 0)

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setFailure(null)
    setAlready(false)
    const found = checkBallot(poll.questions, drafts)
    if (poll.rule === 'verified_phone' && !token) found.voter = { key: 'poll.v.verifyFirst' }
    if (poll.rule === 'invitation' && !INVITATION_CODE.test(invitation.trim()))
      found.voter = { key: invitation.trim() ? 'poll.v.invitation' : 'v.required' }
    setErrors(found)
    if (Object.keys(found).length) {
      focusSummary()
      return
    }
    const answers = toAnswers(poll.questions, drafts)
    setBusy(true)
    try {
      const r = await publicApi<BallotReceipt>(`${POLLS}/${encodeURIComponent(poll.pollId)}/ballots`, {
        method: 'POST',
        body: {
          answers,
          ...(poll.rule === 'verified_phone' && token ? { token: token.value.token } : {}),
          ...(poll.rule === 'invitation' ? { invitationCode: invitation.trim() } : {}),
        },
      })
      setReceipt(r)
      if (poll.resultsAvailable)
        publicApi<PollResults>(`${POLLS}/${encodeURIComponent(poll.pollId)}/results`).then(setResults, () => {
          // the results link stays; the vote is what counted
        })
      top.current?.scrollIntoView()
    } catch (err) {
      if (!(err instanceof ApiError)) {
        setFailure(err)
        return
      }
      const code = err.problem.code
      if (err.status === 409 && code === 'TJ_ALREADY_VOTED') {
        setAlready(true)
        setTimeout(() => document.getElementById('poll-already')?.focus(), 0)
      } else if (code === 'TJ_TOKEN_EXPIRED' || code === 'TJ_TOKEN_INVALID') {
        setToken(null)
        setErrors({ voter: { key: 'poll.err.tokenExpired' } })
        focusSummary()
      } else if (code === 'TJ_INVITATION_INVALID') {
        setErrors({ voter: { key: 'poll.err.invitationInvalid' } })
        focusSummary()
      } else if (err.status === 400 && err.problem.errors?.length) {
        const byQuestion: Record<string, FieldError> = {}
        for (const fe of err.problem.errors) {
          const q = questionOfError(fe.path, fe.message, answers)
          byQuestion[q ?? 'form'] = fe.message
        }
        setErrors(byQuestion)
        focusSummary()
      } else setFailure(err)
    } finally {
      setBusy(false)
    }
  }

  if (receipt)
    return (
      <div ref={top}>
        <Notice kind="success">
          <p className="alert-title" data-testid="poll-voted">
            {t('poll.voted')}
          </p>
          <p>{t('poll.votedDay', { day: receipt.day })}</p>
          <p>{t('poll.votedSecret')}</p>
        </Notice>
        {results ? (
          <>
            <h2>{t('poll.results')}</h2>
            <ResultsView results={results} />
          </>
        ) : (
          <p>{tx('poll.resultsWhen', poll.results, { at: shanghaiText(poll.closesAt) })}</p>
        )}
      </div>
    )

  return (
    <form onSubmit={submit} noValidate className="poll-form" data-testid="poll-form">
      <div ref={top} />
      <ErrorSummary errors={errors} labels={labels} idFor={idFor} />
      {already && (
        <div
          className="alert alert-error"
          role="alert"
          tabIndex={-1}
          id="poll-already"
          data-testid="poll-already"
        >
          <p className="alert-title">{tx('poll.err.alreadyVoted', poll.rule)}</p>
          <p>{t('poll.err.alreadyVotedHelp')}</p>
        </div>
      )}
      {poll.rule === 'verified_phone' && (
        <PhoneVerification pollId={poll.pollId} token={token} onToken={setToken} error={errors.voter} />
      )}
      {poll.rule === 'invitation' && (
        <div className="card">
          <TextField
            id="poll-invitation"
            label={t('poll.invitation')}
            hint={t('poll.invitationHint')}
            autoComplete="off"
            maxLength={10}
            value={invitation}
            onChange={(e) => setInvitation(e.target.value)}
            error={errors.voter}
            required
          />
        </div>
      )}
      <h2>{t('poll.questions')}</h2>
      {poll.questions.map((q, i) => (
        <QuestionField
          key={q.questionId}
          q={q}
          index={i}
          value={drafts[q.questionId] ?? {}}
          onChange={(d) => setDrafts((all) => ({ ...all, [q.questionId]: d }))}
          error={errors[q.questionId]}
        />
      ))}
      {failure ? <ErrorMessage error={failure} /> : null}
      <div className="form-actions">
        <button
          type="submit"
          id="poll-submit"
          className="btn btn-primary"
          disabled={busy}
          data-testid="poll-submit"
        >
          {busy ? t('common.submitting') : t('poll.submit')}
        </button>
      </div>
    </form>
  )
}

export function PollPage({ pollId }: { pollId: string }) {
  const { t, tx } = useI18n()
  const state = useAsync(
    (signal) => publicApi<PublicPoll>(`${POLLS}/${encodeURIComponent(pollId)}`, { signal }),
    [pollId],
  )
  useTitle(state.data?.title ?? t('poll.poll'))
  return (
    <>
      <p className="breadcrumb">
        <Link to="/polls">{t('nav.polls')}</Link>
      </p>
      <AsyncView state={state}>
        {(poll) => (
          <>
            <PageHeading>
              {poll.title} <PhaseBadge phase={poll.phase} />
            </PageHeading>
            {poll.description && <UserText text={poll.description} className="poll-description" />}
            <p className="muted small">
              {t('poll.period', { from: shanghaiText(poll.opensAt), to: shanghaiText(poll.closesAt) })}
            </p>
            <RuleNote poll={poll} />
            {poll.resultsAvailable && (
              <p>
                <Link to={`/polls/${encodeURIComponent(poll.pollId)}/results`}>{t('poll.seeResults')}</Link>
              </p>
            )}
            {poll.phase === 'open' ? (
              <Voting poll={poll} />
            ) : (
              <Notice>
                <p>{tx('poll.notOpen', poll.phase, { at: shanghaiText(poll.opensAt) })}</p>
              </Notice>
            )}
          </>
        )}
      </AsyncView>
    </>
  )
}
