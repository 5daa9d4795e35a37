// The DocumentStore contract suite: one set of tests that every adapter must pass (see README.md).
// Run it from an adapter's test file: `storeContract(t, async (t) => { ...; return store })`; the factory
// gives each test an empty store of its own and registers the teardown on that test.
import { createEvent, type EventEnvelope } from '@tingjian/contracts'
import type { Test } from 'tap'
import {
  type Collection,
  type DocumentStore,
  type Filter,
  type GroupCount,
  InvalidDocumentError,
  InvalidQueryError,
  MAX_PAGE_SIZE,
  type Scalar,
  type Sort,
  StoreConflictError,
  type Stored,
  StoreNotFoundError,
} from './port.ts'
import { isConflict, modify, upsert } from './retry.ts'

export type StoreFactory = (t: Test) => Promise<DocumentStore>

interface Item {
  status?: string | null
  n?: number | string
  tags?: unknown
  nested?: unknown
  flag?: boolean
  maybe?: string | null
  title?: string
}

/** A fixed set where every filter operator has something to find and something to miss. */
const ITEMS: Record<string, Item> = {
  a: {
    status: 'open',
    n: 1,
    tags: ['x', 'y'],
    nested: { k: 'v', depth: { z: 1 } },
    flag: true,
    maybe: null,
    title: 'Alpha',
  },
  b: { status: 'closed', n: 2.5, tags: ['y'], nested: { k: 'w' }, flag: false, title: 'beta' },
  c: { status: 'open', n: 10, tags: [], flag: true, maybe: 'set', title: 'Gamma' },
  d: { status: 'rework', n: -3, tags: ['x', null], nested: { k: 'v' }, title: '中文' },
  e: { status: 'open', n: '10', tags: 'x', nested: null },
  f: { status: null, n: 0, tags: [1, 2] },
}

/** Filter → the ids it must find, in MongoDB's semantics. */
const FILTER_CASES: Array<[string, Filter, string[]]> = [
  ['equality', { status: 'open' }, ['a', 'c', 'e']],
  ['$eq', { status: { $eq: 'open' } }, ['a', 'c', 'e']],
  ['$ne', { status: { $ne: 'open' } }, ['b', 'd', 'f']],
  ['equality with null: null only when present', { status: null }, ['f']],
  ['null matches missing', { maybe: null }, ['a', 'b', 'd', 'e', 'f']],
  ['$ne null: present and not null', { maybe: { $ne: null } }, ['c']],
  ['$exists true (null counts as present)', { maybe: { $exists: true } }, ['a', 'c']],
  ['$exists false', { maybe: { $exists: false } }, ['b', 'd', 'e', 'f']],
  ['array contains', { tags: 'x' }, ['a', 'd', 'e']],
  ['$ne against arrays: contains none', { tags: { $ne: 'x' } }, ['b', 'c', 'f']],
  ['$in against arrays', { tags: { $in: ['y', 2] } }, ['a', 'b', 'f']],
  ['$nin against arrays', { tags: { $nin: ['x'] } }, ['b', 'c', 'f']],
  ['array contains number, compared', { tags: { $gt: 1 } }, ['f']],
  ['$gt only compares numbers with numbers', { n: { $gt: 1 } }, ['b', 'c']],
  ['range', { n: { $gte: 0, $lt: 10 } }, ['a', 'b', 'f']],
  ['$lte string compares strings only', { n: { $lte: '5' } }, ['e']],
  ['number is not the string', { n: 10 }, ['c']],
  ['string is not the number', { n: '10' }, ['e']],
  ['negative number', { n: { $lt: 0 } }, ['d']],
  ['dotted path', { 'nested.k': 'v' }, ['a', 'd']],
  ['deep dotted path', { 'nested.depth.z': { $gte: 1 } }, ['a']],
  ['dotted path through null or missing is null', { 'nested.k': null }, ['c', 'e', 'f']],
  ['array position', { 'tags.0': 'x' }, ['a', 'd']],
  ['boolean true', { flag: true }, ['a', 'c']],
  ['boolean false', { flag: false }, ['b']],
  ['$ne boolean (missing included)', { flag: { $ne: true } }, ['b', 'd', 'e', 'f']],
  ['$in with null', { flag: { $in: [false, null] } }, ['b', 'd', 'e', 'f']],
  ['$or', { $or: [{ status: 'closed' }, { n: { $lt: 0 } }] }, ['b', 'd']],
  ['$and', { $and: [{ status: 'open' }, { flag: true }] }, ['a', 'c']],
  ['fields and $or together', { status: 'open', $or: [{ n: 1 }, { n: '10' }] }, ['a', 'e']],
  [
    'nested $and in $or',
    { $or: [{ $and: [{ flag: true }, { n: { $gt: 5 } }] }, { status: null }] },
    ['c', 'f'],
  ],
  ['strings compare by code point', { title: { $gt: 'Z' } }, ['b', 'd']],
  ['_id equality', { _id: 'b' }, ['b']],
  ['_id $in', { _id: { $in: ['a', 'c', 'zz'] } }, ['a', 'c']],
  ['_id range', { _id: { $gt: 'd' } }, ['e', 'f']],
  ['empty $in finds nothing', { status: { $in: [] } }, []],
  ['empty $nin finds all', { status: { $nin: [] } }, ['a', 'b', 'c', 'd', 'e', 'f']],
  ['two operators on one path', { status: { $exists: true, $ne: 'open' } }, ['b', 'd', 'f']],
  ['undefined values are ignored', { status: undefined, flag: true }, ['a', 'c']],
  ['empty filter', {}, ['a', 'b', 'c', 'd', 'e', 'f']],
  ['a quote in a value is only a value', { status: "open' OR '1'='1" }, []],
  ['an operator-looking string is only a string', { status: '$ne' }, []],
]

