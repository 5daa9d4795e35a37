// Ballots for the polls scenario: the poll the bench publishes (every question type), varied answers (a
// seeded generator, the same sequence for both sides), voters prepared BEFORE the measured rounds — for the
// service through its own verification endpoints, with the codes read from `polls.code-requested` and
// opened with the run's FIELD_KEYS — and the closed loop that posts one ballot per voter.
import { randomInt } from 'node:crypto'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import autocannon from 'autocannon'
import type { EventBus } from '../../packages/bus/src/index.ts'
import { createEmbeddedBus } from '../../packages/bus-embedded/src/index.ts'
import { createKafkaBus } from '../../packages/bus-kafka/src/index.ts'
import { PollsEvents } from '../../packages/contracts/src/index.ts'
import { signToken, voterKey } from '../../services/polls/src/domain/voter.ts'
import { type BenchEnv, KAFKA_BROKERS } from './env.ts'
import { prng } from './letters.ts'

export const POLLS_API = '/api/v1/polls'

/** The bench's poll: every question type, open from a minute ago for three hours, the verified-phone rule. */
export function benchPollInput(now = Date.now()) {
  return {
    title: '出入境服务窗口满意度调查（压测）',
    description: '请对出入境服务窗口的服务进行评价。',
    departmentId: 'dept-exit-entry',
    opensAt: new Date(now - 60_000).toISOString(),
    closesAt: new Date(now + 3 * 3_600_000).toISOString(),
    rule: 'verified_phone',
    results: 'live',
    questions: [
      { kind: 'single', title: '您办理的业务', options: ['护照', '港澳通行证', '台湾通行证'] },
      {
        kind: 'multiple',
        title: '应优先改进哪些方面',
        options: ['等候时间', '服务态度', '收费公开', '网上预约'],
        min: 1,
        max: 2,
      },
      { kind: 'satisfaction', title: '您对窗口服务的总体评价' },
      { kind: 'appraisal', title: '请评议各分局', items: ['东城分局', '西城分局', '朝阳分局'] },
      { kind: 'text', title: '意见和建议', maxLength: 500 },
    ],
  }
}

const LEVELS = ['very_satisfied', 'satisfied', 'basically_satisfied', 'dissatisfied', 'very_dissatisfied']
const COMMENTS = [
  '希望增加周末办理时间。',
  '窗口工作人员态度很好，感谢。',
  '网上预约系统经常显示无号，建议改进。',
  '排队叫号屏幕看不清楚。',
]

