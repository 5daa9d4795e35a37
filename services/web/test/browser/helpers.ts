// Browser tests run the platform as a newcomer does (one process, one address: gateway, app and API) and
// drive it with a real Chromium. Each helper registers its own teardown.
import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core'

export const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url))
export const WEB_DIR = join(REPO_ROOT, 'services', 'web')
export const SCREENSHOTS = join(REPO_ROOT, 'test-artifacts', 'screenshots')
export const SEED_PASSWORD = 'browser-test-password-1'

interface Teardown {
  teardown(fn: () => unknown): void
  comment(...args: unknown[]): void
}

/** The newest modification time under a path (files only). */
function newest(path: string): number {
  const st = statSync(path)
  if (!st.isDirectory()) return st.mtimeMs
  let max = 0
  for (const entry of readdirSync(path)) max = Math.max(max, newest(join(path, entry)))
  return max
}

/** Builds services/web/dist when it is missing or older than the app's sources. */
export async function ensureBuilt(t: Teardown): Promise<void> {
  const index = join(WEB_DIR, 'dist', 'index.html')
  const sources = Math.max(
    newest(join(WEB_DIR, 'ui')),
    newest(join(WEB_DIR, 'index.html')),
    newest(join(WEB_DIR, 'vite.config.ts')),
  )
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return
  t.comment('building the web app (vite build)')
  const { build } = await import('vite')
  await build({ root: WEB_DIR, configFile: join(WEB_DIR, 'vite.config.ts'), logLevel: 'warn' })
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

export interface RunningPlatform {
  url: string
  output(): string
}

/** Starts `node --import tsx services/platform/src/server.ts` on a free port and a fresh data directory. */
export async function startPlatform(t: Teardown, timeoutMs = 90_000): Promise<RunningPlatform> {
  const port = await freePort()
  const dataDir = mkdtempSync(join(tmpdir(), 'tingjian-web-'))
  let output = ''
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    SEED_PASSWORD,
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: '1025',
    LOG_LEVEL: 'warn',
  }
  // the single-machine run, on the embedded adapters, whatever the caller's environment says
  for (const name of ['KAFKA_BROKERS', 'MONGO_URL', 'BUS_ADAPTER', 'STORE_ADAPTER', 'WEB_URL'])
    delete env[name]
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', 'services/platform/src/server.ts'],
    {
      cwd: REPO_ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000)
  }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  t.teardown(async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 25_000)
      await exited
      clearTimeout(timer)
    }
    rmSync(dataDir, { recursive: true, force: true })
  })

  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + timeoutMs
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the platform exited (${child.exitCode}):\n${output}`)
    try {
      const res = await fetch(`${url}/readyz`)
      if (res.status === 200) break
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the platform was not ready in ${timeoutMs} ms:\n${output}`)
    await new Promise((r) => setTimeout(r, 500))
  }
  return { url, output: () => output }
}

export async function launchBrowser(t: Teardown): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
  if (!existsSync(executablePath)) {
    throw new Error(
      `no Chromium at ${executablePath}: install it (Debian: apt-get install chromium) or set CHROMIUM_PATH`,
    )
  }
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    // root (containers, CI) cannot use Chromium's sandbox
    args: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
  })
  t.teardown(() => browser.close())
  return browser
}

/** A fresh browser profile (own storage: one citizen or one member of staff). */
export async function newContext(
  browser: Browser,
  baseURL: string,
  viewport = { width: 1280, height: 900 },
): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL,
    viewport,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  })
  context.setDefaultTimeout(30_000)
  context.setDefaultNavigationTimeout(60_000)
  return context
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true })
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true })
}

/** Problems the page reports: uncaught errors, console errors, dialogs (a script that ran). */
export function watch(page: Page): { errors: string[]; dialogs: string[] } {
  const seen = { errors: [] as string[], dialogs: [] as string[] }
  page.on('pageerror', (err) => seen.errors.push(err.message))
  page.on('console', (msg) => {
    // a 4xx answer the page expects and handles (a wrong access key, a case not registered yet) is logged
    // by the browser as a failed resource: not a fault of the page
    if (msg.type() === 'error' && !/status of 4\d\d/.test(msg.text())) seen.errors.push(msg.text())
  })
  page.on('dialog', (dialog) => {
    seen.dialogs.push(dialog.message())
    void dialog.dismiss()
  })
  return seen
}

export async function signIn(page: Page, username: string): Promise<void> {
  await page.goto('/staff/login')
  await page.getByLabel(/用户名|Username/).fill(username)
  await page.getByLabel(/^(密码|Password)/).fill(SEED_PASSWORD)
  await page.getByRole('button', { name: /^(登录|Sign in)$/ }).click()
  await page.getByTestId('whoami').waitFor()
}
