export { createEmbeddedStore, type EmbeddedStore, type EmbeddedStoreOptions } from './store.ts'
