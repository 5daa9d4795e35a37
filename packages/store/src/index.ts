export * from './port.ts'
export { assertFilter, compact, getPath, isCondition, type PlannedFind, planFind, toPage } from './query.ts'
