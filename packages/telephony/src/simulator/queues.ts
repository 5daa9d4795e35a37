// The simulator's queues: a caller enqueued hears the wait script (fetched again after a while and when
// the position changes), leaves on <Leave>, a hang-up or a redirect, or is bridged to the leg whose
// <Dial><Queue> takes the front.
import { type CallRec, type Cont, note, type WaitOf } from './call.ts'
import { remove, seconds, sid } from './common.ts'
import { bridge } from './dial.ts'
import type { Engine } from './engine.ts'
import { end, follow, MAX_HOPS, prompt } from './script.ts'
import type { EnqueueInstruction } from './twiml-reader.ts'
import { fetchDoc, postIgnored } from './webhooks.ts'

export interface Queue {
  name: string
  sid: string
  calls: CallRec[]
  /** Legs whose <Dial><Queue> waits for the next caller of an empty queue. */
  dequeuers: CallRec[]
  waited: { total: number; count: number }
}

/** The queue of that name, created on first use (as Twilio creates a queue an <Enqueue> names). */
export function queueNamed(sim: Engine, name: string): Queue {
  let q = sim.queues.get(name)
  if (!q) {
    q = { name, sid: sid('QU'), calls: [], dequeuers: [], waited: { total: 0, count: 0 } }
    sim.queues.set(name, q)
  }
  return q
}

export async function enqueue(
  sim: Engine,
  rec: CallRec,
  verb: EnqueueInstruction,
  cont: Cont,
): Promise<void> {
  const q = queueNamed(sim, verb.queue)
  const wait: WaitOf<'queued'> = {
    kind: 'queued',
    queue: q,
    verb,
    cont,
    enteredAt: Date.now(),
    refetchPending: false,
  }
  rec.wait = wait
  q.calls.push(rec)
  rec.view.state = 'queued'
  rec.view.queue = q.name
  rec.view.position = q.calls.length
  note(rec, 'queue', `entered queue ${q.name} at position ${q.calls.length}`)
  // a dialler waiting on the empty queue takes this caller at once
  for (let dequeuer = q.dequeuers.shift(); dequeuer; dequeuer = q.dequeuers.shift()) {
    if (bridgeFromQueue(sim, dequeuer, rec)) return
  }
  await fetchWait(sim, rec, wait)
}

/** Fetches and plays the wait script; fetched again after waitRepeatMs or when the position changes. */
async function fetchWait(sim: Engine, rec: CallRec, wait: WaitOf<'queued'>): Promise<void> {
  wait.refetchPending = false
  if (rec.wait !== wait) return
  clearTimeout(wait.timer)
  const waitUrl = wait.verb.waitUrl
  if (!waitUrl) {
    note(rec, 'play', 'hold music')
    return
  }
  const epoch = rec.epoch
  let url = waitUrl
  for (let hops = 0; hops <= MAX_HOPS; hops++) {
    const doc = await fetchDoc(sim, rec, url, queueFields(rec, wait))
    if (rec.wait !== wait || rec.epoch !== epoch) return
    if (!doc) break // the caller keeps waiting; Twilio plays silence and tries again
    let next: string | undefined
    for (const verb of doc.verbs) {
      if (verb.verb === 'say' || verb.verb === 'play' || verb.verb === 'pause') prompt(rec, verb)
      else if (verb.verb === 'leave') {
        note(rec, 'queue', 'left the queue (leave)')
        return leaveQueue(sim, rec, wait, 'leave')
      } else if (verb.verb === 'hangup') {
        note(rec, 'hangup', 'the wait script hung up')
        return end(sim, rec, 'script')
      } else if (verb.verb === 'redirect') {
        next = verb.url
        break
      } else note(rec, 'error', `<${verb.verb}> is not allowed in a wait script; skipped`)
    }
    if (!next) break
    url = next
  }
  if (sim.closed) return
  wait.timer = setTimeout(() => {
    void sim.step(rec, () => fetchWait(sim, rec, wait))
  }, sim.options.waitRepeatMs)
  wait.timer.unref()
}

function queueFields(rec: CallRec, wait: WaitOf<'queued'>): Record<string, string> {
  const q = wait.queue
  return {
    QueueSid: q.sid,
    QueuePosition: String(q.calls.indexOf(rec) + 1),
    QueueTime: String(seconds(wait.enteredAt, Date.now())),
    AvgQueueTime: String(q.waited.count ? Math.round(q.waited.total / q.waited.count) : 0),
    CurrentQueueSize: String(q.calls.length),
    MaxQueueSize: '1000',
  }
}

/** Takes a call out of its queue (synchronously); the others behind it hear their new position. */
export function takeFromQueue(sim: Engine, rec: CallRec, wait: WaitOf<'queued'>): number {
  clearTimeout(wait.timer)
  const q = wait.queue
  remove(q.calls, rec)
  const waited = seconds(wait.enteredAt, Date.now())
  q.waited.total += waited
  q.waited.count++
  rec.wait = { kind: 'none' }
  rec.epoch++
  delete rec.view.position
  if (!rec.ended) rec.view.state = 'in-progress'
  for (const [index, other] of q.calls.entries()) {
    if (other.view.position === index + 1) continue
    other.view.position = index + 1
    const otherWait = other.wait
    if (otherWait.kind === 'queued' && !otherWait.refetchPending) {
      otherWait.refetchPending = true
      void sim.step(other, () => fetchWait(sim, other, otherWait))
    }
  }
  return waited
}

export async function leaveQueue(
  sim: Engine,
  rec: CallRec,
  wait: WaitOf<'queued'>,
  result: 'leave' | 'hangup' | 'redirected',
): Promise<void> {
  const waited = takeFromQueue(sim, rec, wait)
  const fields = { QueueResult: result, QueueSid: wait.queue.sid, QueueTime: String(waited) }
  if (result === 'leave') return follow(sim, rec, wait.verb.action, fields, wait.cont)
  // hung up or redirected: Twilio still reports to the action, and ignores its answer
  if (wait.verb.action) await postIgnored(sim, rec, wait.verb.action, fields)
}

/** The leg's <Dial><Queue> waits for the front of the queue: bridged now when someone waits. */
export function dequeue(sim: Engine, dialer: CallRec, q: Queue): void {
  const front = q.calls[0]
  if (front) bridgeFromQueue(sim, dialer, front)
  else q.dequeuers.push(dialer) // an empty queue: the dialler waits for the next caller
}

/** `dialer`'s <Dial><Queue> takes the front of the queue. */
function bridgeFromQueue(sim: Engine, dialer: CallRec, front: CallRec): boolean {
  const dialWait = dialer.wait
  const frontWait = front.wait
  if (dialer.ended || dialWait.kind !== 'dequeuing' || frontWait.kind !== 'queued') return false
  const waited = takeFromQueue(sim, front, frontWait)
  note(front, 'queue', 'bridged')
  note(dialer, 'dial', 'bridged to the front of the queue')
  bridge(dialer, { kind: 'dial', verb: dialWait.verb, cont: dialWait.cont }, front, {
    kind: 'enqueue',
    verb: frontWait.verb,
    cont: frontWait.cont,
    queueSeconds: waited,
    queueSid: frontWait.queue.sid,
  })
  return true
}
