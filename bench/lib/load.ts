// Load generators. Closed loop: autocannon, a fixed number of connections each sending the next letter as
// soon as the previous one is answered. Open loop: letters sent at a fixed rate whatever the answers, each
// on a new connection from its own loopback address (127.x.y.z), as citizens' requests come from many
// addresses: the per-address rate limits of the public routes stay what production has.
import { request } from 'node:http'
import { setTimeout as sleep } from 'node:timers/promises'
import autocannon from 'autocannon'
import type { LetterPool } from './letters.ts'

export interface ClosedLoopRound {
  seconds: number
  letters: number
  lettersPerSec: number
  p50Ms: number
  p99Ms: number
  non2xx: number
  errors: number
}

export async function closedLoop(
  baseUrl: string,
  pool: LetterPool,
  seconds: number,
  connections: number,
): Promise<ClosedLoopRound> {
  const result = await autocannon({
    url: `${baseUrl}/api/v1/mailbox/letters`,
    connections,
    duration: seconds,
    timeout: 10,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        setupRequest: (req) => ({ ...req, body: pool.next() }),
      },
    ],
  })
  const letters = result['2xx']
  return {
    seconds: result.duration,
    letters,
    lettersPerSec: Math.round((letters / result.duration) * 10) / 10,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  }
}

export interface HttpAnswer {
  status: number
  body: string
}

let addressCounter = 0
/** 127.1.0.0 – 127.1.255.255: 65,536 client addresses, each used at most once every few minutes. */
export function nextClientAddress(): string {
  const n = addressCounter++ & 0xffff
  return `127.1.${n >> 8}.${n & 0xff}`
}

/** One HTTP request on its own connection from its own loopback address. Never rejects. */
export function send(
  url: URL,
  method: 'GET' | 'POST',
  options: { body?: string; headers?: Record<string, string>; timeoutMs?: number } = {},
): Promise<HttpAnswer> {
  return new Promise((resolve) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method,
        agent: false,
        localAddress: nextClientAddress(),
        headers: {
          connection: 'close',
          ...(options.body ? { 'content-type': 'application/json' } : {}),
          ...options.headers,
        },
        timeout: options.timeoutMs ?? 30_000,
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }))
        res.on('error', () => resolve({ status: 0, body: '' }))
      },
    )
    req.on('timeout', () => req.destroy(new Error('timeout')))
    req.on('error', () => resolve({ status: 0, body: '' }))
    req.end(options.body)
  })
}

export interface OpenLoopOptions {
  rate: number
  seconds: number
  /** Requests in flight at most; a send due beyond it is skipped and counted (the client's limit, not the server's). */
  maxInFlight: number
  /** Called with each answer and the time the request was sent. */
  onAnswer(answer: HttpAnswer, sentAt: number, answeredAt: number): void
}

export interface OpenLoopResult {
  sent: number
  skipped: number
  answered: number
  byStatus: Record<string, number>
  p50Ms: number
  p99Ms: number
}

/** Sends rate letters per second for the given seconds, on schedule, and waits for the answers in flight. */
export async function openLoop(
  baseUrl: string,
  pool: LetterPool,
  o: OpenLoopOptions,
): Promise<OpenLoopResult> {
  const url = new URL('/api/v1/mailbox/letters', baseUrl)
  const total = Math.round(o.rate * o.seconds)
  const start = performance.now()
  const byStatus: Record<string, number> = {}
  const latencies: number[] = []
  const inFlight = new Set<Promise<void>>()
  let sent = 0
  let skipped = 0
  let answered = 0
  while (sent + skipped < total) {
    const due = Math.min(total, Math.floor(((performance.now() - start) / 1000) * o.rate) + 1)
    while (sent + skipped < due) {
      if (inFlight.size >= o.maxInFlight) {
        skipped++
        continue
      }
      sent++
      const sentAt = Date.now()
      const p = send(url, 'POST', { body: pool.next() }).then((answer) => {
        const answeredAt = Date.now()
        answered++
        byStatus[answer.status] = (byStatus[answer.status] ?? 0) + 1
        latencies.push(answeredAt - sentAt)
        o.onAnswer(answer, sentAt, answeredAt)
      })
      inFlight.add(p)
      void p.finally(() => inFlight.delete(p))
    }
    const next = start + ((sent + skipped) / o.rate) * 1000
    await sleep(Math.max(0, Math.min(20, next - performance.now())))
  }
  await Promise.all(inFlight)
  latencies.sort((a, b) => a - b)
  const at = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)] ?? 0
  return { sent, skipped, answered, byStatus, p50Ms: at(50), p99Ms: at(99) }
}
