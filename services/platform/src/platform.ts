// Every service in one process on one bus, each with its own store: the single-machine run of the
// platform, and the harness of the journey tests. The services are the same apps that run alone; in the
// single-machine run they listen on loopback and the gateway (@tingjian/web) is the only way in.
import { randomBytes } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import type { EventBus } from '@tingjian/bus'
import { buildCalendar } from '@tingjian/calendar-service'
import { buildCallbacks, type CallbacksDeps } from '@tingjian/callbacks'
import { buildHotline } from '@tingjian/hotline'
import { buildIdentity } from '@tingjian/identity'
import { seed } from '@tingjian/identity/seed'
import {
  type AdapterConfig,
  type App,
  type Clock,
  connectBlobs,
  connectBus,
  connectStore,
  type FieldCipher,
  type JwtConfig,
  type Logger,
  readinessOf,
  type TrustProxy,
} from '@tingjian/kit'
import { buildMailbox } from '@tingjian/mailbox'
import { buildNotifications } from '@tingjian/notifications'
import { EmailChannel } from '@tingjian/notifications/email'
import { buildPolls } from '@tingjian/polls'
import { buildRectification, type RectificationDeps } from '@tingjian/rectification'
import type { DocumentStore } from '@tingjian/store'
import type { Telephony } from '@tingjian/telephony'
import { injectTransport, TelephonySimulator } from '@tingjian/telephony/simulator'
import { createTwilioTelephony } from '@tingjian/telephony/twilio'
import { buildTracking } from '@tingjian/tracking'
import { buildGateway, ROUTE_TABLE, type UpstreamUrls } from '@tingjian/web'

export interface PlatformOptions {
  adapters: AdapterConfig
  logger: Logger
  clock: Clock
  jwt: JwtConfig & { privateKey: string }
  piiKey: string
  /** Seals citizens' contact fields in every service's store and in the events (FIELD_KEYS). */
  cipher: FieldCipher
  /** The mailbox's key for deriving access keys of idempotent retries (32+ bytes). */
  mailboxSecret: Buffer
  /** The polls' key of the voter ledger's hashes and the voting tokens (32+ bytes; default: random, for tests). */
  pollsSecret?: Buffer
  smtp: { host: string; port: number; from: string }
  webUrl: string
  /** Creates the demo departments and users with this password (idempotent). */
  seedPassword?: string
  /** Period of tracking's escalation ladder; 0 runs none (tests). */
  escalationIntervalMs?: number
  /** Consumer groups get this prefix (tests on a shared Kafka: groups are not namespaced). */
  groupPrefix?: string
  /** Whose X-Forwarded-For the services believe (the gateway's, in the single-machine run). */
  trustProxy?: TrustProxy
  /** When SMTP refuses the connection, e-mail is written as .eml files here (one machine only). */
  mailFileFallbackDir?: string
  /** Default: the simulator, with a token of its own, called at `webUrl`. */
  telephony?: TelephonyOptions
  /** The callback surveys' settings and their scheduler's period (0: none — tests). */
  callbacks?: Pick<CallbacksDeps, 'settings' | 'schedulerIntervalMs'>
  /** Rectification's thresholds and deadlines, and its ladder's period (0: none — tests). */
  rectification?: Pick<RectificationDeps, 'settings' | 'schedulerIntervalMs'>
}

/**
 * The hotline's telephony provider: Twilio when `twilio` is given (its webhooks come through the gateway,
 * checked against its auth token), else the simulator, which signs with `simulatorToken` and hands its
 * webhooks to the services in this process.
 */
export interface TelephonyOptions {
  /** The address the provider calls (PUBLIC_BASE_URL): webhook URLs are built on it and verified against it. */
  publicBaseUrl: string
  twilio?: { accountSid: string; authToken: string; hotlineNumber: string; smsFrom: string }
  /** Signs the simulator's webhooks (32+ characters). */
  simulatorToken: string
  /** The simulated line's number (E.164). */
  lineNumber?: string
  /** Options of the hotline passed through (service hours, callback due hours, recording days…). */
  hotline?: HotlineOptions
}

