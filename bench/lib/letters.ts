// Valid, varied letters for POST /api/v1/mailbox/letters, from a seeded generator: every run (and both
// sides of a comparison) sends the same sequence. No e-mail addresses: the load must not flood Mailpit.
import { LETTER_CATEGORIES } from '../../packages/contracts/src/index.ts'

/** mulberry32: small, fast, good enough to vary test data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗'
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华'
const WORDS = [
  '户籍',
  '办理',
  '出入境',
  '护照',
  '身份证',
  '交通',
  '违章',
  '罚款',
  '派出所',
  '窗口',
  '态度',
  '排队',
  '时间',
  '材料',
  '证明',
  '收费',
  '标准',
  '不合理',
  '希望',
  '尽快',
  '答复',
  '感谢',
  '民警',
  '热情',
  '服务',
  '咨询',
  '流程',
  '网上',
  '预约',
  '驾驶证',
  '年检',
  '噪音',
  '夜间',
  '小区',
  '停车',
]
const PUNCT = ['，', '。', '；', '！', '？']

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)] as T
}

function text(rand: () => number, min: number, max: number): string {
  const target = min + Math.floor(rand() * (max - min))
  let s = ''
  while (s.length < target) {
    s += pick(rand, WORDS)
    if (rand() < 0.2) s += pick(rand, PUNCT)
  }
  return s.slice(0, target)
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const ID_CHECK = '10X98765432'

/** An 18-digit resident ID number with a valid date of birth and check digit. */
function idNumber(rand: () => number): string {
  const region = String(110101 + Math.floor(rand() * 500))
  const year = 1950 + Math.floor(rand() * 55)
  const month = 1 + Math.floor(rand() * 12)
  const day = 1 + Math.floor(rand() * 28)
  const seq = String(Math.floor(rand() * 1000)).padStart(3, '0')
  const body = `${region}${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}${seq}`
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(body[i]) * (ID_WEIGHTS[i] ?? 0)
  return body + ID_CHECK[sum % 11]
}

export interface SubmitLetterBody {
  category: string
  subject: string
  body: string
  anonymous: boolean
  name?: string
  phone?: string
  idNumber?: string
  consentToPublish: boolean
  locale?: 'zh-CN' | 'en'
}

export function letter(rand: () => number): SubmitLetterBody {
  const anonymous = rand() < 0.2
  const l: SubmitLetterBody = {
    category: pick(rand, LETTER_CATEGORIES),
    subject: text(rand, 4, 40),
    body: text(rand, 40, 1_200),
    anonymous,
    consentToPublish: rand() < 0.6,
  }
  if (!anonymous) {
    l.name = pick(rand, [...SURNAMES]) + pick(rand, [...GIVEN]) + (rand() < 0.5 ? pick(rand, [...GIVEN]) : '')
    l.phone = `1${3 + Math.floor(rand() * 7)}${String(Math.floor(rand() * 1e9)).padStart(9, '0')}`
    if (rand() < 0.5) l.idNumber = idNumber(rand)
  }
  if (rand() < 0.9) l.locale = 'zh-CN'
  else l.locale = 'en'
  return l
}

/** A ring of pre-serialised letter bodies: the load generator spends no time building JSON. */
export class LetterPool {
  readonly #bodies: string[]
  #next = 0

  constructor(size = 2_000, seed = 20_240_611) {
    const rand = prng(seed)
    this.#bodies = Array.from({ length: size }, () => JSON.stringify(letter(rand)))
  }

  next(): string {
    const body = this.#bodies[this.#next] as string
    this.#next = (this.#next + 1) % this.#bodies.length
    return body
  }

  get size(): number {
    return this.#bodies.length
  }

  /** The i-th body of the ring (modulo its size). */
  at(i: number): string {
    return this.#bodies[i % this.#bodies.length] as string
  }

  /** Starts the sequence again, so that both sides of a comparison get the same letters. */
  rewind(): void {
    this.#next = 0
  }
}
