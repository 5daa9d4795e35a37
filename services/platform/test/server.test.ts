// The single-process run as a newcomer gets it: `node --import tsx services/platform/src/server.ts` on a
// free port with its own data directory, no SMTP server. A letter goes in through the one address, its
// receipt lands in an .eml file, the process stops on SIGTERM and starts again with nothing lost.
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { eventually, PERSONAL_DATA, personalDataIn } from '@tingjian/testkit'
import t, { type Test } from 'tap'

const ROOT = fileURLToPath(new URL('../../..', import.meta.url))
const PASSWORD = 'demo-password-2026'
// Starting compiles every service through tsx: slow on a busy two-core machine, so the waits are long.
const START_TIMEOUT_MS = 180_000

async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise<void>((resolve) => server.close(() => resolve()))
  if (!address || typeof address === 'string') throw new Error('no address')
  return address.port
}

interface Running {
  child: ChildProcess
  base: string
  output: () => string
  exited: Promise<number | null>
}

function start(t: Test, env: Record<string, string>): Running {
  const clean = { ...process.env }
  // the embedded adapters: whatever the tests' environment says about Kafka and MongoDB
  for (const v of ['KAFKA_BROKERS', 'MONGO_URL', 'BUS_ADAPTER', 'STORE_ADAPTER', 'MONGO_DATABASE'])
    delete clean[v]
  const child = spawn(process.execPath, ['--import', 'tsx', 'services/platform/src/server.ts'], {
    cwd: ROOT,
    env: { ...clean, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  child.stdout?.on('data', (d: Buffer) => {
    out += d.toString()
  })
  child.stderr?.on('data', (d: Buffer) => {
    out += d.toString()
  })
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  t.teardown(async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL')
      await exited
    }
  })
  return { child, base: `http://127.0.0.1:${env.PORT}`, output: () => out, exited }
}

async function ready(p: Running): Promise<void> {
  await eventually(async () => {
    if (p.child.exitCode !== null) throw new Error(`the platform exited:\n${p.output()}`)
    try {
      const res = await fetch(`${p.base}/readyz`, { signal: AbortSignal.timeout(3_000) })
      return res.status === 200
    } catch {
      return false
    }
  }, START_TIMEOUT_MS)
}

async function login(base: string, username: string): Promise<Record<string, string>> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  })
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status}`)
  return { authorization: `Bearer ${((await res.json()) as { accessToken: string }).accessToken}` }
}

t.test(
  'one process, one address: a letter survives a restart; e-mail without SMTP goes to a file',
  async (t) => {
    const dataDir = await mkdtemp(join(tmpdir(), 'tj-platform-server-'))
    t.teardown(() => rm(dataDir, { recursive: true, force: true }))
    const env = {
      PORT: String(await freePort()),
      DATA_DIR: dataDir,
      SEED_PASSWORD: PASSWORD,
      SMTP_HOST: '127.0.0.1',
      // nothing listens here: every message must land in DATA_DIR/mail
      SMTP_PORT: String(await freePort()),
      LOG_LEVEL: 'info',
    }

    const first = start(t, env)
    await ready(first)
    t.match(first.output(), /single-machine mode/, 'the log says how it runs')

    const email = 'citizen.server-test@example.com'
    const submitted = await fetch(`${first.base}/api/v1/mailbox/letters`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        category: 'complaint',
        subject: '出入境大厅排队过长',
        body: '三月一日在出入境大厅办理护照，排队超过四个小时，请改进。',
        anonymous: false,
        name: '张三',
        phone: '13800138000',
        email,
        consentToPublish: false,
      }),
    })
    t.equal(submitted.status, 201, 'the letter is accepted through the gateway')
    const receipt = (await submitted.json()) as { trackingCode: string; accessKey: string }

    const staff = await login(first.base, 'dispatcher')
    const opened = await eventually(async () => {
      const res = await fetch(`${first.base}/api/v1/cases?limit=100`, { headers: staff })
      const body = (await res.json()) as { items?: Array<{ trackingCode: string }> }
      return res.status === 200 && body.items?.find((c) => c.trackingCode === receipt.trackingCode)
    }, 60_000)
    t.equal(opened.trackingCode, receipt.trackingCode, 'the letter became a case')

    const mailDir = join(dataDir, 'mail')
    const eml = await eventually(async () => {
      const files = await readdir(mailDir).catch(() => [] as string[])
      for (const f of files.filter((n) => n.endsWith('.eml'))) {
        const text = await readFile(join(mailDir, f), 'utf8')
        if (text.includes(email)) return { name: f, text }
      }
      return undefined
    }, 60_000)
    t.match(eml.text, new RegExp(`^To: ${email.replace('.', '\\.')}$`, 'm'), 'the receipt is an .eml file')
    t.notMatch(eml.name, PERSONAL_DATA, 'the file name carries no address')
    t.match(first.output(), /e-mail written to a file/, 'and that is logged')

    // next year's working-day table, published through the gateway (a fixture, not a State Council notice)
    const nextYear = Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4)) + 1
    const yearUrl = (base: string) => `${base}/api/v1/calendar/years/${nextYear}`
    const published = await fetch(yearUrl(first.base), {
      method: 'PUT',
      headers: { ...(await login(first.base, 'admin')), 'content-type': 'application/json' },
      body: JSON.stringify({
        source: 'server test fixture (not a State Council notice)',
        holidays: [
          { name: { zh: '元旦', en: "New Year's Day" }, from: `${nextYear}-01-01`, to: `${nextYear}-01-01` },
        ],
      }),
    })
    t.equal(published.status, 200, 'the administrator publishes a year through the gateway')

    first.child.kill('SIGTERM')
    t.equal(await first.exited, 0, 'SIGTERM stops it cleanly')
    t.match(first.output(), /"msg":"stopped"/)

    const second = start(t, { ...env, PORT: String(await freePort()) })
    await ready(second)
    const followed = await fetch(`${second.base}/api/v1/public/cases/${receipt.trackingCode}`, {
      headers: { 'x-access-key': receipt.accessKey },
    })
    t.equal(followed.status, 200, 'after the restart the citizen still follows the letter')
    t.match(await followed.json(), { trackingCode: receipt.trackingCode })
    const again = await fetch(`${second.base}/api/v1/cases?limit=100`, {
      headers: await login(second.base, 'dispatcher'),
    })
    t.equal(again.status, 200)
    t.match(
      await again.json(),
      { items: [{ trackingCode: receipt.trackingCode }] },
      'and staff still see the case',
    )

    const kept = await fetch(yearUrl(second.base), { headers: await login(second.base, 'dispatcher') })
    t.match(await kept.json(), { year: nextYear, revision: 1 }, 'and the published year is kept')

    second.child.kill('SIGTERM')
    t.equal(await second.exited, 0)
    t.same(personalDataIn(first.output() + second.output()), [], 'no personal data in the output')

    // At rest: the keys in the secrets file only (0600), none in a store; contact fields sealed everywhere.
    const secretsFile = join(dataDir, 'secrets.json')
    t.equal((await stat(secretsFile)).mode & 0o777, 0o600, 'secrets.json is readable by its owner only')
    const secrets = JSON.parse(await readFile(secretsFile, 'utf8')) as Record<string, string>
    t.match(secrets, { mailboxSecret: /^[A-Za-z0-9+/]{43}=$/, fieldKeys: /^k1:[A-Za-z0-9+/]{43}=$/ })
    const mailboxSecret = Buffer.from(secrets.mailboxSecret ?? '', 'base64')
    const files = (await readdir(dataDir)).filter((f) => /\.sqlite(-wal|-shm)?$/.test(f))
    t.ok(
      files.includes('mailbox.sqlite') && files.includes('bus.sqlite'),
      'the stores and the bus are files here',
    )
    for (const f of files) {
      const bytes = await readFile(join(dataDir, f))
      t.equal(bytes.indexOf(mailboxSecret), -1, `${f}: no mailbox secret`)
      t.equal(bytes.indexOf(secrets.mailboxSecret ?? ''), -1, `${f}: not even in base64`)
      for (const value of ['13800138000', email, '张三'])
        t.equal(bytes.indexOf(value), -1, `${f}: no ${value} in clear`)
    }
  },
)
