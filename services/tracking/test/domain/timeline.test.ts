import t from 'tap'
import { appendEntry, canonicalJson, verifyTimeline } from '../../src/domain/timeline.ts'

const entry = (action: string) => ({
  at: '2026-03-02T01:00:00.000Z',
  actorId: 'u1',
  actorRole: 'dispatcher',
  action,
  note: null,
  public: true,
})

t.test('canonical JSON sorts keys', async (t) => {
  t.equal(canonicalJson({ b: 1, a: [{ d: 1, c: 2 }] }), '{"a":[{"c":2,"d":1}],"b":1}')
})

t.test('a chain verifies; changes, removals and reordering are caught', async (t) => {
  const chain = ['opened', 'assigned', 'signed'].reduce(
    (tl, a) => appendEntry(tl, entry(a)),
    appendEntry([], entry('x')).slice(0, 0),
  )
  t.same(verifyTimeline(chain), { valid: true, entries: 3 })
  const edited = chain.map((e) => (e.seq === 2 ? { ...e, note: 'changed' } : e))
  t.same(verifyTimeline(edited), { valid: false, entries: 3, brokenAt: 2 })
  t.same(verifyTimeline(chain.filter((e) => e.seq !== 2)).brokenAt, 3)
  t.same(verifyTimeline([]), { valid: true, entries: 0 })
})
