// What a fuzz run is pointed at: the app, its spied adapters, its keys, and hints.
import type { App, JwtConfig, Role } from '@tingjian/kit'
import type { FuzzHints } from './generator.ts'
import type { FuzzSettings } from './settings.ts'
import type { SpiedAdapters } from './spies.ts'

export interface FuzzTarget extends FuzzHints {
  app: App
  spied: SpiedAdapters
  /** The key pair, issuer and audience the app verifies (with the private key, to sign test tokens). */
  jwt: JwtConfig
  /** Claims of a staff member of this role (a real user id, a department where it matters). */
  staff: (role: Role) => { sub: string; departmentId?: string | null }
  /**
   * Changes a refusal may make: failed sign-ins are counted, for instance. Keys are operation ids;
   * values the collections that may change on a 4xx with one of these statuses.
   */
  mayChangeOnRefusal?: Record<string, { statuses: readonly number[]; collections: readonly string[] }>
  /**
   * Collections an accepted read may write: an audit trail of who searched (keys are operation ids).
   * Any other write on a GET is a failure.
   */
  mayWriteOnRead?: Record<string, readonly string[]>
  /** Operation ids not to fuzz. */
  skip?: readonly string[]
  settings?: FuzzSettings
  /** Receives a line per request (fuzzApp passes t.comment when FUZZ_LOG=1). */
  log?: (line: string) => void
}
