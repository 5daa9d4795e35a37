// The run: every operation, requests through app.inject(), each property checked after each request.
import type { DocumentStore } from '@tingjian/store'
import fc from 'fast-check'
import { operationsOf } from './openapi.ts'
import { problemShape } from './oracle.ts'
import { buildRequest, type FuzzRequest } from './request.ts'
import { type FuzzSettings, fuzzSettings } from './settings.ts'
import type { FuzzTarget } from './target.ts'
import { signers } from './tokens.ts'

export interface OperationResult {
  /** `METHOD /path/{param}` */
  id: string
  requests: number
  /** 2xx answers: how often the input got all the way through. */
  accepted: number
  ms: number
  /** The first request that broke a property, and how to run it again. */
  failure?: { problems: string[]; request: string; answer: string; reproduce: string }
}

export interface FuzzReport {
  operations: OperationResult[]
  requests: number
  byStatus: Record<string, number>
  ms: number
  /** Of which in the app (inject), the rest in generating and checking. */
  appMs: number
  /** Types of events whose correlation id is that of a refused request. */
  announcedRefusals: string[]
  /** Prototypes that gained or lost a property during the run. */
  pollutedPrototypes: string[]
  unhandled: string[]
  /** The status of GET /healthz after the run. */
  liveAfter: number
  settings: FuzzSettings
}

/** A request id as a service may keep it from its caller: a plain token, no markup, no line breaks. */
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/

const LEAK = /node_modules|\/work\/|\.ts:\d+|\n\s+at [\w.<>]+ \(|Error: /

async function counts(store: DocumentStore): Promise<Record<string, number>> {
  const out: Record<string, number> = {}
  for (const name of await store.collectionNames()) out[name] = await store.collection(name).count()
  return out
}

/** Waits until no collection has unpublished outbox events (the relay caught up), or gives up quietly. */
async function settle(store: DocumentStore, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    let pending = 0
    for (const name of await store.collectionNames())
      pending += (await store.collection(name).outboxPending(1)).length
    if (pending === 0 || Date.now() > deadline) return
    await new Promise((r) => setTimeout(r, 20))
  }
}

function describe(req: FuzzRequest): string {
  const payload =
    req.payload === undefined
      ? ''
      : `\n  body (${req.payload.length} bytes): ${req.payload.toString().slice(0, 600)}`
  const headers = Object.entries(req.headers)
    .map(([k, v]) => `${k}: ${JSON.stringify(v).slice(0, 120)}`)
    .join('\n  ')
  return `${req.method} ${req.url.slice(0, 400)}\n  certainly invalid: ${req.invalid.join('; ').slice(0, 400) || 'no'}\n  notes: ${req.notes.join('; ') || '-'}\n  ${headers}${payload}`
}

const hashSeed = (seed: number, id: string) => {
  let h = seed | 0
  for (const ch of id) h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0
  return h
}

const PROTOTYPES: Array<[string, object]> = [
  ['Object.prototype', Object.prototype],
  ['Array.prototype', Array.prototype],
  ['Function.prototype', Function.prototype],
  ['String.prototype', String.prototype],
]

