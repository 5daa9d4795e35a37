// Service records through HTTP on both adapters: a CSV of 1,000 records with 20 bad rows (each bad in its
// own way) → the report names each by line and field, the drawn records are exactly those the design's
// seeded rule predicts and became tasks, the strata count the population, and re-importing adds nothing; a
// JSON batch with one bad row stores the others; sources' API keys (own source only, revoked → 401);
// malformed requests store nothing; who may call what. Expected values from the design, not the code.
import { createHash, randomBytes } from 'node:crypto'
import { deleteTestNamespace } from '@tingjian/bus-kafka/testing'
import { PublishedCalendar } from '@tingjian/calendar'
import { IdentityEvents } from '@tingjian/contracts'
import { FieldCipher, generateFieldKeys, ManualClock, type Role } from '@tingjian/kit'
import { TelephonySimulator } from '@tingjian/telephony/simulator'
import {
  type AdapterKind,
  capturedLogger,
  eventually,
  KAFKA_BROKERS,
  testAdapters,
  testJwt,
} from '@tingjian/testkit'
import t, { type Test } from 'tap'
import { buildCallbacks } from '../src/app.ts'

const API = '/api/v1/callbacks'
/** Monday 2 March 2026, 10:00 in Shanghai. */
const MONDAY_10 = '2026-03-02T02:00:00.000Z'
const BASE = 'https://callbacks.example.test'
const LINE = '+862012345678'

async function callbacks(t: Test, kind: AdapterKind) {
  const { logger, lines } = capturedLogger()
  const { bus, store, namespace } = await testAdapters(t, kind, 'callbacks', logger)
  if (kind === 'distributed') t.teardown(() => deleteTestNamespace(KAFKA_BROKERS.split(','), namespace))
  const clock = new ManualClock(MONDAY_10)
  const jwt = testJwt()
  const simulator = new TelephonySimulator({
    authToken: randomBytes(32).toString('hex'),
    publicBaseUrl: BASE,
    lineNumber: LINE,
  })
  const app = await buildCallbacks({
    logger,
    bus,
    store,
    clock,
    cipher: FieldCipher.fromConfig(generateFieldKeys('test1')),
    jwt: jwt.config,
    telephony: simulator.telephony,
    publicBaseUrl: BASE,
    lineNumber: LINE,
    calendar: new PublishedCalendar(),
    group: `${namespace}-callbacks`,
    rateLimitPerMinute: 1_000_000,
    schedulerIntervalMs: 0,
  })
  t.teardown(() => app.close())
  t.teardown(() => simulator.close())
  await app.ready()
  const as = (role: Role, sub = `u-${role}`) => ({
    authorization: `Bearer ${jwt.token({ sub, roles: [role], departmentId: null })}`,
  })
  // a department identity announced: records name it by its code
  const departmentId = `dept-${randomBytes(4).toString('hex')}`
  await bus.publish(
    IdentityEvents.departmentChanged.create({
      subject: departmentId,
      data: { departmentId, code: 'CRJ', name: '出入境管理支队', parentId: null, active: true },
    }),
  )
  await eventually(async () => (await store.collection('departments').get(departmentId)) ?? undefined)
  return {
    app,
    store,
    lines,
    as,
    departmentId,
    records: store.collection<Record<string, unknown>>('service_records'),
    tasks: store.collection<Record<string, unknown>>('tasks'),
    strata: store.collection<{ population: number; sampled: number; rate: number }>('strata'),
  }
}

// ---- the design's rules, written out here ---------------------------------------------------------------

/** sampled(seed, key, rate): the first 8 hex of sha256(`<seed>:<key>`) over 2^32, below the rate. */
const drawn = (key: string, rate: number, seed = 'tingjian') =>
  Number.parseInt(createHash('sha256').update(`${seed}:${key}`).digest('hex').slice(0, 8), 16) / 2 ** 32 <
  rate
const taskId = (key: string) => `cbt_${createHash('sha256').update(key).digest('hex').slice(0, 32)}`

const HEADER = [
  'source',
  'recordId',
  'serviceType',
  'department',
  'office',
  'window',
  'staffNumber',
  'applicantName',
  'applicantPhone',
  'feeCharged',
  'feeSchedule',
  'promisedDays',
  'completedAt',
]

