import t from 'tap'
import { activeChildren, checkParent } from '../../src/domain/departments.ts'

const tree = new Map([
  ['root', { parentId: null, active: true }],
  ['a', { parentId: 'root', active: true }],
  ['b', { parentId: 'a', active: true }],
  ['off', { parentId: 'root', active: false }],
])

t.test('parents must exist, be active and not be descendants', async (t) => {
  t.equal(checkParent(undefined, null, tree), null)
  t.equal(checkParent(undefined, 'b', tree), null)
  t.equal(checkParent(undefined, 'nope', tree), 'unknown-parent')
  t.equal(checkParent(undefined, 'off', tree), 'inactive-parent')
  t.equal(checkParent('a', 'b', tree), 'cycle')
  t.equal(checkParent('a', 'a', tree), 'cycle')
  t.equal(checkParent('root', 'b', tree), 'cycle')
  t.equal(checkParent('b', 'root', tree), null)
  const broken = new Map([
    ['x', { parentId: 'y', active: true }],
    ['y', { parentId: 'x', active: true }],
  ])
  t.equal(checkParent('z', 'x', broken), 'cycle', 'a loop already stored ends the walk')
})

t.test('active children', async (t) => {
  t.same(activeChildren('root', tree), ['a'])
  t.same(activeChildren('b', tree), [])
})
