// Bad input on the public endpoints and the staff actions: every answer is the exact 4xx problem+json the
// README promises for that kind of input, never a 5xx, and nothing is stored (the case's version and
// timeline stay as they were, no rating).
import type { Role } from '@tingjian/kit'
import t from 'tap'
import { ActionBodies } from '../src/schemas/cases.ts'
import { ACTION_BODIES } from './fixtures.ts'
import { harness } from './helpers.ts'

type Action = keyof typeof ActionBodies
type InjectOptions = {
  method: 'GET' | 'POST'
  url: string
  headers?: Record<string, string | string[]>
  payload?: string | Buffer
}
interface Row {
  name: string
  request: (c: { code: string; key: string; id: string; other: string }) => InjectOptions
}

/**
 * The requirement (README "Bad input"), first match wins: broken JSON and prototype keys are refused by the
 * JSON parser; bodies over BODY_LIMIT_BYTES 413; a path over 200 characters 414 (before routing), broken
 * percent-encoding 400 bad-url; a cursor that is not one the API gave out is an invalid query; a wrong
 * access key looks like an unknown code (404); every other wrong shape, type, value, header or query
 * parameter fails validation (400) — text/plain included: it is read as a string, which no body schema
 * admits.
 */
const EXPECTED: Array<[RegExp, number, string]> = [
  [/: (malformed JSON|empty JSON body|__proto__|constructor\.prototype)$/, 400, 'invalid-json'],
  [/: a body over the limit$/, 413, 'payload-too-large'],
  [/: (form-urlencoded|an unknown content type)$/, 415, 'unsupported-media-type'],
  [/: an over-long (case id|tracking code)$/, 414, 'uri-too-long'],
  [/: broken percent-encoding$/, 400, 'bad-url'],
  [/^rating: a wrong key$/, 404, 'not-found'],
  [
    /^replies: a (garbage cursor|cursor of valid base64 but no array|cursor of the wrong length|cursor with objects|cursor with nested arrays)$/,
    400,
    'invalid-query',
  ],
  [/./, 400, 'validation'],
]
const expectedFor = (name: string): [number, string] => {
  const [, status, slug] = EXPECTED.find(([re]) => re.test(name)) as [RegExp, number, string]
  return [status, `/problems/${slug}`]
}

/** Who takes each action in these requests (a role the README's action table allows). */
const ACTOR: Record<Action, [Role, string | null]> = {
  assign: ['dispatcher', null],
  'not-accept': ['dispatcher', null],
  answer: ['dispatcher', null],
  sign: ['handler', 'exit-entry'],
  return: ['handler', 'exit-entry'],
  extension: ['handler', 'exit-entry'],
  'extension/approve': ['dept_lead', 'exit-entry'],
  'extension/refuse': ['dept_lead', 'exit-entry'],
  reply: ['handler', 'exit-entry'],
  'reply/approve': ['dept_lead', 'exit-entry'],
  'reply/send-back': ['dept_lead', 'exit-entry'],
  escalate: ['supervisor', null],
  close: ['dispatcher', null],
  reopen: ['dispatcher', null],
  merge: ['dispatcher', null],
  notes: ['dispatcher', null],
  concerns: ['handler', 'exit-entry'],
}

const JSON_TYPE = { 'content-type': 'application/json' }
const json = (v: unknown) => JSON.stringify(v)
const LONG = 'x'.repeat(30_000)
const OVER_LIMIT = json({ satisfaction: 'satisfied', comment: 'x'.repeat(300 * 1024) })

/** Bodies that are wrong for any endpoint taking a JSON object. */
const badBodies = (
  valid: Record<string, unknown>,
): Array<[string, string | Buffer, Record<string, string>]> => [
  ['malformed JSON', '{"satisfaction": "satisfied",', JSON_TYPE],
  ['empty JSON body', '', JSON_TYPE],
  ['a JSON string where an object goes', json('satisfied'), JSON_TYPE],
  ['a JSON array', json([valid]), JSON_TYPE],
  ['JSON null', 'null', JSON_TYPE],
  ['an unknown field', json({ ...valid, admin: true }), JSON_TYPE],
  ['an operator object on an unknown field', json({ ...valid, status: { $ne: 'x' } }), JSON_TYPE],
  ['__proto__', `{"__proto__": {"polluted": true}, ${json(valid).slice(1)}`, JSON_TYPE],
  [
    'constructor.prototype',
    `{"constructor": {"prototype": {"polluted": true}}, ${json(valid).slice(1)}`,
    JSON_TYPE,
  ],
  ['a body over the limit', OVER_LIMIT, JSON_TYPE],
  ['text/plain', json(valid), { 'content-type': 'text/plain' }],
  ['form-urlencoded', 'satisfaction=satisfied', { 'content-type': 'application/x-www-form-urlencoded' }],
  ['an unknown content type', json(valid), { 'content-type': 'application/xml' }],
]

