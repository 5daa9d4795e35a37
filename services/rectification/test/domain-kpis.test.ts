// KPI rows, rates, months and CSV alone; values computed by hand.
import t from 'tap'
import { csvCell, KpiTable, kpisCsv, monthRange, monthsBetween } from '../src/domain/kpis.ts'

t.test('rows per department and month, summed by department or month, with rates', async (t) => {
  const table = new KpiTable()
  table.add('d1', '2026-03', 'closed', 4)
  table.add('d1', '2026-03', 'closedOnTime', 3)
  table.add('d1', '2026-03', 'problems', 5)
  table.add('d1', '2026-03', 'casesAssigned', 2000)
  table.add('d1', '2026-04', 'closed', 1)
  table.add('d1', '2026-04', 'problemsWithdrawn', 1)
  table.add('d2', '2026-03', 'issued', 2)
  const rows = table.rows('department_month')
  t.equal(rows.length, 3)
  t.match(rows[0], {
    departmentId: 'd1',
    month: '2026-03',
    closed: 4,
    onTimeRate: 0.75,
    problemsPer1000Cases: 2.5,
  })
  t.match(rows[1], { departmentId: 'd1', month: '2026-04', closed: 1, onTimeRate: 0, problemsWithdrawn: 1 })
  t.equal(rows[1]?.problemsPer1000Cases, null, 'no cases: no rate')
  t.equal(rows[2]?.onTimeRate, null, 'nothing closed: no rate')
  const byDept = table.rows('department')
  t.match(byDept[0], { departmentId: 'd1', month: null, closed: 5, closedOnTime: 3, onTimeRate: 0.6 })
  const byMonth = table.rows('month')
  t.match(byMonth, [
    { departmentId: '*', month: '2026-03', issued: 2, closed: 4 },
    { departmentId: '*', month: '2026-04', closed: 1 },
  ])
})

t.test('months in Asia/Shanghai', async (t) => {
  t.same(monthRange('2026-03'), { from: '2026-02-28T16:00:00.000Z', to: '2026-03-31T16:00:00.000Z' })
  t.same(monthsBetween('2025-11', '2026-02'), ['2025-11', '2025-12', '2026-01', '2026-02'])
})

t.test('CSV: BOM, header, formula injection neutralised', async (t) => {
  t.equal(csvCell('=SUM(A1)'), `"'=SUM(A1)"`)
  t.equal(csvCell('+1'), `"'+1"`)
  t.equal(csvCell('-x'), `"'-x"`)
  t.equal(csvCell('@x'), `"'@x"`)
  t.equal(csvCell('a,b'), '"a,b"')
  t.equal(csvCell(0.75), '0.75')
  const table = new KpiTable()
  table.add('d1', '2026-03', 'closed', 2)
  table.add('d1', '2026-03', 'closedOnTime', 1)
  const csv = kpisCsv(table.rows('department_month'), new Map([['d1', '=出入境']]))
  t.ok(csv.startsWith('\uFEFFdepartment_id,department,month,issued,closed,closed_on_time,on_time_rate,'))
  const lines = csv.slice(1).split('\r\n')
  t.equal(lines[1], `d1,"'=出入境",2026-03,0,2,1,0.5,0,0,0,0,0,0,0,`)
})
