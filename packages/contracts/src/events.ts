// The platform's event catalogue. Each service's events are defined in events/<service>.ts and collected
// here, so that the catalogue is one document. Event type names are part of the wire contract: renaming
// one is a new event (and a migration for the consumers of the old one).
import { EventCatalogue } from './catalogue.ts'
import { defineCalendarEvents } from './events/calendar.ts'
import { defineCallbacksEvents } from './events/callbacks.ts'
import { defineHotlineEvents } from './events/hotline.ts'
import { defineIdentityEvents } from './events/identity.ts'
import { defineMailboxEvents } from './events/mailbox.ts'
import { definePollsEvents } from './events/polls.ts'
import { defineRectificationEvents } from './events/rectification.ts'
import { defineTrackingEvents } from './events/tracking.ts'

export const catalogue = new EventCatalogue()

export const IdentityEvents = defineIdentityEvents(catalogue)
export const MailboxEvents = defineMailboxEvents(catalogue)
export const TrackingEvents = defineTrackingEvents(catalogue)
export const CalendarEvents = defineCalendarEvents(catalogue)
export const HotlineEvents = defineHotlineEvents(catalogue)
export const PollsEvents = definePollsEvents(catalogue)
export const RectificationEvents = defineRectificationEvents(catalogue)
export const CallbacksEvents = defineCallbacksEvents(catalogue)