/** Wrong values for each kind of field: object where a string goes, wrong types, long or control text. */
const badValues = (kind: 'text' | 'id' | 'enum' | 'version' | 'days' | 'bool' | 'line' | 'staffNumber') => {
  const common: unknown[] = [{ $gt: '' }, ['a'], null, true]
  // null clears a concern: the wrong values of a nullable one-line field are the others
  if (kind === 'line') {
    return [{ $gt: '' }, ['a'], true, 42, '', ' ', 'x'.repeat(101), 'two\nlines', 'tab\there', 'rtl\u202e']
  }
  if (kind === 'staffNumber') {
    return [{ $gt: '' }, ['a'], true, 42, '', 'A'.repeat(21), 'A 1', 'A/1', '警号1', '../1']
  }
  if (kind === 'text')
    return [...common, 42, '', LONG, 'bad\u0000nul', 'bell\u0007', 'esc\u001b[31m', 'del\u007f']
  if (kind === 'id') return [...common, 42, '', 'x'.repeat(65), '../etc', 'a b', 'ok\u0000']
  if (kind === 'enum') return [...common, 42, '', 'SATISFIED', 'satisfied\u0000']
  if (kind === 'version') return [{ $gt: 0 }, '1x', 1.5, 0, -1, null, [1, 2], 'NaN']
  if (kind === 'days') return [{ $gt: 0 }, 0, 16, 1.5, 'x', null]
  return [{ $gt: '' }, 'yes-please', 2, [true, false]]
}

const FIELDS: Record<Action, Array<[string, Parameters<typeof badValues>[0]]>> = {
  assign: [
    ['departmentId', 'id'],
    ['assigneeId', 'id'],
    ['note', 'text'],
  ],
  'not-accept': [['reason', 'text']],
  answer: [
    ['text', 'text'],
    ['public', 'bool'],
    ['finding', 'enum'],
  ],
  sign: [],
  return: [['reason', 'text']],
  extension: [
    ['days', 'days'],
    ['reason', 'text'],
  ],
  'extension/approve': [],
  'extension/refuse': [['reason', 'text']],
  reply: [
    ['text', 'text'],
    ['public', 'bool'],
    ['finding', 'enum'],
  ],
  'reply/approve': [],
  'reply/send-back': [['reason', 'text']],
  escalate: [['note', 'text']],
  close: [],
  reopen: [['reason', 'text']],
  merge: [['intoCaseId', 'id']],
  notes: [['text', 'text']],
  concerns: [
    ['office', 'line'],
    ['window', 'line'],
    ['staffNumber', 'staffNumber'],
  ],
}

// merge names its target by a placeholder, swapped for the other case's id when the request is made
const VALID: Record<Action, Record<string, unknown>> = { ...ACTION_BODIES, merge: { intoCaseId: 'OTHER' } }

