// Staff: the poll builder (POST /polls, PUT /polls/{id} with the version read): title, description,
// department, opening and closing time in Asia/Shanghai, the voter rule, when results are shown, and the
// questions of every kind (add, remove, reorder; options, min/max, departments rated, text length), with
// the service's checks mirrored and a preview as voters will see it. A published poll's questions are
// frozen: its edit page shows them read-only and only lets the closing time move later.
import { type FormEvent, useState } from 'react'
import { ApiError, staffApi } from '../../../api/client.ts'
import {
  fromShanghaiLocal,
  POLLS,
  type PollInput,
  QUESTION_KINDS,
  type Question,
  type QuestionInput,
  type QuestionKind,
  RULES,
  type Rule,
  type StaffPoll,
  toShanghaiLocal,
  VISIBILITIES,
  type Visibility,
} from '../../../api/polls.ts'
import { PageHeading } from '../../../components/bits.tsx'
import { AsyncView, ErrorMessage, Notice, useAsync } from '../../../components/feedback.tsx'
import {
  CheckboxField,
  ErrorSummary,
  type FieldError,
  RadioGroup,
  SelectField,
  TextArea,
  TextField,
} from '../../../components/fields.tsx'
import { useI18n, useTitle } from '../../../i18n/i18n.tsx'
import { Link } from '../../../lib/router.tsx'
import { isOneLine } from '../../../lib/validate.ts'
import { QuestionField } from '../../public/polls-shared.tsx'
import { useDepartments } from '../use-staff.ts'
import { openPoll } from './list.tsx'
import { FrozenPoll } from './manage.tsx'

interface QDraft {
  key: number
  kind: QuestionKind
  title: string
  required: boolean
  options: string[]
  min: string
  max: string
  items: string[]
  maxLength: string
}

interface Form {
  title: string
  description: string
  departmentId: string
  opensAt: string
  closesAt: string
  rule: Rule
  results: Visibility
  questions: QDraft[]
}

let nextKey = 1

function newQuestion(kind: QuestionKind): QDraft {
  return {
    key: nextKey++,
    kind,
    title: '',
    required: kind !== 'text',
    options: kind === 'single' || kind === 'multiple' ? ['', ''] : [],
    min: '',
    max: '',
    items: kind === 'appraisal' ? [''] : [],
    maxLength: kind === 'text' ? '1000' : '',
  }
}

function emptyForm(): Form {
  const now = Date.now()
  const minute = 60_000
  return {
    title: '',
    description: '',
    departmentId: '',
    opensAt: toShanghaiLocal(new Date(Math.floor(now / minute) * minute).toISOString()),
    closesAt: toShanghaiLocal(new Date(now + 14 * 86_400_000).toISOString()),
    rule: 'verified_phone',
    results: 'live',
    questions: [newQuestion('satisfaction')],
  }
}

function formOf(p: StaffPoll): Form {
  return {
    title: p.title,
    description: p.description,
    departmentId: p.departmentId ?? '',
    opensAt: toShanghaiLocal(p.opensAt),
    closesAt: toShanghaiLocal(p.closesAt),
    rule: p.rule,
    results: p.results,
    questions: p.questions.map((q) => ({
      key: nextKey++,
      kind: q.kind,
      title: q.title,
      required: q.required,
      options: (q.options ?? []).map((o) => o.label),
      min: q.min === undefined ? '' : String(q.min),
      max: q.max === undefined ? '' : String(q.max),
      items: (q.items ?? []).map((i) => i.label),
      maxLength: q.maxLength === undefined ? '' : String(q.maxLength),
    })),
  }
}

const int = (s: string) => (/^\d+$/.test(s.trim()) ? Number(s.trim()) : null)

