// Bad-input fuzzing of every calendar endpoint from its OpenAPI document (see @tingjian/testkit fuzz.ts).
import { ManualClock } from '@tingjian/kit'
import { capturedLogger, fuzzApp, fuzzSettings, spyAdapters, testAdapters, testJwt } from '@tingjian/testkit'
import t from 'tap'
import { buildCalendar } from '../src/app.ts'
import { NOV_20, table2027 } from './helpers.ts'

t.test('every calendar endpoint refuses bad input with a 4xx problem and changes nothing', async (t) => {
  const { logger } = capturedLogger('warn')
  const spied = spyAdapters(await testAdapters(t, 'embedded', 'calendar', logger))
  const jwt = testJwt()
  const app = await buildCalendar({
    logger,
    ...spied,
    clock: new ManualClock(NOV_20),
    jwt: jwt.config,
    rateLimitPerMinute: 1_000_000,
  })
  t.teardown(() => app.close())
  await app.ready()
  const region = {
    name: { zh: '新疆维吾尔自治区', en: 'Xinjiang' },
    holidays: [{ name: { zh: '古尔邦节', en: 'Eid al-Adha' }, from: '2026-05-27', to: '2026-05-29' }],
  }
  await fuzzApp(t, {
    app,
    spied,
    jwt: jwt.config,
    staff: (role) => ({ sub: `u-${role}` }),
    known: { year: [2026, 2027], code: ['650000', '650100'] },
    examples: {
      'PUT /api/v1/calendar/years/{year}': [table2027()],
      'POST /api/v1/calendar/years/{year}/preview': [table2027()],
      'PUT /api/v1/calendar/years/{year}/regions/{code}': [region, { parent: '650000' }],
    },
    settings: fuzzSettings(process.env),
  })
})
