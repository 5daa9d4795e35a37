// Builds the rectification service on adapters of its own (a temp dir, or a random Kafka namespace and a
// test_* database), with a manual clock, test tokens and a blob store of its own (files in a temp dir, or
// GridFS in its own test_* database); collects the rectification events it publishes. Problems can be
// seeded straight into the store the test passed in, or published as problem-found events.
import { randomBytes } from 'node:crypto'
import { readdirSync, statSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import type { BlobStore } from '@tingjian/blob'
import { createFsBlobStore } from '@tingjian/blob-fs'
import { createGridFsBlobStore, type GridFsBlobStore } from '@tingjian/blob-gridfs'
import { deleteTestNamespace } from '@tingjian/bus-kafka/testing'
import { PublishedCalendar } from '@tingjian/calendar'
import type { EventEnvelope } from '@tingjian/contracts'
import { ManualClock, type Role } from '@tingjian/kit'
import {
  type AdapterKind,
  capturedLogger,
  eventually,
  KAFKA_BROKERS,
  MONGO_URL,
  testAdapters,
  testJwt,
} from '@tingjian/testkit'
import { MongoClient } from 'mongodb'
import type { Test } from 'tap'
import { buildRectification, type RectificationDeps } from '../src/app.ts'
import {
  APPEALS,
  type AppealDoc,
  COUNTERS,
  DEFAULT_SETTINGS,
  ORDERS,
  type OrderDoc,
} from '../src/collections.ts'
import { ALERTS, type AlertDoc, PROBLEMS, type ProblemDoc } from '../src/problems.ts'
import { schedulerPass } from '../src/scheduler.ts'

export const API = '/api/v1/rectification'
/** Monday 2 March 2026, 10:00 in Shanghai. */
export const MONDAY_10 = '2026-03-02T02:00:00.000Z'

export const DEPT_A = 'dept-a'
export const DEPT_B = 'dept-b'

/** Every file under `dir`, relative to it (directories themselves are not residue). */
function filesUnder(dir: string): string[] {
  const out: string[] = []
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name)
      if (statSync(p).isDirectory()) walk(p)
      else out.push(relative(dir, p))
    }
  }
  walk(dir)
  return out.sort()
}

/**
 * A blob store of the kind's adapter, removed in the teardown, and what it holds in its storage (files
 * under the root; GridFS files and chunks documents), so that "nothing stored" is checked, not assumed.
 */
export async function testBlobs(
  t: Test,
  kind: AdapterKind,
): Promise<{ blobs: BlobStore; residue: () => Promise<string[]> }> {
  if (kind === 'embedded') {
    const dir = await mkdtemp(join(tmpdir(), 'tj-blobs-'))
    const root = join(dir, 'blobs')
    const blobs = await createFsBlobStore({ root })
    t.teardown(async () => {
      await blobs.close()
      await rm(dir, { recursive: true, force: true })
    })
    return { blobs, residue: async () => filesUnder(root) }
  }
  const database = `test_${randomBytes(6).toString('hex')}`
  const blobs: GridFsBlobStore = await createGridFsBlobStore({ url: MONGO_URL, database, bucket: 'evidence' })
  const client = new MongoClient(MONGO_URL)
  t.teardown(async () => {
    await blobs.drop()
    await blobs.close()
    await client.close()
  })
  return {
    blobs,
    residue: async () => {
      const db = client.db(database)
      const files = await db.collection('evidence.files').find({}).toArray()
      const chunks = await db.collection('evidence.chunks').find({}).toArray()
      return [...files.map((f) => `files/${String(f._id)}`), ...chunks.map((c) => `chunks/${String(c._id)}`)]
    },
  }
}

