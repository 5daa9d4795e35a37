// What the hotline's route plugins share: its collections, clock, cipher, the telephony port, the line's
// configuration, and the rules that need more than one of them (the callback item's due time).

import type { PublishedCalendar } from '@tingjian/calendar'
import type { Clock } from '@tingjian/kit'
import { publicUrl, type Telephony } from '@tingjian/telephony'
import type { Calls, Operators } from './calls-store.ts'
import type { CallDoc, MissedReason } from './domain/call.ts'
import { type CallbackItem, newCallbackItem } from './domain/callback.ts'
import type { Sealer } from './domain/phone.ts'
import { addServiceHours, isOpen, type ServiceHours } from './domain/service-hours.ts'
import type { QueueFeed } from './queue-feed.ts'

export interface HotlineContext {
  calls: Calls
  operators: Operators
  clock: Clock
  cipher: Sealer
  telephony: Telephony
  publicBaseUrl: string
  lineNumber: string
  serviceHours: ServiceHours
  calendar: PublishedCalendar
  callbackDueHours: number
  recordingDays: number
  recordCalls: boolean
  feed: QueueFeed
}

/** The absolute URL of one of the hotline's webhooks (the provider calls it, signed). */
export const webhookUrl = (ctx: HotlineContext, path: string) =>
  publicUrl(ctx.publicBaseUrl, `/api/v1/hotline/voice${path}`)

export const isAfterHours = (ctx: HotlineContext, at: Date) => !isOpen(ctx.serviceHours, at, ctx.calendar)

/** The callback item of a call missed now; none for a withheld number (nobody to call back). */
export const missedItem =
  (ctx: HotlineContext, call: CallDoc, now: Date) =>
  (reason: MissedReason): CallbackItem | null =>
    call.caller.sealed
      ? newCallbackItem(
          call.callId,
          reason,
          now,
          addServiceHours(ctx.serviceHours, now, ctx.callbackDueHours, ctx.calendar),
        )
      : null
