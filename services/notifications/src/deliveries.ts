// Delivery records: one per (event, channel, recipient), so that an event delivered again by the bus
// sends nothing twice. A record is claimed by inserting it (pending), the message is sent, then the record
// is marked sent (and its copy of the message dropped) or failed (kept, for the retry endpoint).
//
// SMS report their delivery later, on the status webhook: the provider's status is recorded on the record
// found by the provider's message id, forward only (see `advances`). A status that arrives before the
// record knows its message id (the provider may call back before `send` returned) waits in
// `sms_statuses` and is taken over when the record is marked sent.
//
// The at-least-once gap: a crash after the SMTP server accepted a message and before the record was marked
// sent leaves it pending; the redelivered event then sends that message once more. Marking first would
// lose the message instead, and a citizen's answer that is never sent is the worse failure.

import { setTimeout as sleep } from 'node:timers/promises'
import { backoffDelay, type Logger } from '@tingjian/bus'
import type { Clock } from '@tingjian/kit'
import { type Collection, type DocumentStore, isConflict, modify, type Stored, upsert } from '@tingjian/store'
import {
  advances,
  type Channel,
  ChannelError,
  type ChannelKind,
  type OutgoingMessage,
  type ProviderStatus,
} from './channels/channel.ts'
import { COLLECTIONS } from './directory.ts'
import { type AddressCipher, deliveryId, maskAddress, normaliseAddress, openField } from './domain/privacy.ts'
import { maskPhone } from './domain/sms.ts'

export type DeliveryStatus = 'pending' | 'sent' | 'failed'
/**
 * What a message is for; `code`: a poll's one-time code (verification or invitation); `rectification`: a
 * rectification order's or trend alert's mail to staff.
 */
export const NOTIFICATION_KINDS = [
  'receipt',
  'reply',
  'assignment',
  'escalation',
  'code',
  'rectification',
] as const
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number]

export interface DeliveryDoc {
  eventId: string
  eventType: string
  kind: NotificationKind
  channel: ChannelKind
  audience: 'citizen' | 'staff'
  /** The staff member's id; null for citizens. */
  userId: string | null
  trackingCode: string | null
  recipientHash: string
  recipientMasked: string
  status: DeliveryStatus
  attempts: number
  /** A coded reason without personal data, e.g. `smtp ECONNECTION`. */
  lastError: string | null
  lastAttemptAt: string | null
  sentAt: string | null
  providerId: string | null
  /** SMS: the provider's delivery status and when it was reported (missing on older records: null). */
  providerStatus?: ProviderStatus | null
  providerStatusAt?: string | null
  /** The provider's error code on undelivered/failed (no personal data). */
  providerErrorCode?: string | null
  /**
   * The rendered message while it is not sent yet (for retries), its `to` sealed (and an SMS's text too:
   * it may carry the caller's access key); removed once it is sent.
   */
  message: OutgoingMessage | null
}

/** A provider's status that arrived before its delivery record knew the message id. */
export interface EarlyStatusDoc {
  status: ProviderStatus
  at: string
  errorCode: string | null
}

export interface ProviderReport {
  messageId: string
  status: ProviderStatus
  errorCode?: string
}

export interface Notification {
  kind: NotificationKind
  channel: ChannelKind
  audience: 'citizen' | 'staff'
  userId: string | null
  trackingCode: string | null
  message: OutgoingMessage
}

export interface SendPolicy {
  /** Attempts per message within one handling of an event (the bus retries the event after that). */
  attempts: number
  initialBackoffMs: number
  maxBackoffMs: number
}

export const DEFAULT_SEND_POLICY: SendPolicy = { attempts: 3, initialBackoffMs: 500, maxBackoffMs: 5_000 }

/** Thrown by a handler when a message could not be sent: the bus retries the event, then dead-letters it. */
export class DeliveryFailedError extends Error {
  readonly code = 'TJ_DELIVERY_FAILED'
  constructor(eventId: string, failed: number, total: number) {
    super(`${failed} of ${total} deliveries failed for event ${eventId}`)
    this.name = 'DeliveryFailedError'
  }
}

