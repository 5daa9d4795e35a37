export { createEmbeddedBus, type EmbeddedBus, type EmbeddedBusOptions } from './embedded-bus.ts'