function toInput(f: Form): PollInput {
  return {
    title: f.title.trim(),
    description: f.description.trim(),
    departmentId: f.departmentId || null,
    opensAt: fromShanghaiLocal(f.opensAt) ?? f.opensAt,
    closesAt: fromShanghaiLocal(f.closesAt) ?? f.closesAt,
    rule: f.rule,
    results: f.results,
    questions: f.questions.map((q): QuestionInput => {
      const base: QuestionInput = { kind: q.kind, title: q.title.trim(), required: q.required }
      const min = int(q.min)
      const max = int(q.max)
      const maxLength = int(q.maxLength)
      switch (q.kind) {
        case 'single':
          return { ...base, options: q.options.map((o) => o.trim()) }
        case 'multiple':
          return {
            ...base,
            options: q.options.map((o) => o.trim()),
            ...(min !== null ? { min } : {}),
            ...(max !== null ? { max } : {}),
          }
        case 'appraisal':
          return { ...base, items: q.items.map((i) => i.trim()) }
        case 'text':
          return { ...base, ...(maxLength !== null ? { maxLength } : {}) }
        default:
          return base
      }
    }),
  }
}

/** The questions as voters will see them (the preview). */
function previewQuestions(f: Form): Question[] {
  return f.questions.map((q, i) => ({
    questionId: `q${i + 1}`,
    kind: q.kind,
    title: q.title || '…',
    required: q.required,
    ...(q.kind === 'single' || q.kind === 'multiple'
      ? { options: q.options.map((label, k) => ({ optionId: `o${k + 1}`, label: label || '…' })) }
      : {}),
    ...(q.kind === 'multiple'
      ? { min: int(q.min) ?? (q.required ? 1 : 0), max: int(q.max) ?? q.options.length }
      : {}),
    ...(q.kind === 'appraisal'
      ? { items: q.items.map((label, k) => ({ itemId: `i${k + 1}`, label: label || '…' })) }
      : {}),
    ...(q.kind === 'text' ? { maxLength: int(q.maxLength) ?? 1000 } : {}),
  }))
}

type Errors = Record<string, FieldError>

/** preparePoll's and the schema's checks, by field (`title`, `q0.options`…). */
function validate(f: Form): Errors {
  const e: Errors = {}
  const line = (v: string, max: number, key: string) => {
    const s = v.trim()
    if (!s) e[key] = { key: 'v.required' }
    else if (!isOneLine(s)) e[key] = { key: 'v.oneLine' }
    else if (s.length > max) e[key] = { key: 'v.textLength', params: { min: 1, max } }
  }
  line(f.title, 200, 'title')
  if (f.description.length > 5000) e.description = { key: 'v.textLength', params: { min: 0, max: 5000 } }
  const opens = fromShanghaiLocal(f.opensAt)
  const closes = fromShanghaiLocal(f.closesAt)
  if (!opens) e.opensAt = { key: 'v.required' }
  if (!closes) e.closesAt = { key: 'v.required' }
  else if (opens && Date.parse(closes) <= Date.parse(opens)) e.closesAt = { key: 'pm.v.closesAfter' }
  if (!f.questions.length) e.questions = { key: 'pm.v.questions' }
  if (f.questions.length > 50) e.questions = { key: 'pm.v.tooManyQuestions' }
  f.questions.forEach((q, i) => {
    line(q.title, 500, `q${i}.title`)
    const labels = (list: string[], field: string, least: number, most: number) => {
      const cleaned = list.map((s) => s.trim())
      if (cleaned.length < least) e[`q${i}.${field}`] = { key: 'pm.v.atLeast', params: { n: least } }
      else if (cleaned.length > most) e[`q${i}.${field}`] = { key: 'pm.v.atMost', params: { n: most } }
      else if (cleaned.some((s) => !s || !isOneLine(s) || s.length > 200))
        e[`q${i}.${field}`] = { key: 'pm.v.labels' }
      else if (new Set(cleaned).size !== cleaned.length) e[`q${i}.${field}`] = { key: 'pm.v.duplicate' }
    }
    if (q.kind === 'single' || q.kind === 'multiple') labels(q.options, 'options', 2, 30)
    if (q.kind === 'multiple') {
      const n = q.options.length
      const min = q.min.trim() ? int(q.min) : q.required ? 1 : 0
      const max = q.max.trim() ? int(q.max) : n
      if (max === null || max < 1 || max > n) e[`q${i}.max`] = { key: 'pm.v.between', params: { a: 1, b: n } }
      if (min === null || min > 30) e[`q${i}.min`] = { key: 'pm.v.between', params: { a: 0, b: n } }
      else if (max !== null && min > max) e[`q${i}.min`] = { key: 'pm.v.minMax' }
      else if (q.required && min < 1) e[`q${i}.min`] = { key: 'pm.v.minRequired' }
    }
    if (q.kind === 'appraisal') labels(q.items, 'items', 1, 50)
    if (q.kind === 'text') {
      const n = int(q.maxLength)
      if (q.maxLength.trim() && (n === null || n < 1 || n > 2000))
        e[`q${i}.maxLength`] = { key: 'pm.v.between', params: { a: 1, b: 2000 } }
    }
  })
  return e
}

