// The steady intake load: an open-loop stream of letters to POST /api/v1/mailbox/letters at a fixed rate,
// bounded in count, in time and in requests in flight. Every letter carries a unique tag (in its subject
// and its e-mail address), so that its case and its receipt can be found from the outside whatever the
// answer was.
import { setTimeout as sleep } from 'node:timers/promises'

export interface Submission {
  seq: number
  /** The phase (fault and round) the letter was sent in. */
  phase: string
  /** Unique in the run; the letter's subject. */
  tag: string
  email: string
  sentAt: number
  /** When the answer (or the failure) came. */
  doneAt?: number
  /** 201 = acknowledged; another status, 'error' (connection refused/reset) or 'timeout'. */
  outcome?: number | 'error' | 'timeout'
  letterId?: string
}

export interface LoadOptions {
  url: string
  runId: string
  /** Letters per second. */
  rate: number
  /** Requests in flight at most; a tick that would exceed it is skipped (and counted). */
  maxInFlight: number
  requestTimeoutMs: number
  /** Hard bounds of the whole run. */
  maxLetters: number
  maxDurationMs: number
}

export class Load {
  readonly submissions: Submission[] = []
  skipped = 0
  readonly #o: LoadOptions
  readonly #inFlight = new Set<Promise<void>>()
  readonly #startedAt = Date.now()
  #phase = 'warm-up'
  #loop: Promise<void> | null = null
  #running = false

  constructor(options: LoadOptions) {
    this.#o = options
  }

  get inFlight(): number {
    return this.#inFlight.size
  }

  get exhausted(): boolean {
    return (
      this.submissions.length >= this.#o.maxLetters || Date.now() - this.#startedAt > this.#o.maxDurationMs
    )
  }

  /** Starts sending letters of this phase (at the rate, until stop() or the bounds). */
  start(phase: string): void {
    this.#phase = phase
    if (this.#running) return
    this.#running = true
    this.#loop = this.#run()
  }

  /** Stops sending and waits for the answers of what is in flight. */
  async stop(): Promise<void> {
    this.#running = false
    await this.#loop
    this.#loop = null
    await Promise.allSettled([...this.#inFlight])
  }

  /** Sends `n` letters of the current phase at once (outside the rate, bounded like the rest). */
  burst(n: number): void {
    for (let i = 0; i < n && !this.exhausted && this.#inFlight.size < this.#o.maxInFlight; i++) {
      const p = this.#send(this.#submission(this.#phase))
      this.#inFlight.add(p)
      void p.finally(() => this.#inFlight.delete(p))
    }
  }

  /** Sends one letter now (outside the rate), and waits for its answer. */
  async one(phase: string): Promise<Submission> {
    const s = this.#submission(phase)
    await this.#send(s)
    return s
  }

  async #run(): Promise<void> {
    const interval = 1000 / this.#o.rate
    const t0 = Date.now()
    let sent = 0
    while (this.#running && !this.exhausted) {
      // open loop: as many as the clock says are due (a slow answer does not slow the stream)
      const due = Math.floor((Date.now() - t0) / interval) + 1
      while (sent < due && this.#running && !this.exhausted) {
        sent++
        if (this.#inFlight.size >= this.#o.maxInFlight) {
          this.skipped++
          continue
        }
        const p = this.#send(this.#submission(this.#phase))
        this.#inFlight.add(p)
        void p.finally(() => this.#inFlight.delete(p))
      }
      await sleep(Math.max(1, t0 + sent * interval - Date.now()))
    }
  }

  #submission(phase: string): Submission {
    const seq = this.submissions.length + 1
    const tag = `chaos-${this.#o.runId}-${seq}`
    const s: Submission = { seq, phase, tag, email: `${tag}@chaos.example.com`, sentAt: Date.now() }
    this.submissions.push(s)
    return s
  }

  async #send(s: Submission): Promise<void> {
    try {
      const res = await fetch(`${this.#o.url}/api/v1/mailbox/letters`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          category: 'suggestion',
          subject: s.tag,
          body: `Letter ${s.seq} of the chaos harness: it must become exactly one case.`,
          anonymous: false,
          name: 'Chaos',
          phone: `138${String(s.seq % 1e8).padStart(8, '0')}`,
          email: s.email,
          consentToPublish: false,
        }),
        signal: AbortSignal.timeout(this.#o.requestTimeoutMs),
      })
      const body = (await res.json().catch(() => ({}))) as { letterId?: unknown }
      s.outcome = res.status
      if (res.status === 201 && typeof body.letterId === 'string') s.letterId = body.letterId
    } catch (err) {
      s.outcome = err instanceof Error && err.name === 'TimeoutError' ? 'timeout' : 'error'
    } finally {
      s.doneAt = Date.now()
    }
  }
}

export const acknowledged = (s: Submission): s is Submission & { letterId: string } =>
  s.outcome === 201 && typeof s.letterId === 'string'
