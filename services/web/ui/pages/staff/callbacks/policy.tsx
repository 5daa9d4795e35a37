// The callback policy (回访策略): who is called back — complaints and reports, dissatisfied ratings, the
// sampled share of other cases per department, service records per stratum (office | service type) — the
// seed of the predictable draw, the calling hours (Asia/Shanghai, working days), which tasks the automated
// keypad line takes, and whether a dissatisfied callback reopens the case. Rates are entered in per cent.
import { type FormEvent, useState } from 'react'
import { CASE_CATEGORIES, CB, CLOCK_TIME, type PolicyBody, type PolicyView } from '../../../api/callbacks.ts'
import { ApiError, staffApi } from '../../../api/client.ts'
import { PageHeading } from '../../../components/bits.tsx'
import { AsyncView, ErrorMessage, Notice, useAsync } from '../../../components/feedback.tsx'
import {
  CheckboxField,
  CheckboxGroup,
  ErrorSummary,
  type FieldError,
  SelectField,
  TextField,
} from '../../../components/fields.tsx'
import { useI18n, useTitle } from '../../../i18n/i18n.tsx'
import { useDepartments } from '../use-staff.ts'

type Pairs = Array<{ key: string; rate: string }>

interface Draft {
  version: number
  seed: string
  categoryRates: Record<string, string>
  dissatisfiedRate: string
  defaultRate: string
  departmentRates: Pairs
  reopenOnDissatisfied: boolean
  recordsDefaultRate: string
  stratumRates: Array<{ office: string; serviceType: string; rate: string }>
  callingHours: Array<{ from: string; to: string }>
  automatedTypes: string
  automatedKinds: string[]
}

const pct = (r: number | undefined) => (r === undefined ? '' : String(Math.round(r * 10000) / 100))

function toDraft(p: PolicyView): Draft {
  return {
    version: p.version,
    seed: p.seed,
    categoryRates: Object.fromEntries(CASE_CATEGORIES.map((c) => [c, pct(p.cases.categoryRates[c])])),
    dissatisfiedRate: pct(p.cases.dissatisfiedRate),
    defaultRate: pct(p.cases.defaultRate),
    departmentRates: Object.entries(p.cases.departmentRates).map(([key, r]) => ({ key, rate: pct(r) })),
    reopenOnDissatisfied: p.cases.reopenOnDissatisfied,
    recordsDefaultRate: pct(p.serviceRecords.defaultRate),
    stratumRates: Object.entries(p.serviceRecords.rates).map(([k, r]) => {
      const i = k.lastIndexOf('|')
      return { office: k.slice(0, i), serviceType: k.slice(i + 1), rate: pct(r) }
    }),
    callingHours: p.callingHours.map((w) => ({ ...w })),
    automatedTypes: p.automated.serviceTypes.join(', '),
    automatedKinds: [...p.automated.subjectKinds],
  }
}

const PERCENT = /^(100(\.0{1,2})?|\d{1,2}(\.\d{1,2})?)$/