type HotlineOptions = Partial<
  Pick<
    Parameters<typeof buildHotline>[0],
    'serviceHours' | 'callbackDueHours' | 'recordingDays' | 'recordCalls' | 'recordingSweepIntervalMs'
  >
>

/** The simulated line's default number. */
export const SIMULATED_LINE = '+861012345678'

export const SERVICES = [
  'identity',
  'mailbox',
  'tracking',
  'notifications',
  'hotline',
  'polls',
  'callbacks',
  'rectification',
  'calendar',
] as const
export type ServiceName = (typeof SERVICES)[number]

export interface Platform {
  bus: EventBus
  apps: Record<ServiceName, App>
  seeded: Awaited<ReturnType<typeof seed>> | null
  /** The simulated provider, when the platform runs without Twilio (the test phone's and the tests' driver). */
  simulator: TelephonySimulator | null
  close(): Promise<void>
}

/** The service that owns a path under /api/v1 (the gateway's route table), for the simulator's webhooks. */
function ownerOf(apps: Partial<Record<ServiceName, App>>) {
  return (path: string) => {
    const route = ROUTE_TABLE.find((r) => path === r.prefix || path.startsWith(`${r.prefix}/`))
    return route ? apps[route.upstream as ServiceName] : undefined
  }
}

/**
 * The adapter configuration of one service: each owns its database, as in the distributed deployment.
 * MONGO_DATABASE, when given, is the prefix (`<MONGO_DATABASE>-<service>`); else `tingjian-<service>`.
 */
export function serviceAdapters(adapters: AdapterConfig, service: ServiceName): AdapterConfig {
  return adapters.MONGO_DATABASE
    ? { ...adapters, MONGO_DATABASE: `${adapters.MONGO_DATABASE}-${service}` }
    : adapters
}

