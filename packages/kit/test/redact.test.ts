import t from 'tap'
import { scrub, scrubLine } from '../src/index.ts'
import { capturedLogger } from './helpers.ts'

const PERSONAL = {
  mobile: '13812345678',
  mobileIntl: '+86 138-1234-5678',
  landline: '010-62345678',
  landline2: '0755 8765 4321',
  id18: '11010519491231002X',
  id18digit: '440308199901011234',
  id15: '110105491231002',
  email: 'zhang.san+tips@example.com.cn',
  gluedToLetters: 'tel13812345678ext',
  jwt: 'eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiIxMjMifQ.c2lnbmF0dXJlLXBhcnQ',
}

t.test('scrub removes personal data and tokens from free text', async (t) => {
  for (const [name, value] of Object.entries(PERSONAL)) {
    const out = scrub(`caller ${value} wrote in`)
    t.notOk(out.includes(value.replaceAll(/[ -]/g, '')) || out.includes(value), `${name} scrubbed: ${out}`)
  }
  t.equal(scrub('password="hunter2"'), 'password="[redacted]"')
})

t.test('scrub leaves ordinary numbers, ids and timestamps alone', async (t) => {
  const keep = [
    '{"time":1764170000000,"pid":12345}',
    '0190a0b0-1234-7000-8000-123456789012',
    'offset 12345678901234',
    'case TJ2026000123 version 7',
    'took 12.5 ms, 138 items',
  ]
  for (const line of keep) t.equal(scrub(line), line)
})

t.test('no log line carries personal data, wherever it appears', async (t) => {
  const { logger, lines } = capturedLogger()
  logger.info(
    { phone: PERSONAL.mobile, citizen: { email: PERSONAL.email, idNumber: PERSONAL.id18 } },
    'saved',
  )
  logger.info(`letter from ${PERSONAL.mobileIntl} about ${PERSONAL.id18digit}`)
  logger.error(
    { err: new Error(`duplicate key { phone: "${PERSONAL.landline}" } for ${PERSONAL.email}`) },
    'failed',
  )
  logger.warn({ req: { headers: { authorization: `Bearer ${PERSONAL.jwt}` } } }, 'refused')
  logger.info({ note: `old id ${PERSONAL.id15}, office ${PERSONAL.landline2}` }, 'noted')
  t.equal(lines.length, 5)
  const all = lines.join('\n')
  for (const [name, value] of Object.entries(PERSONAL)) t.notOk(all.includes(value), `${name} absent`)
  t.notOk(all.includes('13812345678'))
  t.match(all, /\[phone\]/)
  t.match(all, /\[redacted\]/)
})

t.test('a log line keeps its request id and response time; the rest is scrubbed', async (t) => {
  const reqId = '0190a0b0-1234-7000-8000-13812345678a'
  const line = JSON.stringify({
    level: 30,
    reqId,
    res: { statusCode: 200 },
    responseTime: 0.13812345678,
    msg: `request completed for ${PERSONAL.mobile}`,
  })
  t.not(scrub(line), line, 'free-text scrubbing alone would rewrite them')
  const out = JSON.parse(scrubLine(line))
  t.equal(out.reqId, reqId)
  t.equal(out.responseTime, 0.13812345678)
  t.equal(out.msg, 'request completed for [phone]')
  const nested = scrubLine(JSON.stringify({ msg: `x "reqId":"${PERSONAL.mobile}"` }))
  t.notOk(nested.includes(PERSONAL.mobile), 'a look-alike inside a string is scrubbed')
})
