// What a case action sends: the body of POST /cases/{id}/<action> built from the form's values, with the
// checks the API makes (lengths, the days of an extension, a department to assign to, a case to merge
// into). Pure: the form shows the errors, or sends the body with the version the page shows.
import type { Action } from '../../../api/types.ts'
import { type FieldErrors, isOneLine, validateText } from '../../../lib/validate.ts'

type FieldError = FieldErrors[string] | null

export interface ActionValues {
  departmentId: string
  supportingDepartmentIds: string[]
  assigneeId: string
  note: string
  reason: string
  text: string
  public: boolean
  days: string
  /** The tracking code typed for a merge (the case found for it is passed separately). */
  intoCode: string
  /** 核查结果 of a complaint's or report's reply ('' when not stated). */
  finding: string
  /** 被投诉对象 ('' for none). */
  office: string
  window: string
  staffNumber: string
}

export const FINDINGS = ['substantiated', 'partly_substantiated', 'unfounded'] as const
/** The concerns' limits, as tracking's (and the problem-found event's). */
export const CONCERN_LIMITS = { office: 100, window: 50 } as const
const STAFF_NUMBER = /^[0-9A-Za-z-]{1,20}$/

/** Whether the reply of this case takes a finding (complaints and reports). */
export const takesFinding = (category: string) => category === 'complaint' || category === 'report'

/** The free-text field of each action that has one, and its longest length (as tracking's schemas). */
export const TEXT_FIELD: Partial<Record<Action, { field: 'reason' | 'text' | 'note'; max: number }>> = {
  'not-accept': { field: 'reason', max: 2000 },
  answer: { field: 'text', max: 20_000 },
  return: { field: 'reason', max: 2000 },
  extension: { field: 'reason', max: 2000 },
  'extension/refuse': { field: 'reason', max: 2000 },
  reply: { field: 'text', max: 20_000 },
  'reply/send-back': { field: 'reason', max: 2000 },
  escalate: { field: 'note', max: 2000 },
  reopen: { field: 'reason', max: 2000 },
  notes: { field: 'text', max: 5000 },
}

/** The longest extension, in working days. */
export const MAX_EXTENSION_DAYS = 15

export function actionRequest(
  action: Action,
  v: ActionValues,
  version: number,
  /** The case to merge into, once found by its code. */
  target?: { id: string } | null,
): { body: Record<string, unknown>; errors: Record<string, FieldError> } {
  const errors: Record<string, FieldError> = {}
  const body: Record<string, unknown> = { version }
  const textRule = TEXT_FIELD[action]
  if (textRule) {
    const value = v[textRule.field]
    const bad = validateText(value, textRule.max)
    if (bad) errors[textRule.field] = bad
    else body[textRule.field] = value.trim()
  }
  if (action === 'assign') {
    if (!v.departmentId) errors.departmentId = { key: 'v.required' }
    body.departmentId = v.departmentId
    const supporting = v.supportingDepartmentIds.filter((d) => d !== v.departmentId)
    if (supporting.length) body.supportingDepartmentIds = supporting
    if (v.assigneeId) body.assigneeId = v.assigneeId
    if (v.note.trim()) {
      const bad = validateText(v.note, 2000)
      if (bad) errors.note = bad
      else body.note = v.note.trim()
    }
  }
  if (action === 'extension') {
    const days = Number(v.days)
    if (!Number.isInteger(days) || days < 1 || days > MAX_EXTENSION_DAYS) errors.days = { key: 'v.days' }
    body.days = days
  }
  if (action === 'answer' || action === 'reply') {
    body.public = v.public
    if ((FINDINGS as readonly string[]).includes(v.finding)) body.finding = v.finding
  }
  if (action === 'concerns') {
    for (const field of ['office', 'window'] as const) {
      const value = v[field].trim()
      if (!value) body[field] = null
      else if (value.length > CONCERN_LIMITS[field] || !isOneLine(value))
        errors[field] = { key: 'v.textLength', params: { min: 1, max: CONCERN_LIMITS[field] } }
      else body[field] = value
    }
    const staff = v.staffNumber.trim()
    if (!staff) body.staffNumber = null
    else if (!STAFF_NUMBER.test(staff)) errors.staffNumber = { key: 'rect.v.staffNumber' }
    else body.staffNumber = staff
  }
  if (action === 'merge') {
    if (!target) errors.intoCode = { key: 'f.intoCase.required' }
    else body.intoCaseId = target.id
  }
  return { body, errors }
}
