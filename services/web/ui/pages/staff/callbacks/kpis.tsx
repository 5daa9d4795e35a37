// The callback KPIs (回访统计) by department, office, staff number, service type or month: the callback rate
// (回访率: completed over eligible), satisfaction (满意率) with its sample size and 95 % interval — marked
// "stratified" where the group mixes sampling rates and the service weighted it by stratum — fee problems,
// the attitude mean and promises kept; as charts and a table, and the service's CSV.
import { type FormEvent, useState } from 'react'
import { CB, GROUP_BYS, type GroupBy, type Stats, type StatsRow } from '../../../api/callbacks.ts'
import { staffApi, staffDownload } from '../../../api/client.ts'
import { PageHeading } from '../../../components/bits.tsx'
import { BarChart, PALETTE } from '../../../components/charts.tsx'
import { AsyncView, ErrorMessage, useAsync } from '../../../components/feedback.tsx'
import { SelectField, TextField } from '../../../components/fields.tsx'
import { useI18n, useTitle } from '../../../i18n/i18n.tsx'
import { useDeptName } from '../rectification/shared.tsx'
import { Estimate, useServiceType } from './shared.tsx'

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/

/** The last `n` months in Shanghai, as YYYY-MM. */
export function lastMonths(n: number): { from: string; to: string } {
  const now = new Date(Date.now() + 8 * 3_600_000)
  const to = now.toISOString().slice(0, 7)
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (n - 1), 1))
  return { from: start.toISOString().slice(0, 7), to }
}

