// The log of a call: the outcome (answered on the spot, a case, referred, not a matter) and the fields
// each outcome needs. The checks mirror the hotline's 400 rules (POST /calls/:id/log) so that most
// mistakes show before sending; the server's field errors are shown by the same fields. After a case is
// opened, its tracking code and access key are shown once, for the operator to read out.
import { type FormEvent, useState } from 'react'
import { ApiError, staffApi } from '../../../api/client.ts'
import {
  HOTLINE,
  LOG_OUTCOMES,
  type LogAnswer,
  type LogOutcome,
  type LogRequest,
  NOT_A_MATTER_REASONS,
  type NotAMatterReason,
  REFERRAL_TARGETS,
  type ReferralTarget,
  URGENCIES,
  type Urgency,
} from '../../../api/hotline.ts'
import { CATEGORIES, type Category } from '../../../api/types.ts'
import { CopyButton } from '../../../components/bits.tsx'
import { ErrorMessage, Notice } from '../../../components/feedback.tsx'
import {
  CheckboxField,
  ErrorSummary,
  RadioGroup,
  SelectField,
  TextArea,
  TextField,
} from '../../../components/fields.tsx'
import { useI18n } from '../../../i18n/i18n.tsx'
import { type FieldErrors, isOneLine, isPlainText, TRACKING_CODE, textLength } from '../../../lib/validate.ts'

export interface LogForm {
  outcome: LogOutcome | ''
  category: string
  subject: string
  summary: string
  urgency: Urgency
  name: string
  anonymous: boolean
  consentToPublish: boolean
  answer: string
  addToExisting: boolean
  addToTrackingCode: string
  referralTo: ReferralTarget | ''
  referralBody: string
  referralReason: string
  notAMatterReason: NotAMatterReason | ''
  notAMatterNote: string
}

export const EMPTY_LOG: LogForm = {
  outcome: '',
  category: '',
  subject: '',
  summary: '',
  urgency: 'normal',
  name: '',
  anonymous: false,
  consentToPublish: false,
  answer: '',
  addToExisting: false,
  addToTrackingCode: '',
  referralTo: '',
  referralBody: '',
  referralReason: '',
  notAMatterReason: '',
  notAMatterNote: '',
}

/** The form's fields in order: the error summary lists them so, and server paths map onto them. */
const FIELDS = [
  'outcome',
  'addToTrackingCode',
  'category',
  'subject',
  'summary',
  'answer',
  'urgency',
  'name',
  'referral.to',
  'referral.body',
  'referral.reason',
  'notAMatter.reason',
  'notAMatter.note',
] as const

const fieldId = (f: string) => `hl-log-${f.replace('.', '-')}`

function text(value: string, max: number, oneLine = false): FieldErrors[string] | null {
  if (!textLength(value)) return { key: 'v.required' }
  if (oneLine ? !isOneLine(value) : !isPlainText(value))
    return { key: oneLine ? 'v.oneLine' : 'v.controlChars' }
  if (value.length > max) return { key: 'v.textLength', params: { min: 1, max } }
  return null
}

function optionalText(value: string, max: number, oneLine = false): FieldErrors[string] | null {
  return value.trim() ? text(value, max, oneLine) : null
}

const opensCase = (f: LogForm) => f.outcome === 'answered_on_spot' || f.outcome === 'case'
const addsToCase = (f: LogForm) => f.outcome === 'case' && f.addToExisting

export function validateLog(f: LogForm): FieldErrors {
  const e: FieldErrors = {}
  const put = (k: string, v: FieldErrors[string] | null) => {
    if (v) e[k] = v
  }
  if (!f.outcome) e.outcome = { key: 'hl.v.outcome' }
  if (addsToCase(f)) {
    if (!f.addToTrackingCode.trim()) e.addToTrackingCode = { key: 'v.required' }
    else if (!TRACKING_CODE.test(f.addToTrackingCode.trim().toUpperCase()))
      e.addToTrackingCode = { key: 'hl.v.trackingCode' }
    put('summary', text(f.summary, 20_000))
  } else if (opensCase(f)) {
    if (!f.category) e.category = { key: 'v.category' }
    put('subject', text(f.subject, 200, true))
    put('summary', text(f.summary, 20_000))
    if (f.outcome === 'answered_on_spot') put('answer', text(f.answer, 5000))
    if (!f.anonymous) put('name', optionalText(f.name, 50, true))
  }
  if (f.outcome === 'referred') {
    if (!f.referralTo) e['referral.to'] = { key: 'hl.v.referralTo' }
    if (f.referralTo === 'other') put('referral.body', text(f.referralBody, 100, true))
    put('referral.reason', text(f.referralReason, 1000))
  }
  if (f.outcome === 'not_a_matter') {
    if (!f.notAMatterReason) e['notAMatter.reason'] = { key: 'hl.v.notAMatter' }
    put('notAMatter.note', optionalText(f.notAMatterNote, 1000))
  }
  return e
}

