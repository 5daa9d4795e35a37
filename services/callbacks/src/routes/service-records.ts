// Service records in from the business systems: a JSON batch or a CSV file (text/csv, or multipart with one
// file), with a staff token (admin, supervisor: any source) or a source's API key (its own records only).
// Every row is checked on its own and the answer reports each rejected row by number and field; a record is
// stored whole or not at all (one document), a repeat of source + recordId adds nothing, and a request
// that is not JSON or CSV, has no header or exceeds the limits stores nothing. Accepted records are counted
// in their stratum's population and drawn by the policy's seeded sample; a drawn record becomes a task.
import multipart from '@fastify/multipart'
import { uuidv7 } from '@tingjian/contracts'
import { type App, Errors, Problem } from '@tingjian/kit'
import { isConflict, type Stored, upsert, withRetry } from '@tingjian/store'
import type { FastifyRequest } from 'fastify'
import type { CallbacksContext, Tasks } from '../collections.ts'
import { dueFromAfter, monthOf } from '../domain/calling-hours.ts'
import { parseCsv } from '../domain/csv.ts'
import { loadPolicy, type Policy, recordRate, sampled } from '../domain/policy.ts'
import {
  checkHeader,
  checkRecord,
  csvRecord,
  MAX_BATCH_RECORDS,
  MAX_CSV_BYTES,
  MAX_CSV_ROWS,
  maskPhone,
  normaliseOffice,
  type ImportReport as Report,
  type RowOutcome,
  recordDocId,
  recordSampleKey,
  reportOf,
  type ValidRecord,
} from '../domain/records.ts'
import { newTask, openField, taskIdFor } from '../domain/task.ts'
import type { ImportDoc, Importer, ImportRejection, ServiceRecordDoc } from '../records.ts'
import { stratumId } from '../records.ts'
import {
  ImportIdParams,
  ImportList,
  ImportReport,
  ImportView,
  ListQuery,
  RecordBatch,
} from '../schemas/records.ts'
import { sourceOfKey } from './sources.ts'

/** Staff who import records (for any source). */
export const RECORD_IMPORTERS = ['admin', 'supervisor'] as const

/** JSON batches: 1,000 records of at most a few hundred bytes each. */
export const MAX_BATCH_BYTES = 2 * 1024 * 1024
/** Rows written at a time. */
const WRITE_CONCURRENCY = 16
/** Values a JSON batch may hold: the records' fields and the wrappers. */
const MAX_BATCH_VALUES = MAX_BATCH_RECORDS * 40 + 10

export interface ServiceRecordRoutesOptions {
  ctx: CallbacksContext
}

const MalformedBody = (message: string) => new Errors.BadRequest(message)

/** The JSON parser of these routes: the kit's rules (well-formed text, shallow), with room for 1,000 rows. */
function batchShapeProblem(value: unknown): string | null {
  const stack: Array<[unknown, number]> = [[value, 0]]
  let values = 0
  while (stack.length) {
    const [x, depth] = stack.pop() as [unknown, number]
    if (++values > MAX_BATCH_VALUES) return `The body holds more than ${MAX_BATCH_VALUES} values`
    if (typeof x === 'string') {
      if (/\p{Cs}/u.test(x)) return 'The body holds text that is not well-formed Unicode'
    } else if (typeof x === 'object' && x !== null) {
      if (depth >= 4) return 'The body is nested deeper than a batch of records'
      if (Array.isArray(x)) for (const item of x) stack.push([item, depth + 1])
      else
        for (const [k, v] of Object.entries(x)) {
          if (/\p{Cs}/u.test(k)) return 'The body holds text that is not well-formed Unicode'
          stack.push([v, depth + 1])
        }
    }
  }
  return null
}

/** The recordId of a rejected row as given, when it is a short one-line string (else null). */
function givenRecordId(raw: Readonly<Record<string, unknown>>): string | null {
  const v = raw.recordId
  return typeof v === 'string' && v.length > 0 && v.length <= 64 && !/[\p{Cc}\p{Cf}]/u.test(v) ? v : null
}

