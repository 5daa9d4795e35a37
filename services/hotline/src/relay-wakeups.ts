// The outbox relay's wake-ups, coalesced to the next turn of the event loop. The store tells the relay of
// every outbox write at once, and with the embedded adapter (synchronous SQLite, every call resolving at
// once) the relay's whole pass — read the page, publish it, remove it: two durable commits — then runs
// before the next webhook is even read from its socket. Under a burst of calls every page held ONE call:
// three durable commits per answered webhook, the event loop blocked on fsync for most of each call
// (measured: 1.00 outbox removals per webhook at 58 webhooks/s; 0.06 and 142/s with this). Deferred with
// setImmediate, the webhooks already received are handled first and the relay takes them as one page.
// Nothing waits longer than one turn of the loop; the relay's sweep still finds what this misses.
// (The same belongs in the relay itself, for every service: see the hotline's README.)
import type { DocumentStore } from '@tingjian/store'

/** The store as the relay sees it: the same, but outbox-write notifications coalesced per loop turn. */
export function coalescedOutboxWakeups(store: DocumentStore): DocumentStore {
  return {
    get adapter() {
      return store.adapter
    },
    collection: (name) => store.collection(name),
    collectionNames: () => store.collectionNames(),
    health: () => store.health(),
    close: () => store.close(),
    onOutboxWrite(listener) {
      const woken = new Set<string>()
      let pending: NodeJS.Immediate | null = null
      const flush = () => {
        pending = null
        const names = [...woken]
        woken.clear()
        for (const name of names) listener(name)
      }
      const unsubscribe = store.onOutboxWrite((collection) => {
        woken.add(collection)
        pending ??= setImmediate(flush)
      })
      return () => {
        if (pending) clearImmediate(pending)
        pending = null
        woken.clear()
        unsubscribe()
      }
    },
  }
}
