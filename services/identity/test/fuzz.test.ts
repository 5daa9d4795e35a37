// Bad-input fuzzing of every identity endpoint from its OpenAPI document (see @tingjian/testkit fuzz.ts).
import { ManualClock } from '@tingjian/kit'
import { capturedLogger, fuzzApp, spyAdapters, testAdapters, testJwt } from '@tingjian/testkit'
import t from 'tap'
import { buildIdentity } from '../src/app.ts'
import { seed } from '../src/seed.ts'
import { PASSWORD, TEST_SCRYPT } from './helpers.ts'

t.test('every identity endpoint refuses bad input with a 4xx problem and changes nothing', async (t) => {
  const { logger } = capturedLogger('warn')
  const spied = spyAdapters(await testAdapters(t, 'embedded', 'identity', logger))
  const jwt = testJwt()
  const clock = new ManualClock(new Date())
  const app = await buildIdentity({
    logger,
    ...spied,
    clock,
    jwt: { ...jwt.config, privateKey: jwt.config.privateKey ?? '' },
    rateLimit: false,
    loginDelay: async () => {},
    relay: { sweepIntervalMs: 100 },
    scrypt: TEST_SCRYPT,
  })
  t.teardown(() => app.close())
  await app.ready() // the outbox relay starts when the app is ready
  const seeded = await seed({ store: spied.store, clock, scrypt: TEST_SCRYPT }, { password: PASSWORD })
  const userIds = Object.values(seeded.users)
  const departmentIds = Object.values(seeded.departments)
  const roleUser: Record<string, string | undefined> = {
    admin: seeded.users.admin,
    dispatcher: seeded.users.dispatcher,
    supervisor: seeded.users.supervisor,
    handler: seeded.users['handler.exit-entry'],
    dept_lead: seeded.users['lead.exit-entry'],
  }

  await fuzzApp(t, {
    app,
    spied,
    jwt: jwt.config,
    staff: (role) => ({ sub: roleUser[role] ?? `u-${role}`, departmentId: seeded.departments.office }),
    known: {
      id: [...userIds, ...departmentIds],
      departmentId: departmentIds,
      parentId: departmentIds,
      username: ['admin', 'dispatcher', 'handler.exit-entry', 'nobody'],
      password: [PASSWORD],
      version: [1, 2, 3],
    },
    examples: {
      'POST /api/v1/auth/login': [{ username: 'handler.traffic', password: PASSWORD }],
      'POST /api/v1/departments': [{ code: 'fuzz-dept', name: '测试部门', nameEn: 'Fuzz', parentId: null }],
      'PATCH /api/v1/departments/{id}': [{ name: '改名', version: 1 }, { active: true }],
      'POST /api/v1/users': [
        {
          username: 'fuzz.user',
          displayName: '测试用户',
          email: 'fuzz.user@example.org',
          roles: ['handler'],
          departmentId: seeded.departments.traffic,
          password: 'a-long-enough-password',
        },
      ],
      'PATCH /api/v1/users/{id}': [
        { displayName: '改名', version: 1 },
        { roles: ['supervisor'], departmentId: null },
      ],
      'POST /api/v1/users/{id}/password': [{ password: 'another-long-password' }],
    },
    // a failed sign-in is counted (throttling), whatever the shape of the username
    mayChangeOnRefusal: {
      'POST /api/v1/auth/login': { statuses: [401, 429], collections: ['login_throttle'] },
      // a replayed refresh token ends its session (a revocation, by design), and saves nothing
      'POST /api/v1/auth/refresh': { statuses: [401], collections: ['refresh_families'] },
    },
  })
})
