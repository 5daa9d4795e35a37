// The hotline dashboard's figures, from the calls of a period (days and hours in Asia/Shanghai). Pure.
//   offered: inbound calls in service hours (offered to the queue; voicemails out of hours are not)
//   answered / abandoned: by how they ended; answeredWithin15s: answered after at most 15 s of waiting
//   averageWaitSeconds, p90WaitSeconds: waits of answered calls (time to answer), nearest-rank p90
//   missed: calls that went to the callback list (abandoned, not answered, voicemail)
//   calledBack: of those, items closed by an answered attempt; averageCallbackMinutes: from the miss to
//   that answered attempt
import type { CallDoc } from './call.ts'

export const ANSWER_WITHIN_SECONDS = 15
export const ANSWER_RATE_TARGET = 0.95
const SHANGHAI_MS = 8 * 3_600_000
const DAY_MS = 86_400_000

type DashboardCall = Pick<
  CallDoc,
  'direction' | 'afterHours' | 'receivedAt' | 'endReason' | 'waitSeconds' | 'callback' | 'state'
>

export interface Bucket {
  offered: number
  answered: number
  answeredWithin15s: number
  abandoned: number
}

export interface Dashboard extends Bucket {
  from: string
  to: string
  answeredWithin15sRate: number
  abandonedRate: number
  averageWaitSeconds: number
  p90WaitSeconds: number
  missed: number
  calledBack: number
  calledBackRate: number
  averageCallbackMinutes: number
  targets: { answerWithinSeconds: number; answerRate: number }
  byHour: Array<Bucket & { hour: number }>
  byDay: Array<Bucket & { date: string; averageWaitSeconds: number }>
}

/** The first instant of a Shanghai date. */
export const startOfShanghaiDay = (date: string) =>
  new Date(Date.parse(`${date}T00:00:00.000Z`) - SHANGHAI_MS)
const shanghaiDate = (at: string) => new Date(Date.parse(at) + SHANGHAI_MS).toISOString().slice(0, 10)
const shanghaiHour = (at: string) => new Date(Date.parse(at) + SHANGHAI_MS).getUTCHours()

/** Every date from `from` to `to`, both included. */
export function datesBetween(from: string, to: string): string[] {
  const out: string[] = []
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += DAY_MS)
    out.push(new Date(t).toISOString().slice(0, 10))
  return out
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b)
const mean = (xs: number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : 0)

/** Nearest-rank percentile: the smallest value with at least p of the values at or below it. */
export function percentile(values: readonly number[], p: number): number {
  if (!values.length) return 0
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? 0
}

const emptyBucket = (): Bucket => ({ offered: 0, answered: 0, answeredWithin15s: 0, abandoned: 0 })

function count(bucket: Bucket, call: DashboardCall): void {
  bucket.offered++
  if (call.endReason === 'answered') {
    bucket.answered++
    if (call.waitSeconds <= ANSWER_WITHIN_SECONDS) bucket.answeredWithin15s++
  }
  if (call.endReason === 'abandoned') bucket.abandoned++
}

export function dashboard(calls: readonly DashboardCall[], from: string, to: string): Dashboard {
  const total = emptyBucket()
  const byHour = Array.from({ length: 24 }, (_, hour) => ({ hour, ...emptyBucket() }))
  const days = new Map(datesBetween(from, to).map((d) => [d, { ...emptyBucket(), waits: [] as number[] }]))
  const waits: number[] = []
  let missed = 0
  let calledBack = 0
  const callbackMinutes: number[] = []
  for (const call of calls) {
    if (call.direction !== 'inbound') continue
    if (call.callback) {
      missed++
      const answered = call.callback.attempts.find((a) => a.outcome === 'answered')
      if (call.callback.status === 'done' && answered) {
        calledBack++
        callbackMinutes.push((Date.parse(answered.at) - Date.parse(call.callback.createdAt)) / 60_000)
      }
    }
    if (call.afterHours) continue
    count(total, call)
    const hour = byHour[shanghaiHour(call.receivedAt)]
    if (hour) count(hour, call)
    const day = days.get(shanghaiDate(call.receivedAt))
    if (day) {
      count(day, call)
      if (call.endReason === 'answered') day.waits.push(call.waitSeconds)
    }
    if (call.endReason === 'answered') waits.push(call.waitSeconds)
  }
  return {
    from,
    to,
    ...total,
    answeredWithin15sRate: ratio(total.answeredWithin15s, total.offered),
    abandonedRate: ratio(total.abandoned, total.offered),
    averageWaitSeconds: mean(waits),
    p90WaitSeconds: percentile(waits, 0.9),
    missed,
    calledBack,
    calledBackRate: ratio(calledBack, missed),
    averageCallbackMinutes: mean(callbackMinutes),
    targets: { answerWithinSeconds: ANSWER_WITHIN_SECONDS, answerRate: ANSWER_RATE_TARGET },
    byHour,
    byDay: [...days].map(([date, { waits: w, ...b }]) => ({ date, ...b, averageWaitSeconds: mean(w) })),
  }
}
