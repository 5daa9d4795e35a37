// Time is injected everywhere, so that deadlines and escalations are tested by moving a clock, not by sleeping.
export interface Clock {
  now(): Date
}

export const systemClock: Clock = { now: () => new Date() }

/** A clock that only moves when told to; for tests and for replaying. */
export class ManualClock implements Clock {
  #ms: number
  constructor(start: Date | string = '2026-03-02T01:00:00.000Z') {
    this.#ms = new Date(start).getTime()
  }
  now(): Date {
    return new Date(this.#ms)
  }
  set(to: Date | string): void {
    this.#ms = new Date(to).getTime()
  }
  advance(ms: number): void {
    this.#ms += ms
  }
}
