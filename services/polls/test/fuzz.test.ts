// Bad-input fuzzing of every polls endpoint from its OpenAPI document (see @tingjian/testkit fuzz.ts).
import { randomBytes } from 'node:crypto'
import { ManualClock } from '@tingjian/kit'
import { capturedLogger, fuzzApp, fuzzSettings, spyAdapters, testAdapters, testJwt } from '@tingjian/testkit'
import t from 'tap'
import { buildPolls } from '../src/app.ts'
import { ballot, MONDAY_10, pollInput, testCipher } from './helpers.ts'

t.test('every polls endpoint refuses bad input with a 4xx problem and changes nothing', async (t) => {
  const { logger } = capturedLogger('warn')
  const spied = spyAdapters(await testAdapters(t, 'embedded', 'polls', logger))
  const jwt = testJwt()
  const app = await buildPolls({
    logger,
    ...spied,
    clock: new ManualClock(MONDAY_10),
    jwt: jwt.config,
    secret: randomBytes(32),
    cipher: testCipher(),
    rateLimitPerMinute: 1_000_000,
    codesPerMinute: 1_000_000,
    ballotsPerMinute: 1_000_000,
    schedulerIntervalMs: 0,
  })
  t.teardown(() => app.close())
  await app.ready()
  await fuzzApp(t, {
    app,
    spied,
    jwt: jwt.config,
    staff: (role) => ({ sub: `u-${role}` }),
    known: { pollId: ['poll_0123456789abcdef0123456789abcdef'] },
    examples: {
      'POST /api/v1/polls': [pollInput(), pollInput({ rule: 'open', results: 'after_close' })],
      'PUT /api/v1/polls/{pollId}': [{ ...pollInput(), version: 1 }],
      'POST /api/v1/polls/{pollId}/ballots': [
        { answers: ballot() },
        { token: 'x'.repeat(40), answers: ballot() },
      ],
      'POST /api/v1/polls/{pollId}/verification': [{ phone: '13812345678' }],
      'POST /api/v1/polls/{pollId}/verification/confirm': [{ phone: '13812345678', code: '123456' }],
      'POST /api/v1/polls/{pollId}/invitations': [{ csv: '13812345678\n13912345678' }],
      'POST /api/v1/polls/{pollId}/comments/{commentId}/moderation': [
        { decision: 'approve', text: '窗口少' },
      ],
      'POST /api/v1/polls/{pollId}/comments/{commentId}/escalation': [
        { category: 'complaint', subject: '排队' },
      ],
    },
    settings: fuzzSettings(process.env),
  })
})
