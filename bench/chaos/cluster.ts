// The chaos harness's own servers and services: Kafka, FerretDB and Mailpit started by infra/infra.sh on
// their own ports and data dir (never the shared ones), and mailbox, tracking and notifications each as a
// child process, as they run in production. Everything listens on 127.0.0.1.
import { type ChildProcess, execFile, spawn } from 'node:child_process'
import { generateKeyPairSync, randomBytes } from 'node:crypto'
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { basename, dirname, join, relative, resolve } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'
import { generateFieldKeys } from '../../packages/kit/src/field-cipher.ts'

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')

export type InfraService = 'kafka' | 'ferretdb' | 'mailpit'
export type AppService = 'mailbox' | 'tracking' | 'notifications'
export const APP_SERVICES: readonly AppService[] = ['mailbox', 'tracking', 'notifications']

export interface ChaosPorts {
  kafka: number
  kafkaController: number
  ferretdb: number
  mailpitSmtp: number
  mailpitHttp: number
  mailbox: number
  tracking: number
  notifications: number
}

/** `pnpm chaos`: beside the shared servers (9092/9093, 27017, 1025/8025) and services (3001–3004). */
export const CHAOS_PORTS: ChaosPorts = {
  kafka: 19092,
  kafkaController: 19093,
  ferretdb: 27018,
  mailpitSmtp: 11025,
  mailpitHttp: 18025,
  mailbox: 13002,
  tracking: 13003,
  notifications: 13004,
}

/** The fault test (services/platform/test/chaos.fault.ts): apart from `pnpm chaos` too. */
export const CHAOS_TEST_PORTS: ChaosPorts = {
  kafka: 29092,
  kafkaController: 29093,
  ferretdb: 27019,
  mailpitSmtp: 21025,
  mailpitHttp: 28025,
  mailbox: 23002,
  tracking: 23003,
  notifications: 23004,
}

const SHARED_PORTS = new Set([9092, 9093, 27017, 1025, 8025])

export type Say = (line: string) => void

/** infra/infra.sh on the harness's own ports and data dir: its pid files, so it only touches its servers. */
export class Infra {
  readonly dataDir: string
  readonly ports: ChaosPorts
  readonly #say: Say

  constructor(dataDir: string, ports: ChaosPorts, say: Say) {
    for (const p of [
      ports.kafka,
      ports.kafkaController,
      ports.ferretdb,
      ports.mailpitSmtp,
      ports.mailpitHttp,
    ]) {
      if (SHARED_PORTS.has(p)) throw new Error(`chaos: port ${p} belongs to the shared servers; use others`)
    }
    const abs = resolve(ROOT, dataDir)
    if (abs === resolve(ROOT, '.data')) throw new Error('chaos: the data dir must not be the shared .data')
    this.dataDir = abs
    this.ports = ports
    this.#say = say
  }

  get kafkaBrokers(): string {
    return `127.0.0.1:${this.ports.kafka}`
  }

  get mongoUrl(): string {
    return `mongodb://127.0.0.1:${this.ports.ferretdb}`
  }

  get mailpitApi(): string {
    return `http://127.0.0.1:${this.ports.mailpitHttp}/api/v1`
  }

  env(): NodeJS.ProcessEnv {
    return {
      ...process.env,
      TINGJIAN_DATA_DIR: this.dataDir,
      KAFKA_PORT: String(this.ports.kafka),
      KAFKA_CONTROLLER_PORT: String(this.ports.kafkaController),
      FERRETDB_PORT: String(this.ports.ferretdb),
      MAILPIT_SMTP_PORT: String(this.ports.mailpitSmtp),
      MAILPIT_HTTP_PORT: String(this.ports.mailpitHttp),
    }
  }

  run(command: 'up' | 'down' | 'kill' | 'status', ...services: InfraService[]): Promise<string> {
    return new Promise((resolvePromise, reject) => {
      execFile(
        'bash',
        [join(ROOT, 'infra/infra.sh'), command, ...services],
        { cwd: ROOT, env: this.env(), timeout: 240_000, maxBuffer: 4 * 1024 * 1024 },
        (err, stdout, stderr) => {
          if (err)
            reject(new Error(`infra.sh ${command} ${services.join(' ')} failed: ${stderr || err.message}`))
          else resolvePromise(stdout)
        },
      )
    })
  }

  /** Stops what an earlier run may have left, and starts from empty data. */
  async fresh(): Promise<void> {
    await this.run('down').catch(() => {})
    // Only ever a directory of our own under the repository's .data (or an explicit one named chaos*).
    if (!basename(this.dataDir).startsWith('chaos')) {
      throw new Error(`chaos: refusing to wipe ${this.dataDir} (its name must start with "chaos")`)
    }
    rmSync(this.dataDir, { recursive: true, force: true })
    mkdirSync(this.dataDir, { recursive: true })
  }

  async up(...services: InfraService[]): Promise<void> {
    await this.run('up', ...services)
  }

  async kill(...services: InfraService[]): Promise<void> {
    await this.run('kill', ...services)
  }

  async down(): Promise<void> {
    const out = await this.run('down')
    for (const line of out.split('\n').filter(Boolean)) this.#say(line)
  }

  removeData(): void {
    if (basename(this.dataDir).startsWith('chaos')) rmSync(this.dataDir, { recursive: true, force: true })
  }
}

export interface ServiceSecrets {
  jwtPublicKey: string
  piiKey: string
  /** FIELD_KEYS, the same for mailbox and tracking (contact fields sealed at rest and in events). */
  fieldKeys: string
  mailboxSecret: string
}

export function newSecrets(): ServiceSecrets {
  const { publicKey } = generateKeyPairSync('ed25519')
  return {
    jwtPublicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    piiKey: randomBytes(32).toString('base64url'),
    fieldKeys: generateFieldKeys('chaos'),
    mailboxSecret: randomBytes(32).toString('base64'),
  }
}

