// Topic registry: one topic per producing service, keyed by the event subject.
// Renaming a source or a topic is a data migration (consumer offsets and retained events live under
// the old name): add the new name, migrate, then retire the old one.

/** Every service that publishes events. */
export const SOURCES = [
  'identity',
  'mailbox',
  'hotline',
  'polls',
  'callbacks',
  'tracking',
  'rectification',
  'notifications',
  'calendar',
  'platform',
] as const
export type Source = (typeof SOURCES)[number]

/** What a consumer can subscribe to: a producing service's stream, or the dead-letter stream. */
export type Stream = Source | 'dead-letter'

/** Default namespace; tests and parallel deployments on one cluster use their own. */
export const DEFAULT_NAMESPACE = 'tingjian'

const NAMESPACE = /^[a-zA-Z0-9][a-zA-Z0-9_-]{0,80}$/

/** The Kafka topic (or embedded log stream) of a source: `<namespace>.<source>.events`. */
export function topicName(namespace: string, stream: Stream): string {
  if (!NAMESPACE.test(namespace)) throw new TypeError(`invalid topic namespace: ${namespace}`)
  return stream === 'dead-letter' ? `${namespace}.dead-letter` : `${namespace}.${stream}.events`
}

export function isSource(value: string): value is Source {
  return (SOURCES as readonly string[]).includes(value)
}
