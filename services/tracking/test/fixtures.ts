// Shared test data: a letter, actors, a case in a given status.
import { createCalendar } from '@tingjian/calendar'
import { uuidv7 } from '@tingjian/contracts'
import type { Role } from '@tingjian/kit'
import { type CaseState, type Command, decide, type StaffActor } from '../src/domain/case.ts'
import { type LetterSubmitted, openFromLetter } from '../src/domain/intake.ts'
import type { ActionBodies } from '../src/schemas/cases.ts'

export const calendar = createCalendar()
export const PII_KEY = 'test-pii-key-0123456789abcdef0123456789'
/** Monday 2 March 2026, 09:00 in Shanghai. */
export const MONDAY = new Date('2026-03-02T01:00:00.000Z')

export function letter(overrides: Partial<LetterSubmitted> = {}): LetterSubmitted {
  return {
    letterId: uuidv7(),
    trackingCode: 'ABCDEFGH23',
    accessKeyHash: `sha256:${'a'.repeat(64)}`,
    category: 'complaint',
    subject: '办证窗口排队时间太长',
    body: '上周去办理出入境证件，排队三个小时。',
    anonymous: false,
    citizen: {
      name: '张三',
      phone: '13812345678',
      email: 'zhang@example.com',
      idNumber: '11010519491231002X',
    },
    consentToPublish: true,
    submittedAt: MONDAY.toISOString(),
    ...overrides,
  }
}

export const staff = (id: string, roles: Role[], departmentId: string | null = null): StaffActor => ({
  kind: 'staff',
  id,
  roles,
  departmentId,
})

export const dispatcher = staff('u-dispatcher', ['dispatcher'])
export const supervisor = staff('u-supervisor', ['supervisor'])
export const operator = staff('u-operator', ['hotline_operator'])
export const handler = staff('u-handler', ['handler'], 'exit-entry')
export const lead = staff('u-lead', ['dept_lead'], 'exit-entry')
export const otherHandler = staff('u-handler2', ['handler'], 'traffic')
export const otherLead = staff('u-lead2', ['dept_lead'], 'traffic')

export function newCase(overrides: Partial<LetterSubmitted> = {}): CaseState {
  return openFromLetter(letter(overrides), PII_KEY, MONDAY, { id: uuidv7(), correlationId: 'c' }).case
}

/** Runs commands in order and fails loudly if one is refused. */
export function run(c: CaseState, steps: Array<[Command, StaffActor]>, now = MONDAY): CaseState {
  let current = c
  for (const [command, actor] of steps) {
    const out = decide(current, command, actor, { now, calendar })
    if (!out.ok) throw new Error(`${command.type} refused: ${out.refusal.detail}`)
    current = out.case
  }
  return current
}

export const ASSIGN: [Command, StaffActor] = [{ type: 'assign', departmentId: 'exit-entry' }, dispatcher]
export const SIGN: [Command, StaffActor] = [{ type: 'sign' }, handler]
export const DRAFT: [Command, StaffActor] = [{ type: 'reply', text: '已核实并整改。' }, handler]
export const APPROVE: [Command, StaffActor] = [{ type: 'reply/approve' }, lead]

/** The smallest valid body of every staff action (without its version). */
export const ACTION_BODIES: Record<keyof typeof ActionBodies, Record<string, unknown>> = {
  assign: { departmentId: 'exit-entry' },
  'not-accept': { reason: 'r' },
  answer: { text: 't' },
  sign: {},
  return: { reason: 'r' },
  extension: { days: 2, reason: 'r' },
  'extension/approve': {},
  'extension/refuse': { reason: 'r' },
  reply: { text: 't' },
  'reply/approve': {},
  'reply/send-back': { reason: 'r' },
  escalate: { note: 'n' },
  close: {},
  reopen: { reason: 'r' },
  merge: { intoCaseId: 'case_missing' },
  notes: { text: 'n' },
  concerns: { office: '城东出入境办证大厅' },
}
