// A period of days (Asia/Shanghai, both ends included) for the statistics, as the API's [from, to) instants.
import { type FormEvent, useState } from 'react'
import { type FieldError, TextField } from '../../components/fields.tsx'
import { useI18n } from '../../i18n/i18n.tsx'

export interface Period {
  /** `YYYY-MM-DD`, included. */
  from: string
  /** `YYYY-MM-DD`, included. */
  to: string
}

const DAY = /^\d{4}-\d{2}-\d{2}$/

const shanghaiDay = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10)

/** The last twelve months up to today. */
export function defaultPeriod(now = new Date()): Period {
  const from = new Date(now)
  from.setUTCFullYear(from.getUTCFullYear() - 1)
  return { from: shanghaiDay(from), to: shanghaiDay(now) }
}

/** `{from, to}` query of /stats/departments: the first instant of `from`, the first instant after `to`. */
export function periodQuery(p: Period): { from: string; to: string } {
  const end = new Date(`${p.to}T00:00:00+08:00`)
  end.setUTCDate(end.getUTCDate() + 1)
  return { from: new Date(`${p.from}T00:00:00+08:00`).toISOString(), to: end.toISOString() }
}

export function PeriodForm({ value, onChange }: { value: Period; onChange(p: Period): void }) {
  const { t } = useI18n()
  const [from, setFrom] = useState(value.from)
  const [to, setTo] = useState(value.to)
  const [error, setError] = useState<FieldError>(null)
  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (!DAY.test(from) || !DAY.test(to)) return setError({ key: 'v.required' })
    if (from > to) return setError({ key: 'stats.rangeError' })
    setError(null)
    onChange({ from, to })
  }
  return (
    <form className="card filters" onSubmit={submit} noValidate aria-label={t('kpi.period')}>
      <TextField
        id="period-from"
        type="date"
        label={t('common.from')}
        required
        value={from}
        onChange={(e) => setFrom(e.target.value)}
        error={error}
      />
      <TextField
        id="period-to"
        type="date"
        label={t('common.to')}
        required
        value={to}
        onChange={(e) => setTo(e.target.value)}
      />
      <div className="filters-actions">
        <button type="submit" className="btn btn-primary">
          {t('common.apply')}
        </button>
      </div>
    </form>
  )
}
