// A calendar service of its own for one test: adapters of its own, staff tokens per role, an injected
// clock, and a subscriber that collects what the service announced.
import { deleteTestNamespace } from '@tingjian/bus-kafka/testing'
import type { EventEnvelope } from '@tingjian/contracts'
import { ManualClock, type Role } from '@tingjian/kit'
import type { DocumentStore } from '@tingjian/store'
import {
  type AdapterKind,
  capturedLogger,
  eventually,
  KAFKA_BROKERS,
  testAdapters,
  testJwt,
} from '@tingjian/testkit'
import type { Test } from 'tap'
import { buildCalendar, YEARS } from '../src/app.ts'
import type { YearDoc } from '../src/domain/year.ts'

/** 2026-11-20 10:00 in Shanghai: the 2027 notice is out, the year is not covered. */
export const NOV_20 = '2026-11-20T02:00:00.000Z'

export async function calendarService(
  t: Test,
  kind: AdapterKind = 'embedded',
  options: { now?: string; reannounceIntervalMs?: number } = {},
) {
  const { logger, lines } = capturedLogger()
  const { bus, store, namespace } = await testAdapters(t, kind, 'calendar', logger)
  // Teardowns run last-registered first: this one after the subscriptions' and the app's.
  if (kind === 'distributed') t.teardown(() => deleteTestNamespace(KAFKA_BROKERS.split(','), namespace))
  const clock = new ManualClock(options.now ?? NOV_20)
  const jwt = testJwt()
  const build = () =>
    buildCalendar({
      logger,
      bus,
      store,
      clock,
      jwt: jwt.config,
      group: `${namespace}-calendar`,
      ...(options.reannounceIntervalMs !== undefined
        ? { reannounceIntervalMs: options.reannounceIntervalMs }
        : {}),
    })
  const app = await build()
  t.teardown(() => app.close())
  await app.ready()
  const token = (role: Role) => jwt.token({ sub: `${role}-1`, roles: [role] })
  const auth = (role: Role) => ({ authorization: `Bearer ${token(role)}` })

  /** A subscriber in a group of its own, started now; what it received. */
  const subscriber = async (purpose: string) => {
    const events: EventEnvelope[] = []
    const sub = await bus.subscribe(
      { group: `${namespace}-${purpose}`, streams: ['calendar'] },
      async (e) => {
        events.push(e)
      },
    )
    t.teardown(() => sub.close())
    await sub.ready()
    return events
  }
  return {
    app,
    build,
    bus,
    store,
    clock,
    namespace,
    lines,
    auth,
    subscriber,
    years: store.collection<YearDoc>(YEARS),
  }
}

export type Harness = Awaited<ReturnType<typeof calendarService>>

/** Waits until the service's outbox is empty: everything it announced is on the bus. */
export async function drained(store: DocumentStore): Promise<void> {
  await eventually(async () => (await store.collection(YEARS).outboxPending(10)).length === 0)
}

const NY = { zh: '元旦', en: "New Year's Day" }
const SF = { zh: '春节', en: 'Spring Festival' }

/**
 * A 2027 table shaped like a notice, with 1–3 January off (the test case). NOT the official
 * 2027 notice: the State Council's text was not available; the other days are the test's own.
 */
export const table2027 = () => ({
  source: 'test fixture (not the official 2027 notice)',
  holidays: [
    { name: NY, from: '2027-01-01', to: '2027-01-03' },
    { name: SF, from: '2027-02-06', to: '2027-02-12', makeUpWorkdays: ['2027-01-31', '2027-02-20'] },
  ],
})
