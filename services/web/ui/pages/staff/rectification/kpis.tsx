// Rectification KPIs by department and month (GET /rectification/kpis?from=&to=): orders on time, sent
// back, reopened on re-check, problems per 1,000 cases — as charts and a table, and the server's CSV.
import { type FormEvent, useState } from 'react'
import { staffApi } from '../../../api/client.ts'
import { downloadFile, type KpiRow, RECT } from '../../../api/rectification.ts'
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

interface Totals {
  issued: number
  closed: number
  onTime: number
  sentBack: number
  reopened: number
  problems: number
  cases: number
}

const zero = (): Totals => ({
  issued: 0,
  closed: 0,
  onTime: 0,
  sentBack: 0,
  reopened: 0,
  problems: 0,
  cases: 0,
})
function add(acc: Totals, r: KpiRow): Totals {
  acc.issued += r.issued
  acc.closed += r.closed
  acc.onTime += r.onTime
  acc.sentBack += r.sentBack
  acc.reopened += r.reopened
  acc.problems += r.problems
  acc.cases += r.cases
  return acc
}
export const onTimeRate = (x: Totals) => (x.closed > 0 ? x.onTime / x.closed : null)
export const perThousand = (x: Totals) => (x.cases > 0 ? (x.problems * 1000) / x.cases : null)

export function RectificationKpiPage() {
  const { t, number, percent } = useI18n()
  useTitle(t('rect.kpi.title'))
  const dept = useDeptName()
  const [range, setRange] = useState(() => lastMonths(6))
  const [from, setFrom] = useState(range.from)
  const [to, setTo] = useState(range.to)
  const [rangeError, setRangeError] = useState<string | null>(null)
  const [csvFailure, setCsvFailure] = useState<unknown>(null)
  const state = useAsync(
    (signal) => staffApi<{ rows: KpiRow[] }>(`${RECT}/kpis`, { query: range, signal }),
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
      await downloadFile(
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
        {({ rows }) => {
          if (!rows.length) return <p className="empty">{t('rect.kpi.empty')}</p>
          const byDept = new Map<string, Totals>()
          const byMonth = new Map<string, Totals>()
          for (const r of rows) {
            byDept.set(r.departmentId, add(byDept.get(r.departmentId) ?? zero(), r))
            byMonth.set(r.month, add(byMonth.get(r.month) ?? zero(), r))
          }
          const depts = [...byDept].sort((a, b) => b[1].problems - a[1].problems)
          const months = [...byMonth].sort((a, b) => a[0].localeCompare(b[0]))
          return (
            <div data-testid="rect-kpi-body">
              <BarChart
                title={t('rect.kpi.onTimeRate')}
                series={[{ key: 'rate', label: t('rect.kpi.onTimeRate'), color: PALETTE.green }]}
                rows={depts.map(([id, x]) => ({ label: dept(id), values: { rate: onTimeRate(x) } }))}
                max={1}
                format={(n) => percent(n)}
              />
              <BarChart
                title={`${t('rect.kpi.sentBack')} / ${t('rect.kpi.reopened')}`}
                series={[
                  { key: 'sentBack', label: t('rect.kpi.sentBack'), color: PALETTE.amber },
                  { key: 'reopened', label: t('rect.kpi.reopened'), color: PALETTE.red },
                ]}
                rows={depts.map(([id, x]) => ({
                  label: dept(id),
                  values: { sentBack: x.sentBack, reopened: x.reopened },
                }))}
              />
              <BarChart
                title={t('rect.kpi.perThousand')}
                series={[{ key: 'pt', label: t('rect.kpi.perThousand'), color: PALETTE.blue }]}
                rows={depts.map(([id, x]) => ({ label: dept(id), values: { pt: perThousand(x) } }))}
                format={(n) => fmt(n)}
              />
              <LineChart
                title={t('rect.kpi.trend')}
                series={[
                  { key: 'problems', label: t('rect.kpi.problems'), color: PALETTE.red },
                  { key: 'issued', label: t('rect.kpi.issued'), color: PALETTE.blue },
                  { key: 'closed', label: t('rect.kpi.closed'), color: PALETTE.green },
                ]}
                points={months.map(([m, x]) => ({
                  label: m,
                  values: { problems: x.problems, issued: x.issued, closed: x.closed },
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
                    {[...rows]
                      .sort(
                        (a, b) =>
                          a.month.localeCompare(b.month) ||
                          dept(a.departmentId).localeCompare(dept(b.departmentId)),
                      )
                      .map((r) => {
                        const x = add(zero(), r)
                        return (
                          <tr
                            key={`${r.month}-${r.departmentId}`}
                            data-department={r.departmentId}
                            data-month={r.month}
                          >
                            <th scope="row">{r.month}</th>
                            <td>{dept(r.departmentId)}</td>
                            <td className="num">{number(r.issued)}</td>
                            <td className="num">{number(r.closed)}</td>
                            <td className="num">{percent(onTimeRate(x))}</td>
                            <td className="num">{number(r.sentBack)}</td>
                            <td className="num">{number(r.reopened)}</td>
                            <td className="num" data-testid="rect-kpi-problems">
                              {number(r.problems)}
                            </td>
                            <td className="num">{number(r.cases)}</td>
                            <td className="num">{fmt(perThousand(x))}</td>
                          </tr>
                        )
                      })}
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
