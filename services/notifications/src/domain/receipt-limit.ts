// How many receipts one address may get for anonymous letters in a day. Anyone may write anonymously and
// give any address for the receipt, so without a limit the mailbox would mail a stranger on command.
// Named letters are not limited: the writer stands behind them with a name and phone number. Pure.

/** Receipts per address and Beijing day for anonymous letters (further letters are accepted, unreceipted). */
export const DEFAULT_ANONYMOUS_RECEIPTS_PER_DAY = 3

/** Count of one address on one day: the letters (event ids) that got a receipt, and how many did not. */
export interface ReceiptCount {
  eventIds: string[]
  suppressed: number
}

/** The calendar day in Beijing of an instant: the day a citizen would say the letter was written. */
export function beijingDay(iso: string): string {
  return new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 10)
}

/**
 * Whether the letter of `eventId` may get its receipt, and the count after it. The same letter again (a
 * redelivery, a retry after a failed send) is allowed again without counting twice.
 */
export function admitReceipt(
  current: ReceiptCount | null,
  eventId: string,
  limit: number,
): { allowed: boolean; next: ReceiptCount } {
  const count = current ?? { eventIds: [], suppressed: 0 }
  if (count.eventIds.includes(eventId)) return { allowed: true, next: count }
  if (count.eventIds.length < limit) {
    return { allowed: true, next: { ...count, eventIds: [...count.eventIds, eventId] } }
  }
  return { allowed: false, next: { ...count, suppressed: count.suppressed + 1 } }
}
