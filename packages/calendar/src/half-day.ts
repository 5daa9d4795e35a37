// The "three failed attempts on different half-days" rule of every callback (the hotline's missed calls,
// the callback surveys): one rule, so that the two never disagree about when a citizen is unreachable.

/** Failed attempts on this many different half-days make the citizen unreachable. */
export const UNREACHABLE_AFTER = 3

/** The half-day of an instant in Asia/Shanghai: `2026-03-02 am` / `pm` (before or after noon). */
export function halfDayOf(at: Date): string {
  const local = new Date(at.getTime() + 8 * 3_600_000)
  return `${local.toISOString().slice(0, 10)} ${local.getUTCHours() < 12 ? 'am' : 'pm'}`
}

/** Whether failed attempts at these instants span enough different half-days to give up. */
export function unreachableAfter(failedAt: readonly Date[]): boolean {
  return new Set(failedAt.map(halfDayOf)).size >= UNREACHABLE_AFTER
}
