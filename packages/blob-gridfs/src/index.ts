export {
  createGridFsBlobStore,
  type GridFsBlobStore,
  type GridFsBlobStoreOptions,
  redactUrl,
} from './store.ts'
