// The fuzzer finds what it is meant to find: an app with one bug per route, and one route without.
import { IdentityEvents } from '@tingjian/contracts'
import { buildApp, Errors, Type } from '@tingjian/kit'
import t from 'tap'
import {
  capturedLogger,
  fuzz,
  fuzzSettings,
  operationsOf,
  spyAdapters,
  testAdapters,
  testJwt,
} from '../src/index.ts'

t.test('each kind of bug is reported on its route, and a sound route passes', async (t) => {
  const { logger } = capturedLogger('silent')
  const spied = spyAdapters(await testAdapters(t, 'embedded', 'fuzzcheck', logger))
  const jwt = testJwt()
  const app = await buildApp({ service: 'fuzzcheck', logger, jwt: jwt.config, rateLimit: false })
  t.teardown(() => app.close())
  const Body = Type.Object(
    { name: Type.String({ minLength: 1, maxLength: 20 }), n: Type.Integer() },
    { additionalProperties: false },
  )
  const things = spied.store.collection<{ name: string }>('things')
  let next = 0

  app.post('/sound', { config: { access: ['admin'] }, schema: { body: Body } }, async (request, reply) => {
    if (request.body.n < 0) throw new Errors.UnprocessableContent('n must not be negative')
    await things.insert(`sound-${next++}`, { name: request.body.name })
    return reply.code(201).send({ ok: true })
  })
  app.post('/crashes', { config: { access: 'public' }, schema: { body: Body } }, async (request) => {
    // a TypeError for any name that is not plain ASCII letters
    if (!/^[a-z]+$/i.test(request.body.name)) (undefined as unknown as { x: () => void }).x()
    return { ok: true }
  })
  app.post(
    '/stores-then-refuses',
    { config: { access: 'public' }, schema: { body: Body } },
    async (request) => {
      await things.insert(`refused-${next++}`, { name: request.body.name })
      throw new Errors.BadRequest('refused after writing')
    },
  )
  app.post(
    '/announces-then-refuses',
    { config: { access: 'public' }, schema: { body: Body } },
    async (request) => {
      await spied.bus.publish(
        IdentityEvents.departmentChanged.create({
          subject: 'd1',
          correlationId: request.id,
          data: { departmentId: 'd1', code: 'd1', name: '部门', parentId: null, active: true },
        }),
      )
      throw new Errors.Conflict('refused after announcing')
    },
  )
  app.get('/plain-404', { config: { access: 'public' } }, async (_request, reply) =>
    reply.code(404).type('text/plain').send('nothing here'),
  )
  // a validator that lets everything through (the kit checks bodies strictly, so: a query)
  app.get(
    '/accepts-anything',
    {
      config: { access: 'public' },
      schema: { querystring: Type.Object({ n: Type.Integer({ minimum: 1 }) }) },
      validatorCompiler: () => (value) => ({ value }),
    },
    async () => ({ ok: true }),
  )
  await app.ready()
  t.ok(
    operationsOf(app).operations.some((op) => op.id === 'POST /sound' && op.access !== 'public'),
    'access rules reach the OpenAPI document',
  )

  const report = await fuzz({
    app,
    spied,
    jwt: jwt.config,
    staff: (role) => ({ sub: `u-${role}` }),
    examples: Object.fromEntries(
      ['/sound', '/crashes', '/stores-then-refuses', '/announces-then-refuses'].map((p) => [
        `POST ${p}`,
        [{ name: 'abc', n: 1 }],
      ]),
    ),
    settings: fuzzSettings({}, { runs: 60, seed: 1 }),
  })
  const failure = (id: string) =>
    report.operations.find((op) => op.id === id)?.failure?.problems.join('; ') ?? ''
  t.equal(failure('POST /sound'), '', 'the sound route passes')
  t.ok(
    (report.operations.find((op) => op.id === 'POST /sound')?.accepted ?? 0) > 0,
    'and valid input got through',
  )
  t.match(failure('POST /crashes'), /answered 500/)
  t.match(failure('POST /stores-then-refuses'), /wrote insert things/)
  t.match(failure('POST /announces-then-refuses'), /published identity\.department-changed/)
  t.match(failure('GET /plain-404'), /not problem\+json/)
  t.match(failure('GET /accepts-anything'), /accepted certainly invalid input/)
  t.ok(report.operations.find((op) => op.id === 'POST /crashes')?.failure?.reproduce.includes('FUZZ_SEED=1'))
  t.same(report.pollutedPrototypes, [])
})