/** Fuzzes every operation of the app's OpenAPI document and reports what broke (see fuzzApp for tap). */
export async function fuzz(target: FuzzTarget): Promise<FuzzReport> {
  const settings = target.settings ?? fuzzSettings()
  const { app, spied } = target
  await app.ready()
  const { operations, resolve } = operationsOf(app)
  const tokens = signers(target)
  const bodyLimit = app.initialConfig.bodyLimit ?? 1024 * 1024
  const report: FuzzReport = {
    operations: [],
    requests: 0,
    byStatus: {},
    ms: 0,
    appMs: 0,
    announcedRefusals: [],
    pollutedPrototypes: [],
    unhandled: [],
    liveAfter: 0,
    settings,
  }
  const refusedIds = new Set<string>()
  // how many requests ran under each request id: a planted id the app kept (a UUID) may be shared, and an
  // event of an accepted request must not count against a refused one that planted the same id
  const idUses = new Map<string, number>()
  const protoKeys = PROTOTYPES.map(([, p]) => Object.getOwnPropertyNames(p).join(','))
  const unhandled: unknown[] = []
  const onUnhandled = (reason: unknown) => unhandled.push(reason)
  process.on('unhandledRejection', onUnhandled)
  process.on('uncaughtException', onUnhandled)
  const started = Date.now()
  let sequence = 0
  try {
    const selected = operations.filter(
      (op) => !target.skip?.includes(op.id) && (!settings.only || op.id.includes(settings.only)),
    )
    for (const op of selected) {
      const result: OperationResult = { id: op.id, requests: 0, accepted: 0, ms: 0 }
      report.operations.push(result)
      const opStarted = Date.now()
      const seed = hashSeed(settings.seed, op.id)
      let lastFailure: { problems: string[]; request: string; answer: string } | undefined
      const property = fc.asyncProperty(fc.gen(), async (g) => {
        const req = buildRequest(g, op, target, resolve, tokens, bodyLimit)
        const tag = `fuzz-${++sequence}-${seed >>> 0}`
        req.headers['x-request-id'] ??= tag
        const before = await counts(spied.store)
        const writesBefore = spied.recorded.writes.length
        const eventsBefore = spied.recorded.events.length
        const sent = performance.now()
        const res = await spied.tagged(tag, () =>
          app.inject({
            method: req.method as 'GET',
            url: req.url,
            headers: req.headers,
            ...(req.payload !== undefined ? { payload: req.payload } : {}),
          }),
        )
        report.appMs += performance.now() - sent
        const status = res.statusCode
        result.requests++
        report.requests++
        report.byStatus[status] = (report.byStatus[status] ?? 0) + 1
        target.log?.(
          `${status} ${req.method} ${req.url.slice(0, 120)} | ${req.notes.join('; ')} | invalid: ${req.invalid.join('; ').slice(0, 160) || 'no'}${status >= 400 && !req.invalid.length ? ` | ${res.body.replace(/.*"(detail|errors)":/, '').slice(0, 200)} | ${String(req.payload ?? '').slice(0, 300)}` : ''}`,
        )
        const problems: string[] = []
        const ok = status >= 200 && status < 300
        const refused = status >= 400 && status < 500
        if (ok) result.accepted++
        if (!ok && !refused) problems.push(`answered ${status}`)
        if (ok && req.invalid.length) problems.push(`accepted certainly invalid input (${status})`)
        // an answer to HEAD has the headers of the answer to GET and no body
        if (!ok)
          problems.push(...problemShape(res.headers['content-type'], res.body, status, req.method === 'HEAD'))
        if (LEAK.test(res.body)) problems.push('the answer shows internals')
        const answeredId = res.headers['x-request-id']
        if (answeredId !== undefined && !SAFE_REQUEST_ID.test(String(answeredId)))
          problems.push(
            `the answer's request id is not a plain id: ${JSON.stringify(answeredId).slice(0, 60)}`,
          )
        const requestId = String(res.headers['x-request-id'] ?? req.headers['x-request-id'])
        idUses.set(requestId, (idUses.get(requestId) ?? 0) + 1)
        const writes = spied.recorded.writes.slice(writesBefore).filter((w) => w.tag === tag)
        const events = spied.recorded.events.slice(eventsBefore).filter((e) => e.tag === tag)
        const allowed = target.mayChangeOnRefusal?.[op.id]
        const mayChange = new Set<string>(
          refused && allowed?.statuses.includes(status)
            ? allowed.collections
            : ok && req.method === 'GET'
              ? (target.mayWriteOnRead?.[op.id] ?? [])
              : [],
        )
        // a refusal changes nothing, and neither does a read
        if (!ok || req.method === 'GET') {
          if (!ok) refusedIds.add(requestId)
          const stray = writes.filter((w) => !mayChange.has(w.collection))
          if (stray.length) problems.push(`wrote ${stray.map((w) => `${w.op} ${w.collection}`).join(', ')}`)
          if (events.length) problems.push(`published ${events.map((e) => e.type).join(', ')}`)
          const after = await counts(spied.store)
          const changed = Object.keys({ ...before, ...after }).filter(
            (k) => (before[k] ?? 0) !== (after[k] ?? 0) && !mayChange.has(k),
          )
          if (changed.length) problems.push(`document counts changed in ${changed.join(', ')}`)
        } else {
          // let the relay publish what the accepted request wrote before the next request is judged
          await settle(spied.store)
        }
        if (problems.length) {
          lastFailure = { problems, request: describe(req), answer: `${status} ${res.body.slice(0, 600)}` }
          throw new Error(problems.join('; '))
        }
      })
      // Shrinking replays requests against an app whose state has moved on; it is slow and rarely makes a
      // single request clearer, so it is opt-in (FUZZ_SHRINK=1).
      const details = await fc.check(property, {
        seed,
        numRuns: settings.runs,
        endOnFailure: !settings.shrink,
      })
      result.ms = Date.now() - opStarted
      if (details.failed) {
        result.failure = {
          problems: lastFailure?.problems ?? [String(details.errorInstance)],
          request: lastFailure?.request ?? '',
          answer: lastFailure?.answer ?? '',
          reproduce: `FUZZ_SEED=${settings.seed} FUZZ_RUNS=${settings.runs} FUZZ_ONLY='${op.id}' (run ${details.numRuns} of this operation, seed ${seed}, path ${details.counterexamplePath ?? '-'})`,
        }
      }
    }
    await settle(spied.store)
  } finally {
    process.off('unhandledRejection', onUnhandled)
    process.off('uncaughtException', onUnhandled)
  }
  report.announcedRefusals = spied.recorded.events
    .filter((e) => e.correlationId && refusedIds.has(e.correlationId) && idUses.get(e.correlationId) === 1)
    .map((e) => e.type)
  report.pollutedPrototypes = PROTOTYPES.filter(
    ([, p], i) => Object.getOwnPropertyNames(p).join(',') !== protoKeys[i],
  ).map(([name]) => name)
  if (({} as Record<string, unknown>).polluted !== undefined) report.pollutedPrototypes.push('({}).polluted')
  report.unhandled = unhandled.map(String)
  report.liveAfter = (await app.inject({ method: 'GET', url: '/healthz' })).statusCode
  report.ms = Date.now() - started
  return report
}
