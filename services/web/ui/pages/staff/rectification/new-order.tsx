// Issue an order (discipline officers): the problems come from an alert (`?alertId=`), from a case
// (`?caseId=`, or found by its tracking code), from the recent problems not yet ordered, or are recorded
// by hand from a case; then title, department and place, measures required, deadline (working days or a
// date) and priority. The place defaults from the alert or the chosen problems.
import { type FormEvent, useEffect, useState } from 'react'
import { ApiError, staffApi } from '../../../api/client.ts'
import {
  type AlertDetail,
  type OrderView,
  orderPage,
  PRIORITIES,
  PROBLEM_KINDS,
  type ProblemView,
  RECT,
} from '../../../api/rectification.ts'
import type { CaseView, Page } from '../../../api/types.ts'
import { PageHeading } from '../../../components/bits.tsx'
import { AsyncView, ErrorMessage, useAsync } from '../../../components/feedback.tsx'
import {
  ErrorSummary,
  type FieldError,
  RadioGroup,
  SelectField,
  TextArea,
  TextField,
} from '../../../components/fields.tsx'
import { useI18n, useTitle } from '../../../i18n/i18n.tsx'
import { Link, navigate, useSearchParams } from '../../../lib/router.tsx'
import { serverFieldErrors, TRACKING_CODE, validateText } from '../../../lib/validate.ts'
import { useDepartments } from '../use-staff.ts'
import { ProblemTable, problemRow } from './shared.tsx'

const STAFF_NUMBER = /^[0-9A-Za-z-]{1,20}$/
/** A problem that can go into a new order: not withdrawn on appeal, not in another order. */
const orderable = (p: { withdrawn: unknown; orderId: string | null }) => !p.withdrawn && !p.orderId
const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10)

export interface OrderForm {
  title: string
  departmentId: string
  office: string
  window: string
  staffNumber: string
  person: string
  measuresRequired: string
  deadlineKind: 'workingDays' | 'date'
  workingDays: string
  date: string
  priority: string
}

/** The body of POST /orders, or the fields' errors. Pure. */
export function orderRequest(
  f: OrderForm,
  problemIds: string[],
  alertId: string | null,
): { body: Record<string, unknown>; errors: Record<string, FieldError> } {
  const errors: Record<string, FieldError> = {}
  const body: Record<string, unknown> = { problemIds }
  if (problemIds.length < 1 || problemIds.length > 100) errors.problems = { key: 'rect.v.problems' }
  if (alertId) body.alertId = alertId
  const text = (
    field: 'title' | 'measuresRequired' | 'person' | 'office' | 'window',
    max: number,
    optional = false,
  ) => {
    const value = f[field]
    if (optional && !value.trim()) return
    const bad = validateText(value, max)
    if (bad) errors[field] = bad
    else body[field] = value.trim()
  }
  text('title', 200)
  if (!f.departmentId) errors.departmentId = { key: 'v.required' }
  else body.departmentId = f.departmentId
  text('office', 100, true)
  text('window', 50, true)
  if (f.staffNumber.trim()) {
    if (!STAFF_NUMBER.test(f.staffNumber.trim())) errors.staffNumber = { key: 'rect.v.staffNumber' }
    else body.staffNumber = f.staffNumber.trim()
  }
  text('person', 100, true)
  text('measuresRequired', 4000)
  if (f.deadlineKind === 'workingDays') {
    const n = Number(f.workingDays || '15')
    if (!Number.isInteger(n) || n < 1 || n > 120) errors.workingDays = { key: 'rect.v.workingDays' }
    else body.deadline = { workingDays: n }
  } else if (!/^\d{4}-\d{2}-\d{2}$/.test(f.date) || f.date <= today()) errors.date = { key: 'rect.v.date' }
  else body.deadline = { date: f.date }
  body.priority = (PRIORITIES as readonly string[]).includes(f.priority) ? f.priority : 'normal'
  return { body, errors }
}

const EMPTY: OrderForm = {
  title: '',
  departmentId: '',
  office: '',
  window: '',
  staffNumber: '',
  person: '',
  measuresRequired: '',
  deadlineKind: 'workingDays',
  workingDays: '15',
  date: '',
  priority: 'normal',
}

