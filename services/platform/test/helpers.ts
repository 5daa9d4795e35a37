// The single process as the journey tests start it: every service on adapters of the test's own (a temp
// directory, or a random topic namespace and a database per service, all removed in the teardown).
import { randomBytes } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { deleteTestNamespace } from '@tingjian/bus-kafka/testing'
import { connectStore, FieldCipher, generateFieldKeys, loadAdapterConfig, ManualClock } from '@tingjian/kit'
import type { DocumentStore } from '@tingjian/store'
import {
  type AdapterKind,
  capturedLogger,
  KAFKA_BROKERS,
  MONGO_URL,
  SMTP_HOST,
  SMTP_PORT,
  testJwt,
  uniqueName,
} from '@tingjian/testkit'
import type { Test } from 'tap'
import { SERVICES, serviceAdapters, startPlatform } from '../src/platform.ts'

export const PASSWORD = 'demo-password-2026'

export async function platform(t: Test, kind: AdapterKind) {
  const dir = await mkdtemp(join(tmpdir(), 'tj-platform-'))
  const namespace = uniqueName('t')
  const env: Record<string, string> =
    kind === 'embedded'
      ? { DATA_DIR: dir, BUS_NAMESPACE: namespace }
      : { KAFKA_BROKERS, MONGO_URL, BUS_NAMESPACE: namespace, DATA_DIR: dir }
  const { logger, lines } = capturedLogger()
  // Real time: identity signs tokens by this clock and the other services verify them by the system's.
  const clock = new ManualClock(new Date())
  const jwt = testJwt().config as ReturnType<typeof testJwt>['config'] & { privateKey: string }
  const suffix = randomBytes(4).toString('hex')
  // distributed: a database per service (test_<suffix>-identity, -mailbox, …), as in a deployment
  const adapters = loadAdapterConfig(kind === 'embedded' ? env : { ...env, MONGO_DATABASE: `test_${suffix}` })
  const p = await startPlatform({
    adapters,
    logger,
    clock,
    jwt,
    piiKey: randomBytes(32).toString('base64url'),
    cipher: FieldCipher.fromConfig(generateFieldKeys('journey')),
    mailboxSecret: randomBytes(32),
    smtp: { host: SMTP_HOST, port: SMTP_PORT, from: 'tingjian <noreply@tingjian.localhost>' },
    webUrl: 'http://127.0.0.1:3000',
    seedPassword: PASSWORD,
    escalationIntervalMs: 0,
    groupPrefix: namespace,
  })
  t.teardown(async () => {
    await p.close()
    if (kind === 'distributed') {
      // the topics of the namespace and every consumer group (all named `<namespace>-…`)
      await deleteTestNamespace(KAFKA_BROKERS.split(','), namespace)
      // every test database is dropped
      for (const service of SERVICES) {
        const store = (await connectStore(
          service,
          serviceAdapters(adapters, service),
          logger,
        )) as DocumentStore & {
          drop(): Promise<void>
        }
        await store.drop()
        await store.close()
      }
    }
    await rm(dir, { recursive: true, force: true })
  })
  return { ...p, clock, lines }
}

/** A staff member's Authorization header, by username (the demo users of the seed). */
export async function login(t: Test, p: Awaited<ReturnType<typeof platform>>, username: string) {
  const res = await p.apps.identity.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password: PASSWORD },
  })
  t.equal(res.statusCode, 200, `${username} logs in`)
  return { authorization: `Bearer ${res.json().accessToken}` }
}
