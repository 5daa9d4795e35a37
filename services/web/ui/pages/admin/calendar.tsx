// The working-day calendar (admin): the years the platform knows (built in or published), a year's table
// as the State Council's notice gives it (holiday periods, make-up working days), a preview of the whole
// year as a month grid, and Save once the preview is clean; the year's regional overrides. The calendar
// service judges every table (a 422 /problems/invalid-calendar names each fault by its JSON pointer,
// `/holidays/1/from`), and each fault is shown by its field.
import { useState } from 'react'
import { ApiError, staffApi } from '../../api/client.ts'
import type {
  CalendarFault,
  DayKind,
  HolidayPeriod,
  PreviewDay,
  PutYear,
  RegionDays,
  RegionOverrides,
  YearSummary,
  YearTable,
} from '../../api/types.ts'
import { DAY_KINDS } from '../../api/types.ts'
import { Badge, PageHeading } from '../../components/bits.tsx'
import { AsyncView, ErrorMessage, Notice, useAsync } from '../../components/feedback.tsx'
import { TextField } from '../../components/fields.tsx'
import { useI18n, useTitle } from '../../i18n/i18n.tsx'
import { navigate, useSearchParams } from '../../lib/router.tsx'
import { AdminTable } from './shared.tsx'

/** A holiday period as edited: the make-up days as one comma-separated text. */
interface Row {
  zh: string
  en: string
  from: string
  to: string
  makeUp: string
}

const emptyRow = (): Row => ({ zh: '', en: '', from: '', to: '', makeUp: '' })

const toRow = (h: HolidayPeriod): Row => ({
  zh: h.name.zh,
  en: h.name.en,
  from: h.from,
  to: h.to,
  makeUp: (h.makeUpWorkdays ?? []).join(', '),
})

function toBody(source: string, rows: Row[]): PutYear {
  return {
    source: source.trim(),
    holidays: rows.map((r) => {
      const makeUp = r.makeUp
        .split(/[,，、\s]+/)
        .map((d) => d.trim())
        .filter(Boolean)
      return {
        name: { zh: r.zh.trim(), en: r.en.trim() },
        from: r.from,
        to: r.to,
        ...(makeUp.length ? { makeUpWorkdays: makeUp } : {}),
      }
    }),
  }
}

