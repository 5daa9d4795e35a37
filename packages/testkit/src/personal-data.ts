// The tests' detector of personal data in clear: what must never reach a log line (and what masked views
// must not show). It is deliberately wider than what the tests write, so that a phone written another way
// still counts; it exempts single values that are known not to be personal (never whole lines).

/** Common surnames, for names written in Han characters (characters that often start other words left out). */
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙朱胡郭何林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡杜叶程苏魏吕丁沈姚卢姜崔钟谭陆汪范廖贾夏韦邹孟熊秦邱尹薛闫段雷侯陶黎贺顾毛郝龚邵钱严覃戴莫孔汤'

/**
 * Values that are not personal data although they may hold a run of digits shaped like a phone: anything
 * inside a UUID (request ids, event and case ids; the log scrub leaves `reqId` alone) and the response time
 * (a float whose fraction may look like a landline). Single values, never whole lines.
 */
const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}'
const NOT_PERSONAL = [
  `(?<![0-9A-Za-z-])(?=${UUID}(?![0-9A-Za-z-]))[0-9a-fA-F-]{0,35}`,
  '"responseTime":[0-9.]*',
]
const exempt = NOT_PERSONAL.map((p) => `(?<!${p})`).join('')

const PATTERNS: Record<string, string> = {
  // mainland mobiles: 11 digits from 13–19, optionally after +86 / 0086, grouped by spaces or dashes
  // (138 0013 8000, +86 138-0013-8000); bounded by digits only, so "tel13800138000" counts too
  mobile: `${exempt}(?<!\\d)(?:(?:\\+|00)86[ -]?)?1[3-9]\\d(?:[ -]?\\d{4}){2}(?!\\d)`,
  // landlines: a 3- or 4-digit area code from 0, then 7–8 digits, grouped or not (010-12345678,
  // 0755 1234 5678, (010) 1234 5678); bounded by letters too, so that a run inside a hex hash is not one
  landline: `${exempt}(?<![0-9A-Za-z])\\(?0\\d{2,3}\\)?[ -]?\\d{3,4}[ -]?\\d{4}(?![0-9A-Za-z])`,
  // mainland ID card numbers: region, birth date, sequence, check (the shape the kit's scrub knows: a
  // random run of 18 digits inside a hex id is not one)
  idNumber: `${exempt}(?<!\\d)[1-9]\\d{5}(?:18|19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])\\d{3}[\\dXx](?!\\d)`,
  // e-mail addresses, except the platform's own sender (noreply@…, no-reply@…)
  email: '(?<![A-Za-z0-9._%+-])(?!no-?reply@)[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+',
  // a name in Han characters: a common surname and one or two characters, standing alone (not part of a
  // longer run of Han text); a masked name (张*) is not one
  name: `(?<!\\p{Script=Han})[${SURNAMES}]\\p{Script=Han}{1,2}(?!\\p{Script=Han})`,
}

/**
 * Phones (mobile, with +86 or grouped; landlines), ID card numbers, e-mail addresses and Han names in
 * clear. Not global: `PERSONAL_DATA.test(line)` has no state.
 */
export const PERSONAL_DATA = new RegExp(
  Object.values(PATTERNS)
    .map((p) => `(?:${p})`)
    .join('|'),
  'u',
)

/** The pieces of personal data in a text, each with its kind: for a failure message that says what leaked. */
export function personalDataIn(text: string): Array<{ kind: string; text: string }> {
  const found: Array<{ kind: string; text: string }> = []
  for (const [kind, pattern] of Object.entries(PATTERNS))
    for (const m of text.matchAll(new RegExp(pattern, 'gu'))) found.push({ kind, text: m[0] })
  return found
}
