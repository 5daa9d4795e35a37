export { abortableSleep, type DeliverOptions, deliver, type Outcome, parse, type Raw } from './delivery.ts'
export {
  BusClosedError,
  type DeliveryContext,
  type EventBus,
  type EventHandler,
  type HealthReport,
  type RetryPolicy,
  type SubscribeOptions,
  type Subscription,
} from './port.ts'
