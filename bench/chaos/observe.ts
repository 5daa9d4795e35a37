// Looking from the outside: the tracking and mailbox databases read with the mongodb driver, and the
// e-mails read through Mailpit's HTTP API. Nothing here goes through the services.
import { MongoClient } from 'mongodb'

export interface CaseRow {
  _id: string
  originId: string
  subject: string
}

export interface LetterRow {
  _id: string
  subject: string
}

const CHUNK = 500

export class Stores {
  readonly #client: MongoClient

  constructor(url: string) {
    this.#client = new MongoClient(url, {
      appName: 'tingjian-chaos',
      serverSelectionTimeoutMS: 3_000,
      connectTimeoutMS: 3_000,
      socketTimeoutMS: 30_000,
    })
  }

  get #cases() {
    return this.#client.db('tingjian-tracking').collection<CaseRow>('cases')
  }

  get #letters() {
    return this.#client.db('tingjian-mailbox').collection<LetterRow>('letters')
  }

  /** How many of these letters have a case (by the case's originId). */
  async casesFor(letterIds: readonly string[]): Promise<number> {
    let n = 0
    for (let i = 0; i < letterIds.length; i += CHUNK) {
      n += await this.#cases.countDocuments({ originId: { $in: letterIds.slice(i, i + CHUNK) } })
    }
    return n
  }

  /** Whether any of these letters has a case (cheap: for the recovery probe). */
  async anyCaseFor(letterIds: readonly string[]): Promise<boolean> {
    if (letterIds.length === 0) return false
    const found = await this.#cases.findOne(
      { originId: { $in: letterIds.slice(0, CHUNK) } },
      { projection: { _id: 1 } },
    )
    return found !== null
  }

  async countCases(): Promise<number> {
    return this.#cases.countDocuments({})
  }

  async allCases(): Promise<CaseRow[]> {
    return this.#cases.find({}, { projection: { _id: 1, originId: 1, subject: 1 } }).toArray()
  }

  async allLetters(): Promise<LetterRow[]> {
    return this.#letters.find({}, { projection: { _id: 1, subject: 1 } }).toArray()
  }

  async close(): Promise<void> {
    await this.#client.close()
  }
}

interface MailpitList {
  messages_count?: number
  total: number
  messages: Array<{ ID: string; To: Array<{ Address: string }> | null }>
}

export interface Mail {
  id: string
  to: string[]
}

export class Mailpit {
  readonly #api: string

  constructor(api: string) {
    this.#api = api
  }

  async #get(start: number, limit: number): Promise<MailpitList> {
    const res = await fetch(`${this.#api}/messages?start=${start}&limit=${limit}`, {
      signal: AbortSignal.timeout(15_000),
    })
    if (!res.ok) throw new Error(`mailpit: GET /messages answered ${res.status}`)
    return (await res.json()) as MailpitList
  }

  static #mail(m: MailpitList['messages'][number]): Mail {
    return { id: m.ID, to: (m.To ?? []).map((a) => a.Address.toLowerCase()) }
  }

  /** How many messages Mailpit holds. */
  async count(): Promise<number> {
    return (await this.#get(0, 1)).total
  }

  /** The newest messages (for the recovery probe). */
  async latest(limit = 50): Promise<Mail[]> {
    return (await this.#get(0, limit)).messages.map(Mailpit.#mail)
  }

  /** Every message held (Mailpit keeps at most 10,000: the harness deletes what it has counted). */
  async all(): Promise<Mail[]> {
    const out: Mail[] = []
    const page = 1000
    for (let start = 0; ; start += page) {
      const list = await this.#get(start, page)
      out.push(...list.messages.map(Mailpit.#mail))
      if (list.messages.length < page) break
    }
    // newest first while paging: a message arriving meanwhile shifts the pages, so dedupe by id
    return [...new Map(out.map((m) => [m.id, m])).values()]
  }

  async delete(ids: readonly string[]): Promise<void> {
    for (let i = 0; i < ids.length; i += 1000) {
      const res = await fetch(`${this.#api}/messages`, {
        method: 'DELETE',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ IDs: ids.slice(i, i + 1000) }),
        signal: AbortSignal.timeout(15_000),
      })
      if (!res.ok) throw new Error(`mailpit: DELETE /messages answered ${res.status}`)
    }
  }
}
