// Test fixtures: the app on adapters of its own, e-mail through the real Mailpit, events to publish.
import { createHash, randomBytes } from 'node:crypto'
import type { EventBus } from '@tingjian/bus'
import { deleteTestNamespace } from '@tingjian/bus-kafka/testing'
import { IdentityEvents, MailboxEvents, TrackingEvents } from '@tingjian/contracts'
import { FieldCipher, generateFieldKeys, ManualClock, type Role } from '@tingjian/kit'
import type { SmsChannel } from '@tingjian/telephony'
import {
  type AdapterKind,
  capturedLogger,
  KAFKA_BROKERS,
  MAILPIT_API,
  SMTP_HOST,
  SMTP_PORT,
  testAdapters,
  testJwt,
  uniqueName,
} from '@tingjian/testkit'
import type { Test } from 'tap'
import { buildNotifications } from '../src/app.ts'
import type { Channel, OutgoingMessage } from '../src/channels/channel.ts'
import { EmailChannel } from '../src/channels/email.ts'

export const WEB_URL = 'https://tingjian.example.gov.cn'
/** The address the SMS provider calls back (the gateway's public address). */
export const PUBLIC_BASE_URL = 'https://hotline.example.gov.cn'
export const SMS_FROM = '+861012345678'

export const mailpitChannel = () =>
  new EmailChannel({ host: SMTP_HOST, port: SMTP_PORT, secure: false, from: '听见 <noreply@example.gov.cn>' })

/** Nothing listens on port 1: every send fails with a connection error. */
export const closedPortChannel = () =>
  new EmailChannel({
    host: '127.0.0.1',
    port: 1,
    secure: false,
    from: '听见 <noreply@example.gov.cn>',
    connectionTimeoutMs: 2_000,
  })

/** A channel whose SMTP server a test can swap (an outage, then the repair). */
export class SwitchableChannel implements Channel {
  readonly kind = 'email' as const
  constructor(public current: Channel) {}
  send(message: OutgoingMessage) {
    return this.current.send(message)
  }
  async close() {
    await this.current.close()
  }
}

/** The keys the mailbox seals contact fields with (FIELD_KEYS is shared by the services). */
export const cipher = FieldCipher.fromConfig(generateFieldKeys('test1'))

export async function notifications(
  t: Test,
  options: {
    kind?: AdapterKind
    channel?: Channel
    fastFailure?: boolean
    anonymousReceiptsPerDay?: number
    /** SMS through this port channel (the simulator's), from SMS_FROM, called back at PUBLIC_BASE_URL. */
    sms?: SmsChannel
    smsLinks?: boolean
  } = {},
) {
  const { logger, lines } = capturedLogger()
  const kind = options.kind ?? 'embedded'
  const { bus, store, namespace } = await testAdapters(t, kind, 'notifications', logger)
  // Teardowns run last-registered first: this one after the app's (its consumers have left their groups).
  if (kind === 'distributed') t.teardown(() => deleteTestNamespace(KAFKA_BROKERS.split(','), namespace))
  const clock = new ManualClock('2026-03-02T02:00:00.000Z')
  const jwt = testJwt()
  const channel = options.channel ?? mailpitChannel()
  const app = await buildNotifications({
    logger,
    bus,
    store,
    channels: { email: channel },
    clock,
    jwt: jwt.config,
    cipher,
    webUrl: WEB_URL,
    ...(options.sms ? { sms: options.sms, smsFrom: SMS_FROM, publicBaseUrl: PUBLIC_BASE_URL } : {}),
    ...(options.smsLinks !== undefined ? { smsLinks: options.smsLinks } : {}),
    ...(options.anonymousReceiptsPerDay !== undefined
      ? { anonymousReceiptsPerDay: options.anonymousReceiptsPerDay }
      : {}),
    // under the namespace, so that the teardown finds the groups (this one and its revocations group)
    group: `${namespace}-notifications`,
    sendPolicy: { attempts: 2, initialBackoffMs: 10, maxBackoffMs: 50 },
    ...(options.fastFailure ? { retry: { maxAttempts: 2, initialBackoffMs: 10, maxBackoffMs: 50 } } : {}),
  })
  t.teardown(() => app.close())
  await app.ready()
  return { app, bus, store, clock, jwt, lines, namespace }
}

export const hex = () => randomBytes(5).toString('hex')
export const citizenAddress = () => `citizen-${hex()}@example.com`
export const staffAddress = (who: string) => `${who}-${hex()}@example.com`

const TRACKING_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'
export function trackingCode(): string {
  return [...randomBytes(10)].map((b) => TRACKING_ALPHABET[b % TRACKING_ALPHABET.length]).join('')
}

export const ACCESS_KEY = 'k3y-Sh0wn-0nce-0n-Scre3n-n0t-mailed'
export const accessKeyHash = (key: string) => `sha256:${createHash('sha256').update(key).digest('hex')}`

type Category = 'complaint' | 'report' | 'suggestion' | 'consultation' | 'praise'