export function CallbackKpiPage() {
  const { t, tx, number, percent } = useI18n()
  useTitle(t('cb.kpi.title'))
  const dept = useDeptName()
  const type = useServiceType()
  const [query, setQuery] = useState<{ from: string; to: string; groupBy: GroupBy }>(() => ({
    ...lastMonths(6),
    groupBy: 'department',
  }))
  const [from, setFrom] = useState(query.from)
  const [to, setTo] = useState(query.to)
  const [groupBy, setGroupBy] = useState<GroupBy>(query.groupBy)
  const [rangeError, setRangeError] = useState<string | null>(null)
  const [csvFailure, setCsvFailure] = useState<unknown>(null)
  const state = useAsync(
    (signal) => staffApi<Stats>(`${CB}/stats`, { query, signal }),
    [query.from, query.to, query.groupBy],
  )
  const apply = (e: FormEvent) => {
    e.preventDefault()
    if (!MONTH.test(from) || !MONTH.test(to)) return setRangeError(t('v.required'))
    if (from > to) return setRangeError(t('stats.rangeError'))
    setRangeError(null)
    setQuery({ from, to, groupBy })
  }
  const csv = async () => {
    setCsvFailure(null)
    try {
      await staffDownload(
        `${CB}/stats.csv?from=${query.from}&to=${query.to}&groupBy=${query.groupBy}`,
        `callbacks-${query.groupBy}-${query.from}-${query.to}.csv`,
      )
    } catch (err) {
      setCsvFailure(err)
    }
  }
  const label = (r: StatsRow) => {
    if (r.group === null) return t('cb.kpi.notGiven')
    if (query.groupBy === 'department') return r.name ?? dept(r.group)
    if (query.groupBy === 'serviceType') return type(r.group)
    return r.group
  }
  return (
    <>
      <PageHeading lead={t('cb.kpi.intro')}>{t('cb.kpi.title')}</PageHeading>
      <form className="card filters" onSubmit={apply} noValidate>
        <TextField
          id="cb-kpi-from"
          type="month"
          label={t('rect.kpi.from')}
          required
          value={from}
          onChange={(e) => setFrom(e.target.value)}
          error={rangeError}
        />
        <TextField
          id="cb-kpi-to"
          type="month"
          label={t('rect.kpi.to')}
          required
          value={to}
          onChange={(e) => setTo(e.target.value)}
        />
        <SelectField
          id="cb-kpi-groupBy"
          label={t('cb.kpi.groupBy')}
          value={groupBy}
          onChange={(e) => setGroupBy(e.target.value as GroupBy)}
        >
          {GROUP_BYS.map((g) => (
            <option key={g} value={g}>
              {tx('cb.kpi.by', g)}
            </option>
          ))}
        </SelectField>
        <div className="filters-actions">
          <button type="submit" className="btn btn-primary" data-testid="cb-kpi-apply">
            {t('common.apply')}
          </button>
          <button
            type="button"
            className="btn btn-secondary"
            onClick={() => void csv()}
            data-testid="cb-kpi-csv"
          >
            {t('rect.kpi.csv')}
          </button>
        </div>
      </form>
      {csvFailure ? <ErrorMessage error={csvFailure} /> : null}
      <AsyncView state={state}>
        {(data) => {
          if (!data.rows.length) return <p className="empty">{t('rect.kpi.empty')}</p>
          const rows = data.rows
          return (
            <div data-testid="cb-kpi-body">
              <BarChart
                title={`${t('cb.kpi.callbackRate')} / ${t('cb.kpi.satisfaction')}`}
                series={[
                  { key: 'cr', label: t('cb.kpi.callbackRate'), color: PALETTE.blue },
                  { key: 'sat', label: t('cb.kpi.satisfaction'), color: PALETTE.green },
                ]}
                rows={rows.map((r) => ({
                  label: label(r),
                  values: { cr: r.callbackRate, sat: r.satisfaction.rate },
                }))}
                max={1}
                format={(n) => percent(n)}
              />
              <BarChart
                title={t('cb.kpi.problems')}
                series={[
                  { key: 'fee', label: t('cb.kpi.feeProblems'), color: PALETTE.red },
                  { key: 'unreachable', label: t('cb.kpi.unreachable'), color: PALETTE.grey },
                ]}
                rows={rows.map((r) => ({
                  label: label(r),
                  values: { fee: r.feeProblems, unreachable: r.unreachable },
                }))}
              />
              <div className="table-wrap">
                <table className="data-table" data-testid="cb-kpi-table">
                  <caption>
                    {tx('cb.kpi.by', query.groupBy)} ({query.from} – {query.to})
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">{tx('cb.kpi.by', query.groupBy)}</th>
                      <th scope="col">{t('cb.kpi.eligible')}</th>
                      <th scope="col">{t('cb.kpi.completed')}</th>
                      <th scope="col">{t('cb.kpi.callbackRate')}</th>
                      <th scope="col">{t('cb.kpi.satisfaction')}</th>
                      <th scope="col">{t('cb.kpi.feeProblems')}</th>
                      <th scope="col">{t('cb.kpi.attitude')}</th>
                      <th scope="col">{t('cb.kpi.promises')}</th>
                      <th scope="col">{t('cb.kpi.unreachable')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((r) => (
                      <tr key={r.group ?? '-'} data-group={r.group ?? ''}>
                        <th scope="row">{label(r)}</th>
                        <td className="num">{number(r.eligible)}</td>
                        <td className="num" data-testid="cb-kpi-completed">
                          {number(r.completed)}
                        </td>
                        <td className="num">{percent(r.callbackRate)}</td>
                        <td data-testid="cb-kpi-satisfaction">
                          <Estimate s={r.satisfaction} />
                        </td>
                        <td className="num">{number(r.feeProblems)}</td>
                        <td className="num">
                          {r.attitude.mean === null ? '—' : number(r.attitude.mean)}
                          <span className="muted small"> {t('cb.kpi.n', { n: number(r.attitude.n) })}</span>
                        </td>
                        <td className="num">
                          {percent(r.promisesKept.rate)}
                          <span className="muted small">
                            {' '}
                            {t('cb.kpi.n', { n: number(r.promisesKept.n) })}
                          </span>
                        </td>
                        <td className="num">{number(r.unreachable)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <p className="muted small">{t('cb.kpi.note')}</p>
            </div>
          )
        }}
      </AsyncView>
    </>
  )
}