export class Deliveries {
  readonly records: Collection<DeliveryDoc>
  readonly earlyStatuses: Collection<EarlyStatusDoc>
  readonly #channels: Partial<Record<ChannelKind, Channel>>
  readonly #clock: Clock
  readonly #policy: SendPolicy
  readonly #cipher: AddressCipher

  constructor(deps: {
    store: DocumentStore
    channels: Partial<Record<ChannelKind, Channel>>
    clock: Clock
    cipher: AddressCipher
    policy?: SendPolicy
  }) {
    this.records = deps.store.collection<DeliveryDoc>(COLLECTIONS.deliveries)
    this.earlyStatuses = deps.store.collection<EarlyStatusDoc>(COLLECTIONS.smsStatuses)
    this.#channels = deps.channels
    this.#clock = deps.clock
    this.#cipher = deps.cipher
    this.#policy = deps.policy ?? DEFAULT_SEND_POLICY
  }

  async ensureIndexes(): Promise<void> {
    await this.records.ensureIndexes([
      {
        keys: [
          ['status', 1],
          ['createdAt', -1],
        ],
        name: 'status_created',
      },
      { keys: [['eventId', 1]], name: 'by_event' },
      { keys: [['providerId', 1]], name: 'by_provider_id' },
    ])
  }

  /**
   * Sends each notification of one event once. Throws DeliveryFailedError when any could not be sent
   * (after the others were tried), so that the event is retried and, in the end, dead-lettered.
   */
  async deliver(
    event: { id: string; type: string },
    notifications: readonly Notification[],
    log: Logger,
  ): Promise<void> {
    let failed = 0
    const seen = new Set<string>()
    for (const n of notifications) {
      const hash = this.#cipher.hash(normaliseAddress(n.message.to))
      const id = deliveryId(event.id, n.channel, hash)
      // Two roles of one person, or two people sharing an address: one message.
      if (seen.has(id)) continue
      seen.add(id)
      const record = await this.#claim(id, event, n, hash)
      if (!record) {
        log.info({ deliveryId: id, kind: n.kind }, 'already sent; skipped')
        continue
      }
      const done = await this.#send(record, log)
      if (done.status !== 'sent') failed++
    }
    if (failed > 0) throw new DeliveryFailedError(event.id, failed, seen.size)
  }

  /** Sends a record again (the retry endpoint). Answers the record after the attempt, sent or failed. */
  async retry(id: string, log: Logger): Promise<Stored<DeliveryDoc> | null> {
    const record = await this.records.get(id)
    if (!record || record.status === 'sent') return record
    return this.#send(record, log)
  }