/** Filters outside the language: each must throw InvalidQueryError before any query is sent. */
function invalidFilters(): Array<[string, unknown]> {
  return [
    ['$where inside a condition', { status: { $where: 'sleep(1000)' } }],
    ['top-level $where', { $where: 'this.status == "open"' }],
    ['$expr', { $expr: { $eq: ['$status', 'open'] } }],
    ['$regex', { status: { $regex: '.*' } }],
    ['$elemMatch', { tags: { $elemMatch: { $eq: 'x' } } }],
    ['object as a value', { status: { open: true } }],
    ['nested operator object as a value', { nested: { k: 'v' } }],
    ['array as a value', { status: ['open'] }],
    ['__proto__ path', JSON.parse('{"__proto__": {"$ne": null}}')],
    ['dotted __proto__ path', { 'nested.__proto__.k': 'v' }],
    ['constructor path', { 'constructor.prototype': 1 }],
    ['operator-like path', { 'status.$ne': 1 }],
    ['the store’s own fields', { _outboxAt: { $exists: true } }],
    ['_id as an object path', { '_id.x': 1 }],
    ['empty path', { '': 1 }],
    ['double dot path', { 'nested..k': 1 }],
    ['$in not a list', { status: { $in: 'open' } }],
    ['$in with objects', { status: { $in: [{ $gt: '' }] } }],
    ['$gt with a boolean', { flag: { $gt: false } }],
    ['$gt with null', { n: { $gt: null } }],
    ['$exists not boolean', { maybe: { $exists: 1 } }],
    ['$or not a list', { $or: { status: 'open' } }],
    ['empty $or', { $or: [] }],
    ['$and with a non-filter', { $and: ['status'] }],
    ['NaN', { n: Number.NaN }],
    ['Infinity', { n: { $lt: Number.POSITIVE_INFINITY } }],
    ['a Date', { n: new Date() }],
    ['empty condition', { status: {} }],
    ['not an object', 'status'],
  ]
}

function testEvent(subject: string, note: string): EventEnvelope {
  return createEvent({
    type: 'platform.store-contract-tested',
    version: 1,
    source: 'platform',
    subject,
    data: { note },
  })
}

function ids(docs: Array<{ _id: string }>): string[] {
  return docs.map((d) => d._id).sort()
}

async function seed(items: Collection<Item>): Promise<void> {
  for (const [id, item] of Object.entries(ITEMS)) await items.insert(id, item)
}

