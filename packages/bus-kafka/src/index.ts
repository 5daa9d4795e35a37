export { PublishTimeoutError } from './errors.ts'
export { createKafkaBus, type KafkaBus, type KafkaBusOptions } from './kafka-bus.ts'
export type { ConsumerTuning } from './subscription.ts'
