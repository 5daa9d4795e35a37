// Service processes for the benchmarks: spawned with their own environment, read line by line, waited for
// until ready, sampled for resident memory, stopped with SIGTERM (SIGKILL after a grace period). Every
// process started here is stopped when the bench exits, whatever happens.
import { type ChildProcess, spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { setTimeout as sleep } from 'node:timers/promises'

export const ROOT = new URL('../..', import.meta.url).pathname.replace(/\/$/, '')
export const PROFILE_DIR = join(ROOT, 'bench/results/profiles')

const running = new Set<ServiceProcess>()
/** USER_HZ of /proc/<pid>/stat: 100 on every Linux the bench runs on. */
const CLOCK_TICKS = 100

export interface SpawnOptions {
  /** Name for messages and profile files. */
  name: string
  /** Entry point, relative to the repository root (run through tsx). */
  entry: string
  env: Record<string, string>
  /** Each line the process writes to stdout (its pino log). */
  onLine?: (line: string) => void
  /** Write a CPU profile (--cpu-prof) into bench/results/profiles when the process exits. */
  profile?: boolean
}

export class ServiceProcess {
  readonly name: string
  readonly child: ChildProcess
  readonly startedAt = Date.now()
  readonly exited: Promise<number | null>
  readonly #stderr: string[] = []
  #onLine: ((line: string) => void) | undefined

  constructor(options: SpawnOptions) {
    this.name = options.name
    this.#onLine = options.onLine
    const args = ['--import', 'tsx']
    if (options.profile) {
      args.push(
        '--cpu-prof',
        `--cpu-prof-dir=${PROFILE_DIR}`,
        `--cpu-prof-name=${options.name}-${Date.now()}.cpuprofile`,
      )
    }
    args.push(join(ROOT, options.entry))
    this.child = spawn(process.execPath, args, {
      cwd: ROOT,
      // only what the service needs, plus PATH/HOME for tsx's cache
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const out = createInterface({ input: this.child.stdout as NodeJS.ReadableStream })
    out.on('line', (line) => this.#onLine?.(line))
    const err = createInterface({ input: this.child.stderr as NodeJS.ReadableStream })
    err.on('line', (line) => {
      this.#stderr.push(line)
      if (this.#stderr.length > 40) this.#stderr.shift()
    })
    this.exited = new Promise((resolve) => this.child.once('exit', (code) => resolve(code)))
    running.add(this)
    void this.exited.then(() => running.delete(this))
  }

  get pid(): number {
    return this.child.pid ?? -1
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null
  }

  set onLine(fn: ((line: string) => void) | undefined) {
    this.#onLine = fn
  }

  stderrTail(): string {
    return this.#stderr.join('\n')
  }

  /** Resident memory in MiB (VmRSS), or NaN once the process is gone. */
  rssMiB(): number {
    try {
      const status = readFileSync(`/proc/${this.pid}/status`, 'utf8')
      const kb = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1])
      return kb / 1024
    } catch {
      return Number.NaN
    }
  }

  /** CPU time (user + system) the process has used so far, in seconds; NaN once it is gone. */
  cpuSeconds(): number {
    try {
      const stat = readFileSync(`/proc/${this.pid}/stat`, 'utf8')
      // the fields after the command name (which may hold spaces) start after the last ')'
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS
    } catch {
      return Number.NaN
    }
  }

  /** Waits until GET <url> answers 200 (the service's /readyz), failing when the process dies first. */
  async ready(url: string, timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs
    while (Date.now() < deadline) {
      if (!this.alive) throw new Error(`${this.name} exited before it was ready:\n${this.stderrTail()}`)
      try {
        const res = await fetch(url, { signal: AbortSignal.timeout(2_000) })
        await res.arrayBuffer()
        if (res.status === 200) return
      } catch {
        // not listening yet
      }
      await sleep(100)
    }
    throw new Error(`${this.name} not ready at ${url} within ${timeoutMs} ms:\n${this.stderrTail()}`)
  }

  /** SIGTERM, then SIGKILL after graceMs. Resolves when the process has exited. */
  async stop(graceMs = 30_000): Promise<void> {
    if (!this.alive) return
    this.child.kill('SIGTERM')
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs)
    await this.exited
    clearTimeout(timer)
  }
}

export function spawnService(options: SpawnOptions): ServiceProcess {
  return new ServiceProcess(options)
}

/** Stops every process this bench started (at exit, or after a failure). */
export async function stopAll(): Promise<void> {
  await Promise.all([...running].map((p) => p.stop(10_000)))
}

/** Kills what is left synchronously: for process 'exit', where nothing async runs any more. */
export function killAllNow(): void {
  for (const p of running) if (p.alive) p.child.kill('SIGKILL')
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

/** Samples the resident memory of processes every intervalMs until stopped: peak and mean per process. */
export class RssSampler {
  readonly #samples = new Map<string, number[]>()
  readonly #timer: NodeJS.Timeout

  constructor(processes: readonly ServiceProcess[], intervalMs = 250) {
    const take = () => {
      for (const p of processes) {
        const v = p.rssMiB()
        if (!Number.isFinite(v)) continue
        const list = this.#samples.get(p.name) ?? []
        list.push(v)
        this.#samples.set(p.name, list)
      }
    }
    take()
    this.#timer = setInterval(take, intervalMs)
  }

  stop(): Record<string, { meanMiB: number; peakMiB: number; samples: number }> {
    clearInterval(this.#timer)
    const out: Record<string, { meanMiB: number; peakMiB: number; samples: number }> = {}
    for (const [name, list] of this.#samples) {
      out[name] = {
        meanMiB: Math.round((list.reduce((s, v) => s + v, 0) / list.length) * 10) / 10,
        peakMiB: Math.round(Math.max(...list) * 10) / 10,
        samples: list.length,
      }
    }
    return out
  }
}
