export { createFsBlobStore, type FsBlobStore, type FsBlobStoreOptions } from './store.ts'
