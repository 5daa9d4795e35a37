// The service record's rules (from the design's field list) and the CSV reader, without I/O.
import t from 'tap'
import { parseCsv } from '../src/domain/csv.ts'
import { checkHeader, checkRecord, csvRecord, parseInstant, stratumOf } from '../src/domain/records.ts'

const now = new Date('2026-03-10T08:00:00Z')
const departments = new Map([
  ['CRJ', 'dept-crj'],
  ['dept-crj', 'dept-crj'],
])
const ctx = (mode: 'json' | 'csv') => ({ mode, now, department: (d: string) => departments.get(d) ?? null })

const good = {
  source: 'crj-system',
  recordId: 'P-2026-0001',
  serviceType: 'passport',
  department: 'CRJ',
  office: '出入境大厅',
  window: '3号窗口',
  staffNumber: 'S1024',
  applicantName: '张三',
  applicantPhone: '+86 138-1234-5678',
  feeCharged: 120,
  feeSchedule: 120,
  promisedDays: 7,
  completedAt: '2026-03-09T10:30:00+08:00',
}

t.test('a good JSON record: normalised phone, department id, UTC time', async (t) => {
  const r = checkRecord(good, ctx('json'))
  t.ok(r.ok)
  if (!r.ok) return
  t.equal(r.record.applicantPhone, '13812345678')
  t.equal(r.record.departmentId, 'dept-crj')
  t.equal(r.record.completedAt, '2026-03-09T02:30:00.000Z')
  t.equal(r.record.window, '3号窗口')
  const bare = checkRecord({ ...good, window: undefined, staffNumber: null }, ctx('json'))
  t.ok(bare.ok && bare.record.window === null && bare.record.staffNumber === null, 'optional fields')
})

t.test('each rule names its field', async (t) => {
  const cases: Array<[string, Record<string, unknown>]> = [
    ['source', { source: 'CRJ System' }],
    ['recordId', { recordId: 'a/b' }],
    ['recordId', { recordId: 'x'.repeat(65) }],
    ['serviceType', { serviceType: 'Passport' }],
    ['department', { department: 'nowhere' }],
    ['office', { office: '  ' }],
    ['office', { office: 'x'.repeat(101) }],
    ['window', { window: 'a\u202Eb' }],
    ['staffNumber', { staffNumber: 'S 1' }],
    ['applicantName', { applicantName: 'x'.repeat(51) }],
    ['applicantPhone', { applicantPhone: '555-1234' }],
    ['feeCharged', { feeCharged: -1 }],
    ['feeCharged', { feeCharged: 12.345 }],
    ['feeSchedule', { feeSchedule: '120' }],
    ['feeSchedule', { feeSchedule: 1_000_001 }],
    ['promisedDays', { promisedDays: 1.5 }],
    ['promisedDays', { promisedDays: 366 }],
    ['completedAt', { completedAt: '2026-03-09 10:30' }],
    ['completedAt', { completedAt: '2026-02-30T10:00:00+08:00' }],
    ['completedAt', { completedAt: '2026-03-11T10:00:00+08:00' }],
    ['applicantName', { applicantName: undefined }],
    ['colour', { colour: 'red' }],
  ]
  for (const [field, change] of cases) {
    const r = checkRecord({ ...good, ...change }, ctx('json'))
    t.same(
      r.ok ? [] : r.errors.map((e) => e.field),
      [field],
      `${field}: ${JSON.stringify(change).slice(0, 60)}`,
    )
  }
  const many = checkRecord({ source: 'x' }, ctx('json'))
  t.same(
    many.ok ? [] : many.errors.map((e) => e.field).sort(),
    [
      'applicantName',
      'applicantPhone',
      'completedAt',
      'department',
      'feeCharged',
      'feeSchedule',
      'office',
      'promisedDays',
      'recordId',
      'serviceType',
    ],
    'every missing field at once',
  )
})

t.test('CSV cells: text numbers, empty optional cells', async (t) => {
  const row = { ...good, feeCharged: '80.50', feeSchedule: '80', promisedDays: '15', window: '' }
  const r = checkRecord(row as Record<string, unknown>, ctx('csv'))
  t.ok(r.ok && r.record.feeCharged === 80.5 && r.record.promisedDays === 15 && r.record.window === null)
  const bad = checkRecord({ ...row, feeCharged: '1e3', promisedDays: '-1' }, ctx('csv'))
  t.same(bad.ok ? [] : bad.errors.map((e) => e.field), ['feeCharged', 'promisedDays'])
})

t.test('instants: offset required, real days', async (t) => {
  t.equal(parseInstant('2026-03-02T10:00:00Z')?.toISOString(), '2026-03-02T10:00:00.000Z')
  t.equal(parseInstant('2026-03-02T10:00+08:00')?.toISOString(), '2026-03-02T02:00:00.000Z')
  t.equal(parseInstant('2026-03-02T10:00:00'), null)
  t.equal(parseInstant('2025-02-29T10:00:00Z'), null)
  t.equal(parseInstant('2026-03-02T24:00:00Z'), null)
})

t.test('strata: the office normalised, then the service type', async (t) => {
  t.equal(stratumOf(' 出入境  大厅 ', 'passport'), '出入境 大厅|passport')
  t.equal(stratumOf('Ｂ区', 'id_card'), 'b区|id_card')
})

t.test('CSV reader: BOM, CRLF and LF, quotes, blank lines, line numbers', async (t) => {
  const text = '\uFEFFa,b,c\r\n1,"x, ""y""",3\n\n"multi\nline",2,3\r\n4,bad"quote,6\n"7"x,8,9\n10,11'
  const p = parseCsv(text, 100)
  t.ok(p.ok)
  if (!p.ok) return
  t.same(p.header, ['a', 'b', 'c'])
  t.same(
    p.rows.map((r) => [r.line, r.cells, r.malformed !== null]),
    [
      [2, ['1', 'x, "y"', '3'], false],
      [4, ['multi\nline', '2', '3'], false],
      [6, ['4', 'bad"quote', '6'], true],
      [7, ['7x', '8', '9'], true],
      [8, ['10', '11'], false],
    ],
  )
  t.same(csvRecord(['a', 'b', 'c'], ['1', '', '3']), { a: '1', c: '3' })
  t.match(parseCsv('a,b\n"open,1\n', 10), { ok: false, message: /not closed/ })
  t.match(parseCsv('\uFEFF\n\n', 10), { ok: false, message: /no header/ })
  t.match(parseCsv('a\n1\n2\n3\n', 2), { ok: false, line: 4, message: /more than 2/ })
})

t.test('CSV header: the JSON field names, required ones present, none twice', async (t) => {
  const all = Object.keys(good)
  t.same(checkHeader(all), [])
  t.same(checkHeader(all.filter((f) => f !== 'window' && f !== 'staffNumber')), [])
  t.equal(checkHeader([...all, 'colour']).length, 1)
  t.equal(checkHeader([...all, 'office']).length, 1)
  t.equal(checkHeader(all.filter((f) => f !== 'applicantPhone')).length, 1)
})
