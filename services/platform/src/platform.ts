// Every service in one process on one bus, each with its own store: the single-machine run of the
// platform, and the harness of the journey tests. The services are the same apps that run alone.
import type { EventBus } from '@tingjian/bus'
import { buildIdentity } from '@tingjian/identity'
import { seed } from '@tingjian/identity/seed'
import {
  type AdapterConfig,
  type App,
  type Clock,
  connectBus,
  connectStore,
  type JwtConfig,
  type Logger,
  readinessOf,
} from '@tingjian/kit'
import { buildMailbox } from '@tingjian/mailbox'
import { buildNotifications } from '@tingjian/notifications'
import { EmailChannel } from '@tingjian/notifications/email'
import type { DocumentStore } from '@tingjian/store'
import { buildTracking } from '@tingjian/tracking'

export interface PlatformOptions {
  adapters: AdapterConfig
  logger: Logger
  clock: Clock
  jwt: JwtConfig & { privateKey: string }
  piiKey: string
  smtp: { host: string; port: number; from: string }
  webUrl: string
  /** Creates the demo departments and users with this password (idempotent). */
  seedPassword?: string
  /** 0 leaves the escalation ladder to `tracking.scheduler.tick()` (tests). */
  escalationIntervalMs?: number
  /** Consumer groups get this prefix (tests on a shared Kafka: groups are not namespaced). */
  groupPrefix?: string
}

export interface Platform {
  bus: EventBus
  apps: { identity: App; mailbox: App; tracking: App; notifications: App }
  tick(): Promise<unknown>
  seeded: Awaited<ReturnType<typeof seed>> | null
  close(): Promise<void>
}

export async function startPlatform(o: PlatformOptions): Promise<Platform> {
  const bus = await connectBus('platform', o.adapters, o.logger)
  const stores: DocumentStore[] = []
  const store = async (service: string) => {
    const s = await connectStore(service, o.adapters, o.logger.child({ service }))
    stores.push(s)
    return s
  }
  const apps: App[] = []
  try {
    const identityStore = await store('identity')
    const seeded = o.seedPassword
      ? await seed({ store: identityStore, clock: o.clock }, { password: o.seedPassword })
      : null
    const identity = await buildIdentity({
      logger: o.logger,
      bus,
      store: identityStore,
      jwt: o.jwt,
      clock: o.clock,
      readiness: readinessOf(bus, identityStore),
    })
    apps.push(identity)
    const mailboxStore = await store('mailbox')
    const mailbox = await buildMailbox({
      logger: o.logger,
      bus,
      store: mailboxStore,
      clock: o.clock,
      readiness: readinessOf(bus, mailboxStore),
    })
    apps.push(mailbox)
    const publicJwt = { publicKey: o.jwt.publicKey, issuer: o.jwt.issuer, audience: o.jwt.audience }
    const trackingStore = await store('tracking')
    const tracking = await buildTracking({
      logger: o.logger,
      bus,
      store: trackingStore,
      jwt: publicJwt,
      piiKey: o.piiKey,
      clock: o.clock,
      escalationIntervalMs: o.escalationIntervalMs ?? 60_000,
      readiness: readinessOf(bus, trackingStore),
      ...(o.groupPrefix ? { group: `${o.groupPrefix}-tracking` } : {}),
    })
    apps.push(tracking.app)
    const notificationsStore = await store('notifications')
    const email = new EmailChannel({ host: o.smtp.host, port: o.smtp.port, secure: false, from: o.smtp.from })
    const notifications = await buildNotifications({
      logger: o.logger,
      bus,
      store: notificationsStore,
      channels: { email },
      clock: o.clock,
      jwt: publicJwt,
      webUrl: o.webUrl,
      readiness: readinessOf(bus, notificationsStore),
      ...(o.groupPrefix ? { group: `${o.groupPrefix}-notifications` } : {}),
    })
    apps.push(notifications)
    await Promise.all(apps.map((a) => a.ready()))
    return {
      bus,
      apps: { identity, mailbox, tracking: tracking.app, notifications },
      tick: () => tracking.scheduler.tick(),
      seeded,
      close: async () => {
        for (const a of apps.reverse()) await a.close()
        await bus.close()
        for (const s of stores) await s.close()
      },
    }
  } catch (err) {
    for (const a of apps.reverse()) await a.close().catch(() => {})
    await bus.close().catch(() => {})
    for (const s of stores) await s.close().catch(() => {})
    throw err
  }
}
