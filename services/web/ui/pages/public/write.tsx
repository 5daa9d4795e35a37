// Writing a letter: POST /api/v1/mailbox/letters. The same Idempotency-Key is sent again when the citizen
// retries the same letter (a lost answer must not register it twice); a changed letter gets a new key.
import { type FormEvent, useRef, useState } from 'react'
import { ApiError, newUuid, publicApi } from '../../api/client.ts'
import { CATEGORIES, type Category, type LetterReceipt, type SubmitLetter } from '../../api/types.ts'
import { PageHeading } from '../../components/bits.tsx'
import { ErrorMessage, Notice } from '../../components/feedback.tsx'
import {
  CheckboxField,
  ErrorSummary,
  type FieldError,
  RadioGroup,
  TextArea,
  TextField,
} from '../../components/fields.tsx'
import { useI18n, useTitle } from '../../i18n/i18n.tsx'
import { navigate } from '../../lib/router.tsx'
import { type LetterForm, serverFieldErrors, validateLetter } from '../../lib/validate.ts'
import { receiptStore } from './receipt-store.ts'

const EMPTY: LetterForm = {
  category: '',
  subject: '',
  body: '',
  anonymous: false,
  name: '',
  phone: '',
  email: '',
  idNumber: '',
  consentToPublish: false,
  declineCallback: false,
}

const FIELD_ORDER = ['category', 'subject', 'body', 'name', 'phone', 'email', 'idNumber'] as const
const fieldId = (f: string) => `letter-${f}`

export function toRequest(f: LetterForm, locale: 'zh-CN' | 'en'): SubmitLetter {
  const body: SubmitLetter = {
    category: f.category as Category,
    subject: f.subject.trim(),
    body: f.body.trim(),
    anonymous: f.anonymous,
    consentToPublish: f.consentToPublish,
    locale,
  }
  if (!f.anonymous) {
    body.name = f.name.trim()
    body.phone = f.phone.trim()
    if (f.idNumber.trim()) body.idNumber = f.idNumber.trim().toUpperCase()
    // absent is the same as false: only a tick is sent
    if (f.declineCallback) body.declineCallback = true
  }
  if (f.email.trim()) body.email = f.email.trim()
  return body
}

