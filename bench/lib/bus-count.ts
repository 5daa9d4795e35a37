// How many events a stream holds, read from outside the services: Kafka end offsets, or the rows of the
// embedded log's SQLite file.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { type Stream, topicName } from '../../packages/contracts/src/index.ts'
import type { BenchEnv } from './env.ts'

export async function streamSize(env: BenchEnv, stream: Stream, namespace = env.namespace): Promise<number> {
  const topic = topicName(namespace, stream)
  if (env.adapter === 'distributed') return env.topicSize(topic)
  const file = join(env.dataDir, 'bus.sqlite')
  if (!existsSync(file)) return 0
  const db = new Database(file, { fileMustExist: true })
  try {
    db.pragma('busy_timeout = 5000')
    const row = db.prepare('SELECT count(*) AS n FROM bus_messages WHERE topic = ?').get(topic) as {
      n: number
    }
    return row.n
  } finally {
    db.close()
  }
}
