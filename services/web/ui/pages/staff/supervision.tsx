// The supervision board (督办看板) and the KPI dashboard: overdue and escalated cases by department, and
// the department figures of a period (GET /stats/departments) as charts and a table.
import { useState } from 'react'
import { staffApi } from '../../api/client.ts'
import type { CaseView, DepartmentStats, Page } from '../../api/types.ts'
import { PageHeading } from '../../components/bits.tsx'
import { BarChart, PALETTE } from '../../components/charts.tsx'
import { AsyncView, useAsync } from '../../components/feedback.tsx'
import {
  DepartmentCharts,
  type DepartmentFigures,
  DepartmentTable,
  StatsSummary,
} from '../../components/stats-view.tsx'
import { type I18n, useI18n, useTitle } from '../../i18n/i18n.tsx'
import { CaseTable } from './case-table.tsx'
import { defaultPeriod, type Period, PeriodForm, periodQuery } from './period.tsx'
import { useDepartments } from './use-staff.ts'

function figures(
  data: DepartmentStats,
  byId: Map<string, { name: string; nameEn: string | null }>,
  i18n: I18n,
): DepartmentFigures[] {
  return data.departments.map((d) => ({
    key: d.departmentId,
    label: byId.has(d.departmentId)
      ? i18n.deptName(byId.get(d.departmentId))
      : (d.departmentName ?? d.departmentId),
    received: d.received,
    closed: d.closed,
    onTimeClosed: d.onTimeClosed,
    satisfaction: d.satisfaction,
    overdue: d.overdue,
    escalated: d.escalated,
  }))
}

/** Open cases of one kind (overdue, escalated) grouped by lead department, the largest group first. */
function CasesByDepartment({
  id,
  title,
  empty,
  query,
}: {
  id: string
  title: string
  empty: string
  query: Record<string, boolean>
}) {
  const { t, deptName } = useI18n()
  const { byId } = useDepartments()
  const key = JSON.stringify(query)
  const cases = useAsync(
    (signal) => staffApi<Page<CaseView>>('/cases', { query: { ...query, limit: 100 }, signal }),
    [key],
  )
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <AsyncView state={cases}>
        {(page) => {
          if (page.items.length === 0) return <p className="empty">{empty}</p>
          const groups = new Map<string, CaseView[]>()
          for (const c of page.items) {
            const k = c.departmentId ?? ''
            groups.set(k, [...(groups.get(k) ?? []), c])
          }
          return [...groups]
            .sort((a, b) => b[1].length - a[1].length)
            .map(([dept, list]) => {
              const name = dept ? deptName(byId.get(dept)) : t('sup.unassigned')
              return (
                <section key={dept} className="dept-group" aria-label={name}>
                  <h3>
                    {name} <span className="badge tone-danger">{list.length}</span>
                  </h3>
                  <CaseTable items={list} caption={`${title}: ${name}`} />
                </section>
              )
            })
        }}
      </AsyncView>
    </section>
  )
}

export function SupervisionPage() {
  const i18n = useI18n()
  const { t } = i18n
  useTitle(t('sup.title'))
  const { byId } = useDepartments()
  const [period, setPeriod] = useState<Period>(defaultPeriod)
  const stats = useAsync(
    (signal) => staffApi<DepartmentStats>('/stats/departments', { query: periodQuery(period), signal }),
    [period.from, period.to],
  )
  return (
    <>
      <PageHeading lead={t('sup.intro')}>{t('sup.title')}</PageHeading>
      <CasesByDepartment
        id="overdue-h"
        title={t('sup.overdueCases')}
        empty={t('sup.noOverdue')}
        query={{ overdue: true }}
      />
      <CasesByDepartment
        id="escalated-h"
        title={t('sup.escalatedCases')}
        empty={t('sup.noEscalated')}
        query={{ escalated: true }}
      />
      <section aria-labelledby="bydept-h">
        <h2 id="bydept-h">{t('sup.byDepartment')}</h2>
        <PeriodForm value={period} onChange={setPeriod} />
        <AsyncView state={stats}>
          {(data) => {
            const rows = figures(data, byId, i18n).sort(
              (a, b) => (b.overdue ?? 0) + (b.escalated ?? 0) - ((a.overdue ?? 0) + (a.escalated ?? 0)),
            )
            if (!rows.length) return <p className="empty">{t('stats.empty')}</p>
            return (
              <>
                <BarChart
                  title={t('sup.byDepartment')}
                  series={[
                    { key: 'overdue', label: t('stats.overdue'), color: PALETTE.red },
                    { key: 'escalated', label: t('stats.escalated'), color: PALETTE.amber },
                  ]}
                  rows={rows.map((r) => ({
                    label: r.label,
                    values: { overdue: r.overdue ?? 0, escalated: r.escalated ?? 0 },
                  }))}
                />
                <DepartmentTable rows={rows} caption={t('sup.byDepartment')} />
              </>
            )
          }}
        </AsyncView>
      </section>
    </>
  )
}

export function KpiPage() {
  const i18n = useI18n()
  const { t } = i18n
  useTitle(t('kpi.title'))
  const { byId } = useDepartments()
  const [period, setPeriod] = useState<Period>(defaultPeriod)
  const stats = useAsync(
    (signal) => staffApi<DepartmentStats>('/stats/departments', { query: periodQuery(period), signal }),
    [period.from, period.to],
  )
  return (
    <>
      <PageHeading lead={t('kpi.intro')}>{t('kpi.title')}</PageHeading>
      <PeriodForm value={period} onChange={setPeriod} />
      <AsyncView state={stats}>
        {(data) => {
          const rows = figures(data, byId, i18n).sort((a, b) => b.received - a.received)
          if (!rows.length) return <p className="empty">{t('stats.empty')}</p>
          return (
            <div data-testid="kpi-body">
              <StatsSummary rows={rows} />
              <DepartmentCharts rows={rows} />
              <DepartmentTable rows={rows} caption={`${t('kpi.title')} (${period.from} – ${period.to})`} />
            </div>
          )
        }}
      </AsyncView>
    </>
  )
}
