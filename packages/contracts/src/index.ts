export {
  EventCatalogue,
  type EventDefinition,
  InvalidEventError,
  Type,
  type ValidationIssue,
} from './catalogue.ts'
export {
  CONTENT_TYPE,
  DELIVERY_DEFAULTS,
  DeadLetter,
  HEADERS,
} from './definitions.ts'
export {
  causedBy,
  createEvent,
  EventEnvelope,
  EventType,
  type NewEvent,
  type Static,
  type TSchema,
} from './envelope.ts'
export * from './events/calendar.ts'
export * from './events/callbacks.ts'
export * from './events/common.ts'
export * from './events/hotline.ts'
export * from './events/polls.ts'
export * from './events/problems.ts'
export * from './events/rectification.ts'
export {
  CalendarEvents,
  CallbacksEvents,
  catalogue,
  HotlineEvents,
  IdentityEvents,
  MailboxEvents,
  PollsEvents,
  RectificationEvents,
  TrackingEvents,
} from './events.ts'
export { DEFAULT_NAMESPACE, isSource, SOURCES, type Source, type Stream, topicName } from './topics.ts'
export { UUID_V7, uuidv7 } from './uuid.ts'
export { breakingChanges, checkAgainstSnapshot, type SchemaSnapshot } from './versioning.ts'
