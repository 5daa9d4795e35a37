// Bad-input fuzzing of every notifications endpoint from its OpenAPI document (see @tingjian/testkit
// fuzz.ts), with sent and failed deliveries to list and retry.
import { ManualClock } from '@tingjian/kit'
import {
  capturedLogger,
  eventually,
  fuzzApp,
  fuzzSettings,
  spyAdapters,
  testAdapters,
  testJwt,
} from '@tingjian/testkit'
import t from 'tap'
import { buildNotifications } from '../src/app.ts'
import { type Channel, ChannelError } from '../src/channels/channel.ts'
import { cipher, publishLetter, WEB_URL } from './helpers.ts'

/** Accepts every message except those to a `fail-…` address: no SMTP server needed, and both outcomes. */
const fakeChannel: Channel = {
  kind: 'email',
  send: async (message) => {
    if (message.to.startsWith('fail-')) throw new ChannelError('smtp ECONNREFUSED', 'refused', true)
    return { providerId: `fake-${Date.now()}` }
  },
  close: async () => {},
}

t.test('every notifications endpoint refuses bad input with a 4xx problem and changes nothing', async (t) => {
  const { logger } = capturedLogger('warn')
  const adapters = await testAdapters(t, 'embedded', 'notifications', logger)
  const spied = spyAdapters(adapters)
  const jwt = testJwt()
  const app = await buildNotifications({
    logger,
    ...spied,
    channels: { email: fakeChannel },
    clock: new ManualClock('2026-03-02T02:00:00.000Z'),
    jwt: jwt.config,
    cipher,
    webUrl: WEB_URL,
    group: 'notifications-fuzz',
    sendPolicy: { attempts: 1, initialBackoffMs: 1, maxBackoffMs: 1 },
    retry: { maxAttempts: 1, initialBackoffMs: 1, maxBackoffMs: 1 },
    rateLimit: false,
  })
  t.teardown(() => app.close())

  // Deliveries to list and to retry: two sent receipts, two failed ones.
  const events = []
  for (const email of [
    'sent-1@example.com',
    'sent-2@example.com',
    'fail-1@example.com',
    'fail-2@example.com',
  ])
    events.push(await publishLetter(adapters.bus, { email }))
  const records = adapters.store.collection<{ eventId: string; status: string }>('deliveries')
  const settled = await eventually(async () => {
    const page = await records.find({}, { limit: 10 })
    return page.items.length === 4 && page.items.every((d) => d.status !== 'pending') && page.items
  })

  await fuzzApp(t, {
    app,
    spied,
    jwt: jwt.config,
    staff: (role) => ({ sub: `u-${role}` }),
    known: {
      id: settled.map((d) => d._id),
      eventId: events.map((e) => e.id),
      status: ['pending', 'sent', 'failed'],
    },
    // two operations: more runs of each
    settings: fuzzSettings(process.env, { runs: 150 }),
  })
})