export async function startPlatform(o: PlatformOptions): Promise<Platform> {
  const bus = await connectBus('platform', o.adapters, o.logger)
  const stores: DocumentStore[] = []
  const store = async (service: ServiceName) => {
    const s = await connectStore(service, serviceAdapters(o.adapters, service), o.logger.child({ service }))
    stores.push(s)
    return s
  }
  const apps: App[] = []
  // closed after the apps: the telephony adapter (the simulator's timers)
  const closers: Array<() => Promise<void>> = []
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
      ...(o.trustProxy !== undefined ? { trustProxy: o.trustProxy } : {}),
    })
    apps.push(identity)
    const mailboxStore = await store('mailbox')
    const mailbox = await buildMailbox({
      logger: o.logger,
      bus,
      store: mailboxStore,
      clock: o.clock,
      secret: o.mailboxSecret,
      cipher: o.cipher,
      readiness: readinessOf(bus, mailboxStore),
      ...(o.trustProxy !== undefined ? { trustProxy: o.trustProxy } : {}),
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
      cipher: o.cipher,
      clock: o.clock,
      escalationIntervalMs: o.escalationIntervalMs ?? 60_000,
      readiness: readinessOf(bus, trackingStore),
      // tracking takes a boolean so far; its port is on loopback only, where every peer is the gateway's host
      ...(o.trustProxy !== undefined ? { trustProxy: o.trustProxy !== false } : {}),
      ...(o.groupPrefix ? { group: `${o.groupPrefix}-tracking` } : {}),
    })
    apps.push(tracking)
    const t = o.telephony ?? {
      publicBaseUrl: o.webUrl,
      simulatorToken: randomBytes(32).toString('base64url'),
    }
    const lineNumber = t.twilio?.hotlineNumber ?? t.lineNumber ?? SIMULATED_LINE
    const simulator = t.twilio
      ? null
      : new TelephonySimulator({
          authToken: t.simulatorToken,
          publicBaseUrl: t.publicBaseUrl,
          lineNumber,
          logger: o.logger.child({ service: 'telephony-simulator' }),
        })
    const telephony: Telephony = t.twilio
      ? createTwilioTelephony({
          accountSid: t.twilio.accountSid,
          authToken: t.twilio.authToken,
          logger: o.logger.child({ service: 'telephony' }),
        })
      : (simulator as TelephonySimulator).telephony
    closers.push(() => telephony.close())
    const notificationsStore = await store('notifications')
    const email = new EmailChannel({
      host: o.smtp.host,
      port: o.smtp.port,
      secure: false,
      from: o.smtp.from,
      ...(o.mailFileFallbackDir
        ? {
            fileFallback: {
              dir: o.mailFileFallbackDir,
              logger: o.logger.child({ service: 'notifications' }),
            },
          }
        : {}),
    })
    const notifications = await buildNotifications({
      logger: o.logger,
      bus,
      store: notificationsStore,
      channels: { email },
      clock: o.clock,
      jwt: publicJwt,
      cipher: o.cipher,
      webUrl: o.webUrl,
      sms: telephony.sms,
      smsFrom: t.twilio?.smsFrom ?? lineNumber,
      publicBaseUrl: t.publicBaseUrl,
      readiness: readinessOf(bus, notificationsStore),
      ...(o.trustProxy !== undefined ? { trustProxy: o.trustProxy } : {}),
      ...(o.groupPrefix ? { group: `${o.groupPrefix}-notifications` } : {}),
    })
    apps.push(notifications)
    const hotlineStore = await store('hotline')
    const hotline = await buildHotline({
      logger: o.logger,
      bus,
      store: hotlineStore,
      clock: o.clock,
      cipher: o.cipher,
      jwt: publicJwt,
      telephony,
      publicBaseUrl: t.publicBaseUrl,
      lineNumber,
      ...(simulator ? { simulator, simulatorToken: t.simulatorToken } : {}),
      ...t.hotline,
      readiness: readinessOf(bus, hotlineStore),
      ...(o.trustProxy !== undefined ? { trustProxy: o.trustProxy } : {}),
      ...(o.groupPrefix ? { group: `${o.groupPrefix}-hotline` } : {}),
    })
    apps.push(hotline)
    const pollsStore = await store('polls')
    const polls = await buildPolls({
      logger: o.logger,
      bus,
      store: pollsStore,
      clock: o.clock,
      jwt: publicJwt,
      secret: o.pollsSecret ?? randomBytes(32),
      cipher: o.cipher,
      readiness: readinessOf(bus, pollsStore),
      ...(o.trustProxy !== undefined ? { trustProxy: o.trustProxy } : {}),
      ...(o.groupPrefix ? { group: `${o.groupPrefix}-polls` } : {}),
    })
    apps.push(polls)
    const callbacksStore = await store('callbacks')
    const callbacks = await buildCallbacks({
      logger: o.logger,
      bus,
      store: callbacksStore,
      clock: o.clock,
      jwt: publicJwt,
      cipher: o.cipher,
      telephony,
      publicBaseUrl: t.publicBaseUrl,
      lineNumber,
      ...o.callbacks,
      readiness: readinessOf(bus, callbacksStore),
      ...(o.trustProxy !== undefined ? { trustProxy: o.trustProxy } : {}),
      ...(o.groupPrefix ? { group: `${o.groupPrefix}-callbacks` } : {}),
    })
    apps.push(callbacks)
    const rectificationStore = await store('rectification')
    const rectificationAdapters = serviceAdapters(o.adapters, 'rectification')
    const evidence = await connectBlobs('rectification', rectificationAdapters, o.logger, {
      bucket: 'evidence',
    })
    closers.push(() => evidence.close())
    const rectification = await buildRectification({
      logger: o.logger,
      bus,
      store: rectificationStore,
      blobs: evidence,
      clock: o.clock,
      jwt: publicJwt,
      ...o.rectification,
      readiness: readinessOf(bus, rectificationStore),
      ...(o.trustProxy !== undefined ? { trustProxy: o.trustProxy } : {}),
      ...(o.groupPrefix ? { group: `${o.groupPrefix}-rectification` } : {}),
    })
    apps.push(rectification)
    const calendarStore = await store('calendar')
    const calendar = await buildCalendar({
      logger: o.logger,
      bus,
      store: calendarStore,
      clock: o.clock,
      jwt: publicJwt,
      readiness: readinessOf(bus, calendarStore),
      ...(o.trustProxy !== undefined ? { trustProxy: o.trustProxy } : {}),
      ...(o.groupPrefix ? { group: `${o.groupPrefix}-calendar` } : {}),
    })
    apps.push(calendar)
    const byName = {
      identity,
      mailbox,
      tracking,
      notifications,
      hotline,
      polls,
      callbacks,
      rectification,
      calendar,
    }
    // the URL signed stays the public one, as the gateway would forward it
    simulator?.setTransport(injectTransport(ownerOf(byName)))
    await Promise.all(apps.map((a) => a.ready()))
    return {
      bus,
      apps: byName,
      seeded,
      simulator,
      close: async () => {
        for (const a of apps.reverse()) await a.close()
        for (const c of closers) await c()
        await bus.close()
        for (const s of stores) await s.close()
      },
    }
  } catch (err) {
    for (const a of apps.reverse()) await a.close().catch(() => {})
    for (const c of closers) await c().catch(() => {})
    await bus.close().catch(() => {})
    for (const s of stores) await s.close().catch(() => {})
    throw err
  }
}

