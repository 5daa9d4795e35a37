// The hotline dashboard: calls offered, answered, answered within 15 s, abandoned, waits, missed calls
// called back, by hour of day and by day (Asia/Shanghai), with the GB/T 33358-2016 targets (answer within
// 15 s, 95 % of calls) drawn as flat lines of their own beside the figures.
import { useState } from 'react'
import { staffApi } from '../../../api/client.ts'
import { type Dashboard, HOTLINE } from '../../../api/hotline.ts'
import { PageHeading } from '../../../components/bits.tsx'
import { LineChart, PALETTE } from '../../../components/charts.tsx'
import { AsyncView, useAsync } from '../../../components/feedback.tsx'
import { useI18n, useTitle } from '../../../i18n/i18n.tsx'
import { Link } from '../../../lib/router.tsx'
import { type Period, PeriodForm } from '../period.tsx'
import { duration } from './shared.tsx'

const shanghaiDay = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10)

/** The last 30 days up to today. */
export function lastDays(days = 30, now = new Date()): Period {
  return { from: shanghaiDay(new Date(now.getTime() - (days - 1) * 86_400_000)), to: shanghaiDay(now) }
}

/** A rate as a percentage (the line charts count in whole units). */
const pct = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : 0)

function Figures({ d }: { d: Dashboard }) {
  const { t, number, percent } = useI18n()
  const target = d.targets.answerRate
  const rate = d.answeredWithin15sRate
  const cards: Array<[string, string, string?, boolean?]> = [
    [t('hl.dash.offered'), number(d.offered)],
    [t('hl.dash.answered'), number(d.answered)],
    [
      t('hl.dash.within15', { s: d.targets.answerWithinSeconds }),
      percent(rate),
      t('hl.dash.target', { v: percent(target) }),
      rate !== null && rate < target,
    ],
    [t('hl.dash.abandoned'), percent(d.abandonedRate), number(d.abandoned)],
    [t('hl.dash.avgWait'), duration(d.averageWaitSeconds)],
    [t('hl.dash.p90Wait'), duration(d.p90WaitSeconds)],
    [t('hl.dash.missed'), number(d.missed)],
    [t('hl.dash.calledBack'), percent(d.calledBackRate), number(d.calledBack)],
    [
      t('hl.dash.callbackTime'),
      d.averageCallbackMinutes === null
        ? '—'
        : t('hl.dash.minutes', { n: number(Math.round(d.averageCallbackMinutes)) }),
    ],
  ]
  return (
    <ul className="kpi-cards" data-testid="hl-dash-figures">
      {cards.map(([label, value, sub, short]) => (
        <li key={label} className={`kpi-card${short ? ' hl-short' : ''}`}>
          <span className="kpi-label">{label}</span>
          <span className="kpi-value">{value}</span>
          {sub && <span className="kpi-sub">{sub}</span>}
        </li>
      ))}
    </ul>
  )
}

function Charts({ d }: { d: Dashboard }) {
  const { t } = useI18n()
  const targetPct = Math.round(d.targets.answerRate * 1000) / 10
  const targetSeconds = d.targets.answerWithinSeconds
  const counts = [
    { key: 'offered', label: t('hl.dash.offered'), color: PALETTE.blue },
    { key: 'answered', label: t('hl.dash.answered'), color: PALETTE.green },
    { key: 'abandoned', label: t('hl.dash.abandonedCount'), color: PALETTE.red },
  ]
  const rateSeries = [
    { key: 'rate', label: t('hl.dash.within15', { s: targetSeconds }), color: PALETTE.teal },
    { key: 'target', label: t('hl.dash.targetLine', { v: `${targetPct}%` }), color: PALETTE.amber },
  ]
  const hours = [...d.byHour].sort((a, b) => a.hour - b.hour)
  // month-day labels, unless the period is long enough for a month-day to come twice
  const day = (date: string) => (d.byDay.length > 365 ? date : date.slice(5))
  return (
    <div className="hl-charts">
      <LineChart
        title={t('hl.dash.rateByHour')}
        series={rateSeries}
        points={hours.map((h) => ({
          label: t('hl.dash.hour', { h: h.hour }),
          values: { rate: pct(h.answeredWithin15s, h.offered), target: targetPct },
        }))}
      />
      <LineChart
        title={t('hl.dash.byHour')}
        series={counts}
        points={hours.map((h) => ({
          label: t('hl.dash.hour', { h: h.hour }),
          values: { offered: h.offered, answered: h.answered, abandoned: h.abandoned },
        }))}
      />
      <LineChart
        title={t('hl.dash.byDay')}
        series={counts}
        points={d.byDay.map((x) => ({
          label: day(x.date),
          values: { offered: x.offered, answered: x.answered, abandoned: x.abandoned },
        }))}
      />
      <LineChart
        title={t('hl.dash.rateByDay')}
        series={rateSeries}
        points={d.byDay.map((x) => ({
          label: day(x.date),
          values: { rate: pct(x.answeredWithin15s, x.offered), target: targetPct },
        }))}
      />
      <LineChart
        title={t('hl.dash.waitByDay')}
        series={[
          { key: 'wait', label: t('hl.dash.avgWaitSeconds'), color: PALETTE.blue },
          { key: 'target', label: t('hl.dash.targetSeconds', { s: targetSeconds }), color: PALETTE.amber },
        ]}
        points={d.byDay.map((x) => ({
          label: day(x.date),
          values: { wait: Math.round(x.averageWaitSeconds ?? 0), target: targetSeconds },
        }))}
      />
    </div>
  )
}

function DayTable({ d }: { d: Dashboard }) {
  const { t, number, percent } = useI18n()
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption>{t('hl.dash.table')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('hl.dash.date')}</th>
            <th scope="col">{t('hl.dash.offered')}</th>
            <th scope="col">{t('hl.dash.answered')}</th>
            <th scope="col">{t('hl.dash.within15', { s: d.targets.answerWithinSeconds })}</th>
            <th scope="col">{t('hl.dash.abandonedCount')}</th>
            <th scope="col">{t('hl.dash.avgWait')}</th>
          </tr>
        </thead>
        <tbody>
          {d.byDay.map((x) => (
            <tr key={x.date}>
              <td>{x.date}</td>
              <td className="num">{number(x.offered)}</td>
              <td className="num">{number(x.answered)}</td>
              <td className="num">{percent(x.offered ? x.answeredWithin15s / x.offered : null)}</td>
              <td className="num">{number(x.abandoned)}</td>
              <td className="num">{duration(x.averageWaitSeconds)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

export function HotlineDashboardPage() {
  const { t } = useI18n()
  useTitle(t('hl.dash.title'))
  const [period, setPeriod] = useState<Period>(() => lastDays())
  const state = useAsync(
    (signal) =>
      staffApi<Dashboard>(`${HOTLINE}/dashboard`, { query: { from: period.from, to: period.to }, signal }),
    [period.from, period.to],
  )
  return (
    <>
      <p className="breadcrumb">
        <Link to="/staff/hotline">{t('hl.nav.console')}</Link>
      </p>
      <PageHeading lead={t('hl.dash.intro')}>{t('hl.dash.title')}</PageHeading>
      <PeriodForm value={period} onChange={setPeriod} />
      <AsyncView state={state}>
        {(d) => (
          <div data-testid="hl-dashboard">
            <Figures d={d} />
            {d.offered === 0 ? <p className="empty">{t('hl.dash.empty')}</p> : <Charts d={d} />}
            {d.byDay.length > 0 && <DayTable d={d} />}
          </div>
        )}
      </AsyncView>
    </>
  )
}