export function toLogRequest(f: LogForm): LogRequest {
  const outcome = f.outcome as LogOutcome
  if (addsToCase(f))
    return {
      outcome,
      addToTrackingCode: f.addToTrackingCode.trim().toUpperCase(),
      summary: f.summary.trim(),
    }
  if (opensCase(f))
    return {
      outcome,
      category: f.category as Category,
      subject: f.subject.trim(),
      summary: f.summary.trim(),
      urgency: f.urgency,
      anonymous: f.anonymous,
      consentToPublish: f.consentToPublish,
      ...(!f.anonymous && f.name.trim() ? { name: f.name.trim() } : {}),
      ...(outcome === 'answered_on_spot' ? { answer: f.answer.trim() } : {}),
    }
  if (outcome === 'referred')
    return {
      outcome,
      referral: {
        to: f.referralTo as ReferralTarget,
        reason: f.referralReason.trim(),
        ...(f.referralTo === 'other' ? { body: f.referralBody.trim() } : {}),
      },
    }
  return {
    outcome,
    notAMatter: {
      reason: f.notAMatterReason as NotAMatterReason,
      ...(f.notAMatterNote.trim() ? { note: f.notAMatterNote.trim() } : {}),
    },
  }
}

/** The server's field errors (`/body/referral/reason`, or a missing property) by this form's fields. */
export function logFieldErrors(errors: Array<{ path: string; message: string }> | undefined): {
  fields: FieldErrors
  other: string[]
} {
  const fields: FieldErrors = {}
  const other: string[] = []
  for (const err of errors ?? []) {
    const path = err.path
      .replace(/^\/?(body|querystring|params|headers)\/?/, '')
      .split('/')
      .filter(Boolean)
    const missing = /required property '([^']+)'/.exec(err.message)?.[1]
    if (missing) path.push(missing)
    const dotted = path.join('.')
    const field =
      (FIELDS as readonly string[]).find((f) => f === dotted) ??
      (FIELDS as readonly string[]).find((f) => f.startsWith(`${path[0]}.`) || f === path[0])
    if (field && !(field in fields)) fields[field] = err.message
    else if (!field) other.push(err.message)
  }
  return { fields, other }
}

export function CaseReceipt({ answer }: { answer: LogAnswer }) {
  const { t } = useI18n()
  if (!answer.trackingCode) return null
  return (
    <section className="card receipt hl-receipt" aria-labelledby="hl-receipt-h" data-testid="hl-receipt">
      <h2 id="hl-receipt-h">{t('hl.log.receipt')}</h2>
      <Notice kind="warning">{t('hl.log.readOut')}</Notice>
      <div className="secret-row">
        <span className="secret-label" id="hl-code-label">
          {t('done.code')}
        </span>
        <output className="secret" aria-labelledby="hl-code-label" data-testid="hl-tracking-code">
          {answer.trackingCode}
        </output>
        <CopyButton value={answer.trackingCode} label={t('done.copyCode')} />
      </div>
      {answer.accessKey && (
        <div className="secret-row">
          <span className="secret-label" id="hl-key-label">
            {t('done.key')}
          </span>
          <output className="secret secret-key" aria-labelledby="hl-key-label" data-testid="hl-access-key">
            {answer.accessKey}
          </output>
          <CopyButton value={answer.accessKey} label={t('done.copyKey')} />
        </div>
      )}
      <p className="muted small">{t('hl.log.once')}</p>
    </section>
  )
}

