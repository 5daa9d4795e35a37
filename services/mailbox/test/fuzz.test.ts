// Bad-input fuzzing of every mailbox endpoint from its OpenAPI document (see @tingjian/testkit fuzz.ts).
import { randomBytes } from 'node:crypto'
import { ManualClock } from '@tingjian/kit'
import { capturedLogger, fuzzApp, fuzzSettings, spyAdapters, testAdapters, testJwt } from '@tingjian/testkit'
import t from 'tap'
import { buildMailbox } from '../src/app.ts'
import { testCipher, validLetter } from './helpers.ts'

t.test('every mailbox endpoint refuses bad input with a 4xx problem and changes nothing', async (t) => {
  const { logger } = capturedLogger('warn')
  const spied = spyAdapters(await testAdapters(t, 'embedded', 'mailbox', logger))
  const clock = new ManualClock('2026-03-02T02:00:00.000Z')
  const app = await buildMailbox({
    logger,
    ...spied,
    clock,
    secret: randomBytes(32),
    cipher: testCipher(),
    submissionsPerMinute: 100_000,
    rateLimitPerMinute: 100_000,
  })
  t.teardown(() => app.close())
  const { name: _n, phone: _p, idNumber: _i, ...anonymous } = validLetter()
  await fuzzApp(t, {
    app,
    spied,
    // the mailbox has no staff routes; tokens are sent only as noise
    jwt: testJwt().config,
    staff: (role) => ({ sub: `u-${role}` }),
    examples: {
      'POST /api/v1/mailbox/letters': [validLetter(), { ...anonymous, anonymous: true }],
    },
    // one operation: more runs of it
    settings: fuzzSettings(process.env, { runs: 200 }),
  })
})
