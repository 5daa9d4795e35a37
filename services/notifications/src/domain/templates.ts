// The e-mails, as pure functions of their data: zh-CN first, English for citizens who wrote in English.
// A template is a list of blocks; render() makes the plain-text and the HTML part from it, escaping every
// inserted value in the HTML, so that nothing a citizen (or anyone) typed can become markup.
import type { LETTER_CATEGORIES } from '@tingjian/contracts'

export type LetterCategory = (typeof LETTER_CATEGORIES)[number]

export type Locale = 'zh-CN' | 'en'

export type Block =
  | { p: string }
  | { fields: Array<[label: string, value: string]> }
  | { quote: string }
  | { link: string }

export interface Template {
  locale: Locale
  subject: string
  blocks: Block[]
}

export interface Rendered {
  subject: string
  text: string
  html: string
}

/** The letter's locale when we have an English text for it, else Chinese (the default). */
export function pickLocale(locale: string | null | undefined): Locale {
  return locale?.toLowerCase().startsWith('en') ? 'en' : 'zh-CN'
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c)
}

const escapeLines = (s: string) => escapeHtml(s).replace(/\r?\n/g, '<br>\n')

/** Only http(s) links are made clickable; anything else is shown as text. */
const isWebUrl = (url: string) => /^https?:\/\//i.test(url)

export function render(t: Template): Rendered {
  const text: string[] = []
  const html: string[] = []
  for (const b of t.blocks) {
    if ('p' in b) {
      text.push(b.p)
      html.push(`<p>${escapeLines(b.p)}</p>`)
    } else if ('fields' in b) {
      text.push(b.fields.map(([k, v]) => `${k}: ${v}`).join('\n'))
      html.push(
        `<table role="presentation">${b.fields
          .map(([k, v]) => `<tr><th align="left">${escapeHtml(k)}</th><td>${escapeLines(v)}</td></tr>`)
          .join('')}</table>`,
      )
    } else if ('quote' in b) {
      text.push(b.quote.replace(/^/gm, '> '))
      html.push(`<blockquote>${escapeLines(b.quote)}</blockquote>`)
    } else {
      text.push(b.link)
      html.push(
        isWebUrl(b.link)
          ? `<p><a href="${escapeHtml(b.link)}">${escapeHtml(b.link)}</a></p>`
          : `<p>${escapeHtml(b.link)}</p>`,
      )
    }
  }
  return {
    subject: t.subject,
    text: `${text.join('\n\n')}\n`,
    html: `<!doctype html>\n<html lang="${t.locale}"><head><meta charset="utf-8"><title>${escapeHtml(
      t.subject,
    )}</title></head><body>\n${html.join('\n')}\n</body></html>\n`,
  }
}

/** Times in mails are Beijing time, the citizens' and staff's own. */
export function formatTime(iso: string, locale: Locale): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(d)
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  const day = `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`
  return locale === 'en' ? `${day} (Beijing time)` : `${day}（北京时间）`
}

const CATEGORY: Record<LetterCategory, Record<Locale, string>> = {
  complaint: { 'zh-CN': '投诉', en: 'complaint' },
  report: { 'zh-CN': '举报', en: 'report' },
  suggestion: { 'zh-CN': '建议', en: 'suggestion' },
  consultation: { 'zh-CN': '咨询', en: 'consultation' },
  praise: { 'zh-CN': '表扬', en: 'praise' },
}

const SIGNATURE: Record<Locale, string> = {
  'zh-CN': '本邮件由系统自动发送，请勿直接回复。\n听见 · 厅长信箱',
  en: "This message was sent automatically; please do not reply to it.\nTingjian · Director's mailbox",
}

// ---- citizens ----

export interface ReceiptData {
  trackingCode: string
  category: LetterCategory
  subject: string
  submittedAt: string
  /**
   * The category's time limit in working days, as tracking announced it when it opened the case (one rule,
   * in one place); null: no reply is due (praise); undefined: the event did not say.
   */
  timeLimitDays: number | null | undefined
  webUrl: string
}

/** The receipt. It never holds the access key: that was shown once on screen and is never e-mailed. */
export function receiptTemplate(d: ReceiptData, locale: Locale): Template {
  const days = d.timeLimitDays
  const category = CATEGORY[d.category][locale]
  if (locale === 'en') {
    return {
      locale,
      subject: `[Tingjian] We have received your letter (tracking code ${d.trackingCode})`,
      blocks: [
        { p: 'Hello,' },
        { p: `We have received the ${category} you sent to the director's mailbox.` },
        {
          fields: [
            ['Tracking code', d.trackingCode],
            ['Subject', d.subject],
            ['Submitted', formatTime(d.submittedAt, locale)],
          ],
        },
        {
          p:
            days === null
              ? 'Praise needs no reply: we will pass your words on to the department and the officers concerned. Thank you.'
              : `What happens next: your letter will be accepted and passed to the department responsible. ${
                  days === undefined
                    ? 'You will be answered within the time limit for its category.'
                    : `A ${category} is normally answered within ${days} working days.`
                }`,
        },
        {
          p: 'You can follow your letter and read the answer online with your tracking code and access key:',
        },
        { link: d.webUrl },
        {
          p: 'For your protection the access key was shown only once, when you submitted the letter. We never send it by e-mail and will never ask you for it. Please keep it safe.',
        },
        { p: SIGNATURE.en },
      ],
    }
  }
  return {
    locale,
    subject: `【听见】您的来信已收到 (查询码 ${d.trackingCode})`,
    blocks: [
      { p: '您好：' },
      { p: `我们已收到您通过厅长信箱提交的${category}来信。` },
      {
        fields: [
          ['查询码', d.trackingCode],
          ['标题', d.subject],
          ['提交时间', formatTime(d.submittedAt, locale)],
        ],
      },
      {
        p:
          days === null
            ? '表扬类来信无需答复，我们会将您的肯定转达给有关部门和民警。感谢您的支持！'
            : `接下来：工作人员将受理您的来信并转交有关部门办理。${
                days === undefined
                  ? '我们将在规定期限内答复。'
                  : `${category}类来信一般在 ${days} 个工作日内答复。`
              }`,
      },
      { p: '您可以凭查询码和查询密码在以下网址查看办理进度和答复：' },
      { link: d.webUrl },
      {
        p: '为保护您的信息，查询密码只在提交时显示一次，我们不会通过电子邮件发送，也不会向您索要。请妥善保管。',
      },
      { p: SIGNATURE['zh-CN'] },
    ],
  }
}

