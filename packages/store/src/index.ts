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
  OutboxRelay,
  type OutboxRelayOptions,
  type PublishedOutbox,
  type RelayBackoff,
} from './relay.ts'
export {
  isConflict,
  type ModifyOptions,
  modify,
  RETRY_BACKOFF,
  type RetryOptions,
  type UpsertOptions,
  upsert,
  withRetry,
} from './retry.ts'
