// The event handler of the `notifications` consumer group: mailbox and tracking events become e-mails,
// identity events keep the local staff directory. Idempotent per event: see deliveries.ts.
import type { DeliveryContext, EventHandler } from '@tingjian/bus'
import { type EventEnvelope, IdentityEvents, MailboxEvents, TrackingEvents } from '@tingjian/contracts'
import type { Logger } from '@tingjian/kit'
import type { Deliveries, Notification } from '../deliveries.ts'
import type { Directory } from '../directory.ts'
import {
  type Audience,
  assignmentAudience,
  escalationAudience,
  resolveAudience,
  type StaffEntry,
} from '../domain/recipients.ts'
import {
  assignmentTemplate,
  escalationTemplate,
  pickLocale,
  receiptTemplate,
  render,
  replyTemplate,
} from '../domain/templates.ts'

export const CONSUMER_GROUP = 'notifications'
export const STREAMS = ['mailbox', 'tracking', 'identity'] as const

export interface ConsumerDeps {
  directory: Directory
  deliveries: Deliveries
  logger: Logger
  /** The public web site, linked from every mail. */
  webUrl: string
}

export function notificationsHandler(deps: ConsumerDeps): EventHandler {
  const { directory, deliveries } = deps

  async function staffOf(audiences: readonly Audience[]): Promise<StaffEntry[]> {
    const candidates: StaffEntry[] = []
    for (const a of audiences) {
      if (a.kind === 'user') {
        const u = await directory.user(a.userId)
        if (u) candidates.push(u)
      } else candidates.push(...(await directory.withRole(a.role, a.departmentId)))
    }
    return resolveAudience(candidates, audiences)
  }

  /** The assignee's audience, falling back to the department's handlers when the assignee can't be reached. */
  async function assigneeOrHandlers(
    departmentId: string | null,
    assigneeId: string | null,
  ): Promise<{ staff: StaffEntry[]; toAssignee: boolean }> {
    if (assigneeId) {
      const staff = await staffOf([{ kind: 'user', userId: assigneeId }])
      if (staff.length > 0) return { staff, toAssignee: true }
    }
    if (!departmentId) return { staff: [], toAssignee: false }
    return { staff: await staffOf(assignmentAudience(departmentId, null)), toAssignee: false }
  }

  function toStaff(
    staff: readonly StaffEntry[],
    kind: Notification['kind'],
    trackingCode: string,
    rendered: ReturnType<typeof render>,
  ): Notification[] {
    return staff.flatMap((s) =>
      s.email
        ? [
            {
              kind,
              channel: 'email' as const,
              audience: 'staff' as const,
              userId: s.userId,
              trackingCode,
              message: { to: s.email, subject: rendered.subject, text: rendered.text, html: rendered.html },
            },
          ]
        : [],
    )
  }

  return async (event: EventEnvelope, ctx: DeliveryContext) => {
    const log = deps.logger.child({ eventId: event.id, type: event.type, attempt: ctx.attempt })

    if (MailboxEvents.letterSubmitted.is(event)) {
      const d = event.data
      const email = d.citizen.email?.trim()
      if (!email) {
        log.info({ letterId: d.letterId }, 'no e-mail address given; no receipt')
        return
      }
      await directory.rememberContact(d.trackingCode, {
        letterId: d.letterId,
        email,
        locale: d.locale ?? null,
      })
      const rendered = render(
        receiptTemplate(
          {
            trackingCode: d.trackingCode,
            category: d.category,
            subject: d.subject,
            submittedAt: d.submittedAt,
            webUrl: deps.webUrl,
          },
          pickLocale(d.locale),
        ),
      )
      await deliveries.deliver(
        event,
        [
          {
            kind: 'receipt',
            channel: 'email',
            audience: 'citizen',
            userId: null,
            trackingCode: d.trackingCode,
            message: { to: email, ...rendered },
          },
        ],
        log,
      )
      return
    }

    if (TrackingEvents.caseReplied.is(event)) {
      const d = event.data
      const contact = await directory.contact(d.trackingCode)
      if (!contact) {
        // Anonymous letters, letters without an address and hotline cases have no one to e-mail.
        log.info({ caseId: d.caseId }, 'no citizen contact for this case; no reply e-mail')
        return
      }
      const rendered = render(
        replyTemplate(
          {
            trackingCode: d.trackingCode,
            subject: d.subject,
            departmentName: d.departmentName ?? (await directory.departmentName(d.departmentId)),
            text: d.text,
            repliedAt: d.repliedAt,
            webUrl: deps.webUrl,
          },
          pickLocale(contact.locale),
        ),
      )
      await deliveries.deliver(
        event,
        [
          {
            kind: 'reply',
            channel: 'email',
            audience: 'citizen',
            userId: null,
            trackingCode: d.trackingCode,
            message: { to: contact.email, ...rendered },
          },
        ],
        log,
      )
      return
    }

    if (TrackingEvents.caseAssigned.is(event)) {
      const d = event.data
      const { staff, toAssignee } = await assigneeOrHandlers(d.departmentId, d.assigneeId)
      if (staff.length === 0) {
        log.warn({ caseId: d.caseId, departmentId: d.departmentId }, 'no staff with an address to notify')
        return
      }
      const rendered = render(
        assignmentTemplate(
          {
            trackingCode: d.trackingCode,
            subject: d.subject,
            departmentName: await directory.departmentName(d.departmentId),
            dueAt: d.dueAt,
            webUrl: deps.webUrl,
          },
          toAssignee,
        ),
      )
      await deliveries.deliver(event, toStaff(staff, 'assignment', d.trackingCode, rendered), log)
      return
    }

    if (TrackingEvents.caseEscalated.is(event)) {
      const d = event.data
      const reminder = d.kind !== 'manual' && d.level <= 1
      const staff = reminder
        ? (await assigneeOrHandlers(d.departmentId, d.assigneeId)).staff
        : await staffOf(escalationAudience(d))
      if (staff.length === 0) {
        log.warn({ caseId: d.caseId, level: d.level, kind: d.kind }, 'no staff with an address to notify')
        return
      }
      const rendered = render(
        escalationTemplate({
          trackingCode: d.trackingCode,
          subject: d.subject,
          departmentName: await directory.departmentName(d.departmentId),
          dueAt: d.dueAt,
          webUrl: deps.webUrl,
          level: d.level,
          kind: d.kind,
          ...(d.note ? { note: d.note } : {}),
        }),
      )
      await deliveries.deliver(event, toStaff(staff, 'escalation', d.trackingCode, rendered), log)
      return
    }

    if (IdentityEvents.userChanged.is(event)) {
      const d = event.data
      const saved = await directory.upsert(directory.staff, d.userId, {
        userId: d.userId,
        email: d.email?.trim() || null,
        roles: d.roles,
        departmentId: d.departmentId,
        active: d.active,
        eventAt: event.occurredAt,
      })
      log.debug({ userId: d.userId, saved }, 'staff directory updated')
      return
    }

    if (IdentityEvents.departmentChanged.is(event)) {
      const d = event.data
      const saved = await directory.upsert(directory.departments, d.departmentId, {
        name: d.name,
        nameEn: d.nameEn ?? null,
        active: d.active,
        eventAt: event.occurredAt,
      })
      log.debug({ departmentId: d.departmentId, saved }, 'department directory updated')
    }
    // Other events of these streams are not ours to act on.
  }
}
