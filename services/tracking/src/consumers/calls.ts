// hotline.call-logged → the call's case. Outcomes `case` and `answered_on_spot` open one case per call,
// however often the event is delivered: the case id is derived from the call id, so a redelivery is a
// duplicate insert and changes nothing (answered on the spot: the case is opened and answered in that one
// insert). `addTo` adds the call to an existing case once (the case records the calls added to it).
// `referred` and `not_a_matter` open nothing. The caller's name and phone arrive sealed: they are opened to
// hash the phone (the search by phone finds hotline cases too) and to mask them, and stored sealed again.
import type { EventBus, Subscription } from '@tingjian/bus'
import { HotlineEvents } from '@tingjian/contracts'
import type { Clock, Logger } from '@tingjian/kit'
import { isConflict } from '@tingjian/store'
import { applyChange, type Cases } from '../case-store.ts'
import type { Calendar, DueDays } from '../domain/case.ts'
import { addCallTo, openFromCall } from '../domain/intake.ts'
import { type FieldSealer, openCitizen, sealCitizen } from '../domain/privacy.ts'

export interface CallConsumerDeps {
  bus: EventBus
  cases: Cases
  clock: Clock
  calendar: Calendar
  piiKey: string
  sealer: FieldSealer
  dueDays?: DueDays
  logger: Logger
  group: string
}

export async function consumeCalls(deps: CallConsumerDeps): Promise<Subscription> {
  return deps.bus.subscribe({ group: deps.group, streams: ['hotline'] }, async (event) => {
    if (!HotlineEvents.callLogged.is(event)) return
    const call = event.data
    const now = deps.clock.now()
    const log = { callId: call.callId, eventId: event.id, outcome: call.outcome }
    if (call.addTo) {
      const addTo = call.addTo
      const found = await deps.cases.find({ trackingCode: addTo.trackingCode }, { limit: 1 })
      const target = found.items[0]
      if (!target) {
        // the code is not personal data, but it is half of the citizen's credentials: not logged either
        deps.logger.warn(log, 'call added to an unknown tracking code: skipped')
        return
      }
      const saved = await applyChange(
        deps.cases,
        target._id,
        (c) => addCallTo(c, { ...call, addTo }, now, event),
        now,
      )
      if (saved) deps.logger.info({ ...log, caseId: target._id }, 'call added to its case')
      else deps.logger.debug({ ...log, caseId: target._id }, 'call already added to its case')
      return
    }
    if (call.outcome !== 'case' && call.outcome !== 'answered_on_spot') return
    if (!call.case) {
      deps.logger.warn(log, 'call logged without its case: skipped')
      return
    }
    const citizen = openCitizen(call.case.citizen, deps.sealer)
    const opened = openFromCall(
      { ...call, case: { ...call.case, citizen } },
      deps.piiKey,
      now,
      event,
      deps.calendar,
      deps.dueDays,
      (phone) => deps.sealer.encrypt(phone),
    )
    if ('refused' in opened) {
      deps.logger.warn(
        { ...log, reason: opened.refused },
        'call logged with a case that cannot be opened: skipped',
      )
      return
    }
    const doc = { ...opened.case, citizen: sealCitizen(opened.case.citizen, deps.sealer) }
    try {
      await deps.cases.insert(doc._id, doc, { events: opened.events, now })
      deps.logger.info({ ...log, caseId: doc._id }, 'case opened from a call')
    } catch (err) {
      if (isConflict(err, 'duplicate')) {
        deps.logger.debug({ ...log, caseId: doc._id }, 'call already has its case')
        return
      }
      throw err
    }
  })
}