function publicRows(): Row[] {
  const rows: Row[] = []
  const view = (
    name: string,
    url: (c: { code: string }) => string,
    headers: (key: string) => Record<string, string | string[]>,
  ) =>
    rows.push({
      name: `GET case: ${name}`,
      request: (c) => ({ method: 'GET', url: url(c), headers: headers(c.key) }),
    })
  const ok = (c: { code: string }) => `/api/v1/public/cases/${c.code}`
  view('no access key', ok, () => ({}))
  view('an empty access key', ok, () => ({ 'x-access-key': '' }))
  view('an over-long access key', ok, () => ({ 'x-access-key': 'k'.repeat(5000) }))
  view('a control character in the key', ok, (k) => ({ 'x-access-key': `${k}\u0001` }))
  view('two access keys', ok, (k) => ({ 'x-access-key': [k, k] }))
  view('an operator in the key', ok, () => ({ 'x-access-key': '{"$gt": ""}' }))
  view(
    'a lower-case tracking code',
    (c) => `/api/v1/public/cases/${c.code.toLowerCase()}`,
    (k) => ({ 'x-access-key': k }),
  )
  view(
    'an over-long tracking code',
    (c) => `/api/v1/public/cases/${c.code}${'A'.repeat(300)}`,
    (k) => ({ 'x-access-key': k }),
  )
  view(
    'an 11-character tracking code',
    (c) => `/api/v1/public/cases/${c.code}2`,
    (k) => ({ 'x-access-key': k }),
  )
  view(
    'a NUL in the tracking code',
    (c) => `/api/v1/public/cases/${c.code.slice(0, 9)}%00`,
    (k) => ({ 'x-access-key': k }),
  )
  view(
    'broken percent-encoding',
    () => '/api/v1/public/cases/%E0%A4%A',
    (k) => ({ 'x-access-key': k }),
  )
  view(
    'an operator in the tracking code',
    () => '/api/v1/public/cases/%7B%22%24gt%22%3A%22%22%7D',
    (k) => ({ 'x-access-key': k }),
  )
  view(
    'a query parameter operator',
    (c) => `/api/v1/public/cases/${c.code}?trackingCode[$ne]=x`,
    (k) => ({ 'x-access-key': k }),
  )

  const rate = (
    name: string,
    payload: string | Buffer,
    headers: Record<string, string>,
    key?: (k: string) => string,
  ) =>
    rows.push({
      name: `rating: ${name}`,
      request: (c) => ({
        method: 'POST',
        url: `/api/v1/public/cases/${c.code}/rating`,
        headers: { 'x-access-key': key ? key(c.key) : c.key, ...headers },
        payload,
      }),
    })
  for (const [name, payload, headers] of badBodies({ satisfaction: 'satisfied' }))
    rate(name, payload, headers)
  for (const v of badValues('enum')) rate(`satisfaction ${json(v)}`, json({ satisfaction: v }), JSON_TYPE)
  for (const v of badValues('text')) {
    rate(`comment ${json(v).slice(0, 40)}`, json({ satisfaction: 'satisfied', comment: v }), JSON_TYPE)
  }
  rate('no satisfaction', json({ comment: 'c' }), JSON_TYPE)
  rate('a wrong key', json({ satisfaction: 'satisfied' }), JSON_TYPE, () => 'wrong')
  rate('an over-long key', json({ satisfaction: 'satisfied' }), JSON_TYPE, () => 'k'.repeat(5000))
  rows.push({
    name: 'rating: a bad tracking code',
    request: (c) => ({
      method: 'POST',
      url: `/api/v1/public/cases/${c.code.slice(0, 8)}/rating`,
      headers: { 'x-access-key': c.key, ...JSON_TYPE },
      payload: json({ satisfaction: 'satisfied' }),
    }),
  })

  const replies = (name: string, qs: string) =>
    rows.push({
      name: `replies: ${name}`,
      request: () => ({ method: 'GET', url: `/api/v1/public/replies?${qs}` }),
    })
  replies('a garbage cursor', 'cursor=not-a-cursor')
  replies('a cursor of valid base64 but no array', `cursor=${Buffer.from('{"a":1}').toString('base64url')}`)
  replies('a cursor of the wrong length', `cursor=${Buffer.from('[1,2,3,4,5]').toString('base64url')}`)
  replies('a cursor with objects', `cursor=${Buffer.from('[{"$gt":""},"x"]').toString('base64url')}`)
  replies('a cursor with nested arrays', `cursor=${Buffer.from('[[1],[2]]').toString('base64url')}`)
  replies('an over-long cursor', `cursor=${'a'.repeat(3000)}`)
  replies('an empty cursor', 'cursor=')
  replies('a cursor operator', 'cursor[$gt]=')
  replies('limit 0', 'limit=0')
  replies('limit 1000', 'limit=1000')
  replies('limit -1', 'limit=-1')
  replies('limit abc', 'limit=abc')
  replies('limit 1.5', 'limit=1.5')
  replies('two limits', 'limit=1&limit=2')
  replies('an unknown parameter', 'status=closed')
  replies('__proto__ parameter', '__proto__[x]=1')
  return rows
}

