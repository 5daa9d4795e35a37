// Test helpers for the Kafka adapter: brokers from the environment, a raw producer, and cleanup of a
// test's topics and consumer groups.
import { type Source, topicName } from '@tingjian/contracts'
import { type Admin, Kafka, logLevel, type Producer } from 'kafkajs'

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

let admin: Promise<Admin> | null = null
let raw: Promise<Producer> | null = null

function connectedAdmin(): Promise<Admin> {
  if (!admin) {
    const a = kafka.admin()
    admin = a.connect().then(() => a)
  }
  return admin
}

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
  const a = await connectedAdmin()
  const topics = (await a.listTopics()).filter((name) => name.startsWith(`${namespace}.`))
  if (topics.length > 0) await a.deleteTopics({ topics, timeout: 10_000 })
  const { groups } = await a.listGroups()
  const ours = groups.map((g) => g.groupId).filter((id) => id.startsWith(groupPrefix))
  if (ours.length > 0) await a.deleteGroups(ours).catch(() => {})
}

export async function disconnectHelpers(): Promise<void> {
  const [a, p] = [admin, raw]
  admin = null
  raw = null
  await Promise.allSettled([a?.then((x) => x.disconnect()), p?.then((x) => x.disconnect())])
}
