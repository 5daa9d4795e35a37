// Files of personal data on one machine (the embedded adapters' SQLite files) are for this user only.
// Here rather than in each adapter because @tingjian/bus is the one package both embedded adapters share.
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs'
import { dirname, resolve } from 'node:path'

export const PRIVATE_DIR_MODE = 0o700
export const PRIVATE_FILE_MODE = 0o600
/** What SQLite keeps beside a database in WAL mode; it creates them with the database file's mode. */
const SQLITE_SIDE_FILES = ['-wal', '-shm', '-journal']

/**
 * Makes `path` ready to hold a SQLite database that only this user can read: the missing directories
 * above it are created 0700, the file is created 0600 before SQLite opens it (SQLite then gives its
 * -wal and -shm files the same mode), and an existing file and its side files are tightened to 0600.
 * An existing directory is left as it is (it may be shared, like /tmp); when others can enter it, that
 * is returned as a warning for the caller to log.
 */
export function preparePrivateFile(path: string): { warnings: string[] } {
  const file = resolve(path)
  const dir = dirname(file)
  const first = mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE })
  if (first) {
    // the umask may have taken bits off; set the mode of each directory made here exactly
    for (let d = dir; ; d = dirname(d)) {
      chmodSync(d, PRIVATE_DIR_MODE)
      if (d === first || dirname(d) === d) break
    }
  }
  closeSync(openSync(file, 'a', PRIVATE_FILE_MODE))
  for (const f of [file, ...SQLITE_SIDE_FILES.map((s) => `${file}${s}`)]) {
    if (existsSync(f) && (statSync(f).mode & 0o777) !== PRIVATE_FILE_MODE) chmodSync(f, PRIVATE_FILE_MODE)
  }
  const warnings: string[] = []
  if ((statSync(dir).mode & 0o077) !== 0) {
    warnings.push('the data directory is open to other users (chmod 700 it)')
  }
  return { warnings }
}
