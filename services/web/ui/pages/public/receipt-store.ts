// The receipt of the letter just sent, held in memory only: the access key is shown once, on the
// confirmation page, and is gone after a reload (never in the URL, history state or storage).
import type { Category, LetterReceipt } from '../../api/types.ts'

export interface HeldReceipt extends LetterReceipt {
  category: Category
  emailGiven: boolean
}

let held: HeldReceipt | null = null

export const receiptStore = {
  put(r: HeldReceipt): void {
    held = r
  },
  peek(): HeldReceipt | null {
    return held
  },
  /** Forgets it: called when the confirmation page goes away. */
  clear(): void {
    held = null
  },
}

/** Code and key handed from the confirmation page to the follow page, in memory (never in the URL). */
let handoff: { trackingCode: string; accessKey: string } | null = null
export const followHandoff = {
  put(v: { trackingCode: string; accessKey: string }): void {
    handoff = v
  },
  peek(): { trackingCode: string; accessKey: string } | null {
    return handoff
  },
  clear(): void {
    handoff = null
  },
}
