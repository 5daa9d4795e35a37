// revocations(): a service refuses the tokens of users identity revoked, learned from identity's events.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout } from 'node:timers/promises'
import { IdentityEvents } from '@tingjian/contracts'
import { createSigner } from 'fast-jwt'
import t, { type Test } from 'tap'
import {
  addAccessCheck,
  buildApp,
  connectAdapters,
  createLogger,
  issuedAtMs,
  issuedBefore,
  loadAdapterConfig,
  REVOCATIONS_COLLECTION,
  revocations,
} from '../src/index.ts'
import { keyPair } from './helpers.ts'

const keys = keyPair()
const jwt = { publicKey: keys.publicKey, issuer: 'tingjian-identity', audience: 'tingjian' }
const signer = createSigner({
  key: keys.privateKey,
  algorithm: 'EdDSA',
  iss: jwt.issuer,
  aud: jwt.audience,
  expiresIn: 60_000,
})
const token = (sub: string, issued: { iatMs?: number; iat?: number }) =>
  signer({ sub, username: sub, roles: ['dispatcher'], departmentId: null, ...issued })

const T = Date.parse('2026-03-02T08:00:00.500Z')

t.test('issuedAtMs takes iatMs, else the start of the iat second; issuedBefore compares in ms', async (t) => {
  t.equal(issuedAtMs({ iat: 1000, iatMs: 1_000_700 }), 1_000_700)
  t.equal(issuedAtMs({ iat: 1000 }), 1_000_000)
  t.equal(issuedAtMs({}), Number.NEGATIVE_INFINITY)
  t.equal(issuedBefore({ iatMs: T }, new Date(T + 1).toISOString()), true, 'one millisecond before')
  t.equal(issuedBefore({ iatMs: T + 1 }, new Date(T + 1).toISOString()), false, 'at the time: valid')
  t.equal(issuedBefore({ iat: Math.floor(T / 1000) }, T), true, 'seconds only: the same second is before')
  t.equal(issuedBefore({ iatMs: T }, null), false, 'never revoked')
  t.equal(issuedBefore({ iatMs: T }, 'not a time'), false)
})

async function service(t: Test) {
  const dir = await mkdtemp(join(tmpdir(), 'tj-kit-rev-'))
  const logger = createLogger({ level: 'silent' })
  const { bus, store } = await connectAdapters('kit-rev', loadAdapterConfig({ DATA_DIR: dir }), logger)
  const app = await buildApp({ service: 'kit-rev', logger, jwt, rateLimit: false })
  await revocations(app, { bus, store, service: 'kit-rev' })
  app.get('/staff', { config: { access: 'staff' } }, async (request) => ({ sub: request.user.sub }))
  t.teardown(async () => {
    await app.close()
    await bus.close()
    await store.close()
    await rm(dir, { recursive: true, force: true })
  })
  const call = async (tk: string) =>
    (await app.inject({ url: '/staff', headers: { authorization: `Bearer ${tk}` } })).statusCode
  const collection = store.collection<{ eventId: string }>(REVOCATIONS_COLLECTION)
  /** Publishes identity events and waits until the last one is applied (a marker user's state). */
  async function publish(...events: ReturnType<typeof userChanged>[]) {
    const marker = userChanged(`marker-${Math.random().toString(36).slice(2)}`, true, undefined, T)
    for (const e of [...events, marker]) await bus.publish(e)
    // the embedded log delivers in order: once the marker is applied, so is everything before it
    for (let i = 0; i < 400 && !(await collection.get(marker.data.userId)); i++) await setTimeout(25)
    t.ok(await collection.get(marker.data.userId), 'the marker was applied')
  }
  return { call, publish, collection }
}

function userChanged(userId: string, active: boolean, tokensValidAfter: string | undefined, at: number) {
  return IdentityEvents.userChanged.create({
    subject: userId,
    correlationId: 'test',
    occurredAt: new Date(at),
    data: {
      userId,
      username: userId,
      displayName: userId,
      email: null,
      roles: ['dispatcher'],
      departmentId: null,
      active,
      ...(tokensValidAfter ? { tokensValidAfter } : {}),
    },
  })
}

t.test('tokens issued before tokensValidAfter, and any of an inactive user, are refused (401)', async (t) => {
  const { call, publish } = await service(t)
  const unknown = token('u-unknown', { iatMs: T })
  t.equal(await call(unknown), 200, 'a user identity has not announced is let through')

  await publish(
    userChanged('u1', true, new Date(T + 1).toISOString(), T),
    userChanged('u2', false, new Date(T).toISOString(), T),
  )
  t.equal(await call(token('u1', { iatMs: T })), 401, 'issued before')
  t.equal(await call(token('u1', { iatMs: T + 1 })), 200, 'issued at the time')
  t.equal(await call(token('u1', { iat: Math.floor(T / 1000) })), 401, 'seconds only, same second: before')
  t.equal(await call(token('u2', { iatMs: T + 60_000 })), 401, 'an inactive user')
  t.equal(await call(unknown), 200, 'others are untouched')
})

t.test('an older or repeated event changes nothing (redelivery, out of order)', async (t) => {
  const { call, publish } = await service(t)
  const newer = userChanged('u1', true, new Date(T + 5000).toISOString(), T + 5000)
  const older = userChanged('u1', true, new Date(T + 1000).toISOString(), T + 1000)
  await publish(newer, newer, older)
  t.equal(await call(token('u1', { iatMs: T + 3000 })), 401, 'the newer revocation stands')
  t.equal(await call(token('u1', { iatMs: T + 5000 })), 200)
})

t.test('a token whose iatMs is not a number is refused as malformed', async (t) => {
  const { call } = await service(t)
  const claims = { sub: 'u9', username: 'u9', roles: ['dispatcher'], departmentId: null }
  t.equal(await call(signer({ ...claims, iatMs: T })), 200)
  t.equal(await call(signer({ ...claims, iatMs: String(T + 10_000) })), 401)
  t.equal(await call(signer({ ...claims, iatMs: { $gt: 0 } })), 401)
})

t.test('addAccessCheck needs the app buildApp returned, with JWT configured', async (t) => {
  const app = await buildApp({ service: 'x', logger: createLogger({ level: 'silent' }) })
  t.teardown(() => app.close())
  t.throws(() => addAccessCheck(app, async () => {}), /buildApp/)
})