/** One service as a child process: `node --import tsx services/<name>/src/server.ts`. */
export class ServiceProcess {
  readonly name: AppService
  readonly port: number
  readonly #env: NodeJS.ProcessEnv
  readonly #logFile: string
  #child: ChildProcess | null = null
  #exited: Promise<void> = Promise.resolve()
  starts = 0

  constructor(name: AppService, port: number, env: NodeJS.ProcessEnv, logFile: string) {
    this.name = name
    this.port = port
    this.#env = env
    this.#logFile = logFile
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`
  }

  get pidFile(): string {
    return this.#logFile.replace(/\.log$/, '.pid')
  }

  get pid(): number | undefined {
    return this.#child?.pid
  }

  get running(): boolean {
    return this.#child !== null
  }

  start(): void {
    if (this.#child) throw new Error(`${this.name} is already running`)
    mkdirSync(dirname(this.#logFile), { recursive: true })
    const fd = openSync(this.#logFile, 'a')
    const child = spawn(process.execPath, ['--import', 'tsx', `services/${this.name}/src/server.ts`], {
      cwd: ROOT,
      env: this.#env,
      stdio: ['ignore', fd, fd],
    })
    closeSync(fd)
    this.starts++
    this.#child = child
    // for killLeftovers(), should this process die without stopping its children
    if (child.pid) writeFileSync(this.pidFile, `${child.pid}\n`)
    this.#exited = new Promise((r) => {
      child.once('exit', () => {
        if (this.#child === child) this.#child = null
        r()
      })
    })
  }

  /** Until GET /readyz answers 200 (its bus and store answer). */
  async waitReady(timeoutMs = 90_000): Promise<void> {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      if (!this.#child) {
        // the log's end says why (the test runs with the log removed afterwards)
        const tail = readFileSync(this.#logFile, 'utf8').trimEnd().split('\n').slice(-15).join('\n')
        throw new Error(
          `${this.name} exited while starting (log: ${relative(ROOT, this.#logFile)}):\n${tail}`,
        )
      }
      try {
        const res = await fetch(`${this.url}/readyz`, { signal: AbortSignal.timeout(3_000) })
        await res.arrayBuffer()
        if (res.status === 200) return
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) {
        throw new Error(
          `${this.name} not ready within ${timeoutMs} ms (log: ${relative(ROOT, this.#logFile)})`,
        )
      }
      await sleep(200)
    }
  }

  signal(sig: NodeJS.Signals): void {
    this.#child?.kill(sig)
  }

  /** SIGKILL now, without waiting (for process 'exit', where nothing asynchronous runs). */
  killNow(): void {
    this.#child?.kill('SIGKILL')
  }

  /**
   * SIGKILLs a service left running by an earlier run that died before stopping it: only the process
   * its pid file names, and only if that is this service's server on this port.
   */
  killLeftover(): void {
    let pid: number
    try {
      pid = Number(readFileSync(this.pidFile, 'utf8').trim())
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8')
      const environ = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0')
      if (!cmdline.includes(`services/${this.name}/src/server.ts`)) return
      if (!environ.includes(`PORT=${this.port}`)) return
    } catch {
      return // no pid file, or no such process
    }
    process.kill(pid, 'SIGKILL')
  }

  /** SIGKILL, and wait until it is gone. */
  async kill(): Promise<void> {
    const child = this.#child
    if (!child) return
    child.kill('SIGKILL')
    await this.#exited
  }

  /** SIGTERM (graceful shutdown), SIGKILL after `graceMs`. */
  async stop(graceMs = 30_000): Promise<void> {
    const child = this.#child
    if (!child) return
    child.kill('SIGCONT') // in case it was paused
    child.kill('SIGTERM')
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs)
    await this.#exited
    clearTimeout(timer)
  }
}

export interface ServicesOptions {
  infra: Infra
  ports: ChaosPorts
  logLevel: string
  secrets: ServiceSecrets
}

/** The three services of the letter path, with the environment each server.ts reads. */
export function services(o: ServicesOptions): Record<AppService, ServiceProcess> {
  const common: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    LOG_LEVEL: o.logLevel,
    KAFKA_BROKERS: o.infra.kafkaBrokers,
    MONGO_URL: o.infra.mongoUrl,
    BUS_NAMESPACE: 'chaos',
    JWT_PUBLIC_KEY: o.secrets.jwtPublicKey,
    // all the load comes from 127.0.0.1: the per-address limits are not what is tested here
    RATE_LIMIT_PER_MINUTE: '1000000',
    KAFKAJS_NO_PARTITIONER_WARNING: '1',
  }
  const logs = join(o.infra.dataDir, 'services')
  const make = (name: AppService, own: NodeJS.ProcessEnv) =>
    new ServiceProcess(
      name,
      o.ports[name],
      { ...common, PORT: String(o.ports[name]), ...own },
      join(logs, `${name}.log`),
    )
  return {
    mailbox: make('mailbox', {
      MAILBOX_SUBMISSIONS_PER_MINUTE: '1000000',
      MAILBOX_SECRET: o.secrets.mailboxSecret,
      FIELD_KEYS: o.secrets.fieldKeys,
    }),
    tracking: make('tracking', {
      TRACKING_PII_KEY: o.secrets.piiKey,
      FIELD_KEYS: o.secrets.fieldKeys,
      PUBLIC_RATE_LIMIT_PER_MINUTE: '1000000',
    }),
    notifications: make('notifications', {
      FIELD_KEYS: o.secrets.fieldKeys,
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(o.ports.mailpitSmtp),
      WEB_URL: 'http://127.0.0.1:3000',
    }),
  }
}
