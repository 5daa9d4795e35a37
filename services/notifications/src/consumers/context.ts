// What every consumer of the notifications group gets, and the helpers several of them share.
import type { Clock, Logger } from '@tingjian/kit'
import type { Collection } from '@tingjian/store'
import type { Deliveries, Notification } from '../deliveries.ts'
import type { Directory } from '../directory.ts'
import type { AddressCipher } from '../domain/privacy.ts'
import type { ReceiptCount } from '../domain/receipt-limit.ts'
import { type Audience, assignmentAudience, resolveAudience, type StaffEntry } from '../domain/recipients.ts'
import type { render } from '../domain/templates.ts'

export interface ConsumerDeps {
  directory: Directory
  deliveries: Deliveries
  /** Opens the citizen's sealed address to send, and hashes addresses (keyed) for ids and counts. */
  cipher: AddressCipher
  /** Receipts per address and day for anonymous letters (see domain/receipt-limit.ts). */
  receiptCounts: Collection<ReceiptCount>
  anonymousReceiptsPerDay: number
  logger: Logger
  /** Whether a poll's code has expired before it could be sent. */
  clock: Clock
  /** The public web site, linked from every mail. */
  webUrl: string
  /** SMS to hotline callers: whether a channel is configured, whether texts may carry the site's link. */
  sms: { enabled: boolean; links: boolean; webUrl: string }
}

/** The reachable staff of these audiences, from the local directory. */
export async function staffOf(deps: ConsumerDeps, audiences: readonly Audience[]): Promise<StaffEntry[]> {
  const candidates: StaffEntry[] = []
  for (const a of audiences) {
    if (a.kind === 'user') {
      const u = await deps.directory.user(a.userId)
      if (u) candidates.push(u)
    } else candidates.push(...(await deps.directory.withRole(a.role, a.departmentId)))
  }
  return resolveAudience(candidates, audiences)
}

/** The assignee's audience, falling back to the department's handlers when the assignee can't be reached. */
export async function assigneeOrHandlers(
  deps: ConsumerDeps,
  departmentId: string | null,
  assigneeId: string | null,
): Promise<{ staff: StaffEntry[]; toAssignee: boolean }> {
  if (assigneeId) {
    const staff = await staffOf(deps, [{ kind: 'user', userId: assigneeId }])
    if (staff.length > 0) return { staff, toAssignee: true }
  }
  if (!departmentId) return { staff: [], toAssignee: false }
  return { staff: await staffOf(deps, assignmentAudience(departmentId, null)), toAssignee: false }
}

/** One e-mail per staff member with an address (`trackingCode`: the case's; null for rectification). */
export function toStaff(
  staff: readonly StaffEntry[],
  kind: Notification['kind'],
  trackingCode: string | null,
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
