// Published statistics (GET /api/v1/public/stats?from=YYYY-MM&to=YYYY-MM): per department and per month of
// acceptance, as charts and tables. The server chooses the last 12 months when no range is given.
import { type FormEvent, useState } from 'react'
import { publicApi } from '../../api/client.ts'
import type { PublicStats } from '../../api/types.ts'
import { PageHeading } from '../../components/bits.tsx'
import { LineChart, PALETTE } from '../../components/charts.tsx'
import { AsyncView, useAsync } from '../../components/feedback.tsx'
import { TextField } from '../../components/fields.tsx'
import {
  DepartmentCharts,
  type DepartmentFigures,
  DepartmentTable,
  StatsSummary,
  sumByKey,
} from '../../components/stats-view.tsx'
import { useI18n, useTitle } from '../../i18n/i18n.tsx'
import { CallbacksMonthly } from './callbacks-monthly.tsx'
import { RectificationSummary } from './rectification-summary.tsx'

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/

export function StatsPage() {
  const { t } = useI18n()
  useTitle(t('stats.title'))
  const [range, setRange] = useState<{ from?: string; to?: string }>({})
  const [from, setFrom] = useState('')
  const [to, setTo] = useState('')
  const [rangeError, setRangeError] = useState<string | null>(null)
  const state = useAsync(
    async (signal) => {
      const data = await publicApi<PublicStats>('/public/stats', { query: range, signal })
      setFrom(data.from)
      setTo(data.to)
      return data
    },
    [range.from, range.to],
  )

  const apply = (e: FormEvent) => {
    e.preventDefault()
    if (!MONTH.test(from) || !MONTH.test(to)) {
      setRangeError(t('v.required'))
      return
    }
    if (from > to) {
      setRangeError(t('stats.rangeError'))
      return
    }
    setRangeError(null)
    setRange({ from, to })
  }

  return (
    <>
      <PageHeading lead={t('stats.intro')}>{t('stats.title')}</PageHeading>
      <form className="card filters" onSubmit={apply} noValidate>
        <TextField
          id="stats-from"
          type="month"
          label={t('stats.fromMonth')}
          value={from}
          onChange={(e) => setFrom(e.target.value)}
          error={rangeError}
          required
        />
        <TextField
          id="stats-to"
          type="month"
          label={t('stats.toMonth')}
          value={to}
          onChange={(e) => setTo(e.target.value)}
          required
        />
        <div className="filters-actions">
          <button type="submit" className="btn btn-primary">
            {t('common.apply')}
          </button>
        </div>
      </form>
      <AsyncView state={state}>{(data) => <StatsBody data={data} />}</AsyncView>
      <CallbacksMonthly />
      <RectificationSummary />
    </>
  )
}

function StatsBody({ data }: { data: PublicStats }) {
  const { t } = useI18n()
  const perMonth: DepartmentFigures[] = data.months.flatMap((m) =>
    m.departments.map((d) => ({
      key: d.departmentId,
      label: d.departmentName ?? d.departmentId,
      received: d.received,
      closed: d.closed,
      onTimeClosed: d.onTimeClosed,
      satisfaction: d.satisfaction,
    })),
  )
  const byDepartment = sumByKey(perMonth).sort((a, b) => b.received - a.received)
  if (byDepartment.length === 0) return <p className="empty">{t('stats.empty')}</p>
  const trend = data.months.map((m) => ({
    label: m.month,
    values: {
      received: m.departments.reduce((a, d) => a + d.received, 0),
      closed: m.departments.reduce((a, d) => a + d.closed, 0),
    },
  }))
  return (
    <div data-testid="stats-body">
      <StatsSummary rows={byDepartment} />
      <DepartmentCharts rows={byDepartment} />
      <LineChart
        title={t('stats.trend')}
        series={[
          { key: 'received', label: t('stats.received'), color: PALETTE.blue },
          { key: 'closed', label: t('stats.closed'), color: PALETTE.green },
        ]}
        points={trend}
      />
      <h2>{t('stats.table')}</h2>
      <DepartmentTable
        rows={byDepartment}
        caption={`${t('stats.byDepartment')} (${data.from} – ${data.to})`}
      />
      <MonthTable data={data} />
    </div>
  )
}

function MonthTable({ data }: { data: PublicStats }) {
  const { t, number } = useI18n()
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption>{t('stats.trend')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('stats.month')}</th>
            <th scope="col">{t('stats.received')}</th>
            <th scope="col">{t('stats.closed')}</th>
            <th scope="col">{t('stats.onTimeClosed')}</th>
          </tr>
        </thead>
        <tbody>
          {data.months.map((m) => (
            <tr key={m.month}>
              <th scope="row">{m.month}</th>
              <td>{number(m.departments.reduce((a, d) => a + d.received, 0))}</td>
              <td>{number(m.departments.reduce((a, d) => a + d.closed, 0))}</td>
              <td>{number(m.departments.reduce((a, d) => a + d.onTimeClosed, 0))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
