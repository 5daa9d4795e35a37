// The rectification (整改) mails to staff: who is told of which order event, and what the mail says.
// Subjects carry the order's number, Chinese first with the English after it; the body is Chinese with an
// English line.
// Pure: the department's name and the web address are passed in. No personal data: an order names
// departments, offices, windows and staff numbers (work identifiers) and staff text.
import type { Role } from '@tingjian/kit'
import type { Audience } from './recipients.ts'
import { type Block, formatTime, type Template } from './templates.ts'

const STAFF_SIGNATURE = '本邮件由系统自动发送，请勿直接回复。\n听见 · 整改督办系统'

export type LadderStep = 'acknowledgement_overdue' | 'reminder' | 'supervision' | 'warning'
export type SendBackKind = 'evidence_insufficient' | 'not_effective'

const role = (r: Role, departmentId: string | null): Audience => ({ kind: 'role', role: r, departmentId })

/** The responsible department's leads. */
export const departmentLeads = (departmentId: string): Audience[] => [role('dept_lead', departmentId)]
/** Every discipline officer (纪检监察), whatever their department. */
export const disciplineOfficers = (): Audience[] => [role('discipline_officer', null)]

/** A ladder step: the department's leads; 督办 and 告诫 every discipline officer too. */
export function ladderAudience(step: LadderStep, departmentId: string): Audience[] {
  const leads = departmentLeads(departmentId)
  return step === 'supervision' || step === 'warning' ? [...leads, ...disciplineOfficers()] : leads
}

export const orderLink = (webUrl: string, orderId: string) =>
  `${webUrl.replace(/\/+$/, '')}/staff/rectification/orders/${encodeURIComponent(orderId)}`
export const alertLink = (webUrl: string, alertId: string) =>
  `${webUrl.replace(/\/+$/, '')}/staff/rectification/alerts/${encodeURIComponent(alertId)}`

/** What every order mail shows. */
export interface OrderMailData {
  orderId: string
  number: string
  departmentName: string | null
  office: string | null
  window: string | null
  staffNumber: string | null
  dueAt: string
  webUrl: string
  /** Not every event carries the title. */
  title?: string
}

function orderFields(d: OrderMailData, extra: Array<[string, string]> = []): Block {
  const place = [d.office, d.window, d.staffNumber ? `警号/工号 ${d.staffNumber}` : null]
    .filter((v): v is string => !!v)
    .join(' · ')
  return {
    fields: [
      ['整改通知编号 / Order', d.number],
      ...(d.title ? ([['事项 / Title', d.title]] as Array<[string, string]>) : []),
      ['责任单位 / Department', d.departmentName ?? '—'],
      ...(place ? ([['具体部位 / Where', place]] as Array<[string, string]>) : []),
      ['整改期限 / Deadline', formatTime(d.dueAt, 'zh-CN')],
      ...extra,
    ],
  }
}

function mail(
  d: OrderMailData,
  heading: { zh: string; en: string },
  lines: { zh: string; en: string },
  extra: Block[] = [],
  fields: Array<[string, string]> = [],
): Template {
  return {
    locale: 'zh-CN',
    subject: `【听见】${heading.zh} ${d.number} (${heading.en} ${d.number})`,
    blocks: [
      { p: '您好：' },
      { p: lines.zh },
      orderFields(d, fields),
      ...extra,
      { p: '请登录系统查看和办理：' },
      { link: orderLink(d.webUrl, d.orderId) },
      { p: lines.en },
      { p: STAFF_SIGNATURE },
    ],
  }
}

export function orderIssuedTemplate(
  d: OrderMailData & { measuresRequired: string; acknowledgeBy: string },
): Template {
  return mail(
    d,
    { zh: '整改通知', en: 'Rectification order' },
    {
      zh: `纪检监察部门向贵单位下达整改通知，请部门负责人于 ${formatTime(d.acknowledgeBy, 'zh-CN')} 前签收，并在期限内提交整改方案和整改材料。`,
      en: `A rectification order was issued to your department: the department lead acknowledges it by ${formatTime(d.acknowledgeBy, 'en')}, then submits a plan and evidence by the deadline.`,
    },
    [{ p: '整改要求：' }, { quote: d.measuresRequired }],
  )
}

