// Records the catalogue in events.snapshot.json after checking that nothing published was broken.
import { catalogue, checkAgainstSnapshot } from '../src/index.ts'
import { readSnapshot, snapshotOf, writeSnapshot } from '../src/snapshot.ts'

const problems = checkAgainstSnapshot(readSnapshot(), snapshotOf(catalogue))
if (problems.length) {
  console.error(
    `breaking changes to published events (define a new version instead):\n${problems.join('\n')}`,
  )
  process.exit(1)
}
writeSnapshot(snapshotOf(catalogue))
console.log(`events.snapshot.json: ${catalogue.list().length} event definitions`)
