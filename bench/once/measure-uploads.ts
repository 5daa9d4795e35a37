// One-off measurement (not a test, not the bench): rectification's evidence upload and the callbacks' CSV
// import through the gateway, on the embedded adapters (files, SQLite) and the distributed ones (GridFS and
// the store on the Mongo-wire server, Kafka). Loopback only; every loop bounded. Prints medians.
//   node --import tsx bench/once/measure-uploads.ts [embedded|distributed]
import { randomBytes } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  connectStore,
  createLogger,
  FieldCipher,
  generateFieldKeys,
  loadAdapterConfig,
  ManualClock,
} from '../../packages/kit/src/index.ts'
import type { DocumentStore } from '../../packages/store/src/index.ts'
import { testJwt } from '../../packages/testkit/src/index.ts'
import {
  openPlatform,
  SERVICES,
  serviceAdapters,
  startPlatform,
} from '../../services/platform/src/platform.ts'

const kind = process.argv[2] === 'distributed' ? 'distributed' : 'embedded'
const ROUNDS = 5
const dir = await mkdtemp(join(tmpdir(), 'tj-measure-'))
const ns = `m${randomBytes(4).toString('hex')}`
const env: Record<string, string> =
  kind === 'embedded'
    ? { DATA_DIR: dir, BUS_NAMESPACE: ns }
    : {
        DATA_DIR: dir,
        BUS_NAMESPACE: ns,
        KAFKA_BROKERS: '127.0.0.1:9092',
        MONGO_URL: 'mongodb://127.0.0.1:27017',
        MONGO_DATABASE: `test_${ns}`,
      }
const password = 'measure-password-2026'
const silent = createLogger({ level: 'silent' })
const adapters = loadAdapterConfig(env)
const platform = await startPlatform({
  adapters,
  logger: silent,
  clock: new ManualClock(new Date()),
  jwt: testJwt().config as ReturnType<typeof testJwt>['config'] & { privateKey: string },
  piiKey: randomBytes(32).toString('base64url'),
  cipher: FieldCipher.fromConfig(generateFieldKeys('measure')),
  mailboxSecret: randomBytes(32),
  smtp: { host: '127.0.0.1', port: 1, from: 'noreply@tingjian.localhost' },
  webUrl: 'http://127.0.0.1:3000',
  seedPassword: password,
  escalationIntervalMs: 0,
  groupPrefix: ns,
  mailFileFallbackDir: join(dir, 'mail'),
})
const open = await openPlatform(platform, { host: '127.0.0.1', port: 0, logger: silent })
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number

async function login(username: string): Promise<string> {
  const res = await fetch(`${open.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  })
  return `Bearer ${((await res.json()) as { accessToken: string }).accessToken}`
}

try {
  const officer = await login('discipline')
  const lead = await login('lead.exit-entry')
  const supervisor = await login('supervisor')
  const departmentId = platform.seeded?.departments['exit-entry'] as string
  const api = async (auth: string, method: string, path: string, body?: unknown) => {
    const res = await fetch(`${open.url}/api/v1${path}`, {
      method,
      headers: { authorization: auth, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    })
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`)
    return (await res.json()) as Record<string, unknown>
  }

  // ---- evidence: a 10 MB PDF per request, ROUNDS orders ----
  const pdf = Buffer.concat([
    Buffer.from('%PDF-1.4\n'),
    randomBytes(10 * 1024 * 1024 - 20),
    Buffer.from('\n%%EOF\n'),
  ])
  const uploadMs: number[] = []
  for (let i = 0; i < ROUNDS; i++) {
    const problem = await api(officer, 'POST', '/rectification/problems', {
      caseId: `case_m${i}${ns}`,
      kind: 'other',
      summary: 'measurement',
      departmentId,
      office: `office ${i}`,
    })
    const order = await api(officer, 'POST', '/rectification/orders', {
      problemIds: [problem.id],
      title: `measurement ${i}`,
      measuresRequired: 'measure',
    })
    const id = order.orderId as string
    let o = await api(lead, 'POST', `/rectification/orders/${id}/acknowledge`, { version: order.version })
    o = await api(lead, 'POST', `/rectification/orders/${id}/plan`, {
      version: o.version,
      measures: 'm',
      owner: 'o',
      plannedBy: '2099-01-01',
    })
    const form = new FormData()
    form.append('version', String(o.version))
    form.append('text', 'evidence')
    form.append('files', new Blob([pdf], { type: 'application/pdf' }), 'report.pdf')
    const started = performance.now()
    const res = await fetch(`${open.url}/api/v1/rectification/orders/${id}/evidence`, {
      method: 'POST',
      headers: { authorization: lead },
      body: form,
    })
    if (res.status !== 200) throw new Error(`evidence: ${res.status} ${await res.text()}`)
    uploadMs.push(performance.now() - started)
  }

  // ---- callbacks: a 1,000-row CSV import, ROUNDS distinct files ----
  const importMs: number[] = []
  const header =
    'source,recordId,serviceType,department,office,window,staffNumber,applicantName,applicantPhone,feeCharged,feeSchedule,promisedDays,completedAt'
  const completedAt = new Date(Date.now() - 3_600_000).toISOString()
  for (let i = 0; i < ROUNDS; i++) {
    const rows = Array.from(
      { length: 1000 },
      (_, n) =>
        `sys-m,R${i}-${n},passport,exit-entry,大厅${n % 5},${n % 9}号窗口,,申请人,1371234${String(n).padStart(4, '0')},120,120,7,${completedAt}`,
    )
    const form = new FormData()
    form.append('file', new Blob([`${header}\n${rows.join('\n')}\n`], { type: 'text/csv' }), 'records.csv')
    const started = performance.now()
    const res = await fetch(`${open.url}/api/v1/callbacks/service-records/import`, {
      method: 'POST',
      headers: { authorization: supervisor },
      body: form,
    })
    if (res.status !== 200) throw new Error(`import: ${res.status} ${await res.text()}`)
    importMs.push(performance.now() - started)
  }
  const rss = Math.round(process.memoryUsage().rss / 2 ** 20)
  process.stdout.write(
    `${JSON.stringify({
      kind,
      rounds: ROUNDS,
      evidence10MbMedianMs: Math.round(median(uploadMs)),
      evidence10MbMs: uploadMs.map(Math.round),
      csvImport1000MedianMs: Math.round(median(importMs)),
      csvImport1000Ms: importMs.map(Math.round),
      rssMiB: rss,
    })}\n`,
  )
} finally {
  await open.close()
  if (kind === 'distributed') {
    const { deleteTestNamespace } = await import('../../packages/bus-kafka/src/testing.ts')
    await deleteTestNamespace(['127.0.0.1:9092'], ns)
    // every service's test database (the evidence's GridFS bucket is in rectification's)
    for (const service of SERVICES) {
      const store = (await connectStore(
        service,
        serviceAdapters(adapters, service),
        silent,
      )) as DocumentStore & {
        drop(): Promise<void>
      }
      await store.drop()
      await store.close()
    }
  }
  await rm(dir, { recursive: true, force: true })
}
