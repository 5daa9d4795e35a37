// Shared fixtures of the store package's tests: a temporary embedded store and test events.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { EventCatalogue, type EventEnvelope, Type } from '@tingjian/contracts'
import { createEmbeddedStore, type EmbeddedStore } from '@tingjian/store-embedded'
import type { Test } from 'tap'
import type { Logger } from '../src/index.ts'

/** A directory of the test's own, removed at teardown. */
export function tempDir(t: Test): string {
  const dir = mkdtempSync(join(tmpdir(), 'tj-relay-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

export async function embeddedStore(
  t: Test,
  path = join(tempDir(t), 'test_store.db'),
): Promise<EmbeddedStore> {
  const store = await createEmbeddedStore({ path })
  t.teardown(() => store.close())
  return store
}

/** The tests' own catalogue, so that the buses validate these events without the platform's. */
export const relayCatalogue = new EventCatalogue()

export const RelayTestHappened = relayCatalogue.define({
  type: 'platform.relay-test-happened',
  version: 1,
  source: 'platform',
  description: 'An event of the relay tests: the n-th event of one subject',
  data: Type.Object({ n: Type.Integer() }, { additionalProperties: true }),
})

export function event(subject: string, n: number): EventEnvelope {
  return RelayTestHappened.create({ subject, data: { n } })
}

export interface CapturedLog {
  level: 'debug' | 'info' | 'warn' | 'error'
  obj: object
  msg: string | undefined
}

/** A logger that keeps what it is given, to check that logs carry ids and counts only. */
export function captureLogger(): Logger & { lines: CapturedLog[] } {
  const lines: CapturedLog[] = []
  const at =
    (level: CapturedLog['level']) =>
    (obj: object, msg?: string): void => {
      lines.push({ level, obj, msg })
    }
  return { lines, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') }
}

/** Polls until check() is true (the relay works in the background); fails after timeoutMs. */
export async function until(check: () => boolean | Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const end = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`condition not met within ${timeoutMs} ms`)
    await sleep(10)
  }
}