/** MongoDB's order of one sort key: null (or missing) lowest; then numbers; then strings by code point. */
function compareValues(x: Scalar | undefined, y: Scalar | undefined): number {
  const rank = (v: Scalar | undefined) => (v === null || v === undefined ? 0 : typeof v === 'number' ? 1 : 2)
  const rx = rank(x)
  const ry = rank(y)
  if (rx !== ry) return rx - ry
  if (rx === 0) return 0
  if (typeof x === 'number' && typeof y === 'number') return x - y
  const bx = Buffer.from(String(x))
  const by = Buffer.from(String(y))
  return Buffer.compare(bx, by)
}

function expectedOrder<T extends { _id: string }>(docs: T[], sort: Sort): string[] {
  const keys: Sort = sort.some(([p]) => p === '_id') ? sort : [...sort, ['_id', 1]]
  return [...docs]
    .sort((a, b) => {
      for (const [path, dir] of keys) {
        const va = (a as Record<string, unknown>)[path] as Scalar | undefined
        const vb = (b as Record<string, unknown>)[path] as Scalar | undefined
        const c = compareValues(va, vb)
        if (c !== 0) return c * dir
      }
      return 0
    })
    .map((d) => d._id)
}

async function walk<T extends object>(
  items: Collection<T>,
  filter: Filter,
  sort: Sort,
  limit: number,
): Promise<{ order: string[]; pages: number }> {
  const order: string[] = []
  let cursor: string | null = null
  let pages = 0
  do {
    const page: { items: Stored<T>[]; nextCursor: string | null } = await items.find(filter, {
      sort,
      limit,
      cursor,
    })
    pages++
    if (pages > 200) throw new Error('pagination does not end')
    order.push(...page.items.map((d) => d._id))
    cursor = page.nextCursor
  } while (cursor)
  return { order, pages }
}

function sortGroups(groups: GroupCount[]): GroupCount[] {
  return [...groups].sort((a, b) => JSON.stringify(a.key).localeCompare(JSON.stringify(b.key)))
}

