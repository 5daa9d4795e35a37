// Fault test: a process that publishes and consumes is SIGKILLed; a new process on the same file resumes.
// Nothing acknowledged is lost, and at most the uncommitted part of the batch in hand is delivered again.
// Run alone: `npx tap --jobs 1 packages/bus-embedded/test/restart.fault.ts` (see README.md).
import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'
import t from 'tap'

const HERE = dirname(fileURLToPath(import.meta.url))
const ROOT = resolve(HERE, '../../..')
const CHILD = join(HERE, 'fixtures', 'restart-child.ts')
const TOTAL = 2_000
const KILL_AFTER_HANDLED = 500
/** The bus's default batchSize, which the child uses. */
const BATCH_SIZE = 100

t.setTimeout(120_000)

function child(...args: string[]): ChildProcess {
  const p = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  t.teardown(() => {
    if (p.exitCode === null && p.signalCode === null) p.kill('SIGKILL')
  })
  return p
}

function exited(p: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (p.exitCode !== null || p.signalCode !== null)
    return Promise.resolve({ code: p.exitCode, signal: p.signalCode })
  return new Promise((res) => p.once('exit', (code, signal) => res({ code, signal })))
}

function handledLines(file: string): Array<{ key: string; n: number }> {
  if (!existsSync(file)) return []
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim().length > 0)
    .map((l) => {
      const [key = '', n = ''] = l.split(' ')
      return { key, n: Number(n) }
    })
}

async function until(what: string, check: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await sleep(20)
  }
}

t.test(
  'a SIGKILLed process loses nothing acknowledged; the next one resumes from the commits',
  async (tt) => {
    const dir = mkdtempSync(join(tmpdir(), 'tj-bus-restart-'))
    tt.teardown(() => rmSync(dir, { recursive: true, force: true }))
    const db = join(dir, 'bus.sqlite')
    const handledA = join(dir, 'handled-a.txt')
    const handledB = join(dir, 'handled-b.txt')

    // first process: publish and consume, killed mid-consume
    const a = child('first', db, handledA, String(TOTAL))
    let acked = -1
    let publishedAll = false
    a.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      for (const line of chunk.split('\n')) {
        if (line.startsWith('ack ')) acked = Math.max(acked, Number(line.slice(4)))
        if (line === 'published') publishedAll = true
      }
    })
    await until(
      'the first process to handle some events',
      () => handledLines(handledA).length >= KILL_AFTER_HANDLED,
      60_000,
    )
    a.kill('SIGKILL')
    const aExit = await exited(a)
    tt.equal(aExit.signal, 'SIGKILL', 'the first process was killed')
    const byA = handledLines(handledA)
    tt.comment(
      `killed after ${byA.length} handled; ${acked + 1} acknowledged (${publishedAll ? 'all published' : 'mid-publish'})`,
    )
    tt.ok(acked >= 0, 'some events were acknowledged before the kill')

    // second process: resume, until every acknowledged event is handled by one of the two
    const b = child('resume', db, handledB)
    const union = () => new Set([...byA, ...handledLines(handledB)].map((h) => h.n))
    await until(
      'every acknowledged event',
      () => {
        const u = union()
        for (let n = 0; n <= acked; n++) if (!u.has(n)) return false
        return true
      },
      60_000,
    )
    // let it drain what was written but not acknowledged, then stop it gracefully
    await sleep(300)
    b.kill('SIGTERM')
    const bExit = await exited(b)
    tt.equal(bExit.code, 0, 'the second process closed gracefully')

    const byB = handledLines(handledB)
    const fromA = new Set(byA.map((h) => h.n))
    const duplicates = byB.filter((h) => fromA.has(h.n)).length
    const all = [...byA, ...byB]
    const distinct = new Set(all.map((h) => h.n))
    const highest = Math.max(...distinct)
    let gaps = 0
    for (let n = 0; n <= highest; n++) if (!distinct.has(n)) gaps++
    let lost = 0
    for (let n = 0; n <= acked; n++) if (!distinct.has(n)) lost++
    const seen = new Set<number>()
    const last = new Map<string, number>()
    let orderViolations = 0
    for (const h of all) {
      if (seen.has(h.n)) continue
      seen.add(h.n)
      const prev = last.get(h.key)
      if (prev !== undefined && h.n <= prev) orderViolations++
      last.set(h.key, h.n)
    }
    tt.comment(
      [
        `acknowledged: ${acked + 1}`,
        `handled by the killed process: ${byA.length}, by the resumed one: ${byB.length}`,
        `distinct handled: ${distinct.size} (highest n ${highest})`,
        `redelivered after the kill (duplicates): ${duplicates}`,
        `gaps: ${gaps}, order violations: ${orderViolations}, lost: ${lost}`,
      ].join('\n'),
    )
    tt.equal(lost, 0, 'every acknowledged event was handled')
    tt.equal(gaps, 0, 'no gap: the resumed process started right after the last commit')
    tt.equal(orderViolations, 0, 'order per key kept')
    // positions are committed once per batch (and every second): at most the uncommitted part of the
    // batch in hand comes again
    tt.ok(duplicates <= BATCH_SIZE, `at most one batch (${BATCH_SIZE}) came again`)
    tt.ok(byB.length > 0, 'the resumed process handled the rest')
  },
)