async function departmentIndex(ctx: CallbacksContext): Promise<Map<string, string>> {
  const index = new Map<string, string>()
  let cursor: string | null = null
  do {
    const page = await ctx.departments.find({ active: true }, { limit: 500, cursor })
    for (const d of page.items) {
      index.set(d._id, d._id)
      if (d.code) index.set(d.code, d._id)
    }
    cursor = page.nextCursor
  } while (cursor)
  return index
}

/** Runs `fn` over the items with at most `n` at a time, results in order. */
async function inPool<T, R>(items: readonly T[], n: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length)
  let next = 0
  await Promise.all(
    Array.from({ length: Math.min(n, items.length) }, async () => {
      for (let i = next++; i < items.length; i = next++) out[i] = await fn(items[i] as T)
    }),
  )
  return out
}

/** The ids among `ids` that are stored in the collection (asked 500 at a time). */
async function existingIds(
  collection: { find: Tasks['find'] },
  ids: readonly string[],
): Promise<Set<string>> {
  const found = new Set<string>()
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500)
    const page = await collection.find({ _id: { $in: chunk } }, { limit: 500 })
    for (const d of page.items) found.add(d._id)
  }
  return found
}

/** The stored records among these ids (500 at a time). */
async function storedRecords(ctx: CallbacksContext, ids: readonly string[]) {
  const found = new Map<string, Stored<ServiceRecordDoc>>()
  for (let i = 0; i < ids.length; i += 500) {
    const page = await ctx.records.find({ _id: { $in: ids.slice(i, i + 500) } }, { limit: 500 })
    for (const d of page.items) found.set(d._id, d)
  }
  return found
}

interface Row {
  /** 1-based data row (JSON), or the CSV line. */
  row: number
  raw: Record<string, unknown>
  /** A CSV row whose quoting is broken. */
  malformed?: string | null
}

/** Who is importing: a source by its API key, or a staff member (the kit checked the token and role). */
async function importerOf(ctx: CallbacksContext, request: FastifyRequest): Promise<Importer> {
  const auth = request.headers.authorization
  if (typeof auth === 'string' && /^ApiKey\s/i.test(auth)) {
    const source = await sourceOfKey(ctx.sources, auth)
    if (!source) throw new Errors.Unauthorized()
    return { kind: 'source', id: source }
  }
  return { kind: 'staff', id: request.user.sub, role: request.user.roles.join(',') }
}

/** The task of a drawn record (its id derives from source + recordId, so a repeat is the same task). */
async function ensureTask(ctx: CallbacksContext, policy: Policy, doc: ServiceRecordDoc): Promise<void> {
  const now = ctx.clock.now()
  const { id, task } = newTask(
    {
      subjectKind: 'service_record',
      caseId: null,
      trackingCode: null,
      serviceRecord: { source: doc.source, recordId: doc.recordId },
      serviceType: doc.serviceType,
      departmentId: doc.departmentId,
      office: doc.office,
      window: doc.window,
      staffNumber: doc.staffNumber,
      phone: openField(doc.applicantPhone, ctx.cipher),
      applicantName: openField(doc.applicantName, ctx.cipher),
      samplingRate: doc.samplingRate,
      stratum: doc.stratum,
      feeSchedule: doc.feeSchedule,
      reworkCount: 0,
      subjectAt: new Date(doc.completedAt),
    },
    { policy, calendar: ctx.calendar, cipher: ctx.cipher },
  )
  // due from the next working day after the service, or after the import when that is later
  const afterImport = dueFromAfter(now, policy.callingHours, ctx.calendar).toISOString()
  if (afterImport > task.dueFrom) {
    task.dueFrom = afterImport
    task.availableAt = afterImport
  }
  try {
    await ctx.tasks.insert(id, task, { now })
  } catch (err) {
    if (!isConflict(err, 'duplicate')) throw err
  }
}

/**
 * The stratum's population and draws, counted again from its records (so that a repeat, a crash between
 * writes or two imports at once leave the right numbers): a stale write starts over with a fresh count.
 */
async function recountStratum(ctx: CallbacksContext, month: string, stratum: string, rate: number) {
  await withRetry(async () => {
    const [population, drawn] = await Promise.all([
      ctx.records.count({ month, stratum }),
      ctx.records.count({ month, stratum, sampled: true }),
    ])
    const counted = { month, stratum, kind: 'service_record' as const, population, sampled: drawn, rate }
    await upsert(
      ctx.strata,
      stratumId(month, stratum),
      () => counted,
      (s) => (s.population === population && s.sampled === drawn && s.rate === rate ? null : counted),
      { maxAttempts: 1 },
    )
  })
}

