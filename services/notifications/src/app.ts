// The notifications service as a Fastify app: the deliveries API, the SMS status webhook and the
// `notifications` consumer group.
import type { EventBus, RetryPolicy, Subscription } from '@tingjian/bus'
import {
  type App,
  type AppOptions,
  buildApp,
  type Clock,
  closeInOrder,
  type JwtConfig,
  type Logger,
  type ReadinessCheck,
  revocations,
} from '@tingjian/kit'
import type { DocumentStore } from '@tingjian/store'
import type { SmsChannel } from '@tingjian/telephony'
import type { Channel, ChannelKind } from './channels/channel.ts'
import { SmsSender } from './channels/sms.ts'
import { CONSUMER_GROUP, notificationsHandler, STREAMS } from './consumers/index.ts'
import { Deliveries, type SendPolicy } from './deliveries.ts'
import { COLLECTIONS, Directory } from './directory.ts'
import type { AddressCipher } from './domain/privacy.ts'
import { DEFAULT_ANONYMOUS_RECEIPTS_PER_DAY, type ReceiptCount } from './domain/receipt-limit.ts'
import { deliveryRoutes } from './routes/deliveries.ts'
import { smsStatusRoutes } from './routes/sms-status.ts'

export const SERVICE = 'notifications'

export interface NotificationsDeps {
  logger: Logger
  bus: EventBus
  store: DocumentStore
  /**
   * The channels that can send; a message for a channel that is missing is recorded as failed. SMS comes
   * from `sms` below.
   */
  channels: Partial<Record<Exclude<ChannelKind, 'sms'>, Channel>>
  /**
   * The telephony port's SMS channel (Twilio, or the simulator the hotline runs). Without it hotline
   * callers get no SMS (said once at start).
   */
  sms?: SmsChannel
  /** The line's SMS sender number (E.164); required with `sms`. */
  smsFrom?: string
  /** The address the SMS provider calls back (PUBLIC_BASE_URL); required with `sms`. */
  publicBaseUrl?: string
  /** Whether SMS texts may carry the site's link (China's carriers refuse links; default false). */
  smsLinks?: boolean
  /** Status callbacks per client address and minute (default 600). */
  smsStatusRateLimitPerMinute?: number
  clock: Clock
  jwt: JwtConfig
  /** Opens the citizens' sealed addresses (the kit's FieldCipher, with the mailbox's keys). */
  cipher: AddressCipher
  webUrl: string
  /** Receipts per address and day for anonymous letters (default 3). */
  anonymousReceiptsPerDay?: number
  /** Consumer group (default `notifications`). Kafka groups are not namespaced, so tests pass their own. */
  group?: string
  sendPolicy?: SendPolicy
  /** The bus's retries of an event whose handling failed (default: the bus's). */
  retry?: RetryPolicy
  readiness?: readonly ReadinessCheck[]
  trustProxy?: AppOptions['trustProxy']
  rateLimit?: { max: number } | false
  bodyLimit?: number
}

export async function buildNotifications(deps: NotificationsDeps): Promise<App> {
  const app = await buildApp({
    service: SERVICE,
    logger: deps.logger,
    jwt: deps.jwt,
    readiness: deps.readiness ?? [],
    ...(deps.trustProxy !== undefined ? { trustProxy: deps.trustProxy } : {}),
    ...(deps.rateLimit !== undefined ? { rateLimit: deps.rateLimit } : {}),
    ...(deps.bodyLimit !== undefined ? { bodyLimit: deps.bodyLimit } : {}),
  })

  const log = deps.logger.child({ service: SERVICE })
  const channels: Partial<Record<ChannelKind, Channel>> = { ...deps.channels }
  if (deps.sms) {
    if (!deps.smsFrom || !deps.publicBaseUrl) {
      throw new Error('notifications: an SMS channel needs smsFrom and publicBaseUrl')
    }
    channels.sms = new SmsSender({ sms: deps.sms, from: deps.smsFrom, publicBaseUrl: deps.publicBaseUrl })
  } else {
    log.warn(
      'no SMS channel configured: hotline callers and poll voters get no SMS (tracking code, reply, poll codes)',
    )
  }

  const directory = new Directory(deps.store)
  const deliveries = new Deliveries({
    store: deps.store,
    channels,
    clock: deps.clock,
    cipher: deps.cipher,
    ...(deps.sendPolicy ? { policy: deps.sendPolicy } : {}),
  })
  await directory.ensureIndexes()
  await deliveries.ensureIndexes()

  await app.register(deliveryRoutes, { prefix: '/api/v1/notifications', deliveries })
  if (deps.sms && deps.publicBaseUrl) {
    await app.register(smsStatusRoutes, {
      prefix: '/api/v1/notifications',
      deliveries,
      sms: deps.sms,
      publicBaseUrl: deps.publicBaseUrl,
      rateLimitPerMinute: deps.smsStatusRateLimitPerMinute ?? 600,
    })
  }
  // Staff tokens of users identity has deactivated or revoked since are refused (from identity's events).
  const revoked = await revocations(app, { bus: deps.bus, store: deps.store, service: deps.group ?? SERVICE })

  const subscription: Subscription = await deps.bus.subscribe(
    {
      group: deps.group ?? CONSUMER_GROUP,
      streams: [...STREAMS],
      ...(deps.retry ? { retry: deps.retry } : {}),
    },
    notificationsHandler({
      directory,
      deliveries,
      cipher: deps.cipher,
      receiptCounts: deps.store.collection<ReceiptCount>(COLLECTIONS.receiptCounts),
      anonymousReceiptsPerDay: deps.anonymousReceiptsPerDay ?? DEFAULT_ANONYMOUS_RECEIPTS_PER_DAY,
      logger: log,
      clock: deps.clock,
      webUrl: deps.webUrl,
      sms: { enabled: channels.sms !== undefined, links: deps.smsLinks ?? false, webUrl: deps.webUrl },
    }),
  )
  // Consumers first (the event in hand finishes), then the channels it sends through.
  closeInOrder(app, [
    { name: 'subscription', close: () => subscription.close() },
    ...Object.values(channels).map((c) => ({ name: `channel-${c.kind}`, close: () => c.close() })),
  ])
  try {
    await Promise.all([subscription.ready(), revoked.ready()])
  } catch (err) {
    await app.close()
    throw err
  }
  return app
}
