// Property-based bad-input fuzzing of a service's HTTP API, driven by its own OpenAPI document. Every
// operation gets malformed, boundary and hostile requests mixed with valid-looking ones (so that the checks
// behind schema validation are reached too). Properties: the answer is a 2xx only for valid input, else a
// 4xx problem+json; never a 5xx, a crash or an unhandled rejection; a refused request stores nothing and
// publishes nothing; nothing pollutes a prototype. The seed is fixed; FUZZ_RUNS / FUZZ_SEED / FUZZ_ONLY
// make longer, other or narrower runs, and a failure prints what reproduces it.
//
//   settings.ts   FUZZ_* settings            spies.ts      writes and events per request (the port wrappers)
//   openapi.ts    the operations to fuzz     oracle.ts     certainly invalid? a proper problem answer?
//   json-text.ts  JSON that JSON.stringify   corpora.ts    hostile values, keys, content types, broken JSON
//                 cannot write               generator.ts  plausible, hostile and mutated values
//   tokens.ts     valid and forged tokens    request.ts    one request and why it is certainly invalid
//   target.ts     what a run is pointed at   runner.ts     the run;  report.ts  the run asserted in tap
export type { FuzzHints } from './generator.ts'
export { RawJson } from './json-text.ts'
export { type Operation, operationsOf, type Param } from './openapi.ts'
export { fuzzApp } from './report.ts'
export { type FuzzReport, fuzz, type OperationResult } from './runner.ts'
export { type FuzzSettings, fuzzSettings } from './settings.ts'
export { type Recorded, type SpiedAdapters, spyAdapters } from './spies.ts'
export type { FuzzTarget } from './target.ts'