  /** Inserts the pending record; null when an earlier handling already sent it. */
  async #claim(
    id: string,
    event: { id: string; type: string },
    n: Notification,
    hash: string,
  ): Promise<Stored<DeliveryDoc> | null> {
    try {
      return await this.records.insert(
        id,
        {
          eventId: event.id,
          eventType: event.type,
          kind: n.kind,
          channel: n.channel,
          audience: n.audience,
          userId: n.userId,
          trackingCode: n.trackingCode,
          recipientHash: hash,
          recipientMasked: n.channel === 'sms' ? maskPhone(n.message.to) : maskAddress(n.message.to),
          status: 'pending',
          attempts: 0,
          lastError: null,
          lastAttemptAt: null,
          sentAt: null,
          providerId: null,
          message: {
            ...n.message,
            to: this.#cipher.encrypt(n.message.to),
            ...(n.channel === 'sms' ? { text: this.#cipher.encrypt(n.message.text) } : {}),
          },
        },
        { now: this.#clock.now() },
      )
    } catch (err) {
      if (!isConflict(err, 'duplicate')) throw err
    }
    const existing = await this.records.get(id)
    // Pending (a crash mid-send) or failed (an earlier handling gave up): try again.
    return existing && existing.status !== 'sent' ? existing : null
  }

  async #send(record: Stored<DeliveryDoc>, log: Logger): Promise<Stored<DeliveryDoc>> {
    const ctx = { deliveryId: record._id, kind: record.kind, channel: record.channel }
    const channel = this.#channels[record.channel]
    const message = record.message
    let attempts = record.attempts
    let lastError: string
    if (!channel) lastError = `channel ${record.channel} is not configured`
    else if (!message) lastError = 'message missing'
    else {
      for (let i = 1; ; i++) {
        attempts++
        try {
          const { providerId, providerStatus } = await channel.send({
            ...message,
            to: openField(this.#cipher, message.to),
            text: record.channel === 'sms' ? openField(this.#cipher, message.text) : message.text,
          })
          const now = this.#clock.now()
          let sent = await this.#write(record._id, (current) => ({
            ...current,
            status: 'sent',
            attempts,
            lastError: null,
            lastAttemptAt: now.toISOString(),
            sentAt: now.toISOString(),
            providerId,
            ...(providerStatus && advances(current.providerStatus, providerStatus)
              ? { providerStatus, providerStatusAt: now.toISOString() }
              : {}),
            message: null,
          }))
          // after the id is written: a callback that came first is found here, one that comes later finds
          // the record (the webhook saves the early status before it looks the record up)
          const early = await this.earlyStatuses.get(providerId)
          if (early) sent = await this.#applyStatus(sent._id, early.status, early.at, early.errorCode)
          log.info({ ...ctx, attempts }, 'notification sent')
          return sent
        } catch (err) {
          const e = err instanceof ChannelError ? err : new ChannelError('EUNKNOWN', 'send failed', true)
          lastError = e.message
          if (!e.transient || i >= this.#policy.attempts) break
          log.warn({ ...ctx, attempt: i, error: e.message }, 'send failed; retrying')
          await sleep(
            backoffDelay(i, { initialMs: this.#policy.initialBackoffMs, maxMs: this.#policy.maxBackoffMs }),
          )
        }
      }
    }
    const now = this.#clock.now().toISOString()
    const failed = await this.#write(record._id, (current) => ({
      ...current,
      status: 'failed',
      attempts,
      lastError,
      lastAttemptAt: now,
    }))
    log.error({ ...ctx, attempts, error: lastError }, 'notification failed')
    return failed
  }

  /**
   * A provider's delivery status (the SMS status webhook), recorded forward only: `unchanged` for a
   * repeated or late one, `unknown` when no record has this message id (yet: kept for when it has).
   */
  async recordProviderStatus(report: ProviderReport): Promise<'updated' | 'unchanged' | 'unknown'> {
    const at = this.#clock.now().toISOString()
    const errorCode = report.errorCode ?? null
    await upsert(
      this.earlyStatuses,
      report.messageId,
      () => ({ status: report.status, at, errorCode }),
      (current) =>
        advances(current.status, report.status) ? { status: report.status, at, errorCode } : null,
      { now: this.#clock.now() },
    )
    const found = await this.records.find({ providerId: report.messageId }, { limit: 1 })
    const record = found.items[0]
    if (!record) return 'unknown'
    if (!advances(record.providerStatus, report.status)) return 'unchanged'
    const after = await this.#applyStatus(record._id, report.status, at, errorCode)
    return after.providerStatus === report.status && after.providerStatusAt === at ? 'updated' : 'unchanged'
  }

  #applyStatus(id: string, status: ProviderStatus, at: string, errorCode: string | null) {
    return modify(
      this.records,
      id,
      (current) =>
        advances(current.providerStatus, status)
          ? { ...current, providerStatus: status, providerStatusAt: at, providerErrorCode: errorCode }
          : null,
      { now: this.#clock.now() },
    )
  }

  /** Writes a change on the freshest version (another handling may have touched the record meanwhile). */
  #write(id: string, change: (current: DeliveryDoc) => DeliveryDoc): Promise<Stored<DeliveryDoc>> {
    return modify(this.records, id, change, { now: this.#clock.now() })
  }
}
