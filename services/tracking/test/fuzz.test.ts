// Bad-input fuzzing of every tracking endpoint from its OpenAPI document (see @tingjian/testkit fuzz.ts),
// on cases in several states so that the actions get past "not found" and "not now".
import { createHash, randomBytes } from 'node:crypto'
import { MailboxEvents } from '@tingjian/contracts'
import { FieldCipher, generateFieldKeys, ManualClock, type Role } from '@tingjian/kit'
import {
  capturedLogger,
  eventually,
  fuzzApp,
  fuzzSettings,
  spyAdapters,
  testAdapters,
  testJwt,
} from '@tingjian/testkit'
import t from 'tap'
import { buildTracking } from '../src/app.ts'
import { CASES_COLLECTION } from '../src/case-store.ts'
import { DEPARTMENTS_COLLECTION, type DepartmentDoc } from '../src/departments.ts'
import type { CaseDoc } from '../src/domain/case.ts'
import { caseIdFor } from '../src/domain/intake.ts'
import { ACTION_BODIES, letter, MONDAY, PII_KEY } from './fixtures.ts'
import { DEPARTMENTS, departmentChanged, trackingCode } from './helpers.ts'

const DEPARTMENT_ROLES: readonly Role[] = ['handler', 'dept_lead']

t.test('every tracking endpoint refuses bad input with a 4xx problem and changes nothing', async (t) => {
  const { logger } = capturedLogger('warn')
  const adapters = await testAdapters(t, 'embedded', 'tracking', logger)
  const spied = spyAdapters(adapters)
  const jwt = testJwt()
  const clock = new ManualClock(MONDAY)
  const app = await buildTracking({
    ...spied,
    logger,
    jwt: jwt.config,
    piiKey: PII_KEY,
    cipher: FieldCipher.fromConfig(generateFieldKeys('fuzz')),
    clock,
    rateLimit: false,
    publicRateLimitPerMinute: 1_000_000,
    relaySweepIntervalMs: 200,
  })
  t.teardown(() => app.close())
  await app.ready()
  const cases = adapters.store.collection<CaseDoc>(CASES_COLLECTION)
  const departments = adapters.store.collection<DepartmentDoc>(DEPARTMENTS_COLLECTION)
  for (const [id, code, name] of DEPARTMENTS) {
    await adapters.bus.publish(departmentChanged(id, code, name, MONDAY))
  }
  await eventually(async () => (await departments.count({})) === DEPARTMENTS.length)

  // Cases to act on: letters in, then some taken through assignment, signing and a reply.
  const opened: Array<{ id: string; code: string; key: string }> = []
  for (let i = 0; i < 6; i++) {
    const key = randomBytes(16).toString('base64url')
    const data = letter({
      trackingCode: trackingCode(),
      accessKeyHash: `sha256:${createHash('sha256').update(key).digest('hex')}`,
      submittedAt: clock.now().toISOString(),
    })
    await adapters.bus.publish(MailboxEvents.letterSubmitted.create({ subject: data.letterId, data }))
    opened.push({ id: caseIdFor('mailbox', data.letterId), code: data.trackingCode, key })
  }
  for (const c of opened) await eventually(async () => (await cases.get(c.id)) !== null)
  const token = (role: Role) =>
    jwt.token({
      sub: `u-${role}`,
      roles: [role],
      departmentId: DEPARTMENT_ROLES.includes(role) ? 'exit-entry' : null,
    })
  const act = async (id: string, role: Role, action: string, body: object) => {
    const res = await app.inject({
      method: 'POST',
      url: `/api/v1/cases/${id}/${action}`,
      headers: { authorization: `Bearer ${token(role)}` },
      payload: body,
    })
    t.equal(res.statusCode, 200, `setup: ${action}`)
  }
  const [, assigned, signed, inReview, replied] = opened as [
    (typeof opened)[0],
    (typeof opened)[0],
    (typeof opened)[0],
    (typeof opened)[0],
    (typeof opened)[0],
  ]
  for (const c of [assigned, signed, inReview, replied])
    await act(c.id, 'dispatcher', 'assign', { version: 1, departmentId: 'exit-entry' })
  for (const c of [signed, inReview, replied]) await act(c.id, 'handler', 'sign', { version: 2 })
  for (const c of [inReview, replied]) await act(c.id, 'handler', 'reply', { version: 3, text: '已核实。' })
  await act(replied.id, 'dept_lead', 'reply/approve', { version: 4 })

  const examples: Record<string, object[]> = {}
  for (const [action, body] of Object.entries(ACTION_BODIES))
    examples[`POST /api/v1/cases/{id}/${action}`] = [1, 2, 3, 4, 5].map((version) => ({ version, ...body }))
  examples['POST /api/v1/public/cases/{trackingCode}/rating'] = [
    { satisfaction: 'satisfied' },
    { satisfaction: 'dissatisfied', comment: '还是没解决' },
  ]

  await fuzzApp(t, {
    app,
    spied,
    jwt: jwt.config,
    staff: (role) => ({
      sub: `u-${role}`,
      departmentId: DEPARTMENT_ROLES.includes(role) ? 'exit-entry' : null,
    }),
    known: {
      id: opened.map((c) => c.id),
      intoCaseId: opened.map((c) => c.id),
      trackingCode: opened.map((c) => c.code),
      'x-access-key': opened.map((c) => c.key),
      departmentId: ['exit-entry', 'traffic'],
      version: [1, 2, 3, 4, 5],
    },
    examples,
    // a search by phone number is audited (answered, forbidden or limited) and counted against the limit
    mayWriteOnRead: { 'GET /api/v1/cases': ['phone_searches', 'phone_search_quota'] },
    mayChangeOnRefusal: {
      'GET /api/v1/cases': { statuses: [403, 429], collections: ['phone_searches', 'phone_search_quota'] },
    },
    // some 25 operations: fewer runs of each keep the file's time near the other services'
    settings: fuzzSettings(process.env, { runs: 30 }),
  })
})