/** A 400's `errors` by the builder's fields: `body/questions/2/options/1` → `q2.options`. */
function serverErrors(errors: Array<{ path: string; message: string }>): Errors {
  const out: Errors = {}
  for (const { path, message } of errors) {
    const q = /^(?:body\/)?questions\/(\d+)(?:\/(\w+))?/.exec(path)
    const field = q
      ? `q${q[1]}.${q[2] && q[2] !== 'kind' ? q[2] : 'title'}`
      : path.replace(/^body\/?/, '').split('/')[0] || 'form'
    out[field] ??= message
  }
  return out
}

const fieldId = (field: string) => {
  const q = /^q(\d+)\.(\w+)$/.exec(field)
  if (q) return `pm-q${q[1]}-${q[2]}`
  return `pm-${field}`
}

/** A list of labels (options, departments rated) with add, remove and reorder. */
function LabelList({
  id,
  legend,
  values,
  onChange,
  error,
  addLabel,
}: {
  id: string
  legend: string
  values: string[]
  onChange(v: string[]): void
  error?: FieldError
  addLabel: string
}) {
  const { t } = useI18n()
  const move = (i: number, by: number) => {
    const next = [...values]
    const [x] = next.splice(i, 1)
    next.splice(i + by, 0, x ?? '')
    onChange(next)
  }
  return (
    <fieldset className={`field pm-labels${error ? ' has-error' : ''}`}>
      <legend className="field-label">{legend}</legend>
      <ol>
        {values.map((v, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: labels are edited in place, by position
          <li key={i} className="pm-label-row">
            <input
              type="text"
              id={i === 0 ? id : undefined}
              aria-label={`${legend} ${i + 1}`}
              aria-invalid={error ? true : undefined}
              value={v}
              maxLength={200}
              onChange={(e) => onChange(values.map((x, k) => (k === i ? e.target.value : x)))}
            />
            <button
              type="button"
              className="btn btn-ghost btn-small"
              disabled={i === 0}
              onClick={() => move(i, -1)}
              aria-label={t('pm.up', { n: i + 1 })}
            >
              ↑
            </button>
            <button
              type="button"
              className="btn btn-ghost btn-small"
              disabled={i === values.length - 1}
              onClick={() => move(i, 1)}
              aria-label={t('pm.down', { n: i + 1 })}
            >
              ↓
            </button>
            <button
              type="button"
              className="btn btn-ghost btn-small"
              onClick={() => onChange(values.filter((_, k) => k !== i))}
              aria-label={t('pm.remove', { n: i + 1 })}
            >
              ✕
            </button>
          </li>
        ))}
      </ol>
      <button type="button" className="btn btn-secondary btn-small" onClick={() => onChange([...values, ''])}>
        {addLabel}
      </button>
      {error && <FieldMsg error={error} />}
    </fieldset>
  )
}

function FieldMsg({ error }: { error: FieldError }) {
  const { t } = useI18n()
  if (!error) return null
  return <p className="field-error">{typeof error === 'string' ? error : t(error.key, error.params)}</p>
}

