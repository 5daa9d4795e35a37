// The operators' queue: the waiting calls oldest first (by when they joined; a caller whose operator did
// not answer keeps that time and so comes back at the front), their positions and waits. Pure.
import type { CallDoc } from './call.ts'

type Waiting = Pick<CallDoc, 'callId' | 'queuedAt' | 'receivedAt'>

/** Oldest first; ties by call id, so that every reader sees one order. */
export function queueOrder<T extends Waiting>(calls: readonly T[]): T[] {
  return [...calls].sort((a, b) => {
    const x = a.queuedAt ?? a.receivedAt
    const y = b.queuedAt ?? b.receivedAt
    return x < y ? -1 : x > y ? 1 : a.callId < b.callId ? -1 : a.callId > b.callId ? 1 : 0
  })
}

/** The store's sort of the same order (the queue's index). */
export const QUEUE_SORT: Array<[string, 1]> = [['queuedAt', 1]]

/** The 1-based position of a call among the waiting ones; null when it does not wait. */
export function positionOf(callId: string, waiting: readonly Waiting[]): number | null {
  const i = queueOrder(waiting).findIndex((c) => c.callId === callId)
  return i < 0 ? null : i + 1
}

export interface QueueEntry {
  callId: string
  position: number
  callerMasked: string
  waitingSince: string
  waitSeconds: number
}

export function queueView(
  waiting: readonly Pick<CallDoc, 'callId' | 'queuedAt' | 'receivedAt' | 'caller'>[],
  now: Date,
): QueueEntry[] {
  return queueOrder(waiting).map((c, i) => ({
    callId: c.callId,
    position: i + 1,
    callerMasked: c.caller.masked,
    waitingSince: c.queuedAt ?? c.receivedAt,
    waitSeconds: Math.max(0, Math.floor((now.getTime() - new Date(c.receivedAt).getTime()) / 1000)),
  }))
}

/** What the caller hears while waiting (zh-CN). */
export function positionAnnouncement(position: number | null): string {
  if (position === null || position <= 1) return '您是第 1 位，请稍候，坐席马上为您服务。'
  return `您前面还有 ${position - 1} 位，请耐心等候。`
}
