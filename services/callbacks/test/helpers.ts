// Builds the callbacks service on adapters of its own (a temp dir, or a random Kafka namespace and a
// test_* database), with a manual clock, test tokens, a field cipher and the telephony simulator, whose
// webhooks reach the app in process (signed, as the provider signs them); collects the callbacks events
// it publishes; publishes tracking's callback-due events as tracking would.
import { randomBytes } from 'node:crypto'
import { deleteTestNamespace } from '@tingjian/bus-kafka/testing'
import { PublishedCalendar } from '@tingjian/calendar'
import { type EventEnvelope, TrackingEvents } from '@tingjian/contracts'
import { FieldCipher, generateFieldKeys, ManualClock, newTrackingCode, type Role } from '@tingjian/kit'
import { injectTransport, TelephonySimulator } from '@tingjian/telephony/simulator'
import {
  type AdapterKind,
  capturedLogger,
  eventually,
  KAFKA_BROKERS,
  testAdapters,
  testJwt,
} from '@tingjian/testkit'
import type { Test } from 'tap'
import { buildCallbacks, type CallbacksDeps, callbacksContext, PREFIX } from '../src/app.ts'
import { TASKS, type TaskDoc } from '../src/collections.ts'
import { schedulerPass } from '../src/scheduler.ts'

export const API = PREFIX
export const BASE = 'https://callbacks.example.test'
export const LINE = '+862012345679'
/** Monday 2 March 2026, 10:00 in Shanghai (inside calling hours). */
export const MONDAY_10 = '2026-03-02T02:00:00.000Z'
/** Instants in Shanghai (UTC+8) written as such. */
export const sh = (local: string) => new Date(`${local}+08:00`)

export const DEPT_A = 'dept-a'
export const DEPT_B = 'dept-b'

export const randomMobile = () => `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`
export const randomCaseId = () => `case_${randomBytes(8).toString('hex')}`

type CallbackDueData = ReturnType<typeof TrackingEvents.callbackDue.create>['data']

export async function callbacks(
  t: Test,
  kind: AdapterKind = 'embedded',
  extra: Partial<CallbacksDeps> & { start?: string } = {},
) {
  const { logger, lines } = capturedLogger()
  const { bus, store, namespace } = await testAdapters(t, kind, 'callbacks', logger)
  if (kind === 'distributed') t.teardown(() => deleteTestNamespace(KAFKA_BROKERS.split(','), namespace))
  const clock = new ManualClock(extra.start ?? MONDAY_10)
  const cipher = FieldCipher.fromConfig(generateFieldKeys('test1'))
  const jwt = testJwt()
  const authToken = randomBytes(32).toString('hex')
  const simulator = new TelephonySimulator({ authToken, publicBaseUrl: BASE, lineNumber: LINE })
  const calendar = new PublishedCalendar()
  const deps: CallbacksDeps = {
    logger,
    bus,
    store,
    clock,
    cipher,
    jwt: jwt.config,
    telephony: simulator.telephony,
    publicBaseUrl: BASE,
    lineNumber: LINE,
    calendar,
    group: `${namespace}-callbacks`,
    rateLimitPerMinute: 1_000_000,
    schedulerIntervalMs: 0,
    ...extra,
  }
  const app = await buildCallbacks(deps)
  t.teardown(() => app.close())
  simulator.setTransport(injectTransport(() => app))
  // teardowns run last-registered first: the simulator stops before the app closes
  t.teardown(() => simulator.close())
  await app.ready()

  const events: EventEnvelope[] = []
  const sub = await bus.subscribe({ group: `${namespace}-events`, streams: ['callbacks'] }, async (e) => {
    events.push(e)
  })
  await sub.ready()
  t.teardown(() => sub.close())

  const ctx = await callbacksContext({ ...deps, calendar })
  const tasks = store.collection<TaskDoc>(TASKS)
  const as = (sub: string, roles: Role[]) => ({
    authorization: `Bearer ${jwt.token({ sub, roles })}`,
  })

  /** A callback officer with their own soft phone set (`client:<id>`). */
  const officer = async (id: string, endpoint = `client:${id}`) => {
    const headers = as(id, ['callback_agent'])
    const res = await app.inject({ method: 'PUT', url: `${API}/officers/me`, headers, payload: { endpoint } })
    if (res.statusCode !== 200) throw new Error(`officer ${id}: ${res.statusCode} ${res.body}`)
    return headers
  }

  /** tracking.callback-due as tracking publishes it (the number sealed with the shared keys). */
  const dueData = (over: Partial<CallbackDueData> & { phoneClear?: string | null } = {}) => {
    const { phoneClear, ...rest } = over
    const phone = phoneClear === undefined ? randomMobile() : phoneClear
    const data: CallbackDueData = {
      caseId: randomCaseId(),
      trackingCode: newTrackingCode(),
      channel: 'mailbox',
      originId: `ltr_${randomBytes(6).toString('hex')}`,
      category: 'complaint',
      departmentId: DEPT_A,
      office: '城东出入境办证大厅',
      window: '3号窗口',
      staffNumber: 'A1024',
      phone: phone === null ? null : cipher.encrypt(phone),
      contactDeclined: false,
      reworkCount: 0,
      previousRating: null,
      repliedAt: '2026-02-27T07:00:00.000Z',
      ...rest,
    }
    return { data, phone }
  }
  const publishDue = async (over: Partial<CallbackDueData> & { phoneClear?: string | null } = {}) => {
    const { data, phone } = dueData(over)
    await bus.publish(
      TrackingEvents.callbackDue.create({ subject: data.caseId, data, occurredAt: new Date(data.repliedAt) }),
    )
    return { ...data, phoneClear: phone }
  }

  return {
    kind,
    app,
    bus,
    store,
    clock,
    cipher,
    jwt,
    simulator,
    calendar,
    namespace,
    lines,
    events,
    deps,
    ctx,
    tasks,
    as,
    officer,
    dueData,
    publishDue,
    supervisor: as('sup-1', ['supervisor']),
    /** Waits for the task to exist in the store. */
    waitTask: (id: string) => eventually(async () => (await tasks.get(id)) ?? undefined),
    /** One scheduler pass, as the app's timer would run it. */
    pass: () => schedulerPass({ ctx, logger }),
    /** Waits for this many events of this type about this subject (and returns them). */
    eventsOf: (type: string, subject: string, count = 1) =>
      eventually(async () => {
        const found = events.filter((e) => e.type === type && e.subject === subject)
        return found.length >= count ? found : undefined
      }),
  }
}

export type Callbacks = Awaited<ReturnType<typeof callbacks>>