export interface OpenOptions {
  /** Where the gateway listens: the platform's one public address. */
  host: string
  port: number
  logger: Logger
  /** The built web app (default: @tingjian/web's dist). */
  staticDir?: string
  /** Fixed loopback ports for the services (default: any free port). */
  servicePorts?: Partial<Record<keyof Platform['apps'], number>>
  rateLimit?: { max: number }
  /** Only behind a load balancer or TLS terminator: whose X-Forwarded-For the gateway believes. */
  gatewayTrustProxy?: TrustProxy
}

export interface OpenPlatform {
  gateway: App
  /** The gateway's address, e.g. http://127.0.0.1:3000. */
  url: string
  upstreams: UpstreamUrls
  /** Stops taking requests at the gateway, finishes those in flight, then closes every service. */
  close(): Promise<void>
}

/**
 * Puts the platform on the network as one origin: each service on a loopback port of its own, the
 * gateway and the web app on `host:port`. The services believe the X-Forwarded-For of loopback peers
 * only (startPlatform's `trustProxy`), which is where the gateway's requests come from.
 */
export async function openPlatform(platform: Platform, o: OpenOptions): Promise<OpenPlatform> {
  const upstreams = {} as UpstreamUrls
  for (const [name, app] of Object.entries(platform.apps) as Array<[keyof Platform['apps'], App]>) {
    await app.listen({ host: '127.0.0.1', port: o.servicePorts?.[name] ?? 0 })
    upstreams[name] = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
  }
  const gateway = await buildGateway({
    logger: o.logger,
    upstreams,
    ...(o.staticDir ? { staticDir: o.staticDir } : {}),
    ...(o.rateLimit ? { rateLimit: o.rateLimit } : {}),
    ...(o.gatewayTrustProxy !== undefined ? { trustProxy: o.gatewayTrustProxy } : {}),
  })
  await gateway.listen({ host: o.host, port: o.port })
  const address = gateway.server.address() as AddressInfo
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address
  return {
    gateway,
    url: `http://${host}:${address.port}`,
    upstreams,
    close: async () => {
      await gateway.close()
      await platform.close()
    },
  }
}