async function importRows(
  ctx: CallbacksContext,
  request: FastifyRequest,
  format: 'json' | 'csv',
  rows: readonly Row[],
) {
  const importer = await importerOf(ctx, request)
  if (importer.kind === 'source') {
    // a key imports its own source's records only: the whole request is refused, nothing stored
    const foreign = rows.some((r) => typeof r.raw.source === 'string' && r.raw.source !== importer.id)
    if (foreign) throw new Errors.Forbidden()
  }
  const now = ctx.clock.now()
  const [departments, policy] = await Promise.all([departmentIndex(ctx), loadPolicy(ctx)])
  const importId = `rimp_${uuidv7()}`
  const importedAt = now.toISOString()

  // every row checked first: nothing is written for a request that fails as a whole
  const seen = new Set<string>()
  const planned: Array<RowOutcome | { kind: 'write'; doc: ServiceRecordDoc }> = rows.map((r) => {
    const reject = (errors: ImportRejection['errors']): RowOutcome => ({
      kind: 'rejected',
      rejection: { row: r.row, recordId: givenRecordId(r.raw), errors },
    })
    if (r.malformed) return reject([{ field: 'row', message: r.malformed }])
    const checked = checkRecord(r.raw, {
      mode: format,
      now,
      department: (d) => departments.get(d) ?? null,
    })
    if (!checked.ok) return reject(checked.errors)
    const rec: ValidRecord = checked.record
    const id = recordDocId(rec.source, rec.recordId)
    if (seen.has(id)) return { kind: 'duplicate' }
    seen.add(id)
    const { rate, stratum } = recordRate(policy, {
      office: normaliseOffice(rec.office),
      serviceType: rec.serviceType,
    })
    const drawn = sampled(policy.seed, recordSampleKey(rec.source, rec.recordId), rate)
    const completed = new Date(rec.completedAt)
    const doc: ServiceRecordDoc = {
      source: rec.source,
      recordId: rec.recordId,
      serviceType: rec.serviceType,
      departmentId: rec.departmentId,
      office: rec.office,
      window: rec.window,
      staffNumber: rec.staffNumber,
      applicantName: ctx.cipher.encrypt(rec.applicantName),
      applicantPhone: ctx.cipher.encrypt(rec.applicantPhone),
      phoneHash: ctx.cipher.hash(rec.applicantPhone, 'phone'),
      phoneMasked: maskPhone(rec.applicantPhone),
      feeCharged: rec.feeCharged,
      feeSchedule: rec.feeSchedule,
      promisedDays: rec.promisedDays,
      completedAt: rec.completedAt,
      month: monthOf(completed),
      stratum,
      sampled: drawn,
      samplingRate: rate,
      taskId: drawn
        ? taskIdFor({ kind: 'service_record', source: rec.source, recordId: rec.recordId })
        : null,
      importId,
      importedAt,
      importedBy: importer,
    }
    return { kind: 'write', doc }
  })

  // records stored before, found in bulk (a re-import is mostly these); a race is still caught by the insert
  const ids = planned.flatMap((p) => (p.kind === 'write' ? [recordDocId(p.doc.source, p.doc.recordId)] : []))
  const known = await storedRecords(ctx, ids)
  const knownTasks = await existingIds(
    ctx.tasks,
    [...known.values()].flatMap((r) => (r.sampled && r.taskId ? [r.taskId] : [])),
  )
  const strata = new Map<string, { month: string; stratum: string; rate: number }>()
  const outcomes = await inPool(planned, WRITE_CONCURRENCY, async (p): Promise<RowOutcome> => {
    if (p.kind !== 'write') return p
    const doc = p.doc
    const id = recordDocId(doc.source, doc.recordId)
    const before = known.get(id)
    if (before) {
      // stored before: nothing added; its task is made if an earlier import stopped before making it
      if (before.sampled && !(before.taskId && knownTasks.has(before.taskId)))
        await ensureTask(ctx, policy, before)
      return { kind: 'duplicate' }
    }
    try {
      await ctx.records.insert(id, doc, { now })
    } catch (err) {
      if (!isConflict(err, 'duplicate')) throw err
      const stored = await ctx.records.get(id)
      if (stored?.sampled) await ensureTask(ctx, policy, stored)
      return { kind: 'duplicate' }
    }
    strata.set(stratumId(doc.month, doc.stratum), {
      month: doc.month,
      stratum: doc.stratum,
      rate: doc.samplingRate,
    })
    if (doc.sampled) await ensureTask(ctx, policy, doc)
    return { kind: 'accepted', sampled: doc.sampled }
  })
  await inPool([...strata.values()], WRITE_CONCURRENCY, (s) =>
    recountStratum(ctx, s.month, s.stratum, s.rate),
  )

  const report = reportOf(importId, outcomes)
  const { importId: _, ...counts } = report
  const stored: ImportDoc = { format, importedBy: importer, at: importedAt, ...counts }
  await ctx.imports.insert(importId, stored, { now })
  request.log.info(
    {
      importId,
      format,
      importer: importer.kind,
      source: importer.kind === 'source' ? importer.id : undefined,
      received: report.received,
      accepted: report.accepted,
      duplicates: report.duplicates,
      rejected: report.rejected.length,
      sampled: report.sampled,
    },
    'service records imported',
  )
  return report
}

