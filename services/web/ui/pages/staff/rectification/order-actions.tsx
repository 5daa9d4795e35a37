// The forms of an order's actions, each posted with the version the page shows: acknowledge, plan,
// evidence (multipart: text and files, checked here before sending), verify, send back, close (销号) and
// re-check (回头看). A 409 means the order changed: the page reloads it and says so.
import { type FormEvent, useRef, useState } from 'react'
import { ApiError, staffApi } from '../../../api/client.ts'
import {
  type OrderView,
  orderPath,
  postEvidence,
  RECHECK_OUTCOMES,
  SEND_BACK_KINDS,
} from '../../../api/rectification.ts'
import { ErrorMessage } from '../../../components/feedback.tsx'
import { type FieldError, RadioGroup, TextArea, TextField } from '../../../components/fields.tsx'
import { useI18n } from '../../../i18n/i18n.tsx'
import { ACCEPT, checkEvidenceFiles, type FileFault, fileSize } from '../../../lib/evidence.ts'
import type { OrderAction } from '../../../lib/rect-actions.ts'
import { serverFieldErrors, validateText } from '../../../lib/validate.ts'

interface Values {
  measures: string
  owner: string
  plannedBy: string
  text: string
  kind: string
  reason: string
  publicSummary: string
  recheckAfterDays: string
  outcome: string
  note: string
  workingDays: string
}

const EMPTY: Values = {
  measures: '',
  owner: '',
  plannedBy: '',
  text: '',
  kind: '',
  reason: '',
  publicSummary: '',
  recheckAfterDays: '',
  outcome: '',
  note: '',
  workingDays: '',
}

/** Today in Shanghai as YYYY-MM-DD (the earliest planned date). */
const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10)

/** The body of a JSON action, or the fields' errors. Pure. */
export function actionBody(
  action: Exclude<OrderAction, 'evidence'>,
  v: Values,
  version: number,
): { body: Record<string, unknown>; errors: Record<string, FieldError> } {
  const errors: Record<string, FieldError> = {}
  const body: Record<string, unknown> = { version }
  const text = (field: keyof Values, max: number, optional = false) => {
    if (optional && !v[field].trim()) return
    const bad = validateText(v[field], max)
    if (bad) errors[field] = bad
    else body[field] = v[field].trim()
  }
  if (action === 'plan') {
    text('measures', 4000)
    text('owner', 200)
    if (!/^\d{4}-\d{2}-\d{2}$/.test(v.plannedBy) || v.plannedBy < today())
      errors.plannedBy = { key: 'rect.v.date' }
    else body.plannedBy = v.plannedBy
  }
  if (action === 'send-back') {
    if (!(SEND_BACK_KINDS as readonly string[]).includes(v.kind)) errors.kind = { key: 'v.required' }
    else body.kind = v.kind
    text('reason', 2000)
  }
  if (action === 'close') {
    text('publicSummary', 500)
    if (v.recheckAfterDays.trim()) {
      const n = Number(v.recheckAfterDays)
      if (!Number.isInteger(n) || n < 1 || n > 365) errors.recheckAfterDays = { key: 'rect.v.recheckDays' }
      else body.recheckAfterDays = n
    }
  }
  if (action === 'recheck') {
    if (!(RECHECK_OUTCOMES as readonly string[]).includes(v.outcome)) errors.outcome = { key: 'v.required' }
    else body.outcome = v.outcome
    text('note', 2000)
    if (v.outcome === 'returned' && v.workingDays.trim()) {
      const n = Number(v.workingDays)
      if (!Number.isInteger(n) || n < 1 || n > 120) errors.workingDays = { key: 'rect.v.workingDays' }
      else body.deadline = { workingDays: n }
    }
  }
  return { body, errors }
}

function faultText(f: FileFault, t: ReturnType<typeof useI18n>['t']): string {
  switch (f.code) {
    case 'count':
      return t('rect.v.file.count', { allowed: f.allowed })
    case 'type':
      return t('rect.v.file.type', { name: f.name })
    case 'size':
      return t('rect.v.file.size', { name: f.name })
    case 'empty':
      return t('rect.v.file.empty', { name: f.name })
    case 'name':
      return t('rect.v.file.name', { name: f.name })
  }
}