/** Where the problems come from, and the alert when there is one. */
async function loadSource(
  alertId: string | null,
  caseId: string | null,
  signal: AbortSignal,
): Promise<{ alert: AlertDetail | null; problems: ProblemView[] }> {
  if (alertId) {
    const alert = await staffApi<AlertDetail>(`${RECT}/alerts/${encodeURIComponent(alertId)}`, { signal })
    return { alert, problems: alert.problems }
  }
  if (!caseId) {
    const page = await staffApi<Page<ProblemView>>(`${RECT}/problems`, {
      query: { inOrder: false, withdrawn: false, limit: 100 },
      signal,
    })
    return { alert: null, problems: page.items }
  }
  // a case's problems: the list has no case filter, so its pages are read and the case's kept
  const problems: ProblemView[] = []
  let cursor: string | null = null
  for (let pages = 0; pages < 10; pages++) {
    const page: Page<ProblemView> = await staffApi<Page<ProblemView>>(`${RECT}/problems`, {
      query: { limit: 100, cursor },
      signal,
    })
    problems.push(...page.items.filter((p) => p.caseId === caseId || p.source.id === caseId))
    cursor = page.nextCursor
    if (!cursor) break
  }
  return { alert: null, problems }
}

function RecordProblem({ caseId, onDone }: { caseId: string; onDone(p: ProblemView): void }) {
  const { t, tx, deptName } = useI18n()
  const { list: departments } = useDepartments()
  const [v, setV] = useState({
    kind: '',
    summary: '',
    departmentId: '',
    office: '',
    window: '',
    staffNumber: '',
  })
  const [errors, setErrors] = useState<Record<string, FieldError>>({})
  const [failure, setFailure] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const set = (k: keyof typeof v, value: string) => {
    setV((o) => ({ ...o, [k]: value }))
    setErrors((e) => ({ ...e, [k]: null }))
  }
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    const errs: Record<string, FieldError> = {}
    if (!v.kind) errs.kind = { key: 'v.required' }
    const bad = validateText(v.summary, 300)
    if (bad) errs.summary = bad
    if (!v.departmentId) errs.departmentId = { key: 'v.required' }
    if (v.staffNumber.trim() && !STAFF_NUMBER.test(v.staffNumber.trim()))
      errs.staffNumber = { key: 'rect.v.staffNumber' }
    setErrors(errs)
    if (Object.keys(errs).length) return
    setBusy(true)
    setFailure(null)
    try {
      const p = await staffApi<ProblemView>(`${RECT}/problems`, {
        method: 'POST',
        body: {
          caseId,
          kind: v.kind,
          summary: v.summary.trim(),
          departmentId: v.departmentId,
          office: v.office.trim() || null,
          window: v.window.trim() || null,
          staffNumber: v.staffNumber.trim() || null,
        },
      })
      onDone(p)
      setV({ kind: '', summary: '', departmentId: '', office: '', window: '', staffNumber: '' })
    } catch (err) {
      if (err instanceof ApiError && err.status === 400 && err.problem.errors?.length)
        setErrors(serverFieldErrors(err.problem.errors).fields)
      setFailure(err)
    } finally {
      setBusy(false)
    }
  }
  return (
    <form className="card form" onSubmit={submit} noValidate aria-labelledby="rect-record-h">
      <h2 id="rect-record-h">{t('rect.new.record')}</h2>
      <p className="muted small">{t('rect.new.recordIntro')}</p>
      <div className="grid-2">
        <SelectField
          id="rect-record-kind"
          label={t('rect.f.kind')}
          required
          value={v.kind}
          onChange={(e) => set('kind', e.target.value)}
          error={errors.kind}
        >
          <option value="">{t('f.finding.choose')}</option>
          {PROBLEM_KINDS.map((k) => (
            <option key={k} value={k}>
              {tx('rect.kind', k)}
            </option>
          ))}
        </SelectField>
        <SelectField
          id="rect-record-department"
          label={t('rect.f.department')}
          required
          value={v.departmentId}
          onChange={(e) => set('departmentId', e.target.value)}
          error={errors.departmentId}
        >
          <option value="">{t('f.department.choose')}</option>
          {departments
            .filter((d) => d.active)
            .map((d) => (
              <option key={d.id} value={d.id}>
                {deptName(d)}
              </option>
            ))}
        </SelectField>
      </div>
      <TextField
        id="rect-record-summary"
        label={t('rect.f.summary')}
        required
        maxLength={300}
        value={v.summary}
        onChange={(e) => set('summary', e.target.value)}
        error={errors.summary}
      />
      <div className="grid-2">
        <TextField
          id="rect-record-office"
          label={t('rect.f.office')}
          maxLength={100}
          value={v.office}
          onChange={(e) => set('office', e.target.value)}
          error={errors.office}
        />
        <TextField
          id="rect-record-window"
          label={t('rect.f.window')}
          maxLength={50}
          value={v.window}
          onChange={(e) => set('window', e.target.value)}
          error={errors.window}
        />
        <TextField
          id="rect-record-staff"
          label={t('rect.f.staffNumber')}
          maxLength={20}
          value={v.staffNumber}
          onChange={(e) => set('staffNumber', e.target.value)}
          error={errors.staffNumber}
        />
      </div>
      {failure ? <ErrorMessage error={failure} /> : null}
      <button type="submit" className="btn btn-secondary" disabled={busy}>
        {t('rect.new.recordSubmit')}
      </button>
    </form>
  )
}

