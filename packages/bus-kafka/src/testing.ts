// For tests only (`@tingjian/bus-kafka/testing`): every test that creates topics or consumer groups
// deletes them afterwards. Refuses the platform's own namespace, so a test can never delete real topics.
import { DEFAULT_NAMESPACE } from '@tingjian/contracts'
import { Kafka, logLevel } from 'kafkajs'

/**
 * Deletes the topics of `namespace` (`<namespace>.*`) and the consumer groups whose ids start with
 * `groupPrefix` (several when a test names groups differently from its namespace).
 */
export async function deleteTestNamespace(
  brokers: readonly string[],
  namespace: string,
  groupPrefixes: string | readonly string[] = namespace,
): Promise<{ topics: string[]; groups: string[] }> {
  if (namespace === DEFAULT_NAMESPACE || namespace.length < 4) {
    throw new Error(`refusing to delete the topics of namespace "${namespace}": not a test namespace`)
  }
  const prefixes = typeof groupPrefixes === 'string' ? [groupPrefixes] : [...groupPrefixes]
  if (prefixes.some((p) => p.length < 4)) throw new Error('refusing a group prefix shorter than 4 characters')
  const admin = new Kafka({
    clientId: 'tingjian-test-cleanup',
    brokers: [...brokers],
    logLevel: logLevel.NOTHING,
  }).admin()
  await admin.connect()
  try {
    const topics = (await admin.listTopics()).filter((name) => name.startsWith(`${namespace}.`))
    if (topics.length > 0) await admin.deleteTopics({ topics, timeout: 10_000 })
    const { groups } = await admin.listGroups()
    const ours = groups.map((g) => g.groupId).filter((id) => prefixes.some((p) => id.startsWith(p)))
    // a group still has members while a consumer is closing; it is empty (deletable) moments later
    if (ours.length > 0) await admin.deleteGroups(ours).catch(() => {})
    return { topics, groups: ours }
  } finally {
    await admin.disconnect()
  }
}