export function storeContract(t: Test, factory: StoreFactory): void {
  t.test('insert and get', async (t) => {
    const store = await factory(t)
    const items = store.collection<Item & { deep?: unknown }>('items')
    t.equal(await items.get('nope'), null, 'a missing document is null')
    const now = new Date('2025-03-01T08:00:00.000Z')
    const deep = { list: [1, 2.5, -7, 'zh 中文', true, false, null, { a: [{}] }], empty: {}, text: '' }
    const saved = await items.insert('a1', { status: 'open', n: 3, deep }, { now })
    t.strictSame(saved, {
      _id: 'a1',
      version: 1,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
      status: 'open',
      n: 3,
      deep,
    })
    t.strictSame(await items.get('a1'), saved, 'get returns what insert returned, without the outbox')
  })

  t.test('managed fields are the store’s; bad documents are refused', async (t) => {
    const store = await factory(t)
    const items = store.collection<Record<string, unknown>>('items')
    const saved = await items.insert('m1', {
      _id: 'other',
      version: 41,
      createdAt: 'x',
      updatedAt: 'y',
      status: 'open',
      skipped: undefined,
    })
    t.equal(saved._id, 'm1')
    t.equal(saved.version, 1)
    t.not(saved.createdAt, 'x')
    t.notOk('skipped' in saved, 'undefined fields are dropped')
    t.strictSame(await items.get('m1'), saved)
    const bad: Array<[string, unknown]> = [
      ['dotted name', { 'a.b': 1 }],
      ['operator name', { $set: { status: 'x' } }],
      ['reserved underscore name', { _outbox: {} }],
      ['nested operator key', { meta: { $gt: 1 } }],
      ['nested dotted key', { meta: { 'a.b': 1 } }],
      ['Date value', { at: new Date() }],
      ['NaN value', { n: Number.NaN }],
      ['function value', { f: () => 1 }],
      ['not an object', ['status']],
    ]
    for (const [label, doc] of bad) {
      await t.rejects(
        items.insert(`bad-${label}`, doc as Record<string, unknown>),
        InvalidDocumentError,
        label,
      )
    }
    t.equal(await items.count(), 1, 'nothing was written')
    await t.rejects(items.insert('', {}), InvalidQueryError, 'empty id')
    t.throws(() => store.collection('bad name!'), InvalidQueryError, 'bad collection name')
    t.throws(() => store.collection('system.users'), InvalidQueryError, 'dotted collection name')
  })

  t.test('duplicate id is a typed conflict', async (t) => {
    const store = await factory(t)
    const items = store.collection<Item>('items')
    await items.insert('d1', { status: 'open' })
    const err = await items.insert('d1', { status: 'closed' }).then(
      () => null,
      (e: unknown) => e,
    )
    t.type(err, StoreConflictError)
    t.match(err, {
      kind: 'duplicate',
      collection: 'items',
      id: 'd1',
      index: '_id_',
      code: 'TJ_STORE_CONFLICT',
    })
    t.equal((await items.get('d1'))?.status, 'open', 'the first stays')
  })

  t.test('unique indexes', async (t) => {
    const store = await factory(t)
    const users = store.collection<{ email?: string; org?: string; code?: string; phoneHash?: string }>(
      'users',
    )
    const indexes = [
      { name: 'by_email', keys: [['email', 1]] as Sort, unique: true },
      {
        name: 'by_org_code',
        keys: [
          ['org', 1],
          ['code', 1],
        ] as Sort,
        unique: true,
      },
      { name: 'by_phone', keys: [['phoneHash', 1]] as Sort, unique: true, sparse: true },
      { name: 'by_org', keys: [['org', 1]] as Sort },
    ]
    await users.ensureIndexes(indexes)
    await t.resolves(users.ensureIndexes(indexes), 'ensureIndexes is idempotent')

    await users.insert('u1', { email: 'a@example.org', org: 'o1', code: 'c1' })
    await t.rejects(users.insert('u2', { email: 'a@example.org', org: 'o1', code: 'c2' }), {
      name: 'StoreConflictError',
      kind: 'duplicate',
      index: 'by_email',
    })
    await t.rejects(users.insert('u3', { email: 'b@example.org', org: 'o1', code: 'c1' }), {
      name: 'StoreConflictError',
      kind: 'duplicate',
      index: 'by_org_code',
    })
    const compound = await users.insert('u4', { email: 'c@example.org', org: 'o2', code: 'c1' })
    t.match(compound, { _id: 'u4', version: 1 }, 'a compound key differs when one part differs')

    // sparse: documents without the path are not indexed, so any number may lack it
    await users.insert('u5', { email: 'd@example.org', org: 'o3', code: 'c1' })
    await users.insert('u6', { email: 'e@example.org', org: 'o4', code: 'c1', phoneHash: 'h1' })
    await t.rejects(users.insert('u7', { email: 'f@example.org', org: 'o5', code: 'c1', phoneHash: 'h1' }), {
      name: 'StoreConflictError',
      kind: 'duplicate',
      index: 'by_phone',
    })

    const u4 = await users.get('u4')
    if (!u4) throw new Error('u4 missing')
    const err = await users.update('u4', u4.version, { email: 'a@example.org', org: 'o2', code: 'c1' }).then(
      () => null,
      (e: unknown) => e,
    )
    t.type(err, StoreConflictError, 'an update onto a taken key is a conflict')
    t.match(err, { kind: 'duplicate', index: 'by_email' })
    t.strictSame(await users.get('u4'), u4, 'and changes nothing')
    t.equal(await users.count(), 4)
  })

  t.test('update', async (t) => {
    const store = await factory(t)
    const items = store.collection<Item & { extra?: string }>('items')
    const created = new Date('2025-03-01T08:00:00.000Z')
    const later = new Date('2025-03-02T09:30:00.000Z')
    const v1 = await items.insert('u1', { status: 'open', n: 1, extra: 'dropped later' }, { now: created })
    const v2 = await items.update('u1', 1, { status: 'closed', n: 2 }, { now: later })
    t.strictSame(v2, {
      _id: 'u1',
      version: 2,
      createdAt: v1.createdAt,
      updatedAt: later.toISOString(),
      status: 'closed',
      n: 2,
    })
    t.strictSame(await items.get('u1'), v2, 'the document is replaced: fields left out are gone')

    const v3 = await items.update('u1', 2, { ...v2, status: 'rework' })
    t.equal(v3.version, 3, 'a caller may pass the stored document back (its managed fields are ignored)')

    const stale = await items.update('u1', 2, { status: 'lost' }).then(
      () => null,
      (e: unknown) => e,
    )
    t.type(stale, StoreConflictError)
    t.match(stale, { kind: 'stale', collection: 'items', id: 'u1' })
    t.strictSame(await items.get('u1'), v3, 'a stale update changes nothing')
    await t.rejects(
      items.update('u1', 9, { status: 'future' }),
      { name: 'StoreConflictError', kind: 'stale' },
      'a future version too',
    )

    await t.rejects(items.update('ghost', 1, { status: 'x' }), StoreNotFoundError)
    await t.rejects(items.update('u1', 0, { status: 'x' }), InvalidQueryError)
    await t.rejects(items.update('u1', 3, { 'bad.name': 1 } as Item), InvalidDocumentError)
    t.strictSame(await items.get('u1'), v3)
  })

  t.test('concurrent updates with the same version: exactly one wins', async (t) => {
    const store = await factory(t)
    const items = store.collection<{ winner: number | null }>('items')
    await items.insert('race', { winner: null })
    for (let round = 1; round <= 3; round++) {
      const results = await Promise.allSettled(
        Array.from({ length: 12 }, (_, i) => items.update('race', round, { winner: i })),
      )
      const won = results.filter(
        (r): r is PromiseFulfilledResult<Stored<{ winner: number | null }>> => r.status === 'fulfilled',
      )
      const lost = results.filter(
        (r): r is PromiseRejectedResult => r.status === 'rejected' && isConflict(r.reason, 'stale'),
      )
      t.equal(won.length, 1, `round ${round}: one winner`)
      t.equal(lost.length, 11, `round ${round}: every other writer gets a stale conflict`)
      const doc = await items.get('race')
      t.equal(doc?.version, round + 1)
      t.equal(doc?.winner, won[0]?.value.winner, 'the winner’s document')
    }
  })

  t.test('upsert: creates when missing, changes when present, with its events', async (t) => {
    const store = await factory(t)
    const counters = store.collection<{ n: number }>('counters')
    const at = new Date('2025-04-01T00:00:00.000Z')
    // create { n: 1 } when missing, else add one; the event notes what it saw and what it wrote
    const bump = (e: EventEnvelope, now?: Date) =>
      upsert(
        counters,
        'c',
        () => ({ n: 1 }),
        (cur) => ({ n: cur.n + 1 }),
        {
          events: (cur, next) => [{ ...e, data: { note: `${cur?.n ?? 'none'}->${next.n}` } }],
          ...(now ? { now } : {}),
        },
      )
    const e1 = testEvent('c', 'created')
    const created = await bump(e1, at)
    t.strictSame(created, {
      _id: 'c',
      version: 1,
      createdAt: at.toISOString(),
      updatedAt: at.toISOString(),
      n: 1,
    })
    const e2 = testEvent('c', 'changed')
    const changed = await bump(e2)
    t.match(changed, { _id: 'c', version: 2, n: 2 })
    t.match(await counters.outboxPending(10), [
      {
        id: 'c',
        events: [
          { id: e1.id, data: { note: 'none->1' } },
          { id: e2.id, data: { note: '1->2' } },
        ],
      },
    ])
    const same = await upsert(
      counters,
      'c',
      () => ({ n: 100 }),
      () => null,
    )
    t.strictSame(same, changed, 'null from change: nothing written')
    t.strictSame(await counters.get('c'), changed)
  })

  t.test('upsert: racing creators lose no change', async (t) => {
    const store = await factory(t)
    const counters = store.collection<{ n: number }>('counters')
    const racers = 10
    await Promise.all(
      Array.from({ length: racers }, () =>
        upsert(
          counters,
          'hits',
          () => ({ n: 1 }),
          (cur) => ({ n: cur.n + 1 }),
          { maxAttempts: 100 },
        ),
      ),
    )
    const doc = await counters.get('hits')
    t.equal(doc?.n, racers, 'every racer counted once')
    t.equal(doc?.version, racers, 'one insert and one update per other racer')
  })

  t.test('upsert: a taken unique key is a duplicate, not a loop', async (t) => {
    const store = await factory(t)
    const users = store.collection<{ email: string }>('users')
    await users.ensureIndexes([{ name: 'by_email', keys: [['email', 1]], unique: true }])
    await users.insert('u1', { email: 'a@example.org' })
    let changes = 0
    const err = await upsert(
      users,
      'u2',
      () => ({ email: 'a@example.org' }),
      (cur) => {
        changes++
        return cur
      },
    ).then(
      () => null,
      (e: unknown) => e,
    )
    t.ok(isConflict(err, 'duplicate'), 'a duplicate conflict')
    t.match(err, { kind: 'duplicate', index: 'by_email' })
    t.equal(changes, 0, 'change was never called')
    t.equal(await users.get('u2'), null, 'nothing was created')
    t.equal(await users.count(), 1)
  })

  t.test('modify: racing writers lose no change; a missing document is not found', async (t) => {
    const store = await factory(t)
    const counters = store.collection<{ n: number }>('counters')
    await counters.insert('c', { n: 0 })
    await Promise.all(
      Array.from({ length: 8 }, () =>
        modify(counters, 'c', (cur) => ({ n: cur.n + 1 }), { maxAttempts: 100 }),
      ),
    )
    t.match(await counters.get('c'), { n: 8, version: 9 })
    await t.rejects(
      modify(counters, 'ghost', (cur) => cur),
      StoreNotFoundError,
    )
    t.equal(await counters.get('ghost'), null)
  })

  t.test('filter operators', async (t) => {
    const store = await factory(t)
    const items = store.collection<Item>('items')
    await seed(items)
    for (const [label, filter, expected] of FILTER_CASES) {
      const page = await items.find(filter, { limit: MAX_PAGE_SIZE })
      t.strictSame(ids(page.items), expected, `find: ${label}`)
      t.equal(await items.count(filter), expected.length, `count: ${label}`)
    }
  })

  t.test('invalid filters are refused before any query', async (t) => {
    const store = await factory(t)
    const items = store.collection<Item>('items')
    await seed(items)
    for (const [label, filter] of invalidFilters()) {
      await t.rejects(items.find(filter as Filter), InvalidQueryError, `find: ${label}`)
      await t.rejects(items.count(filter as Filter), InvalidQueryError, `count: ${label}`)
      await t.rejects(items.countBy(['status'], filter as Filter), InvalidQueryError, `countBy: ${label}`)
    }
    await t.rejects(items.find({}, { sort: [['status', 2 as 1]] }), InvalidQueryError, 'sort direction')
    await t.rejects(items.find({}, { sort: [['$natural', 1]] }), InvalidQueryError, 'sort path')
    await t.rejects(items.find({}, { limit: 0 }), InvalidQueryError, 'limit 0')
    await t.rejects(items.find({}, { limit: MAX_PAGE_SIZE + 1 }), InvalidQueryError, 'limit too big')
    await t.rejects(items.find({}, { cursor: 'not-a-cursor' }), InvalidQueryError, 'garbage cursor')
    await t.rejects(items.countBy(['$status']), InvalidQueryError, 'countBy path')
    await t.rejects(items.countBy([]), InvalidQueryError, 'countBy without paths')
    t.equal(await items.count(), Object.keys(ITEMS).length, 'nothing changed')
  })

  t.test('sort and cursor pagination', async (t) => {
    const store = await factory(t)
    interface Row {
      rank?: number | null
      group: string
      i: number
    }
    const rows = store.collection<Row>('rows')
    const all: Array<Row & { _id: string }> = []
    for (let i = 0; i < 29; i++) {
      const row: Row = { group: ['b', 'a', 'c'][i % 3] as string, i }
      // duplicates of every sort value; some null, some missing
      if (i % 7 !== 0) row.rank = i % 5 === 0 ? null : i % 4
      const id = `r${String((i * 17) % 29).padStart(2, '0')}`
      await rows.insert(id, row)
      all.push({ ...row, _id: id })
    }
    const sorts: Sort[] = [
      [['rank', 1]],
      [['rank', -1]],
      [
        ['group', 1],
        ['rank', -1],
      ],
      [
        ['group', -1],
        ['i', 1],
      ],
      [['_id', -1]],
      [],
    ]
    for (const sort of sorts) {
      for (const limit of [1, 4, 7, 50]) {
        const { order, pages } = await walk(rows, {}, sort, limit)
        t.strictSame(
          order,
          expectedOrder(all, sort),
          `sort ${JSON.stringify(sort)} limit ${limit}: each once, in order`,
        )
        t.equal(pages, Math.max(1, Math.ceil(all.length / limit)), `… in ${pages} pages`)
      }
    }
    const filter: Filter = { group: { $in: ['a', 'c'] } }
    const subset = all.filter((r) => r.group !== 'b')
    const { order } = await walk(rows, filter, [['rank', -1]], 3)
    t.strictSame(order, expectedOrder(subset, [['rank', -1]]), 'with a filter')

    const first = await rows.find({}, { sort: [['rank', 1]], limit: 5 })
    t.ok(first.nextCursor, 'a full page has a next cursor')
    const last = await rows.find({}, { limit: MAX_PAGE_SIZE })
    t.equal(last.nextCursor, null, 'the last page has none')
  })

  t.test('count and countBy', async (t) => {
    const store = await factory(t)
    const items = store.collection<Item>('items')
    t.equal(await items.count(), 0)
    t.strictSame(await items.countBy(['status']), [], 'no documents, no groups')
    await seed(items)
    t.equal(await items.count(), 6)
    t.equal(await items.count({ status: 'open' }), 3)
    t.strictSame(
      sortGroups(await items.countBy(['status'])),
      sortGroups([
        { key: { status: 'open' }, count: 3 },
        { key: { status: 'closed' }, count: 1 },
        { key: { status: 'rework' }, count: 1 },
        { key: { status: null }, count: 1 },
      ]),
      'one path',
    )
    t.strictSame(
      sortGroups(await items.countBy(['status', 'flag'])),
      sortGroups([
        { key: { status: 'open', flag: true }, count: 2 },
        { key: { status: 'open', flag: null }, count: 1 },
        { key: { status: 'closed', flag: false }, count: 1 },
        { key: { status: 'rework', flag: null }, count: 1 },
        { key: { status: null, flag: null }, count: 1 },
      ]),
      'two paths; missing groups with null',
    )
    t.strictSame(
      sortGroups(await items.countBy(['nested.k'], { n: { $gte: 0 } })),
      sortGroups([
        { key: { 'nested.k': 'v' }, count: 1 },
        { key: { 'nested.k': 'w' }, count: 1 },
        { key: { 'nested.k': null }, count: 2 },
      ]),
      'a dotted path, with a filter',
    )
  })

  t.test('outbox', async (t) => {
    const store = await factory(t)
    const items = store.collection<Item>('items')
    const woken: string[] = []
    const off = store.onOutboxWrite((c) => woken.push(c))
    t.teardown(off)

    t.strictSame(await items.outboxPending(10), [], 'nothing pending')
    await items.insert('quiet', { status: 'open' })
    t.strictSame(woken, [], 'a write without events does not wake the relay')

    const e1 = testEvent('o1', 'one')
    const e2 = testEvent('o1', 'two')
    const e3 = testEvent('o1', 'three')
    const v1 = await items.insert('o1', { status: 'open' }, { events: [e1, e2] })
    t.strictSame(woken, ['items'], 'a write with events wakes the relay')
    t.notOk('_outbox' in v1, 'the outbox is not part of the document')
    const v2 = await items.update('o1', 1, { status: 'assigned' }, { events: [e3] })
    t.strictSame(await items.get('o1'), v2, 'get does not show the outbox')
    t.strictSame(await items.outboxPending(10), [{ id: 'o1', events: [e1, e2, e3] }], 'in write order')

    await items.outboxRemove([{ id: 'o1', eventIds: [e1.id, e2.id] }])
    t.strictSame(await items.outboxPending(10), [{ id: 'o1', events: [e3] }], 'only those ids are removed')
    t.strictSame(await items.get('o1'), v2, 'removal changes neither the document nor its version')

    // the relay read e3; a write adds e4 before the relay removes e3: e4 must stay
    const pending = await items.outboxPending(10)
    const e4 = testEvent('o1', 'four')
    const v3 = await items.update('o1', 2, { status: 'in_progress' }, { events: [e4] })
    await items.outboxRemove([{ id: 'o1', eventIds: pending[0]?.events.map((e) => e.id) ?? [] }])
    t.strictSame(
      await items.outboxPending(10),
      [{ id: 'o1', events: [e4] }],
      'a concurrent write keeps its events',
    )
    t.strictSame(await items.get('o1'), v3)

    await items.outboxRemove([{ id: 'o1', eventIds: [e4.id, e1.id] }])
    t.strictSame(await items.outboxPending(10), [], 'all published; removing an absent id is harmless')
    await items.outboxRemove([{ id: 'o1', eventIds: [] }])
    await items.outboxRemove([])
    t.equal((await items.get('o1'))?.version, 3, 'still version 3')

    // oldest pending write first (by the writes' clock), across documents; limit counts documents
    const later = testEvent('o2', 'later')
    const earlier = testEvent('o3', 'earlier')
    await items.insert('o2', { status: 'open' }, { events: [later], now: new Date('2025-01-02T00:00:00Z') })
    await items.insert('o3', { status: 'open' }, { events: [earlier], now: new Date('2025-01-01T00:00:00Z') })
    t.strictSame(
      (await items.outboxPending(10)).map((p) => p.id),
      ['o3', 'o2'],
      'oldest first',
    )
    t.strictSame(await items.outboxPending(1), [{ id: 'o3', events: [earlier] }], 'limit')

    // a page of documents in one removal; an event written after the relay read the page stays
    const pendingPage = await items.outboxPending(10)
    const e5 = testEvent('o2', 'five')
    const o2 = await items.get('o2')
    await items.update('o2', o2?.version ?? 0, { status: 'assigned' }, { events: [e5] })
    await items.outboxRemove(pendingPage.map((p) => ({ id: p.id, eventIds: p.events.map((e) => e.id) })))
    t.strictSame(
      await items.outboxPending(10),
      [{ id: 'o2', events: [e5] }],
      'a page removed at once; the later event stays',
    )
    await items.outboxRemove([{ id: 'o2', eventIds: [e5.id] }])
    t.strictSame(await items.outboxPending(10), [], 'all published')
    await t.rejects(
      items.outboxRemove([{ id: 'o2', eventIds: ['not-a-uuid'] }]),
      InvalidQueryError,
      'an event id that is not a UUID',
    )
    await t.rejects(
      items.insert('o4', { status: 'open' }, { events: [e1, e1] }),
      InvalidDocumentError,
      'an event twice',
    )
    await t.rejects(
      items.insert('o5', { status: 'open' }, { events: [{ ...e1, id: 'not-a-uuid' }] }),
      InvalidDocumentError,
      'an event id that is not a UUID',
    )
    t.equal(await items.get('o4'), null, 'nothing was written')
  })

  t.test('a failed write leaves no events behind', async (t) => {
    const store = await factory(t)
    const items = store.collection<Item>('items')
    await items.insert('x1', { status: 'open' })
    await t.rejects(
      items.insert('x1', { status: 'dup' }, { events: [testEvent('x1', 'dup')] }),
      StoreConflictError,
    )
    await t.rejects(items.update('x1', 7, { status: 'stale' }, { events: [testEvent('x1', 'stale')] }), {
      name: 'StoreConflictError',
      kind: 'stale',
    })
    t.strictSame(await items.outboxPending(10), [], 'a refused write saved none of its events')
  })

  t.test('collections, health, close', async (t) => {
    const store = await factory(t)
    await store.collection<Item>('alpha').insert('1', { status: 'open' })
    await store.collection<Item>('beta').insert('1', { status: 'open' }, { events: [testEvent('1', 'b')] })
    const names = await store.collectionNames()
    t.ok(names.includes('alpha') && names.includes('beta'), 'written collections are listed')
    t.match(await store.health(), { ok: true, adapter: store.adapter })
  })
}