type Cells = Record<string, string>

function goodRow(i: number, source: string): Cells {
  return {
    source,
    recordId: `R-${String(i).padStart(5, '0')}`,
    serviceType: i % 2 === 0 ? 'passport' : 'id_card',
    department: 'CRJ',
    office: i % 3 === 0 ? '东城出入境大厅' : '西城出入境大厅',
    window: `${(i % 5) + 1}号窗口`,
    staffNumber: `S${1000 + (i % 7)}`,
    applicantName: `申请人${i}`,
    applicantPhone: `139${String(10_000_000 + i).slice(-8)}`,
    feeCharged: '120',
    feeSchedule: '120',
    promisedDays: '7',
    completedAt: `2026-02-${String((i % 27) + 1).padStart(2, '0')}T10:30:00+08:00`,
  }
}

/** The 20 bad rows: data row index → what is wrong (the field the report must name), each its own way. */
const BAD: Array<[number, string, (c: Cells) => Cells | string]> = [
  [10, 'source', (c) => ({ ...c, source: 'CRJ System' })],
  [60, 'recordId', (c) => ({ ...c, recordId: 'R/60' })],
  [110, 'serviceType', (c) => ({ ...c, serviceType: 'Passport' })],
  [160, 'department', (c) => ({ ...c, department: 'NOWHERE' })],
  [210, 'office', (c) => ({ ...c, office: '' })],
  [260, 'office', (c) => ({ ...c, office: '大'.repeat(101) })],
  [310, 'window', (c) => ({ ...c, window: '窗'.repeat(51) })],
  [360, 'staffNumber', (c) => ({ ...c, staffNumber: 'S 1' })],
  [410, 'applicantName', (c) => ({ ...c, applicantName: '张\u202E三' })],
  [460, 'applicantPhone', (c) => ({ ...c, applicantPhone: '555-1234' })],
  [510, 'feeCharged', (c) => ({ ...c, feeCharged: '-1' })],
  [560, 'feeCharged', (c) => ({ ...c, feeCharged: '12.345' })],
  [610, 'feeSchedule', (c) => ({ ...c, feeSchedule: 'abc' })],
  [660, 'promisedDays', (c) => ({ ...c, promisedDays: '366' })],
  [710, 'promisedDays', (c) => ({ ...c, promisedDays: '1.5' })],
  [760, 'completedAt', (c) => ({ ...c, completedAt: '2026-02-30T10:00:00+08:00' })],
  [810, 'completedAt', (c) => ({ ...c, completedAt: '2026-03-03T10:00:00+08:00' })],
  [860, 'completedAt', (c) => ({ ...c, completedAt: '2026-02-10 10:00' })],
  [910, 'row', (c) => `${HEADER.map((h) => c[h]).join(',')},extra`],
  [960, 'row', (c) => HEADER.map((h) => (h === 'office' ? `西城"大厅` : c[h])).join(',')],
]

const cell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v)

function csvFile(source: string, n: number): { text: string; good: Cells[] } {
  const lines = [HEADER.join(',')]
  const good: Cells[] = []
  const bad = new Map(BAD.map(([i, , f]) => [i, f]))
  for (let i = 0; i < n; i++) {
    const row = goodRow(i, source)
    const f = bad.get(i)
    const out = f ? f(row) : row
    if (!f) good.push(row)
    lines.push(typeof out === 'string' ? out : HEADER.map((h) => cell(out[h] ?? '')).join(','))
  }
  return { text: `\uFEFF${lines.join('\r\n')}\r\n`, good }
}

