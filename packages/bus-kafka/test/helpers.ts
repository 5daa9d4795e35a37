// Test helpers for the Kafka adapter: brokers from the environment, a raw producer, and cleanup of a
// test's topics and consumer groups.
import { type Source, topicName } from '@tingjian/contracts'
import { Kafka, logLevel, type Producer } from 'kafkajs'
import { deleteTestNamespace } from '../src/testing.ts'

export const BROKERS = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092')
  .split(',')
  .map((b) => b.trim())
  .filter(Boolean)

/** Consumer timings for tests: quick joins and leaves (the broker's minimum session timeout is 6 s). */
export const TEST_CONSUMER = {
  sessionTimeoutMs: 6_000,
  heartbeatIntervalMs: 500,
  rebalanceTimeoutMs: 10_000,
  maxWaitTimeMs: 200,
}

const kafka = new Kafka({ clientId: 'tingjian-bus-tests', brokers: BROKERS, logLevel: logLevel.NOTHING })

let raw: Promise<Producer> | null = null

/** A plain producer (no validation) for writing bytes that are not events. */
export async function publishRaw(namespace: string, stream: Source, key: string, value: Buffer) {
  if (!raw) {
    const p = kafka.producer({ allowAutoTopicCreation: false })
    raw = p.connect().then(() => p)
  }
  const producer = await raw
  await producer.send({ topic: topicName(namespace, stream), acks: -1, messages: [{ key, value }] })
}

/** Deletes the topics of a namespace and the consumer groups whose names start with the prefix. */
export async function deleteNamespace(namespace: string, groupPrefix: string): Promise<void> {
  await deleteTestNamespace(BROKERS, namespace, groupPrefix)
}

export async function disconnectHelpers(): Promise<void> {
  const p = raw
  raw = null
  await p?.then((x) => x.disconnect()).catch(() => {})
}