export async function rectification(
  t: Test,
  kind: AdapterKind = 'embedded',
  extra: Partial<RectificationDeps> = {},
) {
  const { logger, lines } = capturedLogger()
  const { bus, store, namespace } = await testAdapters(t, kind, 'rectification', logger)
  if (kind === 'distributed') t.teardown(() => deleteTestNamespace(KAFKA_BROKERS.split(','), namespace))
  const { blobs, residue } = await testBlobs(t, kind)
  const clock = new ManualClock(MONDAY_10)
  const calendar = new PublishedCalendar()
  const jwt = testJwt()
  const deps: RectificationDeps = {
    logger,
    bus,
    store,
    blobs,
    clock,
    jwt: jwt.config,
    group: `${namespace}-rectification`,
    rateLimitPerMinute: 1_000_000,
    schedulerIntervalMs: 0,
    calendar,
    ...extra,
  }
  const settings = { ...DEFAULT_SETTINGS, ...deps.settings }
  let app = await buildRectification(deps)
  t.teardown(() => app.close())
  await app.ready()

  const events: EventEnvelope[] = []
  const sub = await bus.subscribe({ group: `${namespace}-events`, streams: ['rectification'] }, async (e) => {
    events.push(e)
  })
  await sub.ready()
  t.teardown(() => sub.close())

  const as = (role: Role, departmentId: string | null = null, sub = `u-${role}-${departmentId ?? 'x'}`) => ({
    authorization: `Bearer ${jwt.token({ sub, roles: [role], departmentId })}`,
  })
  const officer = as('discipline_officer', null, 'officer-1')
  const collections = {
    orders: store.collection<OrderDoc>(ORDERS),
    appeals: store.collection<AppealDoc>(APPEALS),
    counters: store.collection<Record<string, unknown>>(COUNTERS),
    problems: store.collection<ProblemDoc>(PROBLEMS),
    alerts: store.collection<AlertDoc>(ALERTS),
  }

  return {
    kind,
    get app() {
      return app
    },
    bus,
    store,
    blobs,
    residue,
    clock,
    namespace,
    lines,
    events,
    jwt,
    as,
    officer,
    deps,
    ...collections,
    /** Closes the running app (a restart is a restart) and builds a second one on the same store. */
    async restart() {
      await app.close()
      app = await buildRectification(deps)
      t.teardown(() => app.close())
      await app.ready()
      return app
    },
    /** One pass of the ladder scheduler, as the app's timer would run it. */
    pass: () =>
      schedulerPass({
        orders: collections.orders,
        clock,
        calendar: deps.calendar ?? calendar,
        settings,
        logger,
      }),
    /** Waits for this many events of this type about this subject (and returns them). */
    async eventsOf(type: string, subject: string, count = 1) {
      return eventually(async () => {
        const found = events.filter((e) => e.type === type && e.subject === subject)
        return found.length >= count ? found : undefined
      })
    },
  }
}

export type Rectification = Awaited<ReturnType<typeof rectification>>

let problemSeq = 0

/** A problem as the problems consumer would have stored it (the data through the store the test passed in). */
export function problemDoc(over: Partial<ProblemDoc> = {}): ProblemDoc {
  const departmentId = over.departmentId ?? DEPT_A
  const caseId = over.caseId === undefined ? `case_${randomBytes(6).toString('hex')}` : over.caseId
  return {
    kind: 'dissatisfied',
    summary: 'Citizen rated the reply dissatisfied',
    source: { kind: 'case', id: caseId ?? 'svc_1', trackingCode: null },
    reportedBy: 'tracking',
    reportedById: null,
    departmentId,
    office: '城东出入境办证大厅',
    window: '3号窗口',
    staffNumber: null,
    keys: {
      staff: null,
      window: `${departmentId}|城东出入境办证大厅|3号窗口`,
      office: `${departmentId}|城东出入境办证大厅`,
      department: departmentId,
    },
    caseId,
    evidenceUrl: caseId ? `/staff/cases/${caseId}` : null,
    occurredAt: '2026-02-27T02:00:00.000Z',
    month: '2026-02',
    receivedAt: '2026-02-27T02:00:01.000Z',
    eventId: null,
    alertId: null,
    orderId: null,
    withdrawn: null,
    ...over,
  }
}

