// An uploaded list of invitees: a CSV of phone numbers (the first column; a header row is allowed). Each
// row is accepted or rejected with a reason; the report names rows by line number, never by the number.
import { mobileOf } from './voter.ts'

export const MAX_INVITATION_ROWS = 5000

export type RowRejection = {
  line: number
  reason: 'not_a_mobile_number' | 'duplicate_in_file' | 'already_invited'
}

export function parseInvitees(csv: string): {
  phones: Array<{ line: number; phone: string }>
  rejected: RowRejection[]
} {
  const phones: Array<{ line: number; phone: string }> = []
  const rejected: RowRejection[] = []
  const seen = new Set<string>()
  const lines = csv.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/)
  lines.forEach((raw, i) => {
    const line = i + 1
    const first = (raw.split(',')[0] ?? '')
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .trim()
    if (!first) return
    const phone = mobileOf(first)
    if (!phone) {
      // a header row (no digit in it) is not a rejection
      if (line === 1 && !/\d/.test(first)) return
      rejected.push({ line, reason: 'not_a_mobile_number' })
      return
    }
    if (seen.has(phone)) {
      rejected.push({ line, reason: 'duplicate_in_file' })
      return
    }
    seen.add(phone)
    phones.push({ line, phone })
  })
  return { phones, rejected }
}