export function WritePage() {
  const i18n = useI18n()
  const { t, tx, lang } = i18n
  useTitle(t('write.title'))
  const [form, setForm] = useState<LetterForm>(EMPTY)
  const [errors, setErrors] = useState<Record<string, FieldError>>({})
  const [showSummary, setShowSummary] = useState(false)
  const [failure, setFailure] = useState<unknown>(null)
  const [sending, setSending] = useState(false)
  /** The key of the last attempt and the exact body it was sent with. */
  const attempt = useRef<{ key: string; body: string } | null>(null)

  const set = <K extends keyof LetterForm>(k: K, v: LetterForm[K]) => {
    setForm((f) => ({ ...f, [k]: v }))
    if (errors[k]) setErrors((e) => ({ ...e, [k]: null }))
  }

  const focusSummary = () => setTimeout(() => document.getElementById('error-summary')?.focus(), 0)

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (sending) return
    setFailure(null)
    const found = validateLetter(form)
    setErrors(found)
    if (Object.keys(found).length) {
      setShowSummary(true)
      focusSummary()
      return
    }
    setShowSummary(false)
    const request = toRequest(form, lang)
    const body = JSON.stringify(request)
    if (!attempt.current || attempt.current.body !== body) attempt.current = { key: newUuid(), body }
    setSending(true)
    try {
      const receipt = await publicApi<LetterReceipt>('/mailbox/letters', {
        method: 'POST',
        body: request,
        headers: { 'idempotency-key': attempt.current.key },
      })
      receiptStore.put({ ...receipt, category: request.category, emailGiven: Boolean(request.email) })
      attempt.current = null
      setForm(EMPTY)
      navigate('/write/done')
    } catch (err) {
      if (err instanceof ApiError && err.status === 400 && err.problem.errors?.length) {
        const { fields, other } = serverFieldErrors(err.problem.errors)
        setErrors(fields)
        if (Object.keys(fields).length) {
          setShowSummary(true)
          focusSummary()
        }
        if (other.length || !Object.keys(fields).length) setFailure(err)
      } else {
        setFailure(err)
      }
    } finally {
      setSending(false)
    }
  }

  const labels: Record<string, string> = {
    category: t('write.category'),
    subject: t('write.subject'),
    body: t('write.body'),
    name: t('write.name'),
    phone: t('write.phone'),
    email: t('write.email'),
    idNumber: t('write.idNumber'),
    anonymous: t('write.identity'),
    consentToPublish: t('write.consent'),
  }
  const ordered = Object.fromEntries(
    [...FIELD_ORDER, ...Object.keys(errors)]
      .filter((k, i, a) => a.indexOf(k) === i)
      .map((k) => [k, errors[k]]),
  )

  return (
    <>
      <PageHeading lead={t('write.intro')}>{t('write.title')}</PageHeading>
      <Notice kind="warning">{t('home.notice.emergency')}</Notice>
      <form className="form card" onSubmit={submit} noValidate aria-describedby="write-privacy">
        {showSummary && <ErrorSummary errors={ordered} labels={labels} idFor={fieldId} />}
        <RadioGroup
          id={fieldId('category')}
          legend={t('write.category')}
          name="category"
          required
          value={form.category}
          onChange={(v) => set('category', v)}
          error={errors.category}
          choices={CATEGORIES.map((c) => ({
            value: c,
            label: tx('category', c),
            hint: tx('category.hint', c),
          }))}
        />
        <TextField
          id={fieldId('subject')}
          label={t('write.subject')}
          hint={t('write.subject.hint')}
          required
          maxLength={200}
          value={form.subject}
          onChange={(e) => set('subject', e.target.value)}
          error={errors.subject}
          autoComplete="off"
          extra={<span className="counter">{t('common.chars', { n: form.subject.length, max: 200 })}</span>}
        />
        <TextArea
          id={fieldId('body')}
          label={t('write.body')}
          hint={t('write.body.hint')}
          required
          rows={10}
          maxLength={10_000}
          value={form.body}
          onChange={(e) => set('body', e.target.value)}
          error={errors.body}
          extra={<span className="counter">{t('common.chars', { n: form.body.length, max: 10_000 })}</span>}
        />
        <RadioGroup
          legend={t('write.identity')}
          name="anonymous"
          required
          inline
          value={form.anonymous ? 'anonymous' : 'named'}
          onChange={(v) => set('anonymous', v === 'anonymous')}
          hint={form.anonymous ? t('write.anonymous.hint') : undefined}
          choices={[
            { value: 'named', label: t('write.named') },
            { value: 'anonymous', label: t('write.anonymous') },
          ]}
        />
        {!form.anonymous && (
          <div className="grid-2">
            <TextField
              id={fieldId('name')}
              label={t('write.name')}
              required
              maxLength={50}
              autoComplete="name"
              value={form.name}
              onChange={(e) => set('name', e.target.value)}
              error={errors.name}
            />
            <TextField
              id={fieldId('phone')}
              label={t('write.phone')}
              hint={t('write.phone.hint')}
              required
              type="tel"
              inputMode="tel"
              maxLength={20}
              autoComplete="tel"
              value={form.phone}
              onChange={(e) => set('phone', e.target.value)}
              error={errors.phone}
            />
          </div>
        )}
        <div className="grid-2">
          <TextField
            id={fieldId('email')}
            label={t('write.email')}
            hint={t('write.email.hint')}
            type="email"
            inputMode="email"
            maxLength={254}
            autoComplete="email"
            value={form.email}
            onChange={(e) => set('email', e.target.value)}
            error={errors.email}
          />
          {!form.anonymous && (
            <TextField
              id={fieldId('idNumber')}
              label={t('write.idNumber')}
              hint={t('write.idNumber.hint')}
              maxLength={18}
              autoComplete="off"
              spellCheck={false}
              value={form.idNumber}
              onChange={(e) => set('idNumber', e.target.value)}
              error={errors.idNumber}
            />
          )}
        </div>
        {!form.anonymous && (
          <CheckboxField
            id={fieldId('declineCallback')}
            label={t('write.declineCallback')}
            hint={t('write.declineCallback.hint')}
            checked={Boolean(form.declineCallback)}
            onChange={(e) => set('declineCallback', e.target.checked)}
          />
        )}
        <CheckboxField
          id={fieldId('consentToPublish')}
          label={t('write.consent')}
          hint={t('write.consent.hint')}
          checked={form.consentToPublish}
          onChange={(e) => set('consentToPublish', e.target.checked)}
          error={errors.consentToPublish}
        />
        <p id="write-privacy" className="muted small">
          {t('write.privacy')}
        </p>
        {failure ? (
          <ErrorMessage error={failure}>
            <p>{t('write.retry')}</p>
          </ErrorMessage>
        ) : null}
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={sending} aria-busy={sending}>
            {sending ? t('common.submitting') : t('write.submit')}
          </button>
        </div>
      </form>
    </>
  )
}
