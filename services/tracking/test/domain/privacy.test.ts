import t from 'tap'
import {
  maskCitizen,
  maskEmail,
  maskIdNumber,
  maskName,
  maskPhone,
  piiHash,
  queryTerms,
  searchTerms,
} from '../../src/domain/privacy.ts'

t.test('masks', async (t) => {
  t.equal(maskPhone('13812345678'), '138****5678')
  t.equal(maskPhone('+86 138-1234-5678'), '138****5678')
  t.equal(maskEmail('zhang@example.com'), 'z***@example.com')
  t.equal(maskIdNumber('11010519491231002X'), '1101**********002X')
  t.equal(maskName('张三'), '张*')
  t.same(maskCitizen({ name: '李', phone: '13812345678' }), { name: '*', phone: '138****5678' })
})

t.test('keyed hashes normalise and depend on the key', async (t) => {
  t.equal(piiHash('k', 'phone', '138 1234 5678'), piiHash('k', 'phone', '+8613812345678'))
  t.not(piiHash('k', 'phone', '13812345678'), piiHash('k2', 'phone', '13812345678'))
})

t.test('search terms cover every substring query', async (t) => {
  const terms = new Set(searchTerms('办证窗口排队'))
  for (const q of ['窗口', '排队', '口排', '证'])
    t.ok(
      queryTerms(q).every((x) => terms.has(x)),
      q,
    )
  t.notOk(queryTerms('交通').every((x) => terms.has(x)))
})
