// Where a problem was, normalised for grouping: the same window written "3号窗口", "３号窗口" or " 3号  窗口"
// is one place. Keys start with the department, so that two departments' "3号窗口" never meet.
import type { AlertLevel, PlaceKeys } from '../problems.ts'

/** The levels of place from the most specific, the order in which the trend rule tries them. */
export const LEVELS: readonly AlertLevel[] = ['staff', 'window', 'office', 'department']

export interface Place {
  departmentId: string
  office: string | null
  window: string | null
  staffNumber: string | null
}

/** NFKC (full-width digits and letters fold to ASCII), trimmed, inner whitespace collapsed, case-folded. */
export function normaliseText(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null
  const text = value.normalize('NFKC').trim().replace(/\s+/gu, ' ').toLowerCase()
  return text === '' ? null : text
}

/** A staff number as a key: NFKC, no whitespace, upper-case. */
export function normaliseStaffNumber(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null
  const text = value.normalize('NFKC').replace(/\s+/gu, '').toUpperCase()
  return text === '' ? null : text
}

/** The grouping key of each level; null where the place does not say (no staff number, no window, no office). */
export function placeKeys(place: Place): PlaceKeys {
  const office = normaliseText(place.office)
  const window = normaliseText(place.window)
  const staff = normaliseStaffNumber(place.staffNumber)
  const key = (...parts: Array<string | null>) => JSON.stringify([place.departmentId, ...parts])
  return {
    staff: staff === null ? null : key('staff', staff),
    window: window === null ? null : key('window', office, window),
    office: office === null ? null : key('office', office),
    department: key('department'),
  }
}

/** The place an alert of this level names: what is more specific than the level is left out. */
export function placeOfLevel(place: Place, level: AlertLevel): Place {
  switch (level) {
    case 'staff':
      return { departmentId: place.departmentId, office: null, window: null, staffNumber: place.staffNumber }
    case 'window':
      return {
        departmentId: place.departmentId,
        office: place.office,
        window: place.window,
        staffNumber: null,
      }
    case 'office':
      return { departmentId: place.departmentId, office: place.office, window: null, staffNumber: null }
    case 'department':
      return { departmentId: place.departmentId, office: null, window: null, staffNumber: null }
  }
}
