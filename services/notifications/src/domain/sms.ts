// The SMS to hotline callers and to poll voters, as pure functions of their data: zh-CN, short, and without links unless the
// deployment allows them (China's carriers refuse SMS with links). Each text is at most SMS_MAX_LENGTH
// characters, however long the inputs (the tests render the longest).

/** The port's limit (SendSmsRequest.body); Twilio's own is 1600. */
export const SMS_MAX_LENGTH = 500

/** The public site, named in the text by its plain name (no link by default). */
export const SITE_NAME = '听见公众服务网站'

export interface SmsOptions {
  /** Append the site's address (only where carriers accept links). */
  links: boolean
  webUrl: string
}

export interface CaseSmsData {
  trackingCode: string
  accessKey: string
  /** Working days; null: no reply is due; undefined: not known when the SMS was written. */
  timeLimitDays?: number | null
  /** Answered on the spot: the reply is there to read already. */
  answered: boolean
}

/** The caller's tracking code and access key, and how to follow the case with them. */
export function caseOpenedSms(d: CaseSmsData, o: SmsOptions): string {
  const parts = [
    d.answered ? '【听见】您的来电已登记并当场答复。' : '【听见】您的来电已登记为案件。',
    `查询码：${d.trackingCode}，查询密码：${d.accessKey}。`,
    `凭查询码和查询密码可在${SITE_NAME}查看${d.answered ? '答复' : '办理进度和答复'}，请妥善保管，勿告诉他人。`,
  ]
  if (!d.answered && typeof d.timeLimitDays === 'number')
    parts.push(`我们将在受理后${d.timeLimitDays}个工作日内答复。`)
  return finish(parts, o)
}

/** The reply is published: where to read it (the text itself is not sent: it may be long and private). */
export function caseRepliedSms(d: { trackingCode: string }, o: SmsOptions): string {
  return finish(
    [
      `【听见】您的案件（查询码 ${d.trackingCode}）已答复。`,
      `请凭查询码和查询密码在${SITE_NAME}查看答复并评价。`,
    ],
    o,
  )
}

/** How much of a poll's title an SMS quotes (titles may be 200 characters; the code must stay in view). */
export const POLL_TITLE_IN_SMS = 30

export interface PollCodeSmsData {
  pollTitle: string
  code: string
  purpose: 'verification' | 'invitation'
  /** Verification: how long the code is valid, in whole minutes (from the request's expiresAt). */
  validMinutes?: number | null
}

/** A poll's one-time code: a voter's verification code, or an invitation's voting code. */
export function pollCodeSms(d: PollCodeSmsData, o: SmsOptions): string {
  const title = bounded(d.pollTitle, POLL_TITLE_IN_SMS)
  const parts =
    d.purpose === 'verification'
      ? [
          `【听见】您正在参加网上民调「${title}」，验证码：${d.code}`,
          typeof d.validMinutes === 'number' ? `，${d.validMinutes}分钟内有效。` : '。',
          '请勿将验证码告诉他人。',
        ]
      : [
          `【听见】诚邀您参加网上民调「${title}」。`,
          `您的一次性投票码：${d.code}，仅可投票一次。`,
          `请在${SITE_NAME}凭此码投票，勿告诉他人。`,
        ]
  return finish(parts, o)
}

/** At most `max` characters (code points), an ellipsis marking a cut. */
function bounded(text: string, max: number): string {
  const chars = [...text.trim()]
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`
}

function finish(parts: string[], o: SmsOptions): string {
  if (o.links) parts.push(o.webUrl)
  const text = parts.join('')
  // the inputs are bounded (a 10-symbol code, a 32-character key, a short URL), so this never cuts in
  // practice; it keeps the port's promise if a deployment configures a very long WEB_URL
  return [...text].slice(0, SMS_MAX_LENGTH).join('')
}

const MAINLAND_MOBILE = /^1[3-9]\d{9}$/
const E164 = /^\+[1-9]\d{6,14}$/

/**
 * The number an SMS goes to (E.164), from the normalised number the hotline seals (a mainland mobile
 * without +86, or an E.164 number from abroad); null for a landline or anything else (no SMS possible).
 */
export function smsNumber(normalised: string): string | null {
  const n = normalised.trim()
  if (MAINLAND_MOBILE.test(n)) return `+86${n}`
  if (E164.test(n)) return n
  return null
}

/** `+8613912345678` → `139****5678` (the mask the staff views use). */
export function maskPhone(number: string): string {
  const d = number.replace(/^\+86/, '').replace(/\D/g, '')
  if (d.length < 7) return '*'.repeat(d.length)
  return `${d.slice(0, 3)}${'*'.repeat(d.length - 7)}${d.slice(-4)}`
}