export function NewOrderPage() {
  const { t, tx, deptName } = useI18n()
  useTitle(t('rect.new.title'))
  const params = useSearchParams()
  const alertId = params.get('alertId')
  const caseId = params.get('caseId')
  const { list: departments } = useDepartments()
  const [f, setF] = useState<OrderForm>(EMPTY)
  const [chosen, setChosen] = useState<string[]>([])
  const [extra, setExtra] = useState<ProblemView[]>([])
  const [errors, setErrors] = useState<Record<string, FieldError>>({})
  const [failure, setFailure] = useState<unknown>(null)
  const [sending, setSending] = useState(false)
  const [caseCode, setCaseCode] = useState('')
  const [caseError, setCaseError] = useState<FieldError>(null)
  const source = useAsync((signal) => loadSource(alertId, caseId, signal), [alertId, caseId])
  const set = <K extends keyof OrderForm>(k: K, value: OrderForm[K]) => {
    setF((o) => ({ ...o, [k]: value }))
    setErrors((e) => ({ ...e, [k]: null }))
  }

  // the alert's problems are chosen, and its place is the order's
  useEffect(() => {
    const data = source.data
    if (!data) return
    const usable = data.problems.filter(orderable)
    if (data.alert) {
      setChosen(usable.map((p) => p.id))
      const a = data.alert
      setF((o) => ({
        ...o,
        departmentId: a.departmentId,
        office: a.office ?? '',
        window: a.window ?? '',
        staffNumber: a.staffNumber ?? '',
      }))
    } else if (caseId) setChosen(usable.map((p) => p.id))
  }, [source.data, caseId])
  const problems = [...(source.data?.problems ?? []), ...extra]
  /** A new choice; the place follows the first chosen problem until the officer gives one. */
  const choose = (ids: string[]) => {
    setChosen(ids)
    const first = problems.find((p) => p.id === ids[0])
    if (!first || alertId) return
    setF((o) =>
      o.departmentId
        ? o
        : {
            ...o,
            departmentId: first.departmentId,
            office: first.office ?? '',
            window: first.window ?? '',
            staffNumber: first.staffNumber ?? '',
          },
    )
  }

  const findCase = async (e: FormEvent) => {
    e.preventDefault()
    const code = caseCode.trim().toUpperCase()
    if (!code) {
      setCaseError({ key: 'v.required' })
      return
    }
    if (!TRACKING_CODE.test(code)) {
      navigate(`/staff/rectification/orders/new?caseId=${encodeURIComponent(caseCode.trim())}`)
      return
    }
    try {
      const page = await staffApi<Page<CaseView>>('/cases', { query: { q: code, limit: 5 } })
      const found = page.items.find((c) => c.trackingCode === code)
      if (!found) setCaseError({ key: 'f.intoCase.none' })
      else navigate(`/staff/rectification/orders/new?caseId=${encodeURIComponent(found.id)}`)
    } catch (err) {
      setFailure(err)
    }
  }

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    const { body, errors: errs } = orderRequest(f, chosen, alertId)
    setErrors(errs)
    if (Object.values(errs).some(Boolean)) {
      setTimeout(() => document.getElementById('error-summary')?.focus(), 0)
      return
    }
    setSending(true)
    setFailure(null)
    try {
      const order = await staffApi<OrderView>(`${RECT}/orders`, { method: 'POST', body })
      navigate(orderPage(order.orderId))
    } catch (err) {
      if (err instanceof ApiError && err.status === 400 && err.problem.errors?.length)
        setErrors(serverFieldErrors(err.problem.errors).fields)
      setFailure(err)
    } finally {
      setSending(false)
    }
  }

  const labels: Record<string, string> = {
    problems: t('rect.problems'),
    title: t('rect.f.title'),
    departmentId: t('rect.f.department'),
    office: t('rect.f.office'),
    window: t('rect.f.window'),
    staffNumber: t('rect.f.staffNumber'),
    person: t('rect.f.person'),
    measuresRequired: t('rect.f.measuresRequired'),
    workingDays: t('rect.f.workingDays'),
    date: t('rect.f.date'),
  }
  const idFor = (field: string) => (field === 'problems' ? 'rect-problems-h' : `rect-new-${field}`)

  return (
    <>
      <p className="breadcrumb">
        <Link to="/staff/rectification">{t('rect.title')}</Link>
      </p>
      <PageHeading lead={t('rect.new.intro')}>{t('rect.new.title')}</PageHeading>
      {!alertId && (
        <form className="card filters" onSubmit={findCase} noValidate aria-label={t('rect.new.fromCase')}>
          <TextField
            id="rect-new-case"
            label={t('rect.new.caseCode')}
            value={caseCode}
            onChange={(e) => {
              setCaseCode(e.target.value)
              setCaseError(null)
            }}
            error={caseError}
          />
          <div className="filters-actions">
            <button type="submit" className="btn btn-secondary">
              {t('rect.new.findCase')}
            </button>
          </div>
        </form>
      )}
      <section className="card" aria-labelledby="rect-problems-h">
        <h2 id="rect-problems-h" tabIndex={-1}>
          {alertId ? t('rect.new.fromAlert') : caseId ? t('rect.new.fromCase') : t('rect.new.choose')}{' '}
          <span className="badge tone-muted" data-testid="rect-chosen">
            {t('rect.new.chosen', { n: chosen.length })}
          </span>
        </h2>
        {errors.problems && <p className="field-error">{t('rect.v.problems')}</p>}
        <AsyncView state={source}>
          {() => (
            <ProblemTable
              problems={problems.map(problemRow)}
              caption={t('rect.problems')}
              select={{ chosen, onChange: choose, disabled: (p) => !orderable(p) }}
            />
          )}
        </AsyncView>
      </section>
      {caseId && (
        <RecordProblem
          caseId={caseId}
          onDone={(p) => {
            setExtra((x) => [...x, p])
            setChosen((c) => [...c, p.id])
          }}
        />
      )}
      <form
        className="card form"
        onSubmit={submit}
        noValidate
        aria-label={t('rect.new.title')}
        data-testid="rect-new-form"
      >
        <ErrorSummary errors={errors} labels={labels} idFor={idFor} />
        <TextField
          id="rect-new-title"
          label={t('rect.f.title')}
          required
          maxLength={200}
          value={f.title}
          onChange={(e) => set('title', e.target.value)}
          error={errors.title}
        />
        <SelectField
          id="rect-new-departmentId"
          label={t('rect.f.department')}
          required
          value={f.departmentId}
          onChange={(e) => set('departmentId', e.target.value)}
          error={errors.departmentId}
        >
          <option value="">{t('f.department.choose')}</option>
          {departments
            .filter((d) => d.active)
            .map((d) => (
              <option key={d.id} value={d.id}>
                {deptName(d)}
              </option>
            ))}
        </SelectField>
        <div className="grid-2">
          <TextField
            id="rect-new-office"
            label={t('rect.f.office')}
            maxLength={100}
            value={f.office}
            onChange={(e) => set('office', e.target.value)}
            error={errors.office}
          />
          <TextField
            id="rect-new-window"
            label={t('rect.f.window')}
            maxLength={50}
            value={f.window}
            onChange={(e) => set('window', e.target.value)}
            error={errors.window}
          />
          <TextField
            id="rect-new-staffNumber"
            label={t('rect.f.staffNumber')}
            maxLength={20}
            value={f.staffNumber}
            onChange={(e) => set('staffNumber', e.target.value)}
            error={errors.staffNumber}
          />
          <TextField
            id="rect-new-person"
            label={t('rect.f.person')}
            maxLength={100}
            value={f.person}
            onChange={(e) => set('person', e.target.value)}
            error={errors.person}
          />
        </div>
        <TextArea
          id="rect-new-measuresRequired"
          label={t('rect.f.measuresRequired')}
          required
          rows={5}
          maxLength={4000}
          value={f.measuresRequired}
          onChange={(e) => set('measuresRequired', e.target.value)}
          error={errors.measuresRequired}
        />
        <RadioGroup
          legend={t('rect.f.deadline')}
          name="rect-new-deadline"
          inline
          required
          value={f.deadlineKind}
          onChange={(k) => set('deadlineKind', k as OrderForm['deadlineKind'])}
          choices={[
            { value: 'workingDays', label: t('rect.f.deadline.workingDays') },
            { value: 'date', label: t('rect.f.deadline.date') },
          ]}
        />
        {f.deadlineKind === 'workingDays' ? (
          <TextField
            id="rect-new-workingDays"
            type="number"
            inputMode="numeric"
            min={1}
            max={120}
            label={t('rect.f.workingDays')}
            value={f.workingDays}
            onChange={(e) => set('workingDays', e.target.value)}
            error={errors.workingDays}
          />
        ) : (
          <TextField
            id="rect-new-date"
            type="date"
            label={t('rect.f.date')}
            required
            min={today()}
            value={f.date}
            onChange={(e) => set('date', e.target.value)}
            error={errors.date}
          />
        )}
        <SelectField
          id="rect-new-priority"
          label={t('rect.f.priority')}
          value={f.priority}
          onChange={(e) => set('priority', e.target.value)}
        >
          {PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {tx('rect.priority', p)}
            </option>
          ))}
        </SelectField>
        {failure ? <ErrorMessage error={failure} /> : null}
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={sending} data-testid="rect-issue">
            {sending ? t('common.submitting') : t('rect.new.submit')}
          </button>
        </div>
      </form>
    </>
  )
}
