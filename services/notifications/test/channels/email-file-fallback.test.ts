// The one-machine fallback of the e-mail channel: a refused SMTP connection writes an .eml file; any
// other failure stays an error; without the fallback a refusal is an error as before.
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { capturedLogger, PERSONAL_DATA } from '@tingjian/testkit'
import t from 'tap'
import { ChannelError } from '../../src/channels/channel.ts'
import { EmailChannel } from '../../src/channels/email.ts'

async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise<void>((resolve) => server.close(() => resolve()))
  if (!address || typeof address === 'string') throw new Error('no address')
  return address.port
}

const message = {
  to: 'wang.wu@example.com',
  subject: '【听见】您的来信已收到 (查询码 K7M2Q9XRT4)',
  text: '您好，您的来信已收到。',
  html: '<p>您好，您的来信已收到。</p>',
}

t.test(
  'no SMTP server listening: the message becomes an .eml file, logged without the address',
  async (t) => {
    const dir = await mkdtemp(join(tmpdir(), 'tj-eml-'))
    t.teardown(() => rm(dir, { recursive: true, force: true }))
    const { logger, lines } = capturedLogger()
    const channel = new EmailChannel({
      host: '127.0.0.1',
      port: await closedPort(),
      secure: false,
      from: '听见 <noreply@tingjian.localhost>',
      fileFallback: { dir: join(dir, 'mail'), logger },
    })
    t.teardown(() => channel.close())
    const sent = await channel.send(message)
    t.match(sent.providerId, /^file:.+\.eml$/)
    const files = await readdir(join(dir, 'mail'))
    t.same(files, [sent.providerId.slice('file:'.length)])
    const file = join(dir, 'mail', files[0] as string)
    const text = await readFile(file, 'utf8')
    t.match(text, /^To: wang\.wu@example\.com$/m)
    t.match(text, /^Subject: /m)
    t.match(text, /multipart\/alternative/, 'text and HTML parts, as over SMTP')
    t.equal((await stat(file)).mode & 0o777, 0o600, 'readable by the platform user only')
    t.ok(lines.some((l) => l.includes('e-mail written to a file')))
    for (const line of lines) t.notMatch(line, PERSONAL_DATA)
  },
)

t.test('without the fallback a refused connection is a transient channel error', async (t) => {
  const channel = new EmailChannel({
    host: '127.0.0.1',
    port: await closedPort(),
    secure: false,
    from: 'noreply@tingjian.localhost',
  })
  t.teardown(() => channel.close())
  const err = await channel.send(message).catch((e: unknown) => e)
  t.type(err, ChannelError)
  t.equal((err as ChannelError).transient, true)
})
