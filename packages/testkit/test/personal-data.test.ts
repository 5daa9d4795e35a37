// The tests' personal-data detector: what the requirement calls personal data is found however it is
// written, and values that only look like it (ids, timings, the platform's own sender) are not.
import t from 'tap'
import { PERSONAL_DATA, personalDataIn } from '../src/index.ts'

const PERSONAL: Array<[string, string]> = [
  ['mobile', '13800138000'],
  ['mobile', 'tel13800138000'],
  ['mobile', 'call +86 13800138000 please'],
  ['mobile', '+8613800138000'],
  ['mobile', '0086-13800138000'],
  ['mobile', '138 0013 8000'],
  ['mobile', '+86 138-0013-8000'],
  ['landline', '010-12345678'],
  ['landline', '0755 1234 5678'],
  ['landline', '(010) 1234 5678'],
  ['landline', 'tel:02112345678'],
  ['idNumber', '110101199003071234'],
  ['idNumber', '11010119900307123X'],
  ['email', 'li.si@example.com'],
  ['email', '"to":"zhang.san+x@mail.example.cn"'],
  ['name', '"name":"张三"'],
  ['name', '{"contact":{"name":"王小明"}}'],
  ['name', '来信人 李四 电话'],
  // a client's request id is not exempt: only a UUID is
  ['mobile', '"reqId":"13800138000"'],
]

const NOT_PERSONAL = [
  '"reqId":"0190a3b2-7c3d-7013-8000-013800138000"',
  'case 0190a3b2-0138-7013-8013-800000000000 assigned',
  '"responseTime":12.0123456789',
  '"time":1733234567890',
  '"hash":"a3f0123456789bcde0755123456789"',
  'from 听见 <noreply@tingjian.localhost>',
  'no-reply@tingjian.localhost',
  '"name":"张*"',
  '交警总队',
  '人口与出入境管理局',
  '2026-12-03T12:00:00.000Z',
  '"msg":"request completed","statusCode":200',
]

t.test('personal data is found however it is written', async (t) => {
  for (const [kind, text] of PERSONAL) {
    t.match(text, PERSONAL_DATA, text)
    t.ok(
      personalDataIn(text).some((f) => f.kind === kind),
      `${text}: found as ${kind} (${JSON.stringify(personalDataIn(text))})`,
    )
  }
})

t.test(
  'ids, timings and the platform sender are not personal data, and the exemption is per value',
  async (t) => {
    for (const text of NOT_PERSONAL) t.notMatch(text, PERSONAL_DATA, text)
    // an exempt value on a line does not exempt the line
    t.match('"reqId":"0190a3b2-7c3d-7013-8000-013800138000","phone":"13800138000"', PERSONAL_DATA)
    t.match('from noreply@tingjian.localhost to li.si@example.com', PERSONAL_DATA)
    t.same(personalDataIn('"responseTime":13800138000.5 tel 138 0013 8000'), [
      { kind: 'mobile', text: '138 0013 8000' },
    ])
  },
)
