// The processes of a scenario. Distributed: each service its own process (services/*/src/server.ts, or
// bench/servers/* where a consumer group must be named). Embedded: the single-process platform
// (services/platform/src/server.ts), reached through its gateway like its users reach it.
import type { BenchEnv } from './env.ts'
import { freePort, type ServiceProcess, spawnService } from './procs.ts'

export interface Stack {
  /** Where POST /api/v1/mailbox/letters is served. */
  mailboxUrl: string
  /** Where GET /api/v1/cases/{id} is served. */
  trackingUrl: string
  processes: ServiceProcess[]
  /** Every stdout line of every process of the stack. */
  onLine(fn: (line: string) => void): void
}

type Service = 'identity' | 'mailbox' | 'tracking' | 'notifications'

const ENTRY: Record<Service, string> = {
  identity: 'services/identity/src/server.ts',
  mailbox: 'services/mailbox/src/server.ts',
  // Kafka groups are not namespaced: these two join groups named for this run (see the files)
  tracking: 'bench/servers/tracking.ts',
  notifications: 'bench/servers/notifications.ts',
}

/** Waits for a line on stdout that matches, failing when the process exits first. */
function waitForLine(proc: ServiceProcess, pattern: RegExp, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () =>
        reject(
          new Error(`${proc.name}: no "${pattern.source}" within ${timeoutMs} ms:\n${proc.stderrTail()}`),
        ),
      timeoutMs,
    )
    proc.onLine = (line) => {
      if (pattern.test(line)) {
        clearTimeout(timer)
        proc.onLine = undefined
        resolve()
      }
    }
    void proc.exited.then(() => {
      clearTimeout(timer)
      reject(new Error(`${proc.name} exited:\n${proc.stderrTail()}`))
    })
  })
}

export async function startStack(
  env: BenchEnv,
  services: readonly Service[],
  options: { profile: boolean },
): Promise<Stack> {
  const listeners: Array<(line: string) => void> = []
  const fanOut = (line: string) => {
    for (const l of listeners) l(line)
  }
  if (env.adapter === 'embedded') {
    const port = await freePort()
    const proc = spawnService({
      name: 'platform-embedded',
      entry: 'services/platform/src/server.ts',
      env: {
        ...env.serviceEnv('platform'),
        PORT: String(port),
        JWT_PRIVATE_KEY: env.jwt.config.privateKey ?? '',
        SEED_PASSWORD: 'bench-password-0123',
      },
      profile: options.profile,
    })
    await waitForLine(proc, /platform running/, 120_000)
    proc.onLine = fanOut
    const url = `http://127.0.0.1:${port}`
    return { mailboxUrl: url, trackingUrl: url, processes: [proc], onLine: (fn) => listeners.push(fn) }
  }
  const processes: ServiceProcess[] = []
  const urls: Partial<Record<Service, string>> = {}
  for (const service of services) {
    const port = await freePort()
    const proc = spawnService({
      name: `${service}-distributed`,
      entry: ENTRY[service],
      env: env.serviceEnv(service, {
        PORT: String(port),
        BENCH_GROUP: env.group(service),
        ...(service === 'identity' ? { JWT_PRIVATE_KEY: env.jwt.config.privateKey ?? '' } : {}),
      }),
      profile: options.profile,
      onLine: fanOut,
    })
    processes.push(proc)
    urls[service] = `http://127.0.0.1:${port}`
  }
  await Promise.all(processes.map((p, i) => p.ready(`${urls[services[i] as Service]}/readyz`, 120_000)))
  return {
    mailboxUrl: urls.mailbox ?? '',
    trackingUrl: urls.tracking ?? '',
    processes,
    onLine: (fn) => listeners.push(fn),
  }
}
