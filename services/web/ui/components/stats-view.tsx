// Department figures as charts and a table: shared by the public statistics and the staff KPI dashboard.
import type { SatisfactionCounts } from '../api/types.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { BarChart, PALETTE, StackedBarChart } from './charts.tsx'

export interface DepartmentFigures {
  key: string
  label: string
  received: number
  closed: number
  onTimeClosed: number
  satisfaction: SatisfactionCounts
  overdue?: number
  escalated?: number
}

export const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null)
export const ratings = (s: SatisfactionCounts) => s.satisfied + s.basically_satisfied + s.dissatisfied
export const satisfactionRate = (s: SatisfactionCounts) =>
  ratio(s.satisfied + s.basically_satisfied, ratings(s))

/** Adds up figures with the same key (months of one department). */
export function sumByKey(rows: DepartmentFigures[]): DepartmentFigures[] {
  const out = new Map<string, DepartmentFigures>()
  for (const r of rows) {
    const acc = out.get(r.key)
    if (!acc) {
      out.set(r.key, { ...r, satisfaction: { ...r.satisfaction } })
      continue
    }
    acc.received += r.received
    acc.closed += r.closed
    acc.onTimeClosed += r.onTimeClosed
    acc.satisfaction.satisfied += r.satisfaction.satisfied
    acc.satisfaction.basically_satisfied += r.satisfaction.basically_satisfied
    acc.satisfaction.dissatisfied += r.satisfaction.dissatisfied
    if (r.overdue !== undefined) acc.overdue = (acc.overdue ?? 0) + r.overdue
    if (r.escalated !== undefined) acc.escalated = (acc.escalated ?? 0) + r.escalated
  }
  return [...out.values()]
}

export function StatsSummary({ rows }: { rows: DepartmentFigures[] }) {
  const { t, percent, number } = useI18n()
  const total = sumByKey(rows.map((r) => ({ ...r, key: 'all' })))[0]
  if (!total) return null
  const cards: Array<[string, string, string?]> = [
    [t('stats.received'), number(total.received)],
    [t('stats.closed'), number(total.closed)],
    [t('stats.completionRate'), percent(ratio(total.closed, total.received))],
    [t('stats.onTimeRate'), percent(ratio(total.onTimeClosed, total.closed))],
    [
      t('stats.satisfactionRate'),
      percent(satisfactionRate(total.satisfaction)),
      `${t('stats.sample')} ${number(ratings(total.satisfaction))}`,
    ],
  ]
  if (total.overdue !== undefined) cards.push([t('stats.overdue'), number(total.overdue)])
  if (total.escalated !== undefined) cards.push([t('stats.escalated'), number(total.escalated)])
  return (
    <ul className="kpi-cards">
      {cards.map(([label, value, sub]) => (
        <li key={label} className="kpi-card">
          <span className="kpi-label">{label}</span>
          <span className="kpi-value">{value}</span>
          {sub && <span className="kpi-sub">{sub}</span>}
        </li>
      ))}
    </ul>
  )
}

export function DepartmentCharts({ rows }: { rows: DepartmentFigures[] }) {
  const { t, tx, percent } = useI18n()
  const barRows = rows.map((r) => ({
    label: r.label,
    values: {
      received: r.received,
      closed: r.closed,
      ...(r.overdue !== undefined ? { overdue: r.overdue } : {}),
    },
  }))
  const rateRows = rows.map((r) => ({
    label: r.label,
    values: {
      completion: ratio(r.closed, r.received),
      onTime: ratio(r.onTimeClosed, r.closed),
      satisfaction: satisfactionRate(r.satisfaction),
    },
  }))
  const satRows = rows.map((r) => ({ label: r.label, values: { ...r.satisfaction } }))
  const withOverdue = rows.some((r) => r.overdue !== undefined)
  return (
    <div className="chart-grid">
      <BarChart
        title={t('stats.byDepartment')}
        series={[
          { key: 'received', label: t('stats.received'), color: PALETTE.blue },
          { key: 'closed', label: t('stats.closed'), color: PALETTE.green },
          ...(withOverdue ? [{ key: 'overdue', label: t('stats.overdue'), color: PALETTE.red }] : []),
        ]}
        rows={barRows}
      />
      <BarChart
        title={t('stats.onTimeByDepartment')}
        series={[
          { key: 'completion', label: t('stats.completionRate'), color: PALETTE.teal },
          { key: 'onTime', label: t('stats.onTimeRate'), color: PALETTE.green },
          { key: 'satisfaction', label: t('stats.satisfactionRate'), color: PALETTE.amber },
        ]}
        rows={rateRows}
        max={1}
        format={(n) => percent(n)}
      />
      <StackedBarChart
        title={t('stats.satisfactionByDepartment')}
        series={[
          { key: 'satisfied', label: tx('sat', 'satisfied'), color: PALETTE.green },
          { key: 'basically_satisfied', label: tx('sat', 'basically_satisfied'), color: PALETTE.amber },
          { key: 'dissatisfied', label: tx('sat', 'dissatisfied'), color: PALETTE.red },
        ]}
        rows={satRows}
        format={(n) => percent(n)}
      />
    </div>
  )
}

export function DepartmentTable({ rows, caption }: { rows: DepartmentFigures[]; caption: string }) {
  const { t, tx, percent, number } = useI18n()
  const withOverdue = rows.some((r) => r.overdue !== undefined)
  const withEscalated = rows.some((r) => r.escalated !== undefined)
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('stats.department')}</th>
            <th scope="col">{t('stats.received')}</th>
            <th scope="col">{t('stats.closed')}</th>
            <th scope="col">{t('stats.completionRate')}</th>
            <th scope="col">{t('stats.onTimeClosed')}</th>
            <th scope="col">{t('stats.onTimeRate')}</th>
            {withOverdue && <th scope="col">{t('stats.overdue')}</th>}
            {withEscalated && <th scope="col">{t('stats.escalated')}</th>}
            <th scope="col">{tx('sat', 'satisfied')}</th>
            <th scope="col">{tx('sat', 'basically_satisfied')}</th>
            <th scope="col">{tx('sat', 'dissatisfied')}</th>
            <th scope="col">{t('stats.satisfactionRate')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.label}</th>
              <td>{number(r.received)}</td>
              <td>{number(r.closed)}</td>
              <td>{percent(ratio(r.closed, r.received))}</td>
              <td>{number(r.onTimeClosed)}</td>
              <td>{percent(ratio(r.onTimeClosed, r.closed))}</td>
              {withOverdue && <td>{number(r.overdue ?? 0)}</td>}
              {withEscalated && <td>{number(r.escalated ?? 0)}</td>}
              <td>{number(r.satisfaction.satisfied)}</td>
              <td>{number(r.satisfaction.basically_satisfied)}</td>
              <td>{number(r.satisfaction.dissatisfied)}</td>
              <td>
                {percent(satisfactionRate(r.satisfaction))}
                <span className="muted small"> ({number(ratings(r.satisfaction))})</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small">{t('stats.satisfactionNote')}</p>
    </div>
  )
}
