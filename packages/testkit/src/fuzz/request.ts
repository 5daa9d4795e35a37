// One request: access, path, query, headers and body, each valid-looking or hostile, and why it is
// certainly invalid.
import { bodyShapeProblem, ROLES, type Role } from '@tingjian/kit'
import { BROKEN_JSON, CONTENT_TYPES, DEEP, REQUEST_ID_INJECTIONS, WIDE } from './corpora.ts'
import { chance, type G, Generator, pick, roll } from './generator.ts'
import { toJsonText, type Value } from './json-text.ts'
import { type Operation, own, type Resolve } from './openapi.ts'
import { poisoned, stringViolations, violations } from './oracle.ts'
import type { FuzzTarget } from './target.ts'
import type { Signers } from './tokens.ts'

type Headers = Record<string, string | string[]>

export interface FuzzRequest {
  method: string
  url: string
  headers: Headers
  payload?: string | Buffer
  /** Why the request is certainly invalid (empty: it may be valid). */
  invalid: string[]
  /** What was done to it, for the report. */
  notes: string[]
}

/** Characters Node accepts in a header value. */
const headerSafe = (s: string) => s.replace(/[^\t\x20-\x7e\x80-\xff]/g, '?')

/** Text that can travel in a URL: a lone surrogate has no UTF-8 form (encodeURIComponent throws). */
const urlText = (v: Value) => (typeof v === 'string' ? v : toJsonText(v)).replace(/\p{Cs}/gu, '\uFFFD')
const encodeSegment = (s: string) => encodeURIComponent(s)
/** Path values that change which route is hit (dot segments, empty) say nothing certain. */
const routeChanging = (s: string) => s === '' || /^\.{1,2}$/.test(s)

