import t from 'tap'
import {
  appendEntry,
  canonicalJson,
  GENESIS_HASH,
  headOf,
  type TimelineEntry,
  verifyTimeline,
} from '../src/timeline.ts'

const entry = (action: string) => ({
  at: '2026-03-02T01:00:00.000Z',
  actorId: 'u1',
  actorRole: 'dispatcher',
  action,
  note: null,
  public: true,
})

const chainOf = (...actions: string[]) =>
  actions.reduce<TimelineEntry[]>((tl, a) => appendEntry(tl, entry(a)), [])

t.test('canonical JSON sorts keys', async (t) => {
  t.equal(canonicalJson({ b: 1, a: [{ d: 1, c: 2 }] }), '{"a":[{"c":2,"d":1}],"b":1}')
})

t.test('a chain verifies with its head', async (t) => {
  const chain = chainOf('opened', 'assigned', 'signed', 'replied')
  t.same(verifyTimeline(chain), { valid: true, entries: 4 })
  t.same(verifyTimeline(chain, headOf(chain)), { valid: true, entries: 4 })
  t.same(verifyTimeline([], headOf([])), { valid: true, entries: 0 })
  t.same(headOf([]), { timelineHead: GENESIS_HASH, timelineCount: 0 })
  t.same(headOf(chain), { timelineHead: chain[3]?.hash, timelineCount: 4 })
})

t.test('an edited entry is caught where it is', async (t) => {
  const chain = chainOf('opened', 'assigned', 'signed', 'replied')
  const edited = chain.map((e) => (e.seq === 2 ? { ...e, note: 'changed' } : e))
  t.same(verifyTimeline(edited, headOf(chain)), { valid: false, entries: 4, brokenAt: 2 })
})

t.test('reordered entries are caught, with or without renumbering', async (t) => {
  const chain = chainOf('opened', 'assigned', 'signed', 'replied')
  const [a, b, c, d] = chain as [TimelineEntry, TimelineEntry, TimelineEntry, TimelineEntry]
  const swapped = [a, c, b, d]
  t.same(
    swapped.map((e) => e.action),
    ['opened', 'signed', 'assigned', 'replied'],
    'the entries really are in another order',
  )
  t.same(verifyTimeline(swapped, headOf(chain)), { valid: false, entries: 4, brokenAt: 2 })
  // renumbered so that seq runs 1, 2, 3, 4 again: the links give it away
  const renumbered = swapped.map((e, i) => ({ ...e, seq: i + 1 }))
  t.same(verifyTimeline(renumbered, headOf(chain)), { valid: false, entries: 4, brokenAt: 2 })
})

t.test('a deleted entry is caught', async (t) => {
  const chain = chainOf('opened', 'assigned', 'signed', 'replied')
  const deleted = chain.filter((e) => e.seq !== 2)
  t.same(verifyTimeline(deleted, headOf(chain)), { valid: false, entries: 3, brokenAt: 2 })
})

t.test('entries cut off the end are caught by the head and count the case keeps', async (t) => {
  const chain = chainOf('opened', 'assigned', 'signed', 'replied')
  const truncated = chain.slice(0, 2)
  t.same(verifyTimeline(truncated), { valid: true, entries: 2 }, 'the shorter chain is a valid chain')
  t.same(verifyTimeline(truncated, headOf(chain)), { valid: false, entries: 2, brokenAt: 3 })
  // an entry appended without the head moving (written around the service) is caught too
  const appended = appendEntry(chain, entry('forged'))
  t.same(verifyTimeline(appended, headOf(chain)), { valid: false, entries: 5, brokenAt: 5 })
})
