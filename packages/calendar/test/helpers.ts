// Shared test helpers: instants written in Shanghai time, and a seeded random source.

/** The instant of a Shanghai wall-clock time, e.g. `sh('2025-09-30T16:00')`. */
export function sh(localDateTime: string): Date {
  return new Date(`${localDateTime}+08:00`)
}

/** The last millisecond of a Shanghai calendar day, as ISO (what `addWorkingDays` returns). */
export function endOfDayIso(localDate: string): string {
  return new Date(`${localDate}T23:59:59.999+08:00`).toISOString()
}

/** mulberry32: small, seeded, good enough to pick test inputs reproducibly. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let x = a
    x = Math.imul(x ^ (x >>> 15), x | 1)
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61)
    return ((x ^ (x >>> 14)) >>> 0) / 4_294_967_296
  }
}
