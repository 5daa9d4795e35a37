import t, { type Test } from 'tap'
import { createCalendar, type LocalDate } from '../src/index.ts'
import { seededRandom } from './helpers.ts'

const SEED = 20_250_930
const RUNS = 3000
const START = Date.parse('2024-10-01T00:00:00Z')
const END = Date.parse('2027-03-01T00:00:00Z')

const cal = createCalendar({
  regions: {
    // illustrative, not a real regional notice
    '990000': {
      holidays: [{ name: { zh: '节日', en: 'Festival' }, from: '2025-06-05', to: '2025-06-10' }],
      workingDays: [{ name: { zh: '调休', en: 'Make-up day' }, from: '2025-10-05' }],
    },
  },
})
const random = seededRandom(SEED)
const instant = () => new Date(START + Math.floor(random() * (END - START)))
const regionOf = () => (random() < 0.3 ? '990000' : undefined)

/** Runs `check` over RUNS random cases and asserts once, listing the first failures with their inputs. */
function property(t: Test, name: string, check: () => string | undefined) {
  const failures: string[] = []
  for (let i = 0; i < RUNS; i++) {
    const failure = check()
    if (failure !== undefined && failures.length < 10) failures.push(failure)
  }
  t.same(failures, [], `${name} (seed ${SEED}, ${RUNS} runs)`)
}

t.test('localDate is the UTC+8 calendar day', async (t) => {
  property(t, 'localDate', () => {
    const at = instant()
    const expected = new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10)
    const got = cal.localDate(at)
    return got === expected ? undefined : `${at.toISOString()}: ${got} ≠ ${expected}`
  })
})

t.test('addWorkingDays(from, n ≥ 1) lands at the end of a working day n working days later', async (t) => {
  property(t, 'addWorkingDays / workingDaysBetween', () => {
    const from = instant()
    const n = 1 + Math.floor(random() * 30)
    const region = regionOf()
    const due = cal.addWorkingDays(from, n, region)
    const at = `${from.toISOString()} +${n} ${region ?? 'national'} → ${due.toISOString()}`
    const day: LocalDate = cal.localDate(due)
    if (!cal.isWorkingDay(due, region)) return `${at}: not a working day`
    if (due.getTime() !== cal.endOfDay(day).getTime()) return `${at}: not the end of the day`
    if (day <= cal.localDate(from)) return `${at}: not after from`
    if (cal.workingDaysBetween(from, due, region) !== n) return `${at}: between ≠ n`
    if (cal.workingDaysBetween(due, from, region) !== -n) return `${at}: between backwards ≠ -n`
    if (n === 1 && cal.nextWorkingDay(from, region) !== day) return `${at}: ≠ nextWorkingDay`
    // going back n from the deadline returns to from's day, or the working day before it
    const back = cal.localDate(cal.addWorkingDays(due, -n, region))
    const start = cal.isWorkingDay(from, region) ? cal.localDate(from) : cal.previousWorkingDay(from, region)
    if (back !== start) return `${at}: back to ${back}, expected ${start}`
    return undefined
  })
})

t.test('addWorkingDays(from, 0) is the first working day on or after from', async (t) => {
  property(t, 'n = 0', () => {
    const from = instant()
    const region = regionOf()
    const due = cal.addWorkingDays(from, 0, region)
    const between = cal.workingDaysBetween(from, due, region)
    const expected = cal.isWorkingDay(from, region) ? 0 : 1
    if (!cal.isWorkingDay(due, region) || between !== expected) {
      return `${from.toISOString()} ${region ?? 'national'}: ${due.toISOString()} (${between})`
    }
    return undefined
  })
})

t.test('workingDaysBetween is antisymmetric and additive', async (t) => {
  property(t, 'antisymmetry and additivity', () => {
    const [a, b, c] = [instant(), instant(), instant()]
    const region = regionOf()
    const ab = cal.workingDaysBetween(a, b, region)
    const ba = cal.workingDaysBetween(b, a, region)
    const bc = cal.workingDaysBetween(b, c, region)
    const ac = cal.workingDaysBetween(a, c, region)
    if (ab !== -ba) return `${a.toISOString()} ${b.toISOString()}: ${ab} vs ${ba}`
    if (ab + bc !== ac) return `${a.toISOString()} ${b.toISOString()} ${c.toISOString()}: ${ab}+${bc}≠${ac}`
    return undefined
  })
})