/** The draft as the API takes it, or the fields' errors. */
function toBody(d: Draft): { body?: PolicyBody; errors: Record<string, FieldError> } {
  const errors: Record<string, FieldError> = {}
  const rate = (id: string, v: string, optional = false): number | undefined => {
    const s = v.trim()
    if (!s && optional) return undefined
    if (!PERCENT.test(s)) {
      errors[id] = { key: 'cb.v.percent' }
      return undefined
    }
    return Math.round(Number(s) * 100) / 10000
  }
  if (!/^[A-Za-z0-9_.:-]{1,64}$/.test(d.seed.trim())) errors.seed = { key: 'cb.v.seed' }
  const categoryRates: PolicyBody['cases']['categoryRates'] = {}
  for (const c of CASE_CATEGORIES) {
    const r = rate(`cat-${c}`, d.categoryRates[c] ?? '', true)
    if (r !== undefined) categoryRates[c] = r
  }
  const departmentRates: Record<string, number> = {}
  d.departmentRates.forEach((p, i) => {
    if (!p.key) errors[`dept-${i}`] = { key: 'v.required' }
    else if (p.key in departmentRates) errors[`dept-${i}`] = { key: 'cb.v.duplicate' }
    const r = rate(`dept-${i}-rate`, p.rate)
    if (p.key && r !== undefined) departmentRates[p.key] = r
  })
  const rates: Record<string, number> = {}
  d.stratumRates.forEach((s, i) => {
    const office = s.office.trim()
    if (!office || office.length > 100 || office.includes('|'))
      errors[`str-${i}-office`] = { key: 'cb.v.office' }
    if (!/^[a-z_]{1,40}$/.test(s.serviceType.trim())) errors[`str-${i}-type`] = { key: 'cb.v.serviceType' }
    const key = `${office}|${s.serviceType.trim()}`
    if (key in rates) errors[`str-${i}-office`] = { key: 'cb.v.duplicate' }
    const r = rate(`str-${i}-rate`, s.rate)
    if (r !== undefined) rates[key] = r
  })
  if (!d.callingHours.length) errors.hours = { key: 'v.required' }
  d.callingHours.forEach((w, i) => {
    if (!CLOCK_TIME.test(w.from)) errors[`hours-${i}-from`] = { key: 'cb.v.clock' }
    if (!CLOCK_TIME.test(w.to)) errors[`hours-${i}-to`] = { key: 'cb.v.clock' }
    else if (w.from >= w.to) errors[`hours-${i}-to`] = { key: 'cb.v.window' }
  })
  const serviceTypes = d.automatedTypes
    .split(/[,，\s]+/)
    .map((s) => s.trim())
    .filter(Boolean)
  if (serviceTypes.some((s) => !/^[a-z_]{1,40}$/.test(s))) errors.automatedTypes = { key: 'cb.v.serviceType' }
  const dissatisfiedRate = rate('dissatisfiedRate', d.dissatisfiedRate)
  const defaultRate = rate('defaultRate', d.defaultRate)
  const recordsDefault = rate('recordsDefaultRate', d.recordsDefaultRate)
  if (Object.values(errors).some(Boolean)) return { errors }
  return {
    errors,
    body: {
      version: d.version > 0 ? d.version : undefined,
      seed: d.seed.trim(),
      cases: {
        categoryRates,
        dissatisfiedRate: dissatisfiedRate ?? 1,
        departmentRates,
        defaultRate: defaultRate ?? 0,
        reopenOnDissatisfied: d.reopenOnDissatisfied,
      },
      serviceRecords: { rates, defaultRate: recordsDefault ?? 0 },
      callingHours: d.callingHours.map((w) => ({ from: w.from, to: w.to })),
      automated: {
        serviceTypes: [...new Set(serviceTypes)],
        subjectKinds: d.automatedKinds as Array<'case' | 'service_record'>,
      },
    },
  }
}

