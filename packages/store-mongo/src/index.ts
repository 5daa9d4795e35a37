export { createMongoStore, type MongoStore, type MongoStoreOptions, redactUrl } from './store.ts'
