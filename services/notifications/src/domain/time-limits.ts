// Reply time limits per letter category, in working days (ARCHITECTURE.md, "The case lifecycle").
import type { LETTER_CATEGORIES } from '@tingjian/contracts'

export type LetterCategory = (typeof LETTER_CATEGORIES)[number]

const LIMITS: Record<LetterCategory, number | null> = {
  consultation: 3,
  complaint: 7,
  report: 7,
  suggestion: 7,
  // Praise needs no reply.
  praise: null,
}

/** Working days within which a letter of this category is answered; null when no answer is due. */
export function replyTimeLimit(category: LetterCategory): number | null {
  return LIMITS[category]
}
