export { type BackoffOptions, backoffDelay, DEFAULT_JITTER } from './backoff.ts'
export {
  type DeadLetterOutcome,
  type DeliverOptions,
  deliver,
  deliverDeadLetter,
  type Outcome,
  parse,
  parseDeadLetter,
  type Raw,
  silentLogger,
} from './delivery.ts'
export {
  BusClosedError,
  type DeadLetterHandler,
  type DeadLetterSubscribeOptions,
  type DeliveryContext,
  type EventBus,
  type EventHandler,
  type HealthReport,
  isTransient,
  type Logger,
  type RetryPolicy,
  type SubscribeOptions,
  type Subscription,
} from './port.ts'
export { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE, preparePrivateFile } from './private-file.ts'
