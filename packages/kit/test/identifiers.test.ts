import t from 'tap'
import { isValidIdNumber, newTrackingCode, normalisePhone, toE164 } from '../src/identifiers.ts'

t.test('ID card numbers: check digit and date of birth', async (t) => {
  t.ok(isValidIdNumber('11010519491231002X'))
  t.ok(isValidIdNumber('11010519491231002x'))
  t.notOk(isValidIdNumber('110105194912310021'), 'wrong check digit')
  t.notOk(isValidIdNumber('11010519490230002X'), 'February 30th')
  t.notOk(isValidIdNumber('1101051949123100'), 'too short')
})

t.test('phone numbers: mainland mobiles and landlines', async (t) => {
  t.equal(normalisePhone('+86 138-1234-5678'), '13812345678')
  t.equal(normalisePhone('010-62345678'), '010-62345678')
  t.equal(normalisePhone('0755 87654321'), '075587654321')
  t.equal(normalisePhone('12812345678'), null)
  t.equal(normalisePhone('555-1234'), null)
})

t.test('E.164 for the telephony provider: +86, no trunk 0, no dashes', async (t) => {
  t.equal(toE164('13812345678'), '+8613812345678')
  t.equal(toE164('010-62345678'), '+861062345678')
  t.equal(toE164('075587654321'), '+8675587654321')
  t.equal(toE164('+14155550100'), '+14155550100', 'E.164 stays as it is')
  t.equal(toE164('555-1234'), null)
})

t.test('tracking codes: 10 symbols without look-alikes', async (t) => {
  const codes = new Set(Array.from({ length: 2000 }, () => newTrackingCode()))
  t.equal(codes.size, 2000)
  for (const c of codes) t.notMatch(c, /[01IO]/)
})