/** The mailbox's event: the citizen's fields sealed, as the mailbox announces them (v2). */
export function letterSubmitted(over: {
  email?: string
  trackingCode?: string
  subject?: string
  category?: Category
  locale?: string
  letterId?: string
  anonymous?: boolean
  submittedAt?: string
}) {
  const letterId = over.letterId ?? uniqueName('letter')
  const email = over.email ? { email: cipher.encrypt(over.email) } : {}
  return MailboxEvents.letterSubmitted.create({
    subject: letterId,
    data: {
      letterId,
      trackingCode: over.trackingCode ?? trackingCode(),
      accessKeyHash: accessKeyHash(ACCESS_KEY),
      category: over.category ?? 'complaint',
      subject: over.subject ?? '办理护照等待时间过长',
      body: '我于三月一日在出入境大厅办理护照，排队等候超过四个小时。联系电话 13812345678。',
      anonymous: over.anonymous ?? false,
      citizen: over.anonymous
        ? email
        : { name: cipher.encrypt('张三'), phone: cipher.encrypt('13812345678'), ...email },
      consentToPublish: true,
      ...(over.locale ? { locale: over.locale } : {}),
      submittedAt: over.submittedAt ?? '2026-03-02T02:00:00.000Z',
    },
  })
}

/**
 * Tracking's event for the case it opened from a letter, with the category's time limit as tracking
 * states it (the receipt takes it from here; null: no reply is due).
 */
export function caseOpened(c: { trackingCode: string; category?: Category; timeLimitDays: number | null }) {
  const caseId = uniqueName('case')
  return TrackingEvents.caseChanged.create({
    subject: caseId,
    data: {
      ...caseRef(caseId, c.trackingCode),
      action: 'opened',
      status: 'received',
      previousStatus: null,
      category: c.category ?? 'complaint',
      departmentId: null,
      assigneeId: null,
      dueAt: null,
      timeLimitDays: c.timeLimitDays,
      escalationLevel: 0,
      caseVersion: 1,
      actorId: null,
      at: '2026-03-02T02:00:01.000Z',
    },
  })
}

/** A letter whose case tracking has opened (complaint: 7 working days): both events, the case's first. */
export async function publishLetter(bus: EventBus, over: Parameters<typeof letterSubmitted>[0]) {
  const code = over.trackingCode ?? trackingCode()
  const event = letterSubmitted({ ...over, trackingCode: code })
  await bus.publish(caseOpened({ trackingCode: code, category: event.data.category, timeLimitDays: 7 }))
  await bus.publish(event)
  return event
}

export function userChanged(u: {
  userId: string
  email: string | null
  roles: Role[]
  departmentId: string | null
  active?: boolean
  tokensValidAfter?: string
}) {
  return IdentityEvents.userChanged.create({
    subject: u.userId,
    data: {
      userId: u.userId,
      username: u.userId,
      displayName: '李四',
      email: u.email,
      roles: u.roles,
      departmentId: u.departmentId,
      active: u.active ?? true,
      ...(u.tokensValidAfter ? { tokensValidAfter: u.tokensValidAfter } : {}),
    },
  })
}

export function departmentChanged(departmentId: string, name: string) {
  return IdentityEvents.departmentChanged.create({
    subject: departmentId,
    data: { departmentId, code: departmentId, name, parentId: null, active: true },
  })
}

const caseRef = (caseId: string, code: string) => ({
  caseId,
  trackingCode: code,
  channel: 'mailbox' as const,
  originId: uniqueName('letter'),
})

export function caseAssigned(c: {
  caseId: string
  trackingCode: string
  departmentId: string
  assigneeId?: string
}) {
  return TrackingEvents.caseAssigned.create({
    subject: c.caseId,
    data: {
      ...caseRef(c.caseId, c.trackingCode),
      subject: '办理护照等待时间过长',
      departmentId: c.departmentId,
      supportingDepartmentIds: [],
      assigneeId: c.assigneeId ?? null,
      dueAt: '2026-03-11T16:00:00.000Z',
      at: '2026-03-02T03:00:00.000Z',
    },
  })
}

export function caseEscalated(c: {
  caseId: string
  trackingCode: string
  departmentId: string
  level: number
  kind: 'reminder' | 'supervision' | 'criticism' | 'manual'
  assigneeId?: string
  note?: string
}) {
  return TrackingEvents.caseEscalated.create({
    subject: c.caseId,
    data: {
      ...caseRef(c.caseId, c.trackingCode),
      subject: '办理护照等待时间过长',
      level: c.level,
      kind: c.kind,
      departmentId: c.departmentId,
      assigneeId: c.assigneeId ?? null,
      dueAt: '2026-03-11T16:00:00.000Z',
      ...(c.note ? { note: c.note } : {}),
      at: '2026-03-12T01:00:00.000Z',
    },
  })
}

export function caseReplied(c: {
  caseId: string
  trackingCode: string
  text: string
  departmentName?: string
}) {
  return TrackingEvents.caseReplied.create({
    subject: c.caseId,
    data: {
      ...caseRef(c.caseId, c.trackingCode),
      subject: '办理护照等待时间过长',
      departmentId: 'exit-entry',
      departmentName: c.departmentName ?? '人口与出入境管理局',
      text: c.text,
      repliedAt: '2026-03-05T06:00:00.000Z',
    },
  })
}

/** The HTML part of one Mailpit message. */
export async function mailHtml(id: string): Promise<string> {
  const res = await fetch(`${MAILPIT_API}/message/${id}`)
  if (!res.ok) throw new Error(`mailpit message failed: ${res.status}`)
  return ((await res.json()) as { HTML: string }).HTML
}

export async function publishAll(bus: EventBus, events: Parameters<EventBus['publish']>[0][]) {
  for (const e of events) await bus.publish(e)
}
