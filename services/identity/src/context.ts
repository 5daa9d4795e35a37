// What the route plugins share: the collections, the clock, and the login throttle's wait.
import type { Clock } from '@tingjian/kit'
import type { Collections } from './data.ts'
import type { ScryptParams } from './domain/passwords.ts'

export const API = '/api/v1'

export interface Context {
  c: Collections
  clock: Clock
  /** Waits before a throttled login attempt is checked. */
  loginDelay: (ms: number) => Promise<void>
  /** A hash of a random password, checked when the username is unknown so that both cost the same. */
  dummyHash: Promise<string>
  /** Cost of new password hashes. */
  scrypt: ScryptParams
}