for (const kind of ['embedded', 'distributed'] as const) {
  t.test(`service records on ${kind}`, async (t) => {
    const h = await callbacks(t, kind)
    const supervisor = h.as('supervisor')
    const admin = h.as('admin')

    t.test('a CSV of 1,000 with 20 bad rows: report, draw, tasks, strata; again adds nothing', async (t) => {
      const source = 'crj-csv'
      const { text, good } = csvFile(source, 1000)
      const res = await h.app.inject({
        method: 'POST',
        url: `${API}/service-records/import`,
        headers: { ...supervisor, 'content-type': 'text/csv' },
        payload: text,
      })
      t.equal(res.statusCode, 200, res.body.slice(0, 300))
      const report = res.json()
      t.equal(report.received, 1000)
      t.equal(report.accepted, 980)
      t.equal(report.duplicates, 0)
      t.same(
        report.rejected.map((r: { row: number; errors: Array<{ field: string }> }) => [
          r.row,
          r.errors.map((e) => e.field),
        ]),
        // data row i is on line i + 2 (the header is line 1)
        BAD.map(([i, field]) => [i + 2, [field]]),
        'each bad row named by its line and field',
      )
      t.equal(report.rejected[0].recordId, 'R-00010', 'the record id as given')

      // the draw at the default rate of 10 %, per the design's seeded rule
      const predicted = good.filter((c) => drawn(`record:${source}:${c.recordId}`, 0.1))
      t.ok(predicted.length > 60 && predicted.length < 140, `about a tenth drawn (${predicted.length})`)
      t.equal(report.sampled, predicted.length)
      const tasks = await h.tasks.find({ subjectKind: 'service_record' }, { limit: 500 })
      t.same(
        tasks.items.map((x) => x._id).sort(),
        predicted.map((c) => taskId(`record:${source}:${c.recordId}`)).sort(),
        'exactly the predicted records became tasks',
      )
      const one = tasks.items[0] as Record<string, unknown>
      t.match(one, { samplingRate: 0.1, status: 'open', phoneMasked: /^139\*{4}\d{4}$/ })
      t.notMatch(JSON.stringify(one), /139\d{8}/, 'no number in clear on the task')
      t.equal(await h.records.count({ source }), 980)
      const stored = (await h.records.get(`${source}:R-00000`)) as Record<string, unknown>
      t.match(stored, {
        office: '东城出入境大厅',
        feeCharged: 120,
        stratum: '东城出入境大厅|passport',
        month: '2026-02',
      })
      t.notMatch(JSON.stringify(stored), /申请人0|13910000000/, 'name and number sealed')

      // strata: every accepted record counted in its stratum's population
      const byStratum = new Map<string, { population: number; sampled: number }>()
      for (const c of good) {
        const office = c.office as string
        const id = `2026-02|${office}|${c.serviceType}`
        const s = byStratum.get(id) ?? { population: 0, sampled: 0 }
        s.population++
        if (drawn(`record:${source}:${c.recordId}`, 0.1)) s.sampled++
        byStratum.set(id, s)
      }
      for (const [id, s] of byStratum) t.match(await h.strata.get(id), { ...s, rate: 0.1 }, id)

      const again = await h.app.inject({
        method: 'POST',
        url: `${API}/service-records/import`,
        headers: { ...supervisor, 'content-type': 'text/csv' },
        payload: text,
      })
      t.equal(again.statusCode, 200)
      t.match(again.json(), { received: 1000, accepted: 0, duplicates: 980, sampled: 0 })
      t.equal(again.json().rejected.length, 20)
      t.equal(await h.records.count({ source }), 980, 'nothing added')
      t.equal(await h.tasks.count({ subjectKind: 'service_record' }), predicted.length, 'no task added')
      for (const [id, s] of byStratum) t.match(await h.strata.get(id), s, `${id} unchanged`)

      // the same as a multipart upload is the same file
      const boundary = 'x-boundary-1'
      const multi = await h.app.inject({
        method: 'POST',
        url: `${API}/service-records/import`,
        headers: { ...admin, 'content-type': `multipart/form-data; boundary=${boundary}` },
        payload: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="records.csv"\r\nContent-Type: text/csv\r\n\r\n${text}\r\n--${boundary}--\r\n`,
      })
      t.equal(multi.statusCode, 200, multi.body.slice(0, 300))
      t.match(multi.json(), { received: 1000, accepted: 0, duplicates: 980 })

      const imports = await h.app.inject({ url: `${API}/service-records/imports`, headers: supervisor })
      t.equal(imports.statusCode, 200)
      t.equal(imports.json().items.length, 3)
      const detail = await h.app.inject({
        url: `${API}/service-records/imports/${report.importId}`,
        headers: supervisor,
      })
      t.match(detail.json(), { accepted: 980, format: 'csv', importedBy: { kind: 'staff' } })
      t.equal(detail.json().rejected.length, 20)
    })

    t.test(
      'a JSON batch with one bad row stores the others; a repeat in the batch adds nothing',
      async (t) => {
        const source = 'crj-json'
        const row = (i: number) => {
          const c = goodRow(i, source)
          return {
            ...c,
            feeCharged: Number(c.feeCharged),
            feeSchedule: Number(c.feeSchedule),
            promisedDays: Number(c.promisedDays),
          }
        }
        const res = await h.app.inject({
          method: 'POST',
          url: `${API}/service-records`,
          headers: supervisor,
          payload: { records: [row(1), { ...row(2), feeCharged: '120' }, row(3), row(1)] },
        })
        t.equal(res.statusCode, 200, res.body.slice(0, 300))
        t.match(res.json(), { received: 4, accepted: 2, duplicates: 1 })
        t.same(res.json().rejected, [
          {
            row: 2,
            recordId: 'R-00002',
            errors: [{ field: 'feeCharged', message: 'must be a number (yuan)' }],
          },
        ])
        t.same(
          (await h.records.find({ source })).items.map((r) => r.recordId),
          ['R-00001', 'R-00003'],
        )
      },
    )

    t.test('API keys: own source only; revoked or wrong → 401', async (t) => {
      const created = await h.app.inject({
        method: 'POST',
        url: `${API}/sources`,
        headers: admin,
        payload: { source: 'vehicle-sys', name: '车管业务系统' },
      })
      t.equal(created.statusCode, 201)
      const { apiKey } = created.json()
      t.match(apiKey, /^\S{40,}$/)
      const again = await h.app.inject({
        method: 'POST',
        url: `${API}/sources`,
        headers: admin,
        payload: { source: 'vehicle-sys', name: 'x' },
      })
      t.equal(again.statusCode, 409)
      const listed = await h.app.inject({ url: `${API}/sources`, headers: supervisor })
      t.equal(listed.statusCode, 200)
      t.notMatch(listed.body, apiKey, 'the key is never listed')
      t.match(listed.json().items, [{ source: 'vehicle-sys', name: '车管业务系统', revokedAt: null }])

      const key = { authorization: `ApiKey ${apiKey}` }
      const rec = (source: string, i: number) => ({
        ...goodRow(i, source),
        serviceType: 'vehicle_licence',
        feeCharged: 10,
        feeSchedule: 10,
        promisedDays: 1,
      })
      const own = await h.app.inject({
        method: 'POST',
        url: `${API}/service-records`,
        headers: key,
        payload: { records: [rec('vehicle-sys', 1)] },
      })
      t.equal(own.statusCode, 200, own.body.slice(0, 300))
      t.match(own.json(), { accepted: 1 })
      const foreign = await h.app.inject({
        method: 'POST',
        url: `${API}/service-records`,
        headers: key,
        payload: { records: [rec('vehicle-sys', 2), rec('passport-sys', 3)] },
      })
      t.equal(foreign.statusCode, 403)
      t.equal(await h.records.count({ source: 'vehicle-sys' }), 1, 'nothing of the refused batch stored')
      t.equal(await h.records.count({ source: 'passport-sys' }), 0)

      const wrong = await h.app.inject({
        method: 'POST',
        url: `${API}/service-records`,
        headers: { authorization: `ApiKey ${apiKey.slice(0, -2)}xx` },
        payload: { records: [rec('vehicle-sys', 4)] },
      })
      t.equal(wrong.statusCode, 401)
      const revoke = await h.app.inject({
        method: 'DELETE',
        url: `${API}/sources/vehicle-sys`,
        headers: admin,
      })
      t.equal(revoke.statusCode, 200)
      t.ok(revoke.json().revokedAt)
      const revoked = await h.app.inject({
        method: 'POST',
        url: `${API}/service-records`,
        headers: key,
        payload: { records: [rec('vehicle-sys', 5)] },
      })
      t.equal(revoked.statusCode, 401)
      t.equal(await h.records.count({ source: 'vehicle-sys' }), 1)
      const missing = await h.app.inject({ method: 'DELETE', url: `${API}/sources/nope`, headers: admin })
      t.equal(missing.statusCode, 404)
    })

    t.test('malformed requests store nothing', async (t) => {
      const before = await h.records.count({})
      const post = (payload: string | Buffer, type: string) =>
        h.app.inject({
          method: 'POST',
          url: `${API}/service-records/import`,
          headers: { ...supervisor, 'content-type': type },
          payload,
        })
      const badHeader = await post(`${HEADER.join(',')},colour\r\n`, 'text/csv')
      t.equal(badHeader.statusCode, 400)
      t.match(badHeader.json().detail, /colour/)
      t.equal((await post('source,recordId\r\n', 'text/csv')).statusCode, 400, 'required columns missing')
      t.equal((await post('', 'text/csv')).statusCode, 400, 'no header')
      t.equal((await post(Buffer.from([0xef, 0xbb, 0xbf, 0xff, 0xfe, 0x2c]), 'text/csv')).statusCode, 400)
      const { text } = csvFile('crj-open', 5)
      t.equal((await post(`${text}"unclosed,`, 'text/csv')).statusCode, 400, 'an open quote at the end')
      t.equal((await post(text, 'application/xml')).statusCode, 415)
      const notJson = await h.app.inject({
        method: 'POST',
        url: `${API}/service-records`,
        headers: { ...supervisor, 'content-type': 'application/json' },
        payload: '{"records": [',
      })
      t.equal(notJson.statusCode, 400)
      const tooMany = await h.app.inject({
        method: 'POST',
        url: `${API}/service-records`,
        headers: supervisor,
        payload: { records: Array.from({ length: 1001 }, (_, i) => ({ recordId: `x${i}` })) },
      })
      t.equal(tooMany.statusCode, 400)
      t.equal(await h.records.count({}), before)
    })

    t.test('who may call what (from the design)', async (t) => {
      const routes: Array<[string, string, unknown?]> = [
        ['POST', `${API}/service-records`, { records: [{}] }],
        ['GET', `${API}/service-records/imports`],
        ['POST', `${API}/sources`, { source: 'role-check', name: 'x' }],
        ['GET', `${API}/sources`],
        ['GET', `${API}/stats`],
        ['GET', `${API}/stats.csv`],
      ]
      const allowed: Role[] = ['admin', 'supervisor']
      const refused: Role[] = ['callback_agent', 'handler', 'dispatcher', 'discipline_officer']
      for (const [method, url, payload] of routes) {
        const none = await h.app.inject({ method: method as 'GET', url, ...(payload ? { payload } : {}) })
        t.equal(none.statusCode, 401, `${method} ${url} without a token`)
        for (const role of refused) {
          const res = await h.app.inject({
            method: method as 'GET',
            url,
            headers: h.as(role),
            ...(payload ? { payload } : {}),
          })
          t.equal(res.statusCode, 403, `${method} ${url} as ${role}`)
        }
        for (const role of allowed) {
          const res = await h.app.inject({
            method: method as 'GET',
            url,
            headers: h.as(role, `${role}-${randomBytes(3).toString('hex')}`),
            ...(payload
              ? {
                  payload:
                    method === 'POST' && url.endsWith('/sources')
                      ? { source: `rc-${role}`, name: 'x' }
                      : payload,
                }
              : {}),
          })
          t.ok(
            res.statusCode < 400,
            `${method} ${url} as ${role}: ${res.statusCode} ${res.body.slice(0, 200)}`,
          )
        }
      }
      const pub = await h.app.inject({ url: `${API}/public/monthly?month=2026-02` })
      t.equal(pub.statusCode, 200, 'the public figures need no token')
    })

    t.test('no applicant data in the logs', async (t) => {
      const log = h.lines.join('\n')
      t.notMatch(log, /(?<![\d.])139\d{8}(?!\d)|申请人\d|139\*{4}/)
      t.match(log, /service records imported/)
    })
  })
}