export function buildRequest(
  g: G,
  op: Operation,
  target: FuzzTarget,
  resolve: Resolve,
  tokens: Signers,
  bodyLimit: number,
): FuzzRequest {
  const gen = new Generator(g, resolve, target)
  const invalid: string[] = []
  const notes: string[] = []
  const headers: Headers = {}

  // Access: mostly a role the route allows, sometimes none, a wrong role or a broken token.
  if (op.access !== 'public') {
    const allowed: readonly Role[] = op.access === 'staff' ? ROLES : op.access
    const forbidden = ROLES.filter((r) => !allowed.includes(r))
    const mode = roll(g, 99)
    const role = pick(g, allowed)
    if (mode < 78) headers.authorization = `Bearer ${tokens.valid(role)}`
    else if (mode < 86 && forbidden.length) {
      const wrong = pick(g, forbidden)
      headers.authorization = `Bearer ${tokens.valid(wrong)}`
      invalid.push(`role ${wrong} not allowed`)
      notes.push(`token of ${wrong}`)
    } else {
      const [label, value, verdict] = pick(g, tokens.variants(role))
      if (value.length)
        headers.authorization = Array.isArray(value) ? value.map(headerSafe) : headerSafe(value)
      if (verdict === 'invalid') invalid.push(`token: ${label}`)
      notes.push(`token: ${label}`)
    }
  } else if (chance(g, 5)) {
    headers.authorization = pick(g, ['Bearer x', `Bearer ${tokens.valid('admin')}`, 'Basic Og=='])
  }

  // Path
  let path = op.path
  const pathClaims: string[] = []
  for (const p of op.params.filter((x) => x.in === 'path')) {
    const mode = roll(g, 99)
    let segment: string
    if (mode < 75) {
      const text = urlText(gen.plausible(p.schema, p.name))
      segment = encodeSegment(text)
      if (routeChanging(text)) notes.push(`path ${p.name} changes the route`)
      else pathClaims.push(...stringViolations(resolve, p.schema, text, `params/${p.name}`))
    } else if (mode < 92) {
      const text = urlText(gen.hostile(p.schema, p.name)).slice(0, 9000)
      segment = encodeSegment(text)
      if (routeChanging(text) || text.includes('/')) notes.push(`path ${p.name} changes the route`)
      else pathClaims.push(...stringViolations(resolve, p.schema, text, `params/${p.name}`))
      notes.push(`path ${p.name} hostile`)
    } else {
      // raw, not encoded: broken escapes, NUL, traversal, over-long
      segment = pick(g, [
        '%E0%A4%A',
        '%',
        '%zz',
        '%00',
        '%C0%AE',
        '..%2f..%2f',
        '%2e%2e',
        '%FF%FE',
        '%ED%A0%80',
        'a%20b',
        'x'.repeat(300),
        '%u0041',
      ])
      notes.push(`path ${p.name} raw ${segment.slice(0, 20)}`)
    }
    path = path.replace(`{${p.name}}`, segment)
  }
  // may land on another route: the path parameters (and the method) then say nothing certain
  const suffixed = chance(g, 3)
  if (suffixed) {
    path += pick(g, ['/extra', '/', '//', '/..', '/%2e%2e', ';x=1'])
    notes.push('path suffix')
  } else invalid.push(...pathClaims)

  // Query
  const query: Array<[string, string]> = []
  for (const p of op.params.filter((x) => x.in === 'query')) {
    const mode = roll(g, 99)
    if (!p.required && chance(g, 35)) continue
    if (mode < 45) {
      query.push([p.name, urlText(gen.plausible(p.schema, p.name))])
    } else if (mode < 70) {
      query.push([p.name, urlText(gen.hostile(p.schema, p.name)).slice(0, 9000)])
    } else if (mode < 75) {
      query.push([p.name, 'a'], [p.name, 'b'])
    } else if (mode < 80) {
      query.push([`${p.name}[$ne]`, 'x'])
    }
  }
  if (chance(g, 20)) {
    const extra = pick(g, [
      ['__proto__[polluted]', 'yes'],
      ['constructor[prototype][polluted]', 'yes'],
      ['__proto__', 'yes'],
      ['$where', 'sleep(100)'],
      ['filter[$gt]', ''],
      ['a', 'b'],
      ['', ''],
      ['\u0000', 'x'],
      ['q'.repeat(3000), 'x'],
    ] as Array<[string, string]>)
    query.push(extra)
    notes.push(`extra query ${extra[0].slice(0, 30)}`)
  }
  const rawQuery = chance(g, 3)
    ? pick(g, ['%', '%zz=1', '&&&', '=', 'a=%E0%A4%A', 'a=%ED%A0%80', '?a=1', 'a==1'])
    : undefined
  // what the server's query parser makes of it: repeated keys become lists
  const parsed = new Map<string, string[]>()
  for (const [k, v] of query) parsed.set(k, [...(parsed.get(k) ?? []), v])
  for (const p of op.params.filter((x) => x.in === 'query')) {
    const v = parsed.get(p.name)
    if (v === undefined) {
      if (p.required && !rawQuery && !own(p.schema, 'default')) invalid.push(`query ${p.name} missing`)
    } else if (!rawQuery) {
      invalid.push(
        ...stringViolations(resolve, p.schema, v.length === 1 ? (v[0] ?? '') : v, `querystring/${p.name}`),
      )
    }
  }
  let url = path
  if (query.length || rawQuery)
    url += `?${[...query.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`), ...(rawQuery ? [rawQuery] : [])].join('&')}`

  // Headers declared by the route
  for (const p of op.params.filter((x) => x.in === 'header')) {
    const mode = roll(g, 99)
    let value: string | string[] | undefined
    if (!p.required && chance(g, 40)) value = undefined
    else if (mode < 70) {
      const v = gen.plausible(p.schema, p.name)
      value = typeof v === 'string' ? v : toJsonText(v)
    } else if (mode < 90) {
      const v = gen.hostile(p.schema, p.name)
      value = (typeof v === 'string' ? v : toJsonText(v)).slice(0, 5000)
    } else if (mode < 95) {
      const v = gen.plausible(p.schema, p.name)
      value = [String(v), String(v)]
    }
    if (value === undefined) {
      if (p.required) invalid.push(`header ${p.name} missing`)
      continue
    }
    const safe = Array.isArray(value) ? value.map(headerSafe) : headerSafe(value)
    // Node trims a header value's surrounding blanks; the server sees the trimmed text
    const seen = Array.isArray(safe) ? safe.map((x) => x.trim()) : safe.trim()
    headers[p.name] = safe
    // certain only if wrong both as sent and as trimmed (whether the server trims depends on the transport)
    const judge = (v: string | string[]) =>
      stringViolations(resolve, p.schema, Array.isArray(v) ? v.join(', ') : v, `headers/${p.name}`)
    const [asSent, asSeen] = [judge(safe), judge(seen)]
    if (asSent.length && asSeen.length) invalid.push(...asSeen)
  }
  if (chance(g, 8)) {
    // the request id is logged on every line of the request and echoed in the answer
    const value = pick(g, REQUEST_ID_INJECTIONS)
    headers['x-request-id'] = chance(g, 10) ? [headerSafe(value), 'second-id-1234'] : headerSafe(value)
    notes.push(`x-request-id ${JSON.stringify(value.slice(0, 30))}`)
  }
  if (chance(g, 8)) {
    const [name, value] = pick(g, [
      ['x-forwarded-for', '127.0.0.1, 10.0.0.1'],
      ['accept', 'text/html'],
      ['accept-encoding', 'gzip;q=abc'],
      ['x-http-method-override', 'DELETE'],
      ['cookie', '__proto__=x; constructor=y'],
    ] as Array<[string, string]>)
    headers[name] = value
    notes.push(`header ${name}`)
  }

  // Body
  let payload: string | Buffer | undefined
  if (op.body) {
    const mode = roll(g, 99)
    const bodySchema = op.body
    const value = gen.body(bodySchema, target.examples?.[op.id] ?? [])
    const text = toJsonText(value)
    let contentType: string | undefined = 'application/json'
    if (mode < 70) {
      payload = text
      notes.push('json body')
    } else if (mode < 78) {
      payload = pick(g, [
        '[]',
        '[{}]',
        '"x"',
        '42',
        'null',
        'true',
        DEEP(20_000, 'array').text,
        DEEP(5_000, 'object').text,
        WIDE(15_000, 'object').text,
        WIDE(30_000, 'array').text,
        `[${text}]`,
        '{}',
      ])
      notes.push('json of another shape')
    } else if (mode < 86) {
      payload = pick(g, BROKEN_JSON(text))
      notes.push('broken json')
    } else if (mode < 93) {
      const [type, verdict] = pick(g, CONTENT_TYPES)
      contentType = type
      payload = chance(g, 50) ? text : `a=${encodeURIComponent(text)}`
      notes.push(`content-type ${String(type)}`)
      if (verdict === 'wrong') invalid.push(`content-type ${String(type)}`)
    } else if (mode < 97) {
      // beyond the body limit
      const filler = pick(g, ['x', '长', '\\u0000'])
      payload = `{"a":"${filler.repeat(Math.ceil((bodyLimit + 1024) / (filler === '长' ? 3 : filler.length)))}"}`
      notes.push('oversize body')
      invalid.push('body over the limit')
    } else {
      payload = Buffer.concat([
        Buffer.from(text.slice(0, 20)),
        Buffer.from([0xff, 0xfe, 0xc0, 0xae]),
        Buffer.from(text.slice(20)),
      ])
      notes.push('invalid UTF-8')
    }
    if (contentType !== undefined) headers['content-type'] = contentType
    if (
      typeof payload === 'string' &&
      contentType === 'application/json' &&
      !invalid.includes('body over the limit')
    ) {
      // the oracle judges what the server's parser sees
      let parsedBody: unknown
      let ok = true
      const stripped = payload.replace(/^\uFEFF/, '')
      try {
        parsedBody = JSON.parse(stripped)
      } catch {
        ok = false
      }
      if (!ok || stripped.trim() === '') invalid.push('not JSON')
      else if (poisoned(parsedBody)) invalid.push('prototype poisoning')
      else if (bodyShapeProblem(parsedBody)) invalid.push(`body ${bodyShapeProblem(parsedBody)}`)
      else {
        const out: string[] = []
        violations(resolve, bodySchema, parsedBody, 'body', out)
        invalid.push(...out)
      }
    }
  } else if (chance(g, 8)) {
    payload = pick(g, ['{"a":1}', '{', 'x'.repeat(1000), '{"__proto__":{"polluted":"yes"}}'])
    headers['content-type'] = pick(g, ['application/json', 'text/plain'])
    notes.push('unexpected body')
  }

  let method: string = op.method
  if (chance(g, 2)) {
    method = pick(
      g,
      ['PUT', 'PATCH', 'DELETE', 'OPTIONS', 'TRACE', 'POST', 'GET', 'HEAD'].filter((m) => m !== op.method),
    )
    notes.push(`method ${method}`)
    const route = op.path.replace(/\{([^}]+)\}/g, ':$1')
    // another route answers this method: what was certain of this one says nothing of it
    invalid.length = 0
    if (!suffixed && !target.app.hasRoute({ method: method as 'GET', url: route }))
      invalid.push(`no ${method} route`)
  }
  const request: FuzzRequest = { method, url, headers, invalid, notes }
  if (payload !== undefined) request.payload = payload
  return request
}