/** Seeds problems into the store; returns their ids. */
export async function seedProblems(h: Rectification, n: number, over: Partial<ProblemDoc> = {}) {
  const ids: string[] = []
  for (let i = 0; i < n; i++) {
    const id = `case_seed${++problemSeq}_${randomBytes(4).toString('hex')}:dissatisfied:0`
    await h.problems.insert(id, problemDoc(over))
    ids.push(id)
  }
  return ids
}

/** A small real PDF (one empty page), built here. */
export function pdf(text = 'evidence'): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>',
  ]
  const stream = `BT /F1 12 Tf 20 100 Td (${text}) Tj ET`
  objects.push(`<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`)
  let body = '%PDF-1.4\n'
  const offsets: number[] = []
  objects.forEach((o, i) => {
    offsets.push(body.length)
    body += `${i + 1} 0 obj\n${o}\nendobj\n`
  })
  const xref = body.length
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  for (const off of offsets) body += `${String(off).padStart(10, '0')} 00000 n \n`
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return Buffer.from(body, 'latin1')
}

/** A minimal PNG signature and header: enough for the content check. */
export function png(): Buffer {
  return Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), randomBytes(64)])
}

/** An ELF executable's header (what a renamed program looks like). */
export function elf(): Buffer {
  return Buffer.concat([Buffer.from('7f454c46020101000000000000000000', 'hex'), randomBytes(256)])
}

export interface FilePart {
  filename: string
  content: Buffer
  contentType?: string
  field?: string
}

/** A multipart/form-data body: fields first, then files. */
export function multipart(fields: Record<string, string>, files: FilePart[] = []) {
  const boundary = `----tj${randomBytes(12).toString('hex')}`
  const chunks: Buffer[] = []
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
        'utf8',
      ),
    )
  }
  for (const f of files) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${f.field ?? 'files'}"; filename="${f.filename}"\r\nContent-Type: ${f.contentType ?? 'application/pdf'}\r\n\r\n`,
        'utf8',
      ),
      f.content,
      Buffer.from('\r\n'),
    )
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`))
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` }
}

type Headers = { authorization: string }

/** The HTTP calls the tests make, through `app.inject()`. */
export function client(h: Rectification) {
  const json = async (method: 'GET' | 'POST', url: string, headers: Headers, payload?: unknown) => {
    const res = await h.app.inject({ method, url: `${API}${url}`, headers, ...(payload ? { payload } : {}) })
    return { status: res.statusCode, body: res.body ? res.json() : null, headers: res.headers, raw: res }
  }
  return {
    get: (url: string, headers: Headers) => json('GET', url, headers),
    post: (url: string, headers: Headers, payload: unknown) => json('POST', url, headers, payload),
    async issue(problemIds: string[], headers: Headers = h.officer, more: Record<string, unknown> = {}) {
      const res = await json('POST', '/orders', headers, {
        problemIds,
        title: '城东大厅3号窗口服务态度整改',
        measuresRequired: '开展服务规范培训，窗口张贴监督电话',
        ...more,
      })
      if (res.status !== 201) throw new Error(`issue: ${res.status} ${JSON.stringify(res.body)}`)
      return res.body as { orderId: string; version: number; number: string } & Record<string, unknown>
    },
    /** An action with the version the client saw. */
    act: (
      orderId: string,
      action: string,
      headers: Headers,
      version: number,
      body: Record<string, unknown> = {},
    ) => json('POST', `/orders/${orderId}/${action}`, headers, { version, ...body }),
    async evidence(
      orderId: string,
      headers: Headers,
      fields: Record<string, string>,
      files: FilePart[] = [],
    ) {
      const { payload, contentType } = multipart(fields, files)
      const res = await h.app.inject({
        method: 'POST',
        url: `${API}/orders/${orderId}/evidence`,
        headers: { ...headers, 'content-type': contentType },
        payload,
      })
      return { status: res.statusCode, body: res.json(), raw: res }
    },
  }
}
