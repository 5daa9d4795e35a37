import { randomBytes } from 'node:crypto'
import { deleteTestNamespace } from '@tingjian/bus-kafka/testing'
import type { EventEnvelope } from '@tingjian/contracts'
import { FieldCipher, generateFieldKeys, ManualClock } from '@tingjian/kit'
import { type AdapterKind, capturedLogger, KAFKA_BROKERS, testAdapters } from '@tingjian/testkit'
import type { Test } from 'tap'
import { buildMailbox } from '../src/app.ts'

/** A cipher with a key of its own, as FIELD_KEYS would give one (the first key current). */
export const testCipher = () => FieldCipher.fromConfig(generateFieldKeys('test1'))

export async function mailbox(t: Test, kind: AdapterKind = 'embedded') {
  const { logger, lines } = capturedLogger()
  const { bus, store, namespace } = await testAdapters(t, kind, 'mailbox', logger)
  // Teardowns run last-registered first: this one after the subscription's and the app's.
  if (kind === 'distributed') t.teardown(() => deleteTestNamespace(KAFKA_BROKERS.split(','), namespace))
  const clock = new ManualClock('2026-03-02T02:00:00.000Z')
  const cipher = testCipher()
  const secret = randomBytes(32)
  const app = await buildMailbox({ logger, bus, store, clock, secret, cipher, submissionsPerMinute: 10_000 })
  t.teardown(() => app.close())
  await app.ready()
  const events: EventEnvelope[] = []
  const sub = await bus.subscribe({ group: `${namespace}-events`, streams: ['mailbox'] }, async (e) => {
    events.push(e)
  })
  await sub.ready()
  t.teardown(() => sub.close())
  return { app, bus, store, clock, cipher, secret, events, lines }
}

export const validLetter = () => ({
  category: 'complaint',
  subject: '办理护照等待时间过长',
  body: '我于三月一日在出入境大厅办理护照，排队等候超过四个小时，希望改进。',
  anonymous: false,
  name: '张三',
  phone: '138 1234 5678',
  email: 'Zhang.San@Example.com',
  idNumber: '11010519491231002X',
  consentToPublish: true,
})