function QuestionEditor({
  q,
  index,
  count,
  errors,
  onChange,
  onMove,
  onRemove,
}: {
  q: QDraft
  index: number
  count: number
  errors: Errors
  onChange(q: QDraft): void
  onMove(by: number): void
  onRemove(): void
}) {
  const { t, tx } = useI18n()
  const at = (f: string) => errors[`q${index}.${f}`]
  const set = (patch: Partial<QDraft>) => onChange({ ...q, ...patch })
  return (
    <li className="card pm-question" data-testid={`pm-question-${index}`}>
      <div className="pm-question-head">
        <h3>{t('pm.question', { n: index + 1 })}</h3>
        <div className="row-actions">
          <button
            type="button"
            className="btn btn-ghost btn-small"
            disabled={index === 0}
            onClick={() => onMove(-1)}
          >
            {t('pm.moveUp')}
          </button>
          <button
            type="button"
            className="btn btn-ghost btn-small"
            disabled={index === count - 1}
            onClick={() => onMove(1)}
          >
            {t('pm.moveDown')}
          </button>
          <button type="button" className="btn btn-ghost btn-small" onClick={onRemove} disabled={count === 1}>
            {t('pm.removeQuestion')}
          </button>
        </div>
      </div>
      <SelectField
        id={`pm-q${index}-kind`}
        label={t('pm.kind')}
        value={q.kind}
        onChange={(e) => {
          const kind = e.target.value as QuestionKind
          const fresh = newQuestion(kind)
          onChange({
            ...fresh,
            key: q.key,
            title: q.title,
            options:
              (kind === 'single' || kind === 'multiple') && q.options.length ? q.options : fresh.options,
          })
        }}
        required
      >
        {QUESTION_KINDS.map((k) => (
          <option key={k} value={k}>
            {tx('poll.kind', k)}
          </option>
        ))}
      </SelectField>
      <TextField
        id={`pm-q${index}-title`}
        label={t('pm.qTitle')}
        value={q.title}
        maxLength={500}
        onChange={(e) => set({ title: e.target.value })}
        error={at('title')}
        required
      />
      <CheckboxField
        id={`pm-q${index}-required`}
        label={t('pm.qRequired')}
        checked={q.required}
        onChange={(e) => set({ required: e.target.checked })}
      />
      {(q.kind === 'single' || q.kind === 'multiple') && (
        <LabelList
          id={`pm-q${index}-options`}
          legend={t('pm.options')}
          values={q.options}
          onChange={(options) => set({ options })}
          error={at('options')}
          addLabel={t('pm.addOption')}
        />
      )}
      {q.kind === 'multiple' && (
        <div className="pm-minmax">
          <TextField
            id={`pm-q${index}-min`}
            label={t('pm.min')}
            inputMode="numeric"
            value={q.min}
            onChange={(e) => set({ min: e.target.value })}
            error={at('min')}
            hint={t('pm.minHint')}
          />
          <TextField
            id={`pm-q${index}-max`}
            label={t('pm.max')}
            inputMode="numeric"
            value={q.max}
            onChange={(e) => set({ max: e.target.value })}
            error={at('max')}
            hint={t('pm.maxHint')}
          />
        </div>
      )}
      {q.kind === 'appraisal' && (
        <LabelList
          id={`pm-q${index}-items`}
          legend={t('pm.items')}
          values={q.items}
          onChange={(items) => set({ items })}
          error={at('items')}
          addLabel={t('pm.addItem')}
        />
      )}
      {q.kind === 'satisfaction' && <p className="field-hint">{t('pm.satisfactionHint')}</p>}
      {q.kind === 'text' && (
        <TextField
          id={`pm-q${index}-maxLength`}
          label={t('pm.maxLength')}
          inputMode="numeric"
          value={q.maxLength}
          onChange={(e) => set({ maxLength: e.target.value })}
          error={at('maxLength')}
          hint={t('pm.maxLengthHint')}
        />
      )}
    </li>
  )
}

