// Tells the queue's live streams that the queue may have changed. In one process a write here wakes them
// at once; the streams also look again every few seconds, for writes by other replicas.
export class QueueFeed {
  readonly #listeners = new Set<() => void>()

  changed(): void {
    for (const l of this.#listeners) l()
  }

  listen(listener: () => void): () => void {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }
}
