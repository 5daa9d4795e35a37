// Builds the polls service on adapters of its own, with a manual clock, a test cipher and test tokens;
// collects the polls events it publishes.
import { randomBytes } from 'node:crypto'
import { deleteTestNamespace } from '@tingjian/bus-kafka/testing'
import { type EventEnvelope, PollsEvents } from '@tingjian/contracts'
import { FieldCipher, generateFieldKeys, ManualClock, type Role } from '@tingjian/kit'
import {
  type AdapterKind,
  capturedLogger,
  eventually,
  KAFKA_BROKERS,
  testAdapters,
  testJwt,
} from '@tingjian/testkit'
import type { Test } from 'tap'
import { buildPolls, type PollsDeps } from '../src/app.ts'
import { BALLOTS, LEDGER, POLLS } from '../src/collections.ts'
import { schedulerPass } from '../src/scheduler.ts'

export const API = '/api/v1/polls'
/** Monday 2 March 2026, 10:00 in Shanghai. */
export const MONDAY_10 = '2026-03-02T02:00:00.000Z'

export const testCipher = () => FieldCipher.fromConfig(generateFieldKeys('test1'))

export const mobile = () => `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`

export async function polls(t: Test, kind: AdapterKind = 'embedded', extra: Partial<PollsDeps> = {}) {
  const { logger, lines } = capturedLogger()
  const { bus, store, namespace } = await testAdapters(t, kind, 'polls', logger)
  if (kind === 'distributed') t.teardown(() => deleteTestNamespace(KAFKA_BROKERS.split(','), namespace))
  const clock = new ManualClock(MONDAY_10)
  const cipher = testCipher()
  const jwt = testJwt()
  const secret = randomBytes(32)
  const app = await buildPolls({
    logger,
    bus,
    store,
    clock,
    jwt: jwt.config,
    secret,
    cipher,
    group: `${namespace}-polls`,
    rateLimitPerMinute: 1_000_000,
    codesPerMinute: 1_000_000,
    ballotsPerMinute: 1_000_000,
    schedulerIntervalMs: 0,
    ...extra,
  })
  t.teardown(() => app.close())
  await app.ready()
  const events: EventEnvelope[] = []
  const sub = await bus.subscribe({ group: `${namespace}-events`, streams: ['polls'] }, async (e) => {
    events.push(e)
  })
  await sub.ready()
  t.teardown(() => sub.close())

  const as = (role: Role, sub = `u-${role}`) => ({
    authorization: `Bearer ${jwt.token({ sub, roles: [role] })}`,
  })
  const manager = as('poll_manager', 'pollster')
  const collections = {
    polls: store.collection<Record<string, unknown>>(POLLS),
    ballots: store.collection<Record<string, unknown>>(BALLOTS),
    ledger: store.collection<Record<string, unknown>>(LEDGER),
  }

  /** Creates and publishes a poll; returns its id. */
  async function published(input: Record<string, unknown> = pollInput()) {
    const created = await app.inject({ method: 'POST', url: API, headers: manager, payload: input })
    if (created.statusCode !== 201) throw new Error(`create: ${created.statusCode} ${created.body}`)
    const { pollId, version } = created.json()
    const pub = await app.inject({
      method: 'POST',
      url: `${API}/${pollId}/publish`,
      headers: manager,
      payload: { version },
    })
    if (pub.statusCode !== 200) throw new Error(`publish: ${pub.statusCode} ${pub.body}`)
    return pollId as string
  }

  /** The code sent to this number, read from `polls.code-requested` by opening it with the cipher. */
  async function codeFor(pollId: string, phone: string, after = 0): Promise<string> {
    const found = await eventually(async () => {
      const mine = events.filter(
        (e) =>
          PollsEvents.codeRequested.is(e) &&
          e.data.pollId === pollId &&
          cipher.decrypt(e.data.phone) === phone,
      )
      return mine.length > after && mine[mine.length - 1]
    }, 60_000)
    if (!PollsEvents.codeRequested.is(found)) throw new Error('not a code-requested event')
    return cipher.decrypt(found.data.code)
  }

  /** Verifies a number through HTTP: the code from the event, the token from the confirmation. */
  async function verify(pollId: string, phone: string): Promise<string> {
    const before = events.filter(
      (e) =>
        PollsEvents.codeRequested.is(e) && e.data.pollId === pollId && cipher.decrypt(e.data.phone) === phone,
    ).length
    const sent = await app.inject({
      method: 'POST',
      url: `${API}/${pollId}/verification`,
      payload: { phone },
    })
    if (sent.statusCode !== 202) throw new Error(`verification: ${sent.statusCode} ${sent.body}`)
    const code = await codeFor(pollId, phone, before)
    const confirmed = await app.inject({
      method: 'POST',
      url: `${API}/${pollId}/verification/confirm`,
      payload: { phone, code },
    })
    if (confirmed.statusCode !== 200) throw new Error(`confirm: ${confirmed.statusCode} ${confirmed.body}`)
    return confirmed.json().token
  }

  const pass = () => schedulerPass({ ...openedCollections(store), clock, secret, logger })

  return {
    app,
    bus,
    store,
    clock,
    cipher,
    secret,
    events,
    lines,
    as,
    manager,
    collections,
    published,
    codeFor,
    verify,
    pass,
    jwt,
  }
}

function openedCollections(store: import('@tingjian/store').DocumentStore) {
  return {
    polls: store.collection<import('../src/domain/poll.ts').Poll>(POLLS),
    ballots: store.collection<import('../src/domain/ballot.ts').Ballot>(BALLOTS),
    ledger: store.collection<import('../src/collections.ts').LedgerEntry>(LEDGER),
  }
}

/** A poll with every question type, open from Monday 9:00 to Friday 18:00 (Shanghai). */
export function pollInput(overrides: Record<string, unknown> = {}) {
  return {
    title: '出入境服务窗口满意度调查',
    description: '请对出入境服务窗口的服务进行评价。',
    departmentId: 'dept-exit-entry',
    opensAt: '2026-03-02T01:00:00.000Z',
    closesAt: '2026-03-06T10:00:00.000Z',
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
      { kind: 'appraisal', title: '请评议各分局', items: ['东城分局', '西城分局'] },
      { kind: 'text', title: '意见和建议', maxLength: 500 },
    ],
    ...overrides,
  }
}

/** A complete ballot for pollInput()'s questions. */
export function ballot(
  pick: {
    single?: string
    multiple?: string[]
    level?: string
    east?: string
    west?: string
    text?: string
  } = {},
) {
  return [
    { questionId: 'q1', choice: pick.single ?? 'o1' },
    { questionId: 'q2', choices: pick.multiple ?? ['o1', 'o2'] },
    { questionId: 'q3', level: pick.level ?? 'satisfied' },
    {
      questionId: 'q4',
      ratings: [
        { itemId: 'i1', level: pick.east ?? 'very_satisfied' },
        { itemId: 'i2', level: pick.west ?? 'dissatisfied' },
      ],
    },
    ...(pick.text ? [{ questionId: 'q5', text: pick.text }] : []),
  ]
}
