// Rectification KPIs by department and month (GET /rectification/kpis?from=&to=): orders on time, sent
// back, reopened on re-check, problems per 1,000 cases — as charts and a table, and the server's CSV.
import { type FormEvent, useState } from 'react'
import { staffApi, staffDownload } from '../../../api/client.ts'
import { type KpiRow, type Kpis, RECT } from '../../../api/rectification.ts'
import { PageHeading } from '../../../components/bits.tsx'
import { BarChart, LineChart, PALETTE } from '../../../components/charts.tsx'
import { AsyncView, ErrorMessage, useAsync } from '../../../components/feedback.tsx'
import { TextField } from '../../../components/fields.tsx'
import { useI18n, useTitle } from '../../../i18n/i18n.tsx'
import { useDeptName } from './shared.tsx'

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/

/** The last `n` months in Shanghai, oldest first, as YYYY-MM. */
function lastMonths(n: number): { from: string; to: string } {
  const now = new Date(Date.now() + 8 * 3_600_000)
  const to = now.toISOString().slice(0, 7)
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (n - 1), 1))
  return { from: start.toISOString().slice(0, 7), to }
}

export function RectificationKpiPage() {
  const { t, number, percent } = useI18n()
  useTitle(t('rect.kpi.title'))
  const dept = useDeptName()
  const [range, setRange] = useState(() => lastMonths(6))
  const [from, setFrom] = useState(range.from)
  const [to, setTo] = useState(range.to)
  const [rangeError, setRangeError] = useState<string | null>(null)
  const [csvFailure, setCsvFailure] = useState<unknown>(null)
  // per department and month (the table), summed over months (the charts by department), over departments
  // (the trend): the service sums and computes the rates
  const state = useAsync(
    async (signal) => {
      const [cells, byDept, byMonth] = await Promise.all(
        [undefined, 'department', 'month'].map((groupBy) =>
          staffApi<Kpis>(`${RECT}/kpis`, { query: { ...range, groupBy }, signal }),
        ),
      )
      return { cells: cells?.rows ?? [], byDept: byDept?.rows ?? [], byMonth: byMonth?.rows ?? [] }
    },
    [range.from, range.to],
  )
  const apply = (e: FormEvent) => {
    e.preventDefault()
    if (!MONTH.test(from) || !MONTH.test(to)) return setRangeError(t('v.required'))
    if (from > to) return setRangeError(t('stats.rangeError'))
    setRangeError(null)
    setRange({ from, to })
  }
  const csv = async () => {
    setCsvFailure(null)
    try {
      await staffDownload(
        `${RECT}/kpis.csv?from=${range.from}&to=${range.to}`,
        `rectification-kpis-${range.from}-${range.to}.csv`,
      )
    } catch (err) {
      setCsvFailure(err)
    }
  }
  const fmt = (n: number | null) => (n === null ? '—' : number(Math.round(n * 10) / 10))
  return (
    <>
      <PageHeading lead={t('rect.kpi.intro')}>{t('rect.kpi.title')}</PageHeading>
      <form className="card filters" onSubmit={apply} noValidate>
        <TextField
          id="rect-kpi-from"
          type="month"
          label={t('rect.kpi.from')}
          required
          value={from}
          onChange={(e) => setFrom(e.target.value)}
          error={rangeError}
        />
        <TextField
          id="rect-kpi-to"
          type="month"
          label={t('rect.kpi.to')}
          required
          value={to}
          onChange={(e) => setTo(e.target.value)}
        />
        <div className="filters-actions">
          <button type="submit" className="btn btn-primary">
            {t('common.apply')}
          </button>
          <button
            type="button"
            className="btn btn-secondary"
            onClick={() => void csv()}
            data-testid="rect-kpi-csv"
          >
            {t('rect.kpi.csv')}
          </button>
        </div>
      </form>
      {csvFailure ? <ErrorMessage error={csvFailure} /> : null}
      <AsyncView state={state}>
        {({ cells, byDept, byMonth }) => {
          if (!cells.length) return <p className="empty">{t('rect.kpi.empty')}</p>
          const name = (r: KpiRow) => r.departmentName ?? dept(r.departmentId)
          const depts = [...byDept].sort((a, b) => b.problems - a.problems)
          const months = [...byMonth].sort((a, b) => (a.month ?? '').localeCompare(b.month ?? ''))
          return (
            <div data-testid="rect-kpi-body">
              <BarChart
                title={t('rect.kpi.onTimeRate')}
                series={[{ key: 'rate', label: t('rect.kpi.onTimeRate'), color: PALETTE.green }]}
                rows={depts.map((r) => ({ label: name(r), values: { rate: r.onTimeRate } }))}
                max={1}
                format={(n) => percent(n)}
              />
              <BarChart
                title={`${t('rect.kpi.sentBack')} / ${t('rect.kpi.reopened')}`}
                series={[
                  { key: 'sentBack', label: t('rect.kpi.sentBack'), color: PALETTE.amber },
                  { key: 'reopened', label: t('rect.kpi.reopened'), color: PALETTE.red },
                ]}
                rows={depts.map((r) => ({
                  label: name(r),
                  values: { sentBack: r.sentBackOrders, reopened: r.reopened },
                }))}
              />
              <BarChart
                title={t('rect.kpi.perThousand')}
                series={[{ key: 'pt', label: t('rect.kpi.perThousand'), color: PALETTE.blue }]}
                rows={depts.map((r) => ({ label: name(r), values: { pt: r.problemsPer1000Cases } }))}
                format={(n) => fmt(n)}
              />
              <LineChart
                title={t('rect.kpi.trend')}
                series={[
                  { key: 'problems', label: t('rect.kpi.problems'), color: PALETTE.red },
                  { key: 'issued', label: t('rect.kpi.issued'), color: PALETTE.blue },
                  { key: 'closed', label: t('rect.kpi.closed'), color: PALETTE.green },
                ]}
                points={months.map((r) => ({
                  label: r.month ?? '',
                  values: { problems: r.problems, issued: r.issued, closed: r.closed },
                }))}
              />
              <div className="table-wrap">
                <table className="data-table" data-testid="rect-kpi-table">
                  <caption>
                    {t('rect.kpi.byDepartment')} ({range.from} – {range.to})
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('rect.kpi.month')}</th>
                      <th scope="col">{t('rect.kpi.department')}</th>
                      <th scope="col">{t('rect.kpi.issued')}</th>
                      <th scope="col">{t('rect.kpi.closed')}</th>
                      <th scope="col">{t('rect.kpi.onTimeRate')}</th>
                      <th scope="col">{t('rect.kpi.sentBack')}</th>
                      <th scope="col">{t('rect.kpi.reopened')}</th>
                      <th scope="col">{t('rect.kpi.problems')}</th>
                      <th scope="col">{t('rect.kpi.cases')}</th>
                      <th scope="col">{t('rect.kpi.perThousand')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {[...cells]
                      .sort(
                        (a, b) =>
                          (a.month ?? '').localeCompare(b.month ?? '') || name(a).localeCompare(name(b)),
                      )
                      .map((r) => (
                        <tr
                          key={`${r.month}-${r.departmentId}`}
                          data-department={r.departmentId}
                          data-month={r.month}
                        >
                          <th scope="row">{r.month}</th>
                          <td>{name(r)}</td>
                          <td className="num">{number(r.issued)}</td>
                          <td className="num">{number(r.closed)}</td>
                          <td className="num">{percent(r.onTimeRate)}</td>
                          <td className="num">{number(r.sentBackOrders)}</td>
                          <td className="num">{number(r.reopened)}</td>
                          <td className="num" data-testid="rect-kpi-problems">
                            {number(r.problems)}
                            {r.problemsWithdrawn > 0 && (
                              <span className="muted small">
                                {' '}
                                {t('rect.kpi.withdrawn', { n: r.problemsWithdrawn })}
                              </span>
                            )}
                          </td>
                          <td className="num">{number(r.casesAssigned)}</td>
                          <td className="num">{fmt(r.problemsPer1000Cases)}</td>
                        </tr>
                      ))}
                  </tbody>
                </table>
              </div>
            </div>
          )
        }}
      </AsyncView>
    </>
  )
}
