export { type App, type AppOptions, buildApp } from './app.ts'
export {
  type AccessCheck,
  type AccessRule,
  addAccessCheck,
  hasRole,
  issuedAtMs,
  issuedBefore,
  type JwtConfig,
  ROLES,
  type Role,
  type StaffClaims,
} from './auth.ts'
export { type Clock, ManualClock, systemClock } from './clock.ts'
export { ConfigError, type ConfigProblem, loadConfig, Type } from './config.ts'
export {
  FIELD_CIPHER_PREFIX,
  FieldCipher,
  FieldDecryptError,
  FieldKeyError,
  type FieldKeyring,
  FieldKeysConfig,
  fieldCipherOf,
  generateFieldKeys,
  parseFieldKeys,
} from './field-cipher.ts'
export type { ReadinessCheck } from './health.ts'
export {
  accessKeyHash,
  isValidIdNumber,
  newAccessKey,
  newTrackingCode,
  normalisePhone,
  sameHash,
  sha256,
  TRACKING_ALPHABET,
  TRACKING_CODE_LENGTH,
  toE164,
} from './identifiers.ts'
export { bodyShapeProblem, MAX_JSON_DEPTH, MAX_JSON_VALUES } from './json-body.ts'
export { createLogger, type Logger, type LoggerConfig, loggerOptions } from './logger.ts'
export { isOneLine, ONE_LINE_FORMAT, OneLine } from './one-line.ts'
export {
  AdapterConfig,
  type Adapters,
  connectAdapters,
  connectBlobs,
  connectBus,
  connectStore,
  loadAdapterConfig,
  readinessOf,
} from './platform.ts'
export {
  Errors,
  FieldErrors,
  PROBLEM_CONTENT_TYPE,
  Problem,
  problem,
  problemType,
  sendProblem,
} from './problem.ts'
export { REDACT_PATHS, scrub, scrubLine } from './redact.ts'
export {
  applyUserChange,
  REVOCATIONS_COLLECTION,
  type RevocationDoc,
  type RevocationsOptions,
  revocations,
} from './revocations.ts'
export { type Closeable, closeInOrder, type ServeOptions, serve } from './serve.ts'
export { ServerConfig, type TrustProxy, trustProxyOf } from './server-config.ts'
export {
  appendEntry,
  canonicalJson,
  entryHash,
  GENESIS_HASH,
  headOf,
  type NewEntry,
  type TimelineEntry,
  type TimelineHead,
  type Verification,
  verifyTimeline,
} from './timeline.ts'
export { type ValidationIssue, validatorCompiler } from './validation.ts'
export { wilson, Z95 } from './wilson.ts'