export function CallLogForm({ callId, onLogged }: { callId: string; onLogged(answer: LogAnswer): void }) {
  const { t, tx } = useI18n()
  const [form, setForm] = useState<LogForm>(EMPTY_LOG)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [showSummary, setShowSummary] = useState(false)
  const [failure, setFailure] = useState<unknown>(null)
  const [sending, setSending] = useState(false)

  const set = <K extends keyof LogForm>(k: K, v: LogForm[K]) => {
    setForm((f) => ({ ...f, [k]: v }))
    setErrors((e) => {
      const next = { ...e }
      delete next[k]
      return next
    })
  }
  const focusSummary = () => setTimeout(() => document.getElementById('error-summary')?.focus(), 0)

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (sending) return
    setFailure(null)
    const found = validateLog(form)
    setErrors(found)
    if (Object.keys(found).length) {
      setShowSummary(true)
      focusSummary()
      return
    }
    setShowSummary(false)
    setSending(true)
    try {
      const answer = await staffApi<LogAnswer>(`${HOTLINE}/calls/${encodeURIComponent(callId)}/log`, {
        method: 'POST',
        body: toLogRequest(form),
      })
      onLogged(answer)
    } catch (err) {
      if (err instanceof ApiError && err.status === 400 && err.problem.errors?.length) {
        const { fields, other } = logFieldErrors(err.problem.errors)
        setErrors(fields)
        if (Object.keys(fields).length) {
          setShowSummary(true)
          focusSummary()
        }
        if (other.length || !Object.keys(fields).length) setFailure(err)
      } else {
        // a 409 TJ_CALL_ALREADY_LOGGED too: someone logged it meanwhile (the message says so)
        setFailure(err)
      }
    } finally {
      setSending(false)
    }
  }

  const labels: Record<string, string> = {
    outcome: t('hl.log.outcome'),
    addToTrackingCode: t('hl.log.addToCode'),
    category: t('write.category'),
    subject: t('write.subject'),
    summary: t('hl.log.summary'),
    answer: t('hl.log.answer'),
    urgency: t('hl.log.urgency'),
    name: t('hl.log.name'),
    'referral.to': t('hl.log.referralTo'),
    'referral.body': t('hl.log.referralBody'),
    'referral.reason': t('hl.log.referralReason'),
    'notAMatter.reason': t('hl.log.notAMatterReason'),
    'notAMatter.note': t('hl.log.note'),
  }
  const ordered = Object.fromEntries(
    [...FIELDS, ...Object.keys(errors)]
      .filter((k, i, a) => a.indexOf(k) === i)
      .filter((k) => errors[k])
      .map((k) => [k, errors[k]]),
  )
  const err = (k: string) => errors[k]

  return (
    <form
      className="form card hl-log"
      onSubmit={submit}
      noValidate
      aria-labelledby="hl-log-h"
      data-testid="hl-log"
    >
      <h2 id="hl-log-h">{t('hl.log.title')}</h2>
      {showSummary && <ErrorSummary errors={ordered} labels={labels} idFor={fieldId} />}
      <RadioGroup
        id={fieldId('outcome')}
        legend={t('hl.log.outcome')}
        name="hl-outcome"
        required
        value={form.outcome}
        onChange={(v) => set('outcome', v as LogOutcome)}
        error={err('outcome')}
        choices={LOG_OUTCOMES.map((o) => ({
          value: o,
          label: tx('hl.outcome', o),
          hint: tx('hl.outcome.hint', o),
        }))}
      />

      {form.outcome === 'case' && (
        <CheckboxField
          id="hl-log-add"
          label={t('hl.log.addToExisting')}
          checked={form.addToExisting}
          onChange={(e) => set('addToExisting', e.target.checked)}
        />
      )}
      {addsToCase(form) && (
        <TextField
          id={fieldId('addToTrackingCode')}
          label={t('hl.log.addToCode')}
          hint={t('hl.log.addToCode.hint')}
          required
          maxLength={10}
          className="mono"
          autoComplete="off"
          value={form.addToTrackingCode}
          onChange={(e) => set('addToTrackingCode', e.target.value)}
          error={err('addToTrackingCode')}
        />
      )}

      {opensCase(form) && !addsToCase(form) && (
        <>
          <SelectField
            id={fieldId('category')}
            label={t('write.category')}
            required
            value={form.category}
            onChange={(e) => set('category', e.target.value)}
            error={err('category')}
          >
            <option value="">{t('hl.log.choose')}</option>
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {tx('category', c)}
              </option>
            ))}
          </SelectField>
          <TextField
            id={fieldId('subject')}
            label={t('write.subject')}
            required
            maxLength={200}
            autoComplete="off"
            value={form.subject}
            onChange={(e) => set('subject', e.target.value)}
            error={err('subject')}
            extra={<span className="counter">{t('common.chars', { n: form.subject.length, max: 200 })}</span>}
          />
        </>
      )}
      {(opensCase(form) || addsToCase(form)) && (
        <TextArea
          id={fieldId('summary')}
          label={t('hl.log.summary')}
          hint={t('hl.log.summary.hint')}
          required
          rows={6}
          maxLength={20_000}
          value={form.summary}
          onChange={(e) => set('summary', e.target.value)}
          error={err('summary')}
        />
      )}
      {form.outcome === 'answered_on_spot' && (
        <TextArea
          id={fieldId('answer')}
          label={t('hl.log.answer')}
          hint={t('hl.log.answer.hint')}
          required
          rows={4}
          maxLength={5000}
          value={form.answer}
          onChange={(e) => set('answer', e.target.value)}
          error={err('answer')}
        />
      )}
      {opensCase(form) && !addsToCase(form) && (
        <>
          <RadioGroup
            id={fieldId('urgency')}
            legend={t('hl.log.urgency')}
            name="hl-urgency"
            inline
            value={form.urgency}
            onChange={(v) => set('urgency', v as Urgency)}
            error={err('urgency')}
            choices={URGENCIES.map((u) => ({ value: u, label: tx('hl.urgency', u) }))}
          />
          <CheckboxField
            id="hl-log-anonymous"
            label={t('hl.log.anonymous')}
            checked={form.anonymous}
            onChange={(e) => set('anonymous', e.target.checked)}
          />
          {!form.anonymous && (
            <TextField
              id={fieldId('name')}
              label={t('hl.log.name')}
              maxLength={50}
              autoComplete="off"
              value={form.name}
              onChange={(e) => set('name', e.target.value)}
              error={err('name')}
            />
          )}
          <CheckboxField
            id="hl-log-consent"
            label={t('hl.log.consent')}
            checked={form.consentToPublish}
            onChange={(e) => set('consentToPublish', e.target.checked)}
          />
        </>
      )}

      {form.outcome === 'referred' && (
        <>
          <RadioGroup
            id={fieldId('referral.to')}
            legend={t('hl.log.referralTo')}
            name="hl-referral"
            required
            inline
            value={form.referralTo}
            onChange={(v) => set('referralTo', v as ReferralTarget)}
            error={err('referral.to')}
            choices={REFERRAL_TARGETS.map((r) => ({ value: r, label: tx('hl.referral', r) }))}
          />
          {form.referralTo === 'other' && (
            <TextField
              id={fieldId('referral.body')}
              label={t('hl.log.referralBody')}
              required
              maxLength={100}
              value={form.referralBody}
              onChange={(e) => set('referralBody', e.target.value)}
              error={err('referral.body')}
            />
          )}
          <TextArea
            id={fieldId('referral.reason')}
            label={t('hl.log.referralReason')}
            required
            rows={3}
            maxLength={1000}
            value={form.referralReason}
            onChange={(e) => set('referralReason', e.target.value)}
            error={err('referral.reason')}
          />
        </>
      )}

      {form.outcome === 'not_a_matter' && (
        <>
          <RadioGroup
            id={fieldId('notAMatter.reason')}
            legend={t('hl.log.notAMatterReason')}
            name="hl-nam"
            required
            inline
            value={form.notAMatterReason}
            onChange={(v) => set('notAMatterReason', v as NotAMatterReason)}
            error={err('notAMatter.reason')}
            choices={NOT_A_MATTER_REASONS.map((r) => ({ value: r, label: tx('hl.nam', r) }))}
          />
          <TextArea
            id={fieldId('notAMatter.note')}
            label={t('hl.log.note')}
            rows={2}
            maxLength={1000}
            value={form.notAMatterNote}
            onChange={(e) => set('notAMatterNote', e.target.value)}
            error={err('notAMatter.note')}
          />
        </>
      )}

      {failure ? <ErrorMessage error={failure} /> : null}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={sending} data-testid="hl-log-submit">
          {sending ? t('common.submitting') : t('hl.log.submit')}
        </button>
      </div>
    </form>
  )
}
