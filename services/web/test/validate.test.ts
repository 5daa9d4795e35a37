// The app's client-side one-line check says what the kit's OneLine (the API's rule) says, so a citizen sees
// the message next to the field instead of a refusal from the server.
import { isOneLine as apiOneLine } from '@tingjian/kit'
import t from 'tap'
import { isOneLine } from '../ui/lib/validate.ts'

const SAMPLES = [
  '护照办理需要多长时间',
  'Plain subject',
  '张三',
  ' 前后空格 ',
  'a\u3000b',
  '',
  ' ',
  '\u3000',
  'line\nbreak',
  'tab\there',
  'a\u2028b',
  'a\u2029b',
  'zero\u200Bwidth',
  'a\u200Cb',
  'a\u200Db',
  'a\u200Eb',
  'a\u200Fb',
  'a\u061Cb',
  '\uFEFFbom',
  'a\u202Eevil\u202C',
  'a\u2066isolate\u2069',
  '\u200B',
  '\u200B\u200B ',
  '\u0301',
  '\u3164',
  '\u2800',
  'del\u007F',
  'e\u0301',
  '😀',
]

t.test('the client refuses exactly what the API refuses as one-line text', async (t) => {
  // the names escaped: a raw U+2028 would break the TAP output
  const name = (s: string) =>
    s.replace(/[^\x20-\x7e]/g, (c) => `\\u${(c.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`)
  for (const s of SAMPLES) t.equal(isOneLine(s), apiOneLine(s), `"${name(s)}"`)
})
