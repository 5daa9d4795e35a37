// Helpers for service tests. Every resource belongs to one test and is removed in its teardown
// (CONVENTIONS: every test owns its resources).
import { generateKeyPairSync, randomBytes } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import type { EventBus } from '@tingjian/bus'
import {
  connectAdapters,
  createLogger,
  type JwtConfig,
  type Logger,
  loadAdapterConfig,
  type Role,
} from '@tingjian/kit'
import type { DocumentStore } from '@tingjian/store'
import { createSigner } from 'fast-jwt'
import type { Test } from 'tap'

export type AdapterKind = 'embedded' | 'distributed'

export const KAFKA_BROKERS = process.env.KAFKA_BROKERS ?? '127.0.0.1:9092'
export const MONGO_URL = process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017'
export const MAILPIT_API = process.env.MAILPIT_API ?? 'http://127.0.0.1:8025/api/v1'
export const SMTP_HOST = process.env.SMTP_HOST ?? '127.0.0.1'
export const SMTP_PORT = Number(process.env.SMTP_PORT ?? 1025)

export const uniqueName = (prefix = 'test') => `${prefix}_${randomBytes(5).toString('hex')}`

/**
 * A bus and store of their own for one test: embedded in a temp dir, or Kafka + FerretDB/MongoDB with a
 * random topic namespace and database (dropped in the teardown).
 */
export async function testAdapters(
  t: Test,
  kind: AdapterKind,
  service: string,
  logger: Logger = createLogger({ level: 'silent' }),
): Promise<{ bus: EventBus; store: DocumentStore; namespace: string }> {
  const namespace = uniqueName('t')
  if (kind === 'embedded') {
    const dir = await mkdtemp(join(tmpdir(), 'tj-test-'))
    const adapters = await connectAdapters(
      service,
      loadAdapterConfig({ DATA_DIR: dir, BUS_NAMESPACE: namespace }),
      logger,
    )
    t.teardown(async () => {
      await adapters.bus.close()
      await adapters.store.close()
      await rm(dir, { recursive: true, force: true })
    })
    return { bus: adapters.bus, store: adapters.store, namespace }
  }
  const database = uniqueName('test')
  const adapters = await connectAdapters(
    service,
    loadAdapterConfig({ KAFKA_BROKERS, MONGO_URL, MONGO_DATABASE: database, BUS_NAMESPACE: namespace }),
    logger,
  )
  t.teardown(async () => {
    await adapters.bus.close()
    const store = adapters.store as DocumentStore & { drop?: () => Promise<void> }
    await store.drop?.()
    await store.close()
  })
  return { bus: adapters.bus, store: adapters.store, namespace }
}

/** A logger whose lines are kept, to assert on them (and that no personal data is in them). */
export function capturedLogger(level = 'info'): { logger: Logger; lines: string[] } {
  const lines: string[] = []
  const destination = new Writable({
    write(chunk, _enc, cb) {
      lines.push(...chunk.toString().split('\n').filter(Boolean))
      cb()
    },
  })
  return { logger: createLogger({ level, destination }), lines }
}

export interface TestJwt {
  config: JwtConfig
  /** A staff access token for these claims, valid for 15 minutes. */
  token(claims: { sub: string; roles: Role[]; departmentId?: string | null; username?: string }): string
}

export function testJwt(): TestJwt {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519')
  const config: JwtConfig = {
    publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    issuer: 'tingjian-identity',
    audience: 'tingjian',
  }
  const signer = createSigner({
    key: config.privateKey,
    algorithm: 'EdDSA',
    iss: config.issuer,
    aud: config.audience,
    expiresIn: 15 * 60_000,
  })
  return {
    config,
    token: (c) => signer({ username: c.sub, departmentId: null, ...c }),
  }
}

/** Waits until `check` returns a value (not undefined/false), polling; fails the wait after `timeoutMs`. */
export async function eventually<T>(
  check: () => Promise<T | undefined | false>,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const v = await check()
    if (v !== undefined && v !== false) return v
    if (Date.now() > deadline) throw new Error('condition not met in time')
    await new Promise((r) => setTimeout(r, 50))
  }
}

interface MailpitMessage {
  ID: string
  Subject: string
  To: Array<{ Address: string }>
}

/** Messages in Mailpit sent to this address. */
export async function mailTo(address: string): Promise<MailpitMessage[]> {
  const res = await fetch(`${MAILPIT_API}/search?query=${encodeURIComponent(`to:"${address}"`)}&limit=200`)
  if (!res.ok) throw new Error(`mailpit search failed: ${res.status}`)
  const body = (await res.json()) as { messages: MailpitMessage[] }
  return body.messages
}

/** The text body of one Mailpit message. */
export async function mailText(id: string): Promise<string> {
  const res = await fetch(`${MAILPIT_API}/message/${id}`)
  if (!res.ok) throw new Error(`mailpit message failed: ${res.status}`)
  return ((await res.json()) as { Text: string }).Text
}
export * from './fuzz/index.ts'
export { PERSONAL_DATA, personalDataIn } from './personal-data.ts'