function staffRows(token: (action: Action) => string): Row[] {
  const rows: Row[] = []
  for (const action of Object.keys(ActionBodies) as Action[]) {
    const auth = { authorization: `Bearer ${token(action)}` }
    const valid = { version: 1, ...VALID[action] }
    const post = (name: string, payload: string | Buffer, headers: Record<string, string>, id?: string) =>
      rows.push({
        name: `${action}: ${name}`,
        request: (c) => ({
          method: 'POST',
          url: `/api/v1/cases/${id ?? c.id}/${action}`,
          headers: { ...auth, ...headers },
          payload: payload.toString().replace('"OTHER"', json(c.other)),
        }),
      })
    for (const [name, payload, headers] of badBodies(valid)) post(name, payload, headers)
    for (const v of badValues('version'))
      post(`version ${json(v)}`, json({ ...valid, version: v }), JSON_TYPE)
    const { version: _v, ...withoutVersion } = valid
    // concerns may leave the version out (it is then written on the case as it stands)
    if (action !== 'concerns') post('no version', json(withoutVersion), JSON_TYPE)
    for (const [field, kind] of FIELDS[action]) {
      for (const v of badValues(kind)) {
        post(`${field} ${json(v).slice(0, 40)}`, json({ ...valid, [field]: v }), JSON_TYPE)
      }
    }
    post('an over-long case id', json(valid), JSON_TYPE, 'c'.repeat(300))
    post('a malformed case id', json(valid), JSON_TYPE, 'case%20id')
    post('a case id with an operator', json(valid), JSON_TYPE, '%7B%22%24gt%22%3A%22%22%7D')
  }
  return rows
}

t.test('bad input gets its exact 4xx problem and changes nothing', async (t) => {
  const h = await harness(t)
  const dispatcher = { authorization: `Bearer ${h.token('dispatcher')}` }
  const handler = { authorization: `Bearer ${h.token('handler', 'exit-entry')}` }
  const lead = { authorization: `Bearer ${h.token('dept_lead', 'exit-entry')}` }
  // a replied case (a valid rating would be accepted) and a received one (a valid action would be taken)
  const replied = await h.submit()
  const received = await h.submit()
  const other = await h.submit()
  const steps: Array<[Record<string, string>, string, object]> = [
    [dispatcher, 'assign', { version: 1, departmentId: 'exit-entry' }],
    [handler, 'sign', { version: 2 }],
    [handler, 'reply', { version: 3, text: '答复' }],
    [lead, 'reply/approve', { version: 4 }],
  ]
  for (const [headers, action, payload] of steps) {
    const res = await h.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${replied.id}/${action}`,
      headers,
      payload,
    })
    t.equal(res.statusCode, 200, `setup ${action}`)
  }
  const snapshot = async () =>
    Promise.all(
      [replied.id, received.id, other.id].map(async (id) => {
        const c = await h.cases.get(id)
        return { version: c?.version, timeline: c?.timeline.length, rating: c?.rating, status: c?.status }
      }),
    )
  const before = await snapshot()

  const token = (action: Action) => h.token(...ACTOR[action])
  const rows = [...publicRows(), ...staffRows(token)]
  const ctx = { code: replied.code, key: replied.key, id: received.id, other: other.id }
  let changed = 0
  for (const row of rows) {
    const res = await h.app.inject(row.request(ctx))
    const [status, type] = expectedFor(row.name)
    t.equal(res.statusCode, status, `${row.name}: ${status}`)
    t.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8', `${row.name}: a problem`)
    t.equal(res.json().type, type, `${row.name}: ${type}`)
    const now = await snapshot()
    if (JSON.stringify(now) !== JSON.stringify(before)) {
      changed++
      t.fail(`${row.name} changed a case`, { before, now })
      break
    }
  }
  t.equal(changed, 0, 'nothing changed')
  t.equal(({} as Record<string, unknown>).polluted, undefined, 'no prototype pollution')
  t.ok(rows.length > 300, `${rows.length} bad requests`)
})
