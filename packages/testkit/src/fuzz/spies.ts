// Spies on the ports: which writes and which events each request caused.
import { AsyncLocalStorage } from 'node:async_hooks'
import type { EventBus } from '@tingjian/bus'
import type { EventEnvelope } from '@tingjian/contracts'
import type { Collection, DocumentStore } from '@tingjian/store'

export interface Recorded {
  writes: Array<{ collection: string; op: 'insert' | 'update'; id: string; tag: string | undefined }>
  events: Array<{ id: string; type: string; correlationId: string | undefined; tag: string | undefined }>
}

export interface SpiedAdapters {
  bus: EventBus
  store: DocumentStore
  recorded: Recorded
  /** Runs `fn` with a tag that every write and publish made on its behalf carries. */
  tagged<T>(tag: string, fn: () => Promise<T>): Promise<T>
}

/**
 * Wraps a bus and a store (through their port interfaces only) so that every successful insert, update and
 * publish is recorded with the tag of the request that caused it (AsyncLocalStorage follows the request
 * through its awaits; background work — relays, consumers — carries no tag or its own).
 */
export function spyAdapters(adapters: { bus: EventBus; store: DocumentStore }): SpiedAdapters {
  const als = new AsyncLocalStorage<string>()
  const recorded: Recorded = { writes: [], events: [] }
  const { bus, store } = adapters
  const note = (events: readonly EventEnvelope[]) => {
    for (const e of events)
      recorded.events.push({ id: e.id, type: e.type, correlationId: e.correlationId, tag: als.getStore() })
  }
  const spiedBus: EventBus = {
    adapter: bus.adapter,
    publish: async (event) => {
      await bus.publish(event)
      note([event])
    },
    publishBatch: async (events) => {
      await bus.publishBatch(events)
      note(events)
    },
    subscribe: (options, handler) => bus.subscribe(options, handler),
    subscribeDeadLetters: (options, handler) => bus.subscribeDeadLetters(options, handler),
    ensureStreams: (streams) => bus.ensureStreams(streams),
    health: () => bus.health(),
    close: () => bus.close(),
  }
  const wrap = <T extends object>(c: Collection<T>): Collection<T> => ({
    get name() {
      return c.name
    },
    ensureIndexes: (indexes) => c.ensureIndexes(indexes),
    get: (id) => c.get(id),
    insert: async (id, doc, options) => {
      const saved = await c.insert(id, doc, options)
      recorded.writes.push({ collection: c.name, op: 'insert', id, tag: als.getStore() })
      return saved
    },
    update: async (id, expectedVersion, doc, options) => {
      const saved = await c.update(id, expectedVersion, doc, options)
      recorded.writes.push({ collection: c.name, op: 'update', id, tag: als.getStore() })
      return saved
    },
    find: (filter, options) => c.find(filter, options),
    count: (filter) => c.count(filter),
    countBy: (paths, filter) => c.countBy(paths, filter),
    outboxPending: (limit) => c.outboxPending(limit),
    outboxRemove: (published) => c.outboxRemove(published),
  })
  const spiedStore: DocumentStore = {
    adapter: store.adapter,
    collection: <T extends object>(name: string) => wrap(store.collection<T>(name)),
    collectionNames: () => store.collectionNames(),
    onOutboxWrite: (listener) => store.onOutboxWrite(listener),
    health: () => store.health(),
    close: () => store.close(),
  }
  return {
    bus: spiedBus,
    store: spiedStore,
    recorded,
    // awaited inside the run: app.inject() answers a thenable that starts the request only when awaited
    tagged: (tag, fn) => als.run(tag, async () => await fn()),
  }
}