function PolicyForm({
  policy,
  onSaved,
}: {
  policy: PolicyView
  onSaved(p: PolicyView, stale?: boolean): void
}) {
  const { t, tx, deptName, dateTime } = useI18n()
  const { list: departments } = useDepartments()
  const [d, setD] = useState<Draft>(() => toDraft(policy))
  const [errors, setErrors] = useState<Record<string, FieldError>>({})
  const [failure, setFailure] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const set = (patch: Partial<Draft>) => setD((x) => ({ ...x, ...patch }))
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setFailure(null)
    const { body, errors: errs } = toBody(d)
    setErrors(errs)
    if (!body) {
      requestAnimationFrame(() => document.getElementById('error-summary')?.focus())
      return
    }
    setBusy(true)
    try {
      onSaved(await staffApi<PolicyView>(`${CB}/policy`, { method: 'PUT', body }))
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) onSaved(policy, true)
      else setFailure(err)
    } finally {
      setBusy(false)
    }
  }
  const labels: Record<string, string> = Object.fromEntries(
    Object.keys(errors).map((k) => [
      k,
      k.startsWith('cat-') ? tx('category', k.slice(4)) : t('cb.policy.field'),
    ]),
  )
  const pctField = (
    id: string,
    label: string,
    value: string,
    onChange: (v: string) => void,
    hint?: string,
  ) => (
    <TextField
      id={`cb-pol-${id}`}
      label={label}
      hint={hint ?? t('cb.policy.percentHint')}
      inputMode="decimal"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={errors[id]}
      extra={<span className="muted small">%</span>}
    />
  )
  return (
    <form onSubmit={submit} noValidate data-testid="cb-policy-form">
      <ErrorSummary errors={errors} labels={labels} idFor={(f) => `cb-pol-${f}`} />
      <p className="muted small">
        {policy.version === 0
          ? t('cb.policy.defaults')
          : t('cb.policy.version', { v: policy.version, at: dateTime(policy.updatedAt) })}
      </p>
      <section className="card" aria-labelledby="cb-pol-cases-h">
        <h2 id="cb-pol-cases-h">{t('cb.policy.cases')}</h2>
        <div className="cb-policy-grid">
          {CASE_CATEGORIES.map((c) =>
            pctField(
              `cat-${c}`,
              tx('category', c),
              d.categoryRates[c] ?? '',
              (v) => set({ categoryRates: { ...d.categoryRates, [c]: v } }),
              t('cb.policy.categoryHint'),
            ),
          )}
          {pctField('dissatisfiedRate', t('cb.policy.dissatisfiedRate'), d.dissatisfiedRate, (v) =>
            set({ dissatisfiedRate: v }),
          )}
          {pctField('defaultRate', t('cb.policy.defaultRate'), d.defaultRate, (v) => set({ defaultRate: v }))}
        </div>
        <h3>{t('cb.policy.departmentRates')}</h3>
        {d.departmentRates.map((p, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited by position
          <div className="filters" key={i}>
            <SelectField
              id={`cb-pol-dept-${i}`}
              label={t('cb.col.department')}
              value={p.key}
              onChange={(e) =>
                set({
                  departmentRates: d.departmentRates.map((x, j) =>
                    j === i ? { ...x, key: e.target.value } : x,
                  ),
                })
              }
              error={errors[`dept-${i}`]}
            >
              <option value="">{t('hl.log.choose')}</option>
              {departments.map((dep) => (
                <option key={dep.id} value={dep.id}>
                  {deptName(dep)}
                </option>
              ))}
              {p.key && !departments.some((x) => x.id === p.key) && <option value={p.key}>{p.key}</option>}
            </SelectField>
            {pctField(`dept-${i}-rate`, t('cb.policy.rate'), p.rate, (v) =>
              set({ departmentRates: d.departmentRates.map((x, j) => (j === i ? { ...x, rate: v } : x)) }),
            )}
            <div className="filters-actions">
              <button
                type="button"
                className="btn btn-ghost btn-small"
                onClick={() => set({ departmentRates: d.departmentRates.filter((_, j) => j !== i) })}
              >
                {t('cb.scripts.remove')}
              </button>
            </div>
          </div>
        ))}
        <button
          type="button"
          className="btn btn-secondary btn-small"
          onClick={() => set({ departmentRates: [...d.departmentRates, { key: '', rate: '' }] })}
        >
          {t('cb.policy.addDepartment')}
        </button>
        <CheckboxField
          id="cb-pol-reopen"
          label={t('cb.policy.reopen')}
          hint={t('cb.policy.reopenHint')}
          checked={d.reopenOnDissatisfied}
          onChange={(e) => set({ reopenOnDissatisfied: e.target.checked })}
        />
      </section>
      <section className="card" aria-labelledby="cb-pol-rec-h">
        <h2 id="cb-pol-rec-h">{t('cb.policy.records')}</h2>
        {pctField('recordsDefaultRate', t('cb.policy.recordsDefault'), d.recordsDefaultRate, (v) =>
          set({ recordsDefaultRate: v }),
        )}
        <h3>{t('cb.policy.strata')}</h3>
        {d.stratumRates.map((s, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited by position
          <div className="filters" key={i}>
            <TextField
              id={`cb-pol-str-${i}-office`}
              label={t('cb.rec.office')}
              value={s.office}
              onChange={(e) =>
                set({
                  stratumRates: d.stratumRates.map((x, j) =>
                    j === i ? { ...x, office: e.target.value } : x,
                  ),
                })
              }
              error={errors[`str-${i}-office`]}
            />
            <TextField
              id={`cb-pol-str-${i}-type`}
              label={t('cb.col.type')}
              value={s.serviceType}
              onChange={(e) =>
                set({
                  stratumRates: d.stratumRates.map((x, j) =>
                    j === i ? { ...x, serviceType: e.target.value } : x,
                  ),
                })
              }
              error={errors[`str-${i}-type`]}
            />
            {pctField(`str-${i}-rate`, t('cb.policy.rate'), s.rate, (v) =>
              set({ stratumRates: d.stratumRates.map((x, j) => (j === i ? { ...x, rate: v } : x)) }),
            )}
            <div className="filters-actions">
              <button
                type="button"
                className="btn btn-ghost btn-small"
                onClick={() => set({ stratumRates: d.stratumRates.filter((_, j) => j !== i) })}
              >
                {t('cb.scripts.remove')}
              </button>
            </div>
          </div>
        ))}
        <button
          type="button"
          className="btn btn-secondary btn-small"
          onClick={() =>
            set({ stratumRates: [...d.stratumRates, { office: '', serviceType: '', rate: '' }] })
          }
        >
          {t('cb.policy.addStratum')}
        </button>
      </section>
      <section className="card" aria-labelledby="cb-pol-hours-h">
        <h2 id="cb-pol-hours-h">{t('cb.policy.hours')}</h2>
        <p className="muted small">{t('cb.policy.hoursIntro')}</p>
        {d.callingHours.map((w, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: windows are edited by position
          <div className="filters" key={i}>
            <TextField
              id={`cb-pol-hours-${i}-from`}
              type="time"
              label={t('cb.policy.from')}
              value={w.from}
              onChange={(e) =>
                set({
                  callingHours: d.callingHours.map((x, j) => (j === i ? { ...x, from: e.target.value } : x)),
                })
              }
              error={errors[`hours-${i}-from`]}
            />
            <TextField
              id={`cb-pol-hours-${i}-to`}
              type="time"
              label={t('cb.policy.to')}
              value={w.to}
              onChange={(e) =>
                set({
                  callingHours: d.callingHours.map((x, j) => (j === i ? { ...x, to: e.target.value } : x)),
                })
              }
              error={errors[`hours-${i}-to`]}
            />
            <div className="filters-actions">
              <button
                type="button"
                className="btn btn-ghost btn-small"
                disabled={d.callingHours.length <= 1}
                onClick={() => set({ callingHours: d.callingHours.filter((_, j) => j !== i) })}
              >
                {t('cb.scripts.remove')}
              </button>
            </div>
          </div>
        ))}
        {d.callingHours.length < 6 && (
          <button
            type="button"
            className="btn btn-secondary btn-small"
            onClick={() => set({ callingHours: [...d.callingHours, { from: '', to: '' }] })}
          >
            {t('cb.policy.addWindow')}
          </button>
        )}
      </section>
      <section className="card" aria-labelledby="cb-pol-auto-h">
        <h2 id="cb-pol-auto-h">{t('cb.policy.automated')}</h2>
        <p className="muted small">{t('cb.policy.automatedIntro')}</p>
        <CheckboxGroup
          legend={t('cb.policy.kinds')}
          values={d.automatedKinds}
          choices={[
            { value: 'case', label: t('cb.kind.case') },
            { value: 'service_record', label: t('cb.kind.service_record') },
          ]}
          onChange={(v) => set({ automatedKinds: v })}
        />
        <TextField
          id="cb-pol-automatedTypes"
          label={t('cb.policy.types')}
          hint={t('cb.policy.typesHint')}
          value={d.automatedTypes}
          onChange={(e) => set({ automatedTypes: e.target.value })}
          error={errors.automatedTypes}
        />
      </section>
      <section className="card" aria-labelledby="cb-pol-seed-h">
        <h2 id="cb-pol-seed-h">{t('cb.policy.seed')}</h2>
        <TextField
          id="cb-pol-seed"
          label={t('cb.policy.seed')}
          hint={t('cb.policy.seedHint')}
          required
          value={d.seed}
          onChange={(e) => set({ seed: e.target.value })}
          error={errors.seed}
        />
      </section>
      <button type="submit" className="btn btn-primary" disabled={busy} data-testid="cb-policy-save">
        {busy ? t('common.saving') : t('common.save')}
      </button>
      {failure ? <ErrorMessage error={failure} /> : null}
    </form>
  )
}

export function PolicyPage() {
  const { t } = useI18n()
  useTitle(t('cb.policy.title'))
  const state = useAsync((signal) => staffApi<PolicyView>(`${CB}/policy`, { signal }), [])
  const [saved, setSaved] = useState(false)
  const [stale, setStale] = useState(false)
  return (
    <>
      <PageHeading lead={t('cb.policy.intro')}>{t('cb.policy.title')}</PageHeading>
      {saved && <Notice kind="success">{t('cb.policy.saved')}</Notice>}
      {stale && <Notice kind="warning">{t('cb.policy.stale')}</Notice>}
      <AsyncView state={state}>
        {(policy) => (
          <PolicyForm
            key={policy.version}
            policy={policy}
            onSaved={(p, wasStale) => {
              setSaved(!wasStale)
              setStale(Boolean(wasStale))
              if (wasStale) state.reload()
              else state.set(p)
            }}
          />
        )}
      </AsyncView>
    </>
  )
}