/** Faults by JSON pointer without the leading slash (`holidays/1/from`); a 400's `body/…` paths too. */
function faultsByPath(faults: CalendarFault[]): Map<string, string[]> {
  const out = new Map<string, string[]>()
  for (const f of faults) {
    const path = f.path.replace(/^\/?(body\/)?/, '').replace(/^\//, '')
    out.set(path, [...(out.get(path) ?? []), f.message])
  }
  return out
}

/** The messages of a field: its own path, and (for a make-up day list) the paths of its items. */
function faultsOf(byPath: Map<string, string[]>, path: string, items = false): string | null {
  const found: string[] = []
  for (const [p, messages] of byPath)
    if (p === path || (items && p.startsWith(`${path}/`))) found.push(...messages)
  return found.length ? found.join(' ') : null
}

export function CalendarPage() {
  const { t, dateTime } = useI18n()
  useTitle(t('calendar.title'))
  const params = useSearchParams()
  const selected = Number(params.get('year')) || null
  const years = useAsync((signal) => staffApi<{ items: YearSummary[] }>('/calendar/years', { signal }), [])
  const [yearInput, setYearInput] = useState(String(selected ?? new Date().getFullYear() + 1))
  const open = (year: number) => navigate(`/staff/admin/calendar?year=${year}`)

  return (
    <>
      <PageHeading lead={t('calendar.intro')}>{t('calendar.title')}</PageHeading>
      <section aria-labelledby="years-h">
        <h2 id="years-h">{t('calendar.years')}</h2>
        <AsyncView state={years}>
          {(data) => (
            <AdminTable
              testId="calendar-years"
              caption={t('calendar.years')}
              columns={[
                t('calendar.year'),
                t('calendar.source'),
                t('calendar.revision'),
                t('calendar.origin'),
                t('calendar.publishedAt'),
              ]}
            >
              {data.items.map((y) => (
                <tr key={y.year}>
                  <th scope="row">{y.year}</th>
                  <td>{y.source}</td>
                  <td>{y.revision}</td>
                  <td>
                    {y.builtIn ? (
                      <Badge tone="muted">{t('calendar.builtIn')}</Badge>
                    ) : (
                      <Badge tone="done">{t('calendar.published')}</Badge>
                    )}
                  </td>
                  <td>{dateTime(y.publishedAt)}</td>
                  <td className="row-actions">
                    <button
                      type="button"
                      className="btn btn-secondary btn-small"
                      onClick={() => open(y.year)}
                      aria-label={`${t('calendar.open')} ${y.year}`}
                    >
                      {t('calendar.open')}
                    </button>
                  </td>
                </tr>
              ))}
            </AdminTable>
          )}
        </AsyncView>
        <form
          className="year-open"
          onSubmit={(e) => {
            e.preventDefault()
            const y = Number(yearInput)
            if (Number.isInteger(y) && y >= 2000 && y <= 2199) open(y)
          }}
        >
          <TextField
            id="calendar-year"
            label={t('calendar.openYear')}
            inputMode="numeric"
            pattern="[0-9]{4}"
            maxLength={4}
            value={yearInput}
            onChange={(e) => setYearInput(e.target.value)}
          />
          <button type="submit" className="btn btn-secondary">
            {t('calendar.open')}
          </button>
        </form>
      </section>
      {selected && <YearEditor key={selected} year={selected} onSaved={years.reload} />}
    </>
  )
}

function YearEditor({ year, onSaved }: { year: number; onSaved(): void }) {
  const table = useAsync(
    async (signal) => {
      try {
        return await staffApi<YearTable>(`/calendar/years/${year}`, { signal })
      } catch (err) {
        if (err instanceof ApiError && err.status === 404) return null
        throw err
      }
    },
    [year],
  )
  return (
    <AsyncView state={table}>
      {(data) => (
        <>
          <TableForm
            key={year}
            year={year}
            table={data}
            onSaved={(saved) => {
              table.set(saved)
              onSaved()
            }}
          />
          {data && (
            <Regions
              year={year}
              table={data}
              onChanged={(saved) => {
                table.set(saved)
                onSaved()
              }}
            />
          )}
        </>
      )}
    </AsyncView>
  )
}

function TableForm({
  year,
  table,
  onSaved,
}: {
  year: number
  table: YearTable | null
  onSaved(table: YearTable): void
}) {
  const { t } = useI18n()
  const [source, setSource] = useState(table?.source ?? '')
  const [rows, setRows] = useState<Row[]>(table?.holidays.length ? table.holidays.map(toRow) : [emptyRow()])
  const [faults, setFaults] = useState<CalendarFault[]>([])
  const [days, setDays] = useState<PreviewDay[] | null>(null)
  /** The body the last clean preview judged: Save sends exactly that. */
  const [cleanBody, setCleanBody] = useState<string | null>(null)
  const [busy, setBusy] = useState<'preview' | 'save' | null>(null)
  const [failure, setFailure] = useState<unknown>(null)
  const [saved, setSaved] = useState<YearTable | null>(null)

  const body = toBody(source, rows)
  const bodyText = JSON.stringify(body)
  const byPath = faultsByPath(faults)
  const canSave = cleanBody === bodyText && busy === null

  const edit = (i: number, patch: Partial<Row>) => {
    setRows((old) => old.map((r, j) => (j === i ? { ...r, ...patch } : r)))
    setSaved(null)
  }

  /** A 400 (schema) or 422 (validator) names fields: their messages go by the fields. */
  const fieldFaults = (err: unknown): boolean => {
    if (!(err instanceof ApiError) || (err.status !== 400 && err.status !== 422)) return false
    setFaults((err.problem.errors ?? []).map((e) => ({ path: e.path, message: e.message })))
    return true
  }

  const preview = async () => {
    setBusy('preview')
    setFailure(null)
    setSaved(null)
    try {
      const answer = await staffApi<{ faults: CalendarFault[]; days: PreviewDay[] }>(
        `/calendar/years/${year}/preview`,
        { method: 'POST', body },
      )
      setFaults(answer.faults)
      setDays(answer.faults.length ? null : answer.days)
      setCleanBody(answer.faults.length ? null : bodyText)
    } catch (err) {
      setDays(null)
      setCleanBody(null)
      if (!fieldFaults(err)) setFaults([])
      setFailure(err)
    } finally {
      setBusy(null)
    }
  }

  const save = async () => {
    if (!canSave || cleanBody === null) return
    setBusy('save')
    setFailure(null)
    try {
      const answer = await staffApi<YearTable>(`/calendar/years/${year}`, {
        method: 'PUT',
        body: JSON.parse(cleanBody) as PutYear,
      })
      setSaved(answer)
      setCleanBody(null)
      onSaved(answer)
    } catch (err) {
      setCleanBody(null)
      fieldFaults(err)
      setFailure(err)
    } finally {
      setBusy(null)
    }
  }

  return (
    <section className="card" aria-labelledby="year-h" data-testid="year-editor">
      <h2 id="year-h">{t('calendar.edit', { year })}</h2>
      {table ? (
        <p className="muted">
          {table.builtIn ? t('calendar.builtIn') : t('calendar.published')} · {t('calendar.revision')}{' '}
          {table.revision}
        </p>
      ) : (
        <Notice>{t('calendar.newYear', { year })}</Notice>
      )}
      {/* until the year changes again (a regional override makes a new revision) */}
      {saved && saved.revision === table?.revision && (
        <Notice kind="success">{t('calendar.saved', { year, revision: saved.revision })}</Notice>
      )}
      <TextField
        id="calendar-source"
        label={t('calendar.source')}
        required
        maxLength={300}
        value={source}
        onChange={(e) => {
          setSource(e.target.value)
          setSaved(null)
        }}
        error={faultsOf(byPath, 'source')}
      />
      <h3>{t('calendar.holidays')}</h3>
      <div className="table-wrap">
        <table className="data-table holiday-rows" data-testid="holiday-rows">
          <caption className="sr-only">{t('calendar.holidays')}</caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t('calendar.nameZh')}</th>
              <th scope="col">{t('calendar.nameEn')}</th>
              <th scope="col">{t('calendar.from')}</th>
              <th scope="col">{t('calendar.to')}</th>
              <th scope="col">{t('calendar.makeUp')}</th>
              <th scope="col">
                <span className="sr-only">{t('calendar.remove')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => {
              const at = `holidays/${i}`
              const n = i + 1
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
                <tr key={i}>
                  <th scope="row">{n}</th>
                  <td>
                    <RowField
                      id={`h-${i}-zh`}
                      label={`${t('calendar.nameZh')} ${n}`}
                      value={r.zh}
                      maxLength={60}
                      onChange={(v) => edit(i, { zh: v })}
                      error={faultsOf(byPath, `${at}/name/zh`) ?? faultsOf(byPath, `${at}/name`)}
                    />
                  </td>
                  <td>
                    <RowField
                      id={`h-${i}-en`}
                      label={`${t('calendar.nameEn')} ${n}`}
                      value={r.en}
                      maxLength={120}
                      onChange={(v) => edit(i, { en: v })}
                      error={faultsOf(byPath, `${at}/name/en`)}
                    />
                  </td>
                  <td>
                    <RowField
                      id={`h-${i}-from`}
                      label={`${t('calendar.from')} ${n}`}
                      type="date"
                      value={r.from}
                      onChange={(v) => edit(i, { from: v })}
                      error={faultsOf(byPath, `${at}/from`) ?? faultsOf(byPath, at)}
                    />
                  </td>
                  <td>
                    <RowField
                      id={`h-${i}-to`}
                      label={`${t('calendar.to')} ${n}`}
                      type="date"
                      value={r.to}
                      onChange={(v) => edit(i, { to: v })}
                      error={faultsOf(byPath, `${at}/to`)}
                    />
                  </td>
                  <td>
                    <RowField
                      id={`h-${i}-makeup`}
                      label={`${t('calendar.makeUp')} ${n}`}
                      hint={i === 0 ? t('calendar.makeUp.hint', { year }) : undefined}
                      value={r.makeUp}
                      onChange={(v) => edit(i, { makeUp: v })}
                      error={faultsOf(byPath, `${at}/makeUpWorkdays`, true)}
                    />
                  </td>
                  <td>
                    <button
                      type="button"
                      className="btn btn-ghost btn-small"
                      aria-label={t('calendar.removeRow', { n })}
                      onClick={() => {
                        setRows((old) => old.filter((_, j) => j !== i))
                        setFaults([])
                      }}
                    >
                      {t('calendar.remove')}
                    </button>
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
      <p>
        <button
          type="button"
          className="btn btn-secondary"
          onClick={() => setRows((old) => [...old, emptyRow()])}
        >
          {t('calendar.addRow')}
        </button>
      </p>
      {faults.length > 0 && (
        <div className="alert alert-error" role="alert" data-testid="calendar-faults">
          <p className="alert-title">{t('calendar.faults', { n: faults.length })}</p>
          <ul className="faults">
            {faults.map((f) => (
              <li key={`${f.path}:${f.message}`}>
                <span className="mono">{f.path}</span>: {f.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {failure && !(failure instanceof ApiError && (failure.status === 422 || failure.status === 409)) ? (
        <ErrorMessage error={failure} />
      ) : null}
      {failure instanceof ApiError && failure.status === 422 && (
        <ErrorMessage error={failure}>
          <p>{t('calendar.invalid')}</p>
        </ErrorMessage>
      )}
      {failure instanceof ApiError && failure.status === 409 && (
        <ErrorMessage error={failure}>
          <p>{t('calendar.conflict')}</p>
        </ErrorMessage>
      )}
      {cleanBody === bodyText && <Notice kind="success">{t('calendar.clean')}</Notice>}
      <div className="form-actions">
        <button
          type="button"
          className="btn btn-secondary"
          onClick={() => void preview()}
          disabled={busy !== null}
        >
          {busy === 'preview' ? t('calendar.previewing') : t('calendar.preview')}
        </button>
        <button
          type="button"
          className="btn btn-primary"
          onClick={() => void save()}
          disabled={!canSave}
          aria-describedby="save-hint"
        >
          {busy === 'save' ? t('common.saving') : t('calendar.save')}
        </button>
        <span id="save-hint" className="field-hint">
          {t('calendar.saveHint')}
        </span>
      </div>
      {days && <YearGrid year={year} days={days} />}
    </section>
  )
}

/** A field in a table row: its label for screen readers only (the column heading shows it). */
function RowField({
  id,
  label,
  hint,
  value,
  onChange,
  error,
  type = 'text',
  maxLength,
}: {
  id: string
  label: string
  hint?: string
  value: string
  onChange(value: string): void
  error: string | null
  type?: 'text' | 'date'
  maxLength?: number
}) {
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ')
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <input
        id={id}
        type={type}
        value={value}
        maxLength={maxLength}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={described || undefined}
      />
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  )
}

const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const

/** The whole year as twelve months, Monday first: each day's kind by colour, mark and words. */
export function YearGrid({ year, days }: { year: number; days: PreviewDay[] }) {
  const { t, lang } = useI18n()
  const byDate = new Map(days.map((d) => [d.date, d]))
  const weekdays = t('calendar.weekdays').split(',')
  const kindName = (k: DayKind) => t(`calendar.kind.${k}`)
  const mark = (k: DayKind) => t(`calendar.mark.${k}`)
  return (
    <section aria-labelledby="grid-h" data-testid="year-grid">
      <h3 id="grid-h">{t('calendar.grid', { year })}</h3>
      <h4>{t('calendar.legend')}</h4>
      <ul className="legend" data-testid="grid-legend">
        {DAY_KINDS.map((k) => (
          <li key={k}>
            <span className={`swatch day-${k}`} aria-hidden="true">
              {mark(k)}
            </span>
            {kindName(k)}
          </li>
        ))}
      </ul>
      <div className="year-grid">
        {MONTHS.map((month) => {
          const m = month - 1
          const first = new Date(Date.UTC(year, m, 1))
          const length = new Date(Date.UTC(year, m + 1, 0)).getUTCDate()
          const lead = (first.getUTCDay() + 6) % 7
          // each cell keyed by its place in the month's grid (a padding cell has no date)
          const cells = Array.from({ length: Math.ceil((lead + length) / 7) * 7 }, (_, at) => ({
            at: `${m}-${at}`,
            day: at >= lead && at < lead + length ? at - lead + 1 : null,
          }))
          const weeks = Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7))
          const monthName =
            lang === 'en'
              ? new Intl.DateTimeFormat('en', { month: 'long', timeZone: 'UTC' }).format(first)
              : t('calendar.month', { m: m + 1 })
          return (
            <table key={month} className="month" data-testid={`month-${month}`}>
              <caption>{monthName}</caption>
              <thead>
                <tr>
                  {weekdays.map((w) => (
                    <th key={w} scope="col">
                      {w}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {weeks.map((week) => (
                  <tr key={week[0]?.at}>
                    {week.map(({ at, day: d }) => {
                      if (d === null) return <td key={at} aria-hidden="true" />
                      const date = `${year}-${String(m + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`
                      const day = byDate.get(date)
                      const kind: DayKind = day?.kind ?? 'workday'
                      const name = day?.name ? (lang === 'en' ? day.name.en : day.name.zh) : ''
                      const words = [kindName(kind), name].filter(Boolean).join(' · ')
                      return (
                        <td
                          key={date}
                          className={`day-${kind}`}
                          data-date={date}
                          data-kind={kind}
                          title={words}
                        >
                          <span className="day-num">{d}</span>
                          <span className="day-mark" aria-hidden="true">
                            {mark(kind)}
                          </span>
                          <span className="sr-only">{words}</span>
                        </td>
                      )
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          )
        })}
      </div>
    </section>
  )
}

/** The year's regional overrides: the list, one region's form, delete. */
function Regions({
  year,
  table,
  onChanged,
}: {
  year: number
  table: YearTable
  onChanged(table: YearTable): void
}) {
  const { t, lang } = useI18n()
  const [editing, setEditing] = useState<string | 'new' | null>(null)
  const [done, setDone] = useState<string | null>(null)
  const [failure, setFailure] = useState<unknown>(null)
  const codes = Object.keys(table.regions).sort()

  const remove = async (code: string) => {
    if (!window.confirm(t('calendar.region.confirmDelete', { code, year }))) return
    setFailure(null)
    try {
      const answer = await staffApi<YearTable>(
        `/calendar/years/${year}/regions/${encodeURIComponent(code)}`,
        { method: 'DELETE' },
      )
      setDone(t('calendar.region.deleted'))
      onChanged(answer)
    } catch (err) {
      setFailure(err)
    }
  }

  return (
    <section className="card" aria-labelledby="regions-h" data-testid="calendar-regions">
      <h2 id="regions-h">{t('calendar.regions')}</h2>
      <p className="muted">{t('calendar.regions.intro')}</p>
      {done && <Notice kind="success">{done}</Notice>}
      {failure ? <ErrorMessage error={failure} /> : null}
      {codes.length === 0 ? (
        <p className="empty">{t('calendar.regions.none')}</p>
      ) : (
        <AdminTable
          testId="region-list"
          caption={t('calendar.regions')}
          columns={[
            t('calendar.region.code'),
            t('calendar.nameZh'),
            t('calendar.region.parent'),
            t('calendar.region.holidays'),
            t('calendar.region.workingDays'),
          ]}
        >
          {codes.map((code) => {
            const r = table.regions[code] as RegionOverrides
            const days = (list?: RegionDays[]) =>
              (list ?? [])
                .map(
                  (d) =>
                    `${lang === 'en' ? d.name.en : d.name.zh} ${d.from}${d.to && d.to !== d.from ? `–${d.to}` : ''}`,
                )
                .join('；') || '—'
            return (
              <tr key={code}>
                <th scope="row" className="mono">
                  {code}
                </th>
                <td>{r.name ? (lang === 'en' ? r.name.en : r.name.zh) : '—'}</td>
                <td className="mono">{r.parent ?? '—'}</td>
                <td>{days(r.holidays)}</td>
                <td>{days(r.workingDays)}</td>
                <td className="row-actions">
                  <button
                    type="button"
                    className="btn btn-secondary btn-small"
                    onClick={() => {
                      setDone(null)
                      setEditing(code)
                    }}
                    aria-label={`${t('common.edit')} ${code}`}
                  >
                    {t('common.edit')}
                  </button>
                  <button
                    type="button"
                    className="btn btn-ghost btn-small"
                    onClick={() => void remove(code)}
                    aria-label={`${t('calendar.region.delete')} ${code}`}
                  >
                    {t('calendar.region.delete')}
                  </button>
                </td>
              </tr>
            )
          })}
        </AdminTable>
      )}
      <p>
        <button
          type="button"
          className="btn btn-secondary"
          onClick={() => {
            setDone(null)
            setEditing('new')
          }}
        >
          {t('calendar.region.add')}
        </button>
      </p>
      {editing && (
        <RegionForm
          key={editing}
          year={year}
          code={editing === 'new' ? null : editing}
          overrides={editing === 'new' ? null : (table.regions[editing] ?? null)}
          onCancel={() => setEditing(null)}
          onSaved={(answer) => {
            setEditing(null)
            setDone(t('calendar.region.saved', { revision: answer.revision }))
            onChanged(answer)
          }}
        />
      )}
    </section>
  )
}

interface DayRow {
  zh: string
  en: string
  from: string
  to: string
}

const toDayRow = (d: RegionDays): DayRow => ({ zh: d.name.zh, en: d.name.en, from: d.from, to: d.to ?? '' })
const fromDayRow = (r: DayRow): RegionDays => ({
  name: { zh: r.zh.trim(), en: r.en.trim() },
  from: r.from,
  ...(r.to ? { to: r.to } : {}),
})

function RegionForm({
  year,
  code: givenCode,
  overrides,
  onCancel,
  onSaved,
}: {
  year: number
  code: string | null
  overrides: RegionOverrides | null
  onCancel(): void
  onSaved(table: YearTable): void
}) {
  const { t } = useI18n()
  const [code, setCode] = useState(givenCode ?? '')
  const [zh, setZh] = useState(overrides?.name?.zh ?? '')
  const [en, setEn] = useState(overrides?.name?.en ?? '')
  const [parent, setParent] = useState(overrides?.parent ?? '')
  const [holidays, setHolidays] = useState<DayRow[]>((overrides?.holidays ?? []).map(toDayRow))
  const [working, setWorking] = useState<DayRow[]>((overrides?.workingDays ?? []).map(toDayRow))
  const [faults, setFaults] = useState<CalendarFault[]>([])
  const [failure, setFailure] = useState<unknown>(null)
  const [sending, setSending] = useState(false)
  const byPath = faultsByPath(faults)
  // a 422 names paths in the whole table (`/regions/<code>/holidays/0/from`); a 400 in the body
  const fault = (path: string) =>
    faultsOf(byPath, `regions/${code}/${path}`, true) ?? faultsOf(byPath, path, true)

  const submit = async () => {
    setSending(true)
    setFailure(null)
    setFaults([])
    const body: RegionOverrides = {
      ...(zh.trim() || en.trim() ? { name: { zh: zh.trim(), en: en.trim() } } : {}),
      ...(parent.trim() ? { parent: parent.trim() } : {}),
      ...(holidays.length ? { holidays: holidays.map(fromDayRow) } : {}),
      ...(working.length ? { workingDays: working.map(fromDayRow) } : {}),
    }
    try {
      onSaved(
        await staffApi<YearTable>(`/calendar/years/${year}/regions/${encodeURIComponent(code.trim())}`, {
          method: 'PUT',
          body,
        }),
      )
    } catch (err) {
      if (err instanceof ApiError && (err.status === 400 || err.status === 422))
        setFaults((err.problem.errors ?? []).map((e) => ({ path: e.path, message: e.message })))
      setFailure(err)
    } finally {
      setSending(false)
    }
  }

  const dayRows = (
    key: 'holidays' | 'workingDays',
    rows: DayRow[],
    set: (update: (old: DayRow[]) => DayRow[]) => void,
  ) => (
    <fieldset className="field">
      <legend className="field-label">{t(`calendar.region.${key}`)}</legend>
      {rows.map((r, i) => {
        const n = i + 1
        const edit = (patch: Partial<DayRow>) =>
          set((old) => old.map((x, j) => (j === i ? { ...x, ...patch } : x)))
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
          <div key={i} className="grid-2">
            <RowField
              id={`r-${key}-${i}-zh`}
              label={`${t('calendar.nameZh')} ${n}`}
              value={r.zh}
              maxLength={60}
              onChange={(v) => edit({ zh: v })}
              error={fault(`${key}/${i}/name`)}
            />
            <RowField
              id={`r-${key}-${i}-en`}
              label={`${t('calendar.nameEn')} ${n}`}
              value={r.en}
              maxLength={120}
              onChange={(v) => edit({ en: v })}
              error={null}
            />
            <RowField
              id={`r-${key}-${i}-from`}
              label={`${t('calendar.region.from')} ${n}`}
              type="date"
              value={r.from}
              onChange={(v) => edit({ from: v })}
              error={fault(`${key}/${i}/from`) ?? faultsOf(byPath, `regions/${code}/${key}/${i}`)}
            />
            <RowField
              id={`r-${key}-${i}-to`}
              label={`${t('calendar.region.to')} ${n}`}
              type="date"
              value={r.to}
              onChange={(v) => edit({ to: v })}
              error={fault(`${key}/${i}/to`)}
            />
            <p>
              <button
                type="button"
                className="btn btn-ghost btn-small"
                aria-label={t('calendar.removeRow', { n })}
                onClick={() => set((old) => old.filter((_, j) => j !== i))}
              >
                {t('calendar.remove')}
              </button>
            </p>
          </div>
        )
      })}
      <button
        type="button"
        className="btn btn-secondary btn-small"
        onClick={() => set((old) => [...old, { zh: '', en: '', from: '', to: '' }])}
      >
        {t('calendar.addRow')}
      </button>
    </fieldset>
  )

  return (
    <form
      className="form card"
      noValidate
      aria-labelledby="region-form-h"
      onSubmit={(e) => {
        e.preventDefault()
        void submit()
      }}
      data-testid="region-form"
    >
      <h3 id="region-form-h">
        {givenCode ? t('calendar.region.edit', { code: givenCode }) : t('calendar.region.add')}
      </h3>
      <div className="grid-2">
        <TextField
          id="region-code"
          label={t('calendar.region.code')}
          required
          className="mono"
          maxLength={20}
          disabled={givenCode !== null}
          value={code}
          onChange={(e) => setCode(e.target.value)}
        />
        <TextField
          id="region-parent"
          label={t('calendar.region.parent')}
          className="mono"
          maxLength={20}
          value={parent}
          onChange={(e) => setParent(e.target.value)}
          error={fault('parent')}
        />
        <TextField
          id="region-zh"
          label={t('calendar.nameZh')}
          maxLength={60}
          value={zh}
          onChange={(e) => setZh(e.target.value)}
          error={fault('name')}
        />
        <TextField
          id="region-en"
          label={t('calendar.nameEn')}
          maxLength={120}
          value={en}
          onChange={(e) => setEn(e.target.value)}
        />
      </div>
      {dayRows('holidays', holidays, setHolidays)}
      {dayRows('workingDays', working, setWorking)}
      {faults.length > 0 && (
        <div className="alert alert-error" role="alert">
          <p className="alert-title">{t('calendar.faults', { n: faults.length })}</p>
          <ul className="faults">
            {faults.map((f) => (
              <li key={`${f.path}:${f.message}`}>
                <span className="mono">{f.path}</span>: {f.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {failure && !(failure instanceof ApiError && failure.status === 422) ? (
        <ErrorMessage error={failure} />
      ) : null}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={sending || !code.trim()}>
          {sending ? t('common.saving') : t('common.save')}
        </button>
        <button type="button" className="btn btn-ghost" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  )
}