/** Answers to benchPollInput()'s questions, varied and valid; one in five ballots leaves a comment. */
export class AnswerPool {
  readonly #rand: () => number
  constructor(seed = 21) {
    this.#rand = prng(seed)
  }
  #pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.#rand() * list.length)] as T
  }
  next(): unknown[] {
    const first = this.#pick(['o1', 'o2', 'o3', 'o4'])
    const second = this.#rand() < 0.5 ? [] : [this.#pick(['o1', 'o2', 'o3', 'o4'].filter((o) => o !== first))]
    const answers: unknown[] = [
      { questionId: 'q1', choice: this.#pick(['o1', 'o2', 'o3']) },
      { questionId: 'q2', choices: [first, ...second] },
      { questionId: 'q3', level: this.#pick(LEVELS) },
      {
        questionId: 'q4',
        ratings: ['i1', 'i2', 'i3'].map((itemId) => ({ itemId, level: this.#pick(LEVELS) })),
      },
    ]
    if (this.#rand() < 0.2) answers.push({ questionId: 'q5', text: this.#pick(COMMENTS) })
    return answers
  }
}

/** Distinct mainland mobile numbers for this run (139 + 8 digits from a random start). */
export class Phones {
  #next = randomInt(0, 90_000_000)
  next(): string {
    return `139${String(this.#next++ % 100_000_000).padStart(8, '0')}`
  }
}

/** Ballot bodies for the baseline: its tokens signed with the secret directly (it has no verification). */
export function signedBallots(
  secret: Buffer,
  pollId: string,
  phones: Phones,
  answers: AnswerPool,
  count: number,
): string[] {
  const expires = new Date(Date.now() + 30 * 60_000)
  return Array.from({ length: count }, () => {
    const key = voterKey(secret, pollId, 'phone', phones.next())
    return JSON.stringify({ token: signToken(secret, pollId, key, expires), answers: answers.next() })
  })
}

/**
 * The codes of `polls.code-requested` for one poll, by number: read from the service's stream by a
 * consumer group of the run's own (removed with the run), the number and code opened with FIELD_KEYS.
 */
export class CodeInbox {
  readonly codes = new Map<string, string>()
  readonly #bus: EventBus
  readonly #env: BenchEnv
  readonly #pollId: string
  #close: (() => Promise<void>) | null = null

  constructor(env: BenchEnv, pollId: string) {
    this.#env = env
    this.#pollId = pollId
    this.#bus =
      env.adapter === 'distributed'
        ? createKafkaBus({
            brokers: KAFKA_BROKERS.split(','),
            clientId: `${env.id}-bench-codes`,
            namespace: env.namespace,
            kafkaLogLevel: 'nothing',
          })
        : createEmbeddedBus({
            path: join(env.dataDir, 'bus.sqlite'),
            namespace: env.namespace,
            pollIntervalMs: 50,
          })
  }

  async start(): Promise<void> {
    const sub = await this.#bus.subscribe(
      { group: this.#env.group('bench-codes'), streams: ['polls'] },
      async (e) => {
        if (!PollsEvents.codeRequested.is(e) || e.data.pollId !== this.#pollId) return
        this.codes.set(this.#env.cipher.decrypt(e.data.phone), this.#env.cipher.decrypt(e.data.code))
      },
    )
    await sub.ready()
    this.#close = async () => {
      await sub.close()
      await this.#bus.close()
    }
  }

  /** Waits (bounded) until every number has its code; answers the numbers still without one. */
  async waitFor(phones: readonly string[], timeoutMs: number): Promise<string[]> {
    const deadline = Date.now() + timeoutMs
    let missing = phones.filter((p) => !this.codes.has(p))
    while (missing.length && Date.now() < deadline) {
      await sleep(50)
      missing = missing.filter((p) => !this.codes.has(p))
    }
    return missing
  }

  async stop(): Promise<void> {
    await this.#close?.()
    this.#close = null
  }
}

/** Runs fn over items with at most `concurrency` in flight; stops taking new items after the deadline. */
export async function bounded<T>(
  items: readonly T[],
  concurrency: number,
  deadline: number,
  fn: (item: T) => Promise<void>,
): Promise<void> {
  let index = 0
  const worker = async () => {
    while (index < items.length && Date.now() < deadline) await fn(items[index++] as T)
  }
  await Promise.all(Array.from({ length: concurrency }, worker))
}

export interface PreparedVoters {
  /** Ballot bodies, one per verified voter (token + answers). */
  bodies: string[]
  /** Verification requests answered 202: each put one polls.code-requested in the stream. */
  codesSent: number
  /** Voters that could not be prepared, by step and status (0: no answer). */
  failures: Record<string, number>
  seconds: number
}

/**
 * Verifies `count` numbers through the service, in batches: the verification request (202), the code read
 * from the event, the confirmation (200, the voting token). Bounded by `secondsMax` as a whole.
 */
export async function verifiedVoters(
  baseUrl: string,
  pollId: string,
  inbox: CodeInbox,
  phones: Phones,
  answers: AnswerPool,
  o: { count: number; concurrency: number; batch: number; secondsMax: number },
): Promise<PreparedVoters> {
  const started = Date.now()
  const deadline = started + o.secondsMax * 1000
  const failures: Record<string, number> = {}
  const fail = (what: string) => {
    failures[what] = (failures[what] ?? 0) + 1
  }
  const post = async (path: string, body: unknown) => {
    try {
      const res = await fetch(`${baseUrl}${POLLS_API}/${pollId}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(30_000),
      })
      return { status: res.status, json: (await res.json().catch(() => null)) as unknown }
    } catch {
      return { status: 0, json: null }
    }
  }
  const bodies: string[] = []
  let codesSent = 0
  while (bodies.length < o.count && Date.now() < deadline) {
    const batch = Array.from({ length: Math.min(o.batch, o.count - bodies.length) }, () => phones.next())
    const sent: string[] = []
    await bounded(batch, o.concurrency, deadline, async (phone) => {
      const r = await post('/verification', { phone })
      if (r.status === 202) {
        sent.push(phone)
        codesSent++
      } else fail(`verification ${r.status}`)
    })
    const missing = new Set(await inbox.waitFor(sent, Math.max(1_000, deadline - Date.now())))
    for (const _ of missing) fail('no code event')
    await bounded(
      sent.filter((p) => !missing.has(p)),
      o.concurrency,
      deadline,
      async (phone) => {
        const r = await post('/verification/confirm', { phone, code: inbox.codes.get(phone) })
        const token = (r.json as { token?: unknown } | null)?.token
        if (r.status === 200 && typeof token === 'string')
          bodies.push(JSON.stringify({ token, answers: answers.next() }))
        else fail(`confirm ${r.status}`)
      },
    )
    if (Object.keys(failures).length && bodies.length === 0) break // nothing works: say so, don't loop
  }
  return { bodies, codesSent, failures, seconds: Math.round((Date.now() - started) / 100) / 10 }
}

export interface BallotRound {
  seconds: number
  /** 201 answers: ballots cast. */
  cast: number
  castPerSec: number
  /** Latency of the answers (autocannon's). */
  p50Ms: number
  p99Ms: number
  /** Every answer other than 201, by status (errors); `noAnswer`: connection errors and timeouts (10 s). */
  byStatus: Record<string, number>
  noAnswer: number
  /** Ballots ready for the round: it ends early when they are used up. */
  prepared: number
}

/** Errors of a round: every answer but a 201, and no answer. */
export const errorsOf = (r: Pick<BallotRound, 'byStatus' | 'noAnswer'>) =>
  Object.values(r.byStatus).reduce((s, n) => s + n, 0) + r.noAnswer

/**
 * Closed loop over prepared ballots: `connections` connections each posting the next ballot (the next
 * voter) as soon as the previous one is answered, for `seconds` or until the ballots run out.
 */
export async function ballotLoop(
  baseUrl: string,
  pollId: string,
  bodies: readonly string[],
  seconds: number,
  connections: number,
): Promise<BallotRound> {
  if (bodies.length === 0) throw new Error('no ballots prepared for the round')
  let index = 0
  let cast = 0
  const byStatus: Record<string, number> = {}
  const result = await autocannon({
    url: `${baseUrl}${POLLS_API}/${pollId}/ballots`,
    connections,
    duration: seconds,
    timeout: 10,
    maxOverallRequests: bodies.length,
    requests: [
      {
        method: 'POST',
        setupRequest: (req) => ({
          ...req,
          headers: { 'content-type': 'application/json' },
          // maxOverallRequests bounds the round to the pool; the modulo only guards the index
          body: bodies[index++ % bodies.length] as string,
        }),
        onResponse: (status) => {
          if (status === 201) cast++
          else byStatus[status] = (byStatus[status] ?? 0) + 1
        },
      },
    ],
  })
  return {
    seconds: result.duration,
    cast,
    castPerSec: Math.round((cast / result.duration) * 10) / 10,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    byStatus,
    noAnswer: result.errors,
    prepared: bodies.length,
  }
}
