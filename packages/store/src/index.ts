export { OutboxListeners } from './outbox-listeners.ts'
export * from './port.ts'
export {
  assertCollectionName,
  assertEventIds,
  assertFilter,
  assertGroupPaths,
  assertId,
  assertPath,
  assertPublished,
  assertSort,
  compact,
  getPath,
  isCollectionName,
  isCondition,
  isEventId,
  MANAGED_FIELDS,
  type PlannedFind,
  planFind,
  toFields,
  toPage,
} from './query.ts'
export {
  type ModifyOptions,
  modify,
  OutboxRelay,
  type OutboxRelayOptions,
  type PublishedOutbox,
  type RelayBackoff,
  type RetryOptions,
  withRetry,
} from './relay.ts'