function Builder({ poll }: { poll?: StaffPoll }) {
  const { t, tx, deptName } = useI18n()
  const departments = useDepartments()
  const [form, setForm] = useState<Form>(() => (poll ? formOf(poll) : emptyForm()))
  const [errors, setErrors] = useState<Errors>({})
  const [failure, setFailure] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const [preview, setPreview] = useState(false)
  const set = (patch: Partial<Form>) => setForm((f) => ({ ...f, ...patch }))
  const setQuestion = (i: number, q: QDraft) =>
    setForm((f) => ({ ...f, questions: f.questions.map((x, k) => (k === i ? q : x)) }))
  const moveQuestion = (i: number, by: number) =>
    setForm((f) => {
      const qs = [...f.questions]
      const [x] = qs.splice(i, 1)
      if (x) qs.splice(i + by, 0, x)
      return { ...f, questions: qs }
    })

  const labels: Record<string, string> = {
    title: t('pm.field.title'),
    description: t('pm.field.description'),
    opensAt: t('pm.field.opensAt'),
    closesAt: t('pm.field.closesAt'),
    questions: t('pm.questions'),
    form: t('pm.form'),
  }
  form.questions.forEach((_, i) => {
    for (const f of ['title', 'options', 'min', 'max', 'items', 'maxLength'])
      labels[`q${i}.${f}`] = `${t('pm.question', { n: i + 1 })} · ${t(`pm.label.${f}` as 'pm.label.title')}`
  })

  const save = async (e: FormEvent) => {
    e.preventDefault()
    setFailure(null)
    const found = validate(form)
    setErrors(found)
    if (Object.keys(found).length) {
      setTimeout(() => document.getElementById('error-summary')?.focus(), 0)
      return
    }
    setBusy(true)
    try {
      const body = toInput(form)
      const saved = poll
        ? await staffApi<StaffPoll>(`${POLLS}/${encodeURIComponent(poll.pollId)}`, {
            method: 'PUT',
            body: { ...body, version: poll.version },
          })
        : await staffApi<StaffPoll>(POLLS, { method: 'POST', body })
      openPoll(saved.pollId)
    } catch (err) {
      if (err instanceof ApiError && err.status === 400 && err.problem.errors?.length) {
        setErrors(serverErrors(err.problem.errors))
        setTimeout(() => document.getElementById('error-summary')?.focus(), 0)
      } else setFailure(err)
    } finally {
      setBusy(false)
    }
  }

  return (
    <form onSubmit={save} noValidate className="pm-builder" data-testid="pm-builder">
      <ErrorSummary errors={errors} labels={labels} idFor={fieldId} />
      <section className="card">
        <h2>{t('pm.settings')}</h2>
        <TextField
          id="pm-title"
          label={t('pm.field.title')}
          value={form.title}
          maxLength={200}
          onChange={(e) => set({ title: e.target.value })}
          error={errors.title}
          required
        />
        <TextArea
          id="pm-description"
          label={t('pm.field.description')}
          value={form.description}
          rows={3}
          onChange={(e) => set({ description: e.target.value })}
          error={errors.description}
        />
        <SelectField
          id="pm-departmentId"
          label={t('pm.field.department')}
          value={form.departmentId}
          onChange={(e) => set({ departmentId: e.target.value })}
          hint={t('pm.field.departmentHint')}
        >
          <option value="">{t('common.none')}</option>
          {departments.list.map((d) => (
            <option key={d.id} value={d.id}>
              {deptName(d)}
            </option>
          ))}
        </SelectField>
        <div className="pm-minmax">
          <TextField
            id="pm-opensAt"
            type="datetime-local"
            label={t('pm.field.opensAt')}
            value={form.opensAt}
            onChange={(e) => set({ opensAt: e.target.value })}
            error={errors.opensAt}
            hint={t('pm.shanghai')}
            required
          />
          <TextField
            id="pm-closesAt"
            type="datetime-local"
            label={t('pm.field.closesAt')}
            value={form.closesAt}
            onChange={(e) => set({ closesAt: e.target.value })}
            error={errors.closesAt}
            hint={t('pm.shanghai')}
            required
          />
        </div>
        <RadioGroup
          id="pm-rule"
          legend={t('poll.rule')}
          name="pm-rule"
          value={form.rule}
          choices={RULES.map((r) => ({ value: r, label: tx('pm.rule', r), hint: tx('poll.ruleHelp', r) }))}
          onChange={(v) => set({ rule: v as Rule })}
          required
        />
        <RadioGroup
          id="pm-results"
          legend={t('pm.field.results')}
          name="pm-results"
          value={form.results}
          choices={VISIBILITIES.map((v) => ({ value: v, label: tx('pm.visibility', v) }))}
          onChange={(v) => set({ results: v as Visibility })}
          required
        />
      </section>
      <h2 id="pm-questions">{t('pm.questions')}</h2>
      {errors.questions && <FieldMsg error={errors.questions} />}
      <ol className="pm-questions">
        {form.questions.map((q, i) => (
          <QuestionEditor
            key={q.key}
            q={q}
            index={i}
            count={form.questions.length}
            errors={errors}
            onChange={(next) => setQuestion(i, next)}
            onMove={(by) => moveQuestion(i, by)}
            onRemove={() => setForm((f) => ({ ...f, questions: f.questions.filter((_, k) => k !== i) }))}
          />
        ))}
      </ol>
      <fieldset className="pm-add">
        <legend className="field-label">{t('pm.addQuestion')}</legend>
        {QUESTION_KINDS.map((k) => (
          <button
            key={k}
            type="button"
            className="btn btn-secondary btn-small"
            data-testid={`pm-add-${k}`}
            onClick={() => setForm((f) => ({ ...f, questions: [...f.questions, newQuestion(k)] }))}
          >
            + {tx('poll.kind', k)}
          </button>
        ))}
      </fieldset>
      {failure ? <ErrorMessage error={failure} /> : null}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy} id="pm-form" data-testid="pm-save">
          {busy ? t('common.saving') : t('pm.saveDraft')}
        </button>
        <button
          type="button"
          className="btn btn-secondary"
          aria-expanded={preview}
          onClick={() => setPreview((p) => !p)}
          data-testid="pm-preview"
        >
          {preview ? t('pm.hidePreview') : t('pm.preview')}
        </button>
      </div>
      {preview && (
        <section className="card pm-preview" aria-label={t('pm.preview')} data-testid="pm-preview-pane">
          <h2>{form.title || '…'}</h2>
          <p className="muted">{tx('poll.ruleHelp', form.rule)}</p>
          {previewQuestions(form).map((q, i) => (
            <QuestionField key={q.questionId} q={q} index={i} value={{}} onChange={() => {}} disabled />
          ))}
        </section>
      )}
    </form>
  )
}