export function OrderActionForm({
  action,
  order,
  onDone,
  onStale,
  onCancel,
}: {
  action: OrderAction
  order: OrderView
  onDone(o: OrderView): void
  onStale(): void
  onCancel(): void
}) {
  const { t, tx } = useI18n()
  const [v, setV] = useState<Values>(EMPTY)
  const [files, setFiles] = useState<File[]>([])
  const [fileFaults, setFileFaults] = useState<string[]>([])
  const [errors, setErrors] = useState<Record<string, FieldError>>({})
  const [failure, setFailure] = useState<unknown>(null)
  const [sending, setSending] = useState(false)
  const fileInput = useRef<HTMLInputElement>(null)
  const set = (k: keyof Values, value: string) => {
    setV((old) => ({ ...old, [k]: value }))
    setErrors((e) => ({ ...e, [k]: null }))
  }
  const attached = order.evidence.reduce((n, e) => n + e.attachments.length, 0)
  const formId = `rect-form-${action}`

  const chooseFiles = async (list: FileList | null) => {
    const chosen = list ? [...list] : []
    setFiles(chosen)
    const faults = await checkEvidenceFiles(chosen, attached)
    setFileFaults(faults.map((f) => faultText(f, t)))
  }

  const fail = (err: unknown) => {
    if (err instanceof ApiError && err.status === 409) {
      onStale()
      return
    }
    if (err instanceof ApiError && err.status === 400 && err.problem.errors?.length) {
      setErrors(serverFieldErrors(err.problem.errors).fields)
    }
    setFailure(err)
  }

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setFailure(null)
    if (action === 'evidence') {
      const bad = validateText(v.text, 10_000)
      setErrors({ text: bad })
      const faults = await checkEvidenceFiles(files, attached)
      setFileFaults(faults.map((f) => faultText(f, t)))
      if (bad || faults.length) return
      const form = new FormData()
      form.append('version', String(order.version))
      form.append('text', v.text.trim())
      for (const f of files) form.append('files', f, f.name)
      setSending(true)
      try {
        onDone(await postEvidence<OrderView>(order.orderId, form))
      } catch (err) {
        fail(err)
      } finally {
        setSending(false)
      }
      return
    }
    const { body, errors: errs } = actionBody(action, v, order.version)
    setErrors(errs)
    if (Object.values(errs).some(Boolean)) return
    setSending(true)
    try {
      onDone(await staffApi<OrderView>(`${orderPath(order.orderId)}/${action}`, { method: 'POST', body }))
    } catch (err) {
      fail(err)
    } finally {
      setSending(false)
    }
  }

  const help: Partial<Record<OrderAction, string>> = {
    acknowledge: t('rect.help.acknowledge'),
    verify: t('rect.help.verify'),
    close: t('rect.help.close'),
  }

  return (
    <form
      id={formId}
      className="form action-form"
      onSubmit={submit}
      noValidate
      aria-label={tx('rect.action', action)}
    >
      <h3>{tx('rect.action', action)}</h3>
      {help[action] && <p className="muted">{help[action]}</p>}
      {action === 'plan' && (
        <>
          <TextArea
            id="rect-plan-measures"
            label={t('rect.f.measures')}
            required
            rows={5}
            maxLength={4000}
            value={v.measures}
            onChange={(e) => set('measures', e.target.value)}
            error={errors.measures}
          />
          <TextField
            id="rect-plan-owner"
            label={t('rect.f.owner')}
            required
            maxLength={200}
            value={v.owner}
            onChange={(e) => set('owner', e.target.value)}
            error={errors.owner}
          />
          <TextField
            id="rect-plan-plannedBy"
            type="date"
            label={t('rect.f.plannedBy')}
            required
            min={today()}
            value={v.plannedBy}
            onChange={(e) => set('plannedBy', e.target.value)}
            error={errors.plannedBy}
          />
        </>
      )}
      {action === 'evidence' && (
        <>
          <TextArea
            id="rect-evidence-text"
            label={t('rect.f.evidenceText')}
            required
            rows={5}
            maxLength={10_000}
            value={v.text}
            onChange={(e) => set('text', e.target.value)}
            error={errors.text}
          />
          <div className={`field${fileFaults.length ? ' has-error' : ''}`}>
            <label htmlFor="rect-evidence-files" className="field-label">
              {t('rect.f.files')}
              <span className="opt">{t('common.optional')}</span>
            </label>
            <input
              ref={fileInput}
              id="rect-evidence-files"
              type="file"
              multiple
              accept={ACCEPT}
              aria-invalid={fileFaults.length ? true : undefined}
              aria-describedby={fileFaults.length ? 'rect-evidence-files-error' : undefined}
              onChange={(e) => void chooseFiles(e.target.files)}
            />
            {files.length > 0 && (
              <ul className="plain small" data-testid="rect-chosen-files">
                {files.map((f) => (
                  <li key={`${f.name}-${f.size}`}>
                    {f.name} ({fileSize(f.size)})
                  </li>
                ))}
              </ul>
            )}
            {fileFaults.length > 0 && (
              <ul id="rect-evidence-files-error" className="field-error" data-testid="rect-file-faults">
                {fileFaults.map((f) => (
                  <li key={f}>{f}</li>
                ))}
              </ul>
            )}
          </div>
        </>
      )}
      {action === 'send-back' && (
        <>
          <RadioGroup
            id="rect-sendback-kind"
            legend={t('rect.f.sendBackKind')}
            name="rect-sendback-kind"
            required
            value={v.kind}
            onChange={(k) => set('kind', k)}
            error={errors.kind}
            choices={SEND_BACK_KINDS.map((k) => ({ value: k, label: tx('rect.sendBack', k) }))}
          />
          <TextArea
            id="rect-sendback-reason"
            label={t('rect.f.reason')}
            required
            rows={3}
            maxLength={2000}
            value={v.reason}
            onChange={(e) => set('reason', e.target.value)}
            error={errors.reason}
          />
        </>
      )}
      {action === 'close' && (
        <>
          <TextArea
            id="rect-close-summary"
            label={t('rect.f.publicSummary')}
            required
            rows={3}
            maxLength={500}
            value={v.publicSummary}
            onChange={(e) => set('publicSummary', e.target.value)}
            error={errors.publicSummary}
          />
          <TextField
            id="rect-close-recheck"
            type="number"
            inputMode="numeric"
            min={1}
            max={365}
            label={t('rect.f.recheckAfterDays')}
            value={v.recheckAfterDays}
            onChange={(e) => set('recheckAfterDays', e.target.value)}
            error={errors.recheckAfterDays}
          />
        </>
      )}
      {action === 'recheck' && (
        <>
          <RadioGroup
            id="rect-recheck-outcome"
            legend={t('rect.f.outcome')}
            name="rect-recheck-outcome"
            required
            value={v.outcome}
            onChange={(k) => set('outcome', k)}
            error={errors.outcome}
            choices={RECHECK_OUTCOMES.map((k) => ({ value: k, label: tx('rect.outcome', k) }))}
          />
          <TextArea
            id="rect-recheck-note"
            label={t('rect.f.note')}
            required
            rows={3}
            maxLength={2000}
            value={v.note}
            onChange={(e) => set('note', e.target.value)}
            error={errors.note}
          />
          {v.outcome === 'returned' && (
            <TextField
              id="rect-recheck-days"
              type="number"
              inputMode="numeric"
              min={1}
              max={120}
              label={t('rect.f.workingDays')}
              value={v.workingDays}
              onChange={(e) => set('workingDays', e.target.value)}
              error={errors.workingDays}
            />
          )}
        </>
      )}
      {failure ? <ErrorMessage error={failure} /> : null}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={sending} data-submit={action}>
          {sending ? t('common.submitting') : tx('rect.action', action)}
        </button>
        <button type="button" className="btn btn-ghost" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  )
}
