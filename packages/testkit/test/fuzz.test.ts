// The fuzzer finds what it is meant to find: an app with one bug per route, and one route without.
import { Readable } from 'node:stream'
import { IdentityEvents } from '@tingjian/contracts'
import { buildApp, Errors, OneLine, Type } from '@tingjian/kit'
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
  // reads that write: an audit trail (declared, allowed) and anything else (a failure)
  const audit = spied.store.collection<{ q: string }>('audit')
  const Query = { querystring: Type.Object({ q: Type.String({ maxLength: 20 }) }) }
  app.get('/audited-read', { config: { access: 'public' }, schema: Query }, async (request) => {
    await audit.insert(`audit-${next++}`, { q: request.query.q.length > 0 ? 'some' : 'none' })
    return { items: [] }
  })
  app.get('/read-writes', { config: { access: 'public' }, schema: Query }, async (request) => {
    await things.insert(`read-${next++}`, { name: request.query.q })
    return { items: [] }
  })
  // a validator that checks the shape but not that the text is one visible line
  app.post(
    '/one-line-unchecked',
    {
      config: { access: 'public' },
      schema: { body: Type.Object({ title: OneLine({ maxLength: 40 }) }, { additionalProperties: false }) },
      validatorCompiler: () => (value) => {
        const body = value as { title?: unknown } | null
        return typeof body?.title === 'string' && body.title.length <= 40 && Object.keys(body).length === 1
          ? { value }
          : { error: new Error('body/title must be a string of at most 40 characters') }
      },
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
    mayWriteOnRead: { 'GET /audited-read': ['audit'] },
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
  t.equal(failure('GET /audited-read'), '', 'a read may write the audit trail it declares')
  t.ok(
    (report.operations.find((op) => op.id === 'GET /audited-read')?.accepted ?? 0) > 0,
    'and reads got through',
  )
  t.match(failure('GET /read-writes'), /wrote insert things/)
  t.match(failure('POST /one-line-unchecked'), /accepted certainly invalid input/)
  t.match(
    report.operations.find((op) => op.id === 'POST /one-line-unchecked')?.failure?.request ?? '',
    /not one visible line/,
    'text that is not one visible line is known to be invalid',
  )
  t.ok(report.operations.find((op) => op.id === 'POST /crashes')?.failure?.reproduce.includes('FUZZ_SEED=1'))
  t.same(report.pollutedPrototypes, [])
})

t.test('the corpus reaches what an attacker tries first, and an echoed request id stays plain', async (t) => {
  const { logger } = capturedLogger('silent')
  const spied = spyAdapters(await testAdapters(t, 'embedded', 'fuzzcorpus', logger))
  const jwt = testJwt()
  const app = await buildApp({ service: 'fuzzcorpus', logger, jwt: jwt.config, rateLimit: false })
  t.teardown(() => app.close())
  // every request as it arrived: the raw body, the path, the request id sent and the one answered
  const seen: Array<{ url: string; body: string; sentId: unknown; answeredId: unknown }> = []
  app.addHook('preParsing', async (request, _reply, payload) => {
    const chunks: Buffer[] = []
    for await (const chunk of payload) chunks.push(Buffer.from(chunk))
    const body = Buffer.concat(chunks)
    seen.push({
      url: request.url,
      body: body.toString(),
      sentId: request.headers['x-request-id'],
      answeredId: undefined,
    })
    return Readable.from([body])
  })
  app.addHook('onSend', async (request, reply, payload) => {
    const entry = seen.find((s) => s.url === request.url && s.answeredId === undefined)
    if (entry) entry.answeredId = reply.getHeader('x-request-id')
    return payload
  })
  const Body = Type.Object(
    {
      name: Type.String({ minLength: 1, maxLength: 40 }),
      note: Type.Optional(Type.String({ maxLength: 200 })),
    },
    { additionalProperties: false },
  )
  app.post(
    '/cases/:caseId/notes',
    {
      config: { access: 'public' },
      schema: { params: Type.Object({ caseId: Type.String({ maxLength: 64 }) }), body: Body },
    },
    async (_request, reply) => reply.code(201).send({ ok: true }),
  )
  const report = await fuzz({
    app,
    spied,
    jwt: jwt.config,
    staff: (role) => ({ sub: `u-${role}` }),
    examples: { 'POST /cases/{caseId}/notes': [{ name: '张三', note: '一行' }] },
    settings: fuzzSettings({}, { runs: 600, seed: 7 }),
  })
  t.same(
    report.operations.map((op) => op.failure?.problems ?? []),
    [[]],
    'a sound route passes',
  )
  const parsed = seen.map((s) => {
    try {
      return JSON.parse(s.body) as unknown
    } catch {
      return undefined
    }
  })
  const topKeys = parsed.flatMap((b) =>
    b && typeof b === 'object' && !Array.isArray(b) ? Object.keys(b) : [],
  )
  for (const op of ['$where', '$or', '$set']) t.ok(topKeys.includes(op), `a body made of the operator ${op}`)
  t.ok(
    parsed.some(
      (b) =>
        b !== null &&
        typeof b === 'object' &&
        !Array.isArray(b) &&
        Object.keys(b).length > 0 &&
        Object.values(b).every(
          (v) => v !== null && typeof v === 'object' && Object.keys(v).some((k) => k.startsWith('$')),
        ),
    ),
    'a valid-looking body with an operator in every field',
  )
  const sent = seen.map((s) => `${decodeURIComponentSafe(s.url)}\n${s.body}\n${String(s.sentId)}`).join('\n')
  for (const c of ['\u2028', '\u2029', '\u200B', '\u200C', '\u200D', '\u200E', '\u200F', '\u061C', '\uFEFF'])
    t.ok(sent.includes(c), `U+${c.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')} sent`)
  t.ok(
    seen.some((s) => (s.url.split('/')[2] ?? '').length > 128),
    'an over-long id in the path',
  )
  const injected = seen.filter((s) => typeof s.sentId === 'string' && !/^fuzz-/.test(s.sentId))
  t.ok(
    injected.some((s) => s.sentId === '"}{"level":60,"msg":"forged'),
    'a request id that forges a log line',
  )
  t.ok(
    injected.some((s) => s.sentId === 'a?level=60 msg=forged'),
    'a request id with a line break (as far as Node lets one through)',
  )
  for (const s of injected)
    t.match(
      String(s.answeredId),
      /^[A-Za-z0-9._:-]{8,128}$/,
      `request id ${JSON.stringify(s.sentId).slice(0, 30)}: answered as a plain id`,
    )
})

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s)
  } catch {
    return s
  }
}
