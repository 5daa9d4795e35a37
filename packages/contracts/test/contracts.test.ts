import t from 'tap'
import {
  breakingChanges,
  catalogue,
  checkAgainstSnapshot,
  createEvent,
  EventCatalogue,
  InvalidEventError,
  Type,
  topicName,
  UUID_V7,
  uuidv7,
} from '../src/index.ts'
import { readSnapshot, snapshotOf } from '../src/snapshot.ts'

t.test('UUID v7: well-formed, time-ordered, unique within one millisecond', async (t) => {
  const ids = Array.from({ length: 5000 }, () => uuidv7(1_764_000_000_000))
  for (const id of ids.slice(0, 50)) t.match(id, UUID_V7)
  t.equal(new Set(ids).size, ids.length)
  t.same([...ids].sort(), ids, 'sortable in creation order')
  t.ok(uuidv7(1_764_000_000_001) > (ids.at(-1) ?? ''), 'a later millisecond sorts after')
})

const test = new EventCatalogue()
const Pinged = test.define({
  type: 'platform.pinged',
  version: 1,
  source: 'platform',
  description: 'test event',
  data: Type.Object({ n: Type.Integer({ minimum: 0 }), note: Type.Optional(Type.String()) }),
})

t.test('the catalogue builds and validates events', async (t) => {
  const e = Pinged.create({ subject: 'p-1', data: { n: 1 }, correlationId: 'req-1' })
  t.equal(e.type, 'platform.pinged')
  t.equal(e.correlationId, 'req-1')
  t.equal(e.causationId, null)
  t.same(test.validate(e), [])
  t.ok(Pinged.is(e))
  t.throws(() => Pinged.create({ subject: 'p-1', data: { n: -1 } }), InvalidEventError)
  const issues = test.validate({ ...e, data: { n: 'x' } })
  t.equal(issues[0]?.path, '/data/n')
})

t.test('envelopes are checked strictly; unknown types only pass where allowed', async (t) => {
  const e = createEvent({ type: 'platform.other', version: 1, source: 'platform', subject: 's', data: {} })
  t.ok(test.validate(e).length > 0, 'producers may not publish unknown types')
  t.same(test.validate(e, { allowUnknown: true }), [], 'consumers skip them')
  t.ok(test.validate({ ...e, id: 'not-a-uuid' }, { allowUnknown: true }).length > 0)
  t.ok(test.validate({ ...e, source: 'elsewhere' }, { allowUnknown: true }).length > 0)
  t.ok(test.validate({ ...e, extra: 1 }, { allowUnknown: true }).length > 0)
  t.ok(test.validate({ ...e, type: 'NoDots' }, { allowUnknown: true }).length > 0)
  t.ok(test.validate(null).length > 0)
  t.throws(() =>
    test.define({
      type: 'mailbox.x',
      version: 1,
      source: 'platform',
      description: '',
      data: Type.Object({}),
    }),
  )
  t.throws(() =>
    test.define({
      type: 'platform.pinged',
      version: 1,
      source: 'platform',
      description: '',
      data: Type.Object({}),
    }),
  )
})

t.test('topic names', async (t) => {
  t.equal(topicName('tingjian', 'mailbox'), 'tingjian.mailbox.events')
  t.equal(topicName('t-1', 'dead-letter'), 't-1.dead-letter')
  t.throws(() => topicName('bad name', 'mailbox'))
})

t.test('the versioning rule: only additive changes within a version', async (t) => {
  const v1 = Type.Object({ a: Type.String(), b: Type.Optional(Type.Integer()) })
  t.same(
    breakingChanges(
      v1,
      Type.Object({ a: Type.String(), b: Type.Optional(Type.Integer()), c: Type.Optional(Type.String()) }),
    ),
    [],
  )
  t.ok(breakingChanges(v1, Type.Object({ a: Type.String() })).some((p) => p.includes('/b: removed')))
  // an enum may gain a member (a new role), never lose one
  const roles = Type.Object({ r: Type.Enum(['admin', 'handler']) })
  t.same(breakingChanges(roles, Type.Object({ r: Type.Enum(['admin', 'handler', 'poll_manager']) })), [])
  t.ok(breakingChanges(roles, Type.Object({ r: Type.Enum(['admin']) })).some((p) => p.includes('enum lost')))
  t.ok(
    breakingChanges(roles, Type.Object({ r: Type.String() })).length > 0,
    'an enum may not become any string',
  )
  t.ok(breakingChanges(v1, Type.Object({ a: Type.Integer(), b: Type.Optional(Type.Integer()) })).length > 0)
  t.ok(
    breakingChanges(v1, Type.Object({ a: Type.String(), b: Type.Integer() })).some((p) =>
      p.includes('became required'),
    ),
  )
  t.ok(
    breakingChanges(v1, Type.Object({ a: Type.String({ maxLength: 3 }), b: Type.Optional(Type.Integer()) }))
      .length > 0,
  )
  t.ok(
    breakingChanges(v1, Type.Object({ a: Type.String(), b: Type.Optional(Type.Integer()), c: Type.String() }))
      .length > 0,
  )
  t.same(checkAgainstSnapshot({ 'x@1': v1 }, {}), ['x@1: removed (publish a new version instead)'])
})

t.test('the published catalogue matches its committed snapshot', async (t) => {
  const snapshot = readSnapshot()
  const current = snapshotOf(catalogue)
  t.same(checkAgainstSnapshot(snapshot, current), [], 'no published event changed in a breaking way')
  const unrecorded = Object.keys(current).filter((k) => !(k in snapshot))
  t.same(unrecorded, [], 'new events are recorded: pnpm --filter @tingjian/contracts snapshot')
})
