// The kit's one validator compiler: strict JSON bodies, text converted for query, params and headers,
// and one-line text. Expected answers are written from the rule (packages/kit/README.md, Validation).
import t, { type Test } from 'tap'
import Format from 'typebox/format'
import { buildApp, isOneLine, OneLine, PROBLEM_CONTENT_TYPE, Type } from '../src/index.ts'
import { capturedLogger } from './helpers.ts'

async function testApp(t: Test) {
  const app = await buildApp({ service: 'test', logger: capturedLogger().logger, rateLimit: false })
  app.post(
    '/things',
    {
      config: { access: 'public' },
      schema: {
        body: Type.Object(
          {
            name: OneLine({ maxLength: 20 }),
            text: Type.Optional(Type.String({ maxLength: 200 })),
            n: Type.Optional(Type.Integer()),
            flag: Type.Optional(Type.Boolean()),
            tags: Type.Optional(Type.Array(Type.String())),
            note: Type.Optional(Type.Union([Type.String(), Type.Null()])),
            level: Type.String({ default: 'normal' }),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => ({ body: request.body }),
  )
  app.get(
    '/things/:n',
    {
      config: { access: 'public' },
      schema: {
        params: Type.Object({ n: Type.Integer({ minimum: 1 }) }),
        querystring: Type.Object(
          {
            limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
            ratio: Type.Optional(Type.Number()),
            open: Type.Optional(Type.Boolean()),
            status: Type.Optional(Type.Array(Type.Union([Type.Literal('a'), Type.Literal('b')]))),
            q: Type.Optional(Type.String()),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => ({ params: request.params, query: request.query }),
  )
  t.teardown(() => app.close())
  await app.ready()
  return app
}

/** A 400 validation problem naming exactly these paths. */
function refused(
  t: Test,
  res: { statusCode: number; headers: Record<string, unknown>; json(): unknown },
  paths: string[],
  what: string,
) {
  t.equal(res.statusCode, 400, `${what}: 400`)
  t.equal(res.headers['content-type'], PROBLEM_CONTENT_TYPE)
  const body = res.json() as { type: string; code: string; errors: Array<{ path: string }> }
  t.equal(body.type, '/problems/validation', `${what}: validation problem`)
  t.equal(body.code, 'FST_ERR_VALIDATION')
  t.strictSame(
    [...new Set(body.errors.map((e) => e.path))].sort(),
    paths,
    `${what}: names ${paths.join(', ')}`,
  )
}

t.test('a body is taken as sent: no coercion', async (t) => {
  const app = await testApp(t)
  const post = (payload: unknown) =>
    app.inject({ method: 'POST', url: '/things', payload: payload as object })
  const ok = await post({ name: '张三', n: 3, flag: false, tags: ['x'], note: null })
  t.equal(ok.statusCode, 200)
  t.strictSame(
    ok.json().body,
    { name: '张三', n: 3, flag: false, tags: ['x'], note: null, level: 'normal' },
    'defaults filled in',
  )
  refused(t, await post({ name: 'a', n: '3' }), ['body/n'], 'a number as text')
  refused(t, await post({ name: 'a', flag: 'true' }), ['body/flag'], 'a boolean as text')
  refused(t, await post({ name: 'a', flag: 1 }), ['body/flag'], 'a number for a boolean')
  refused(t, await post({ name: 'a', tags: 'x' }), ['body/tags'], 'a string for an array')
  refused(t, await post({ name: ['a'] }), ['body/name'], 'an array for a string')
  refused(t, await post({ name: 'a', text: null }), ['body/text'], 'null for a string')
  refused(t, await post({ name: 'a', n: 1.5 }), ['body/n'], 'a fraction for an integer')
})

t.test('a body with unknown keys is refused', async (t) => {
  const app = await testApp(t)
  const res = await app.inject({ method: 'POST', url: '/things', payload: { name: 'a', admin: true } })
  t.equal(res.statusCode, 400)
  t.equal(res.json().type, '/problems/validation')
  t.ok(
    (res.json().errors as Array<{ path: string }>).some((e) => e.path === 'body/admin' || e.path === 'body'),
    'the unknown key is named',
  )
})

t.test('no control characters in a body, except tab and line breaks in free text', async (t) => {
  const app = await testApp(t)
  const post = (payload: unknown) =>
    app.inject({ method: 'POST', url: '/things', payload: payload as object })
  const lines = await post({ name: 'a', text: 'line one\r\nline\ttwo' })
  t.equal(lines.statusCode, 200, 'tab, CR and LF pass in free text')
  for (const [label, c] of [
    ['NUL', '\u0000'],
    ['BEL', '\u0007'],
    ['ESC', '\u001B'],
    ['DEL', '\u007F'],
    ['C1 CSI', '\u009B'],
    ['vertical tab', '\u000B'],
  ] as const) {
    refused(t, await post({ name: 'a', text: `x${c}y` }), ['body/text'], `${label} in free text`)
  }
  refused(t, await post({ name: 'a', tags: ['ok', 'b\u0000d'] }), ['body/tags/1'], 'inside an array')
})

t.test('one-line fields', async (t) => {
  const app = await testApp(t)
  const post = (name: string) => app.inject({ method: 'POST', url: '/things', payload: { name } })
  for (const name of ['张三', "O'Brien", 'Ａ', 'a b', 'Zoë', 'علي']) {
    t.equal((await post(name)).statusCode, 200, `accepted: ${JSON.stringify(name)}`)
  }
  const refusedNames: Array<[string, string]> = [
    ['line feed', 'a\nb'],
    ['tab', 'a\tb'],
    ['line separator U+2028', 'a\u2028b'],
    ['paragraph separator U+2029', 'a\u2029b'],
    ['zero-width space U+200B', 'a\u200Bb'],
    ['zero-width non-joiner U+200C', 'a\u200Cb'],
    ['zero-width joiner U+200D', 'a\u200Db'],
    ['left-to-right mark U+200E', 'a\u200Eb'],
    ['right-to-left mark U+200F', 'a\u200Fb'],
    ['Arabic letter mark U+061C', 'a\u061Cb'],
    ['byte-order mark U+FEFF', '\uFEFFab'],
    ['right-to-left override U+202E', 'a\u202Eb'],
    ['nothing visible: spaces', '   '],
    ['nothing visible: ideographic space', '\u3000'],
    ['nothing visible: Hangul filler', '\u3164'],
    ['nothing visible: a combining mark alone', '\u0301'],
    ['empty', ''],
  ]
  for (const [label, name] of refusedNames) {
    refused(t, await post(name), ['body/name'], label)
    t.equal(isOneLine(name), false, `isOneLine: ${label}`)
  }
  t.match(OneLine({ maxLength: 5 }), { type: 'string', format: 'one-line', maxLength: 5 })
})

t.test('query strings and path parameters are converted where the schema asks', async (t) => {
  const app = await testApp(t)
  const get = (url: string) => app.inject({ method: 'GET', url })
  const ok = await get('/things/7?limit=5&ratio=0.5&open=true&status=a&q=12')
  t.equal(ok.statusCode, 200)
  t.strictSame(ok.json(), {
    params: { n: 7 },
    query: { limit: 5, ratio: 0.5, open: true, status: ['a'], q: '12' },
  })
  const many = await get('/things/1?status=a&status=b')
  t.strictSame(
    many.json().query,
    { limit: 20, status: ['a', 'b'] },
    'default limit; repeated keys make the array',
  )
  refused(t, await get('/things/1?limit=3.5'), ['querystring/limit'], 'a fraction for an integer')
  refused(t, await get('/things/1?limit=0x10'), ['querystring/limit'], 'not a decimal number')
  refused(t, await get('/things/1?limit=x'), ['querystring/limit'], 'not a number')
  refused(t, await get('/things/1?open=1'), ['querystring/open'], 'only true and false are booleans')
  refused(t, await get('/things/1?status=c'), ['querystring/status/0'], 'not an allowed value')
  refused(t, await get('/things/1?limit=1&limit=2'), ['querystring/limit'], 'two values for one')
  const unknown = await get('/things/1?phone=13812345678')
  t.equal(unknown.statusCode, 400, 'an unknown query key is refused')
  const proto = await get('/things/1?__proto__=a&__proto__=b')
  t.equal(proto.statusCode, 400, '__proto__ in a query string is an unknown key')
  t.equal(({} as Record<string, unknown>).length, undefined, 'and no prototype was touched')
  refused(t, await get('/things/0'), ['params/n'], 'below the minimum')
  refused(t, await get('/things/abc'), ['params/n'], 'not a number')
})

t.test('a body is validated once, by the one compiler', async (t) => {
  let checks = 0
  Format.Set('test-counted', () => {
    checks++
    return true
  })
  const app = await buildApp({ service: 'test', logger: capturedLogger().logger, rateLimit: false })
  t.teardown(() => app.close())
  app.post(
    '/counted',
    {
      config: { access: 'public' },
      schema: {
        body: Type.Object({ v: Type.String({ format: 'test-counted' }) }, { additionalProperties: false }),
      },
    },
    async () => ({ ok: true }),
  )
  await app.ready()
  const res = await app.inject({ method: 'POST', url: '/counted', payload: { v: 'x' } })
  t.equal(res.statusCode, 200)
  t.equal(checks, 1, 'one check of the value, not one per validator')
})
