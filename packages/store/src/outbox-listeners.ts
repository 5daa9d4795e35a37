// The in-process "an outbox was written" signal that every store adapter gives its relay.
import type { Logger } from './port.ts'

export class OutboxListeners {
  readonly #listeners = new Set<(collection: string) => void>()

  constructor(private readonly log: Logger) {}

  add(listener: (collection: string) => void): () => void {
    this.#listeners.add(listener)
    return () => {
      this.#listeners.delete(listener)
    }
  }

  /** Tells every listener; one that throws is logged and does not stop the others (or the write). */
  notify(collection: string): void {
    for (const listener of this.#listeners) {
      try {
        listener(collection)
      } catch (err) {
        this.log.error({ err, collection }, 'outbox listener failed')
      }
    }
  }

  clear(): void {
    this.#listeners.clear()
  }
}