/** The CSV text of the request: a text/csv body, or the one file of a multipart form. */
async function csvText(request: FastifyRequest): Promise<string> {
  let bytes: Buffer
  if (request.isMultipart()) {
    const files = request.files({ limits: { files: 1, fileSize: MAX_CSV_BYTES, fields: 0, parts: 1 } })
    let one: Buffer | null = null
    for await (const part of files) {
      if (one !== null) throw MalformedBody('Send one CSV file')
      one = await part.toBuffer()
    }
    if (one === null) throw MalformedBody('Send one CSV file')
    bytes = one
  } else if (Buffer.isBuffer(request.body)) {
    bytes = request.body
  } else throw MalformedBody('Send the records as text/csv or as a multipart form with one file')
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw MalformedBody('The file is not UTF-8 text')
  }
}

export async function serviceRecordRoutes(app: App, opts: ServiceRecordRoutesOptions): Promise<void> {
  const { ctx } = opts

  // these routes only: batches larger than the kit's JSON limits, CSV bodies, multipart uploads
  const json = app.getDefaultJsonParser('error', 'error')
  app.removeContentTypeParser('application/json')
  app.addContentTypeParser(
    'application/json',
    { parseAs: 'string', bodyLimit: MAX_BATCH_BYTES },
    (request, body, done) => {
      json(
        request,
        typeof body === 'string' ? body : body.toString('utf8'),
        (err: Error | null, value?: unknown) => {
          if (err) return done(err, undefined)
          const problem = batchShapeProblem(value)
          if (problem) return done(MalformedBody(problem), undefined)
          done(null, value)
        },
      )
    },
  )
  app.addContentTypeParser('text/csv', { parseAs: 'buffer', bodyLimit: MAX_CSV_BYTES }, (_r, body, done) =>
    done(null, body),
  )
  await app.register(multipart, { limits: { fileSize: MAX_CSV_BYTES, files: 1 } })

  // A source's API key (`Authorization: ApiKey …`) is taken by a route of its own (a public one that checks
  // the key); a staff token goes through the kit's checks (signature, revocation, role).
  if (!app.hasConstraintStrategy('authScheme'))
    app.addConstraintStrategy({
      name: 'authScheme',
      storage() {
        const routes = new Map<string, unknown>()
        return {
          get: (scheme: string) => (routes.get(scheme) ?? null) as never,
          set: (scheme: string, store: unknown) => {
            routes.set(scheme, store)
          },
        }
      },
      deriveConstraint: (req: { headers: Record<string, string | string[] | undefined> }) => {
        const auth = req.headers.authorization
        return typeof auth === 'string' && /^ApiKey\s/i.test(auth) ? 'apikey' : 'other'
      },
      mustMatchWhenDerived: false,
    })

  const both = (
    method: 'POST',
    url: string,
    schema: Record<string, unknown>,
    bodyLimit: number,
    handler: (request: FastifyRequest) => Promise<Report>,
  ) => {
    const response = {
      200: ImportReport,
      400: Problem,
      401: Problem,
      403: Problem,
      413: Problem,
      415: Problem,
    }
    app.route({
      method,
      url,
      bodyLimit,
      config: { access: RECORD_IMPORTERS },
      schema: { ...schema, response },
      handler: async (request) => handler(request),
    })
    app.route({
      method,
      url,
      bodyLimit,
      constraints: { authScheme: 'apikey' },
      config: { access: 'public' },
      // the key before the body: an unknown or revoked key is 401 before a byte of the upload is read
      onRequest: async (request) => {
        const auth = request.headers.authorization
        if (typeof auth !== 'string' || !(await sourceOfKey(ctx.sources, auth)))
          throw new Errors.Unauthorized()
      },
      schema: { ...schema, hide: true, response },
      handler: async (request) => handler(request),
    })
  }

  both(
    'POST',
    '/service-records',
    {
      summary:
        'Import a batch of service records (JSON, 1–1,000): each row checked, a report of accepted, duplicate and rejected rows. Staff (admin, supervisor) or a source’s `Authorization: ApiKey <key>` (its own records)',
      body: RecordBatch,
    },
    MAX_BATCH_BYTES,
    async (request) => {
      const body = request.body as RecordBatch
      return importRows(
        ctx,
        request,
        'json',
        body.records.map((raw, i) => ({ row: i + 1, raw: raw as Record<string, unknown> })),
      )
    },
  )

  both(
    'POST',
    '/service-records/import',
    {
      summary: `Import service records from a CSV file (text/csv, or multipart with one file; ≤ 5 MB, ≤ ${MAX_CSV_ROWS} rows; UTF-8 with or without a byte-order mark; the header names the JSON fields): the report names rejected rows by line`,
      consumes: ['text/csv', 'multipart/form-data'],
    },
    MAX_CSV_BYTES + 64 * 1024,
    async (request) => {
      const text = await csvText(request)
      const parsed = parseCsv(text, MAX_CSV_ROWS)
      if (!parsed.ok) throw MalformedBody(`CSV line ${parsed.line}: ${parsed.message}`)
      const header = parsed.header.map((h) => h.trim())
      const faults = checkHeader(header)
      if (faults.length > 0) throw MalformedBody(`CSV header: ${faults.join('; ')}`)
      return importRows(
        ctx,
        request,
        'csv',
        parsed.rows.map((r) => ({
          row: r.line,
          raw: csvRecord(header, r.cells.length === header.length ? r.cells : []),
          malformed:
            r.malformed ??
            (r.cells.length === header.length
              ? null
              : `has ${r.cells.length} cells where the header has ${header.length}`),
        })),
      )
    },
  )

  app.get(
    '/service-records/imports',
    {
      config: { access: RECORD_IMPORTERS },
      schema: {
        summary: 'Imports, newest first (their counts; one import’s rejected rows at /imports/{importId})',
        querystring: ListQuery,
        response: { 200: ImportList, 400: Problem, 401: Problem, 403: Problem },
      },
    },
    async (request) => {
      const page = await ctx.imports.find(
        {},
        { sort: [['at', -1]], limit: request.query.limit ?? 50, cursor: request.query.cursor ?? null },
      )
      return {
        items: page.items.map(({ _id, version, createdAt, updatedAt, rejected, importedBy, ...d }) => ({
          importId: _id,
          ...d,
          rejected: rejected.length,
          importedBy: { kind: importedBy.kind, id: importedBy.id },
        })),
        nextCursor: page.nextCursor,
      }
    },
  )

  app.get(
    '/service-records/imports/:importId',
    {
      config: { access: RECORD_IMPORTERS },
      schema: {
        summary: 'One import’s report',
        params: ImportIdParams,
        response: { 200: ImportView, 401: Problem, 403: Problem, 404: Problem },
      },
    },
    async (request) => {
      const doc = await ctx.imports.get(request.params.importId)
      if (!doc) throw new Errors.NotFound()
      const { _id, version, createdAt, updatedAt, importedBy, ...d } = doc
      return { importId: _id, ...d, importedBy: { kind: importedBy.kind, id: importedBy.id } }
    },
  )
}