export interface ReplyData {
  trackingCode: string
  subject: string
  departmentName: string | null
  text: string
  repliedAt: string
  webUrl: string
}

export function replyTemplate(d: ReplyData, locale: Locale): Template {
  if (locale === 'en') {
    return {
      locale,
      subject: `[Tingjian] Your letter has been answered (tracking code ${d.trackingCode})`,
      blocks: [
        { p: 'Hello,' },
        {
          p: `${d.departmentName ?? 'The department responsible'} has answered your letter "${d.subject}":`,
        },
        { quote: d.text },
        {
          fields: [
            ['Tracking code', d.trackingCode],
            ['Answered', formatTime(d.repliedAt, locale)],
          ],
        },
        {
          p: 'Please tell us whether you are satisfied: open the link below, enter your tracking code and access key, and rate the answer (satisfied, basically satisfied or dissatisfied). If you are dissatisfied, the case is handled again.',
        },
        { link: d.webUrl },
        { p: SIGNATURE.en },
      ],
    }
  }
  return {
    locale,
    subject: `【听见】您的来信已答复 (查询码 ${d.trackingCode})`,
    blocks: [
      { p: '您好：' },
      { p: `${d.departmentName ?? '有关部门'}已对您的来信《${d.subject}》作出答复：` },
      { quote: d.text },
      {
        fields: [
          ['查询码', d.trackingCode],
          ['答复时间', formatTime(d.repliedAt, locale)],
        ],
      },
      {
        p: '请您评价办理结果：打开以下网址，凭查询码和查询密码进入，选择“满意”“基本满意”或“不满意”。如不满意，我们将重新办理。',
      },
      { link: d.webUrl },
      { p: SIGNATURE['zh-CN'] },
    ],
  }
}

// ---- staff (zh-CN) ----

export interface CaseMailData {
  trackingCode: string
  subject: string
  departmentName: string | null
  dueAt: string | null
  webUrl: string
}

const STAFF_SIGNATURE = '本邮件由系统自动发送，请勿直接回复。\n听见 · 督办系统'

function caseFields(d: CaseMailData): Block {
  return {
    fields: [
      ['查询码', d.trackingCode],
      ['事项', d.subject],
      ['承办部门', d.departmentName ?? '—'],
      ['办理期限', d.dueAt ? formatTime(d.dueAt, 'zh-CN') : '—'],
    ],
  }
}

export function assignmentTemplate(d: CaseMailData, toAssignee: boolean): Template {
  return {
    locale: 'zh-CN',
    subject: `【听见】新工单待办理 (查询码 ${d.trackingCode})`,
    blocks: [
      { p: '您好：' },
      {
        p: toAssignee
          ? '一件工单已分派给您，请在 1 个工作日内签收，并在办理期限内答复。'
          : '您所在部门收到一件新分派的工单，请在 1 个工作日内签收，并在办理期限内答复。',
      },
      caseFields(d),
      { p: '请登录系统办理：' },
      { link: d.webUrl },
      { p: STAFF_SIGNATURE },
    ],
  }
}

export function escalationTemplate(
  d: CaseMailData & {
    level: number
    kind: 'reminder' | 'supervision' | 'criticism' | 'manual'
    note?: string
  },
): Template {
  const heading =
    d.kind === 'manual'
      ? { subject: '督办通知', p: '督办人员对以下工单发出督办，请部门负责人督促承办人尽快办结。' }
      : d.level <= 1
        ? { subject: '工单即将到期提醒', p: '以下工单即将到达办理期限，请抓紧办理，按时答复。' }
        : d.level === 2
          ? {
              subject: '督办通知',
              p: '以下工单已超过办理期限仍未办结，现予督办。请部门负责人督促承办人尽快办结。',
            }
          : {
              subject: '超期通报',
              p: '以下工单超过办理期限 5 个工作日以上仍未办结，已列入通报。请立即办理并说明原因。',
            }
  const blocks: Block[] = [{ p: '您好：' }, { p: heading.p }, caseFields(d)]
  if (d.note) blocks.push({ p: '督办意见：' }, { quote: d.note })
  blocks.push({ p: '请登录系统办理：' }, { link: d.webUrl }, { p: STAFF_SIGNATURE })
  return { locale: 'zh-CN', subject: `【听见】${heading.subject} (查询码 ${d.trackingCode})`, blocks }
}