const STEPS: Record<LadderStep, { zh: string; en: string; p: string; pEn: string }> = {
  acknowledgement_overdue: {
    zh: '整改通知逾期未签收',
    en: 'Rectification order not acknowledged',
    p: '以下整改通知已超过签收期限仍未签收，请部门负责人立即签收。',
    pEn: 'This rectification order was not acknowledged in time: the department lead acknowledges it now.',
  },
  reminder: {
    zh: '整改期限提醒',
    en: 'Rectification deadline reminder',
    p: '以下整改通知即将到达整改期限，请抓紧落实整改措施并按时提交整改材料。',
    pEn: 'The deadline of this rectification order is near: submit the plan and evidence in time.',
  },
  supervision: {
    zh: '整改督办',
    en: 'Rectification overdue (supervision)',
    p: '以下整改通知已超过整改期限仍未完成，现予督办。请部门负责人督促尽快完成整改并提交材料。',
    pEn: 'This rectification order is overdue and is now supervised (督办): complete it and submit the evidence without delay.',
  },
  warning: {
    zh: '整改告诫',
    en: 'Rectification warning',
    p: '以下整改通知超过整改期限 5 个工作日以上仍未完成，现予告诫，并重新确定整改期限。逾期仍不整改的，将依规追究责任。',
    pEn: 'This rectification order is five working days overdue: a formal warning (告诫) with the new deadline below.',
  },
}

export function orderEscalatedTemplate(
  d: OrderMailData & { step: LadderStep; previousDueAt: string },
): Template {
  const s = STEPS[d.step]
  const fields: Array<[string, string]> =
    d.step === 'warning' ? [['原整改期限 / Missed deadline', formatTime(d.previousDueAt, 'zh-CN')]] : []
  return mail(d, { zh: s.zh, en: s.en }, { zh: s.p, en: s.pEn }, [], fields)
}

const SEND_BACK: Record<SendBackKind, { zh: string; en: string }> = {
  evidence_insufficient: {
    zh: '整改材料不充分，请按原方案补充整改材料。',
    en: 'The evidence is insufficient: submit further evidence of the same plan.',
  },
  not_effective: {
    zh: '整改措施未见成效，请重新制定整改方案。',
    en: 'The measures were not effective: submit a new plan.',
  },
}

export function orderSentBackTemplate(d: OrderMailData & { kind: SendBackKind; reason: string }): Template {
  const k = SEND_BACK[d.kind]
  return mail(
    d,
    { zh: '整改退回', en: 'Rectification sent back' },
    {
      zh: `纪检监察部门退回了以下整改：${k.zh}`,
      en: `A discipline officer sent this rectification back. ${k.en}`,
    },
    [{ p: '退回理由：' }, { quote: d.reason }],
  )
}

export function evidenceSubmittedTemplate(
  d: OrderMailData & { round: number; attachments: number },
): Template {
  return mail(
    d,
    { zh: '整改材料待核验', en: 'Rectification evidence to verify' },
    {
      zh: '责任单位已提交以下整改通知的整改材料，请核验整改成效，予以确认或退回。',
      en: 'The department submitted evidence for this rectification order: verify it, or send it back.',
    },
    [],
    [
      ['轮次 / Round', String(d.round)],
      ['附件 / Attachments', String(d.attachments)],
    ],
  )
}

export function orderReopenedTemplate(d: OrderMailData & { reason: string }): Template {
  return mail(
    d,
    { zh: '整改重新启动（回头看）', en: 'Rectification reopened on re-check' },
    {
      zh: '回头看发现问题反弹，以下整改通知已重新启动，请重新制定整改方案并在新的期限内完成。',
      en: 'The re-check found the problem back: the order is reopened and needs a new plan by the new deadline.',
    },
    [{ p: '回头看情况：' }, { quote: d.reason }],
  )
}

const LEVELS: Record<'staff' | 'window' | 'office' | 'department', string> = {
  staff: '同一警号/工号',
  window: '同一窗口',
  office: '同一单位/大厅',
  department: '同一部门',
}

export interface AlertMailData {
  alertId: string
  level: keyof typeof LEVELS
  departmentName: string | null
  office: string | null
  window: string | null
  staffNumber: string | null
  problems: number
  threshold: number
  windowDays: number
  webUrl: string
}

export function alertRaisedTemplate(d: AlertMailData): Template {
  const where = [
    d.departmentName ?? '—',
    d.office,
    d.window,
    d.staffNumber ? `警号/工号 ${d.staffNumber}` : null,
  ]
    .filter((v): v is string => !!v)
    .join(' · ')
  return {
    locale: 'zh-CN',
    subject: `【听见】趋势预警：${where} (Trend alert: ${d.problems} problems in ${d.windowDays} days)`,
    blocks: [
      { p: '您好：' },
      {
        p: `${LEVELS[d.level]}在 ${d.windowDays} 天内出现 ${d.problems} 个问题（预警阈值 ${d.threshold} 个），请研判：确认、下达整改通知，或说明理由后撤销。`,
      },
      {
        fields: [
          ['预警对象 / Where', where],
          ['问题数 / Problems', String(d.problems)],
          ['统计周期 / Window', `${d.windowDays} 天 / days`],
        ],
      },
      { p: '请登录系统查看问题清单：' },
      { link: alertLink(d.webUrl, d.alertId) },
      {
        p: `${d.problems} problems within ${d.windowDays} days (threshold ${d.threshold}) at one ${d.level}: acknowledge the alert, turn it into an order, or dismiss it with a reason.`,
      },
      { p: STAFF_SIGNATURE },
    ],
  }
}