export function NewPollPage() {
  const { t } = useI18n()
  useTitle(t('pm.new'))
  return (
    <>
      <p className="breadcrumb">
        <Link to="/staff/polls">{t('pm.list.title')}</Link>
      </p>
      <PageHeading lead={t('pm.builder.intro')}>{t('pm.new')}</PageHeading>
      <Builder />
    </>
  )
}

export function EditPollPage({ pollId }: { pollId: string }) {
  const { t } = useI18n()
  const state = useAsync(
    (signal) => staffApi<StaffPoll>(`${POLLS}/manage/${encodeURIComponent(pollId)}`, { signal }),
    [pollId],
  )
  useTitle(t('pm.edit'))
  return (
    <>
      <p className="breadcrumb">
        <Link to="/staff/polls">{t('pm.list.title')}</Link> ›{' '}
        <Link to={`/staff/polls/${encodeURIComponent(pollId)}`}>{state.data?.title ?? '…'}</Link>
      </p>
      <PageHeading>{t('pm.edit')}</PageHeading>
      <AsyncView state={state}>
        {(poll) =>
          poll.status === 'draft' ? (
            <Builder poll={poll} />
          ) : (
            <>
              <Notice kind="warning">
                <p>{t('pm.frozen')}</p>
              </Notice>
              <FrozenPoll poll={poll} onChanged={state.set} />
            </>
          )
        }
      </AsyncView>
    </>
  )
}
