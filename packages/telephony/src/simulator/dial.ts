// Dialling and bridges: a <Dial> rings a new leg (or takes the front of a queue), the leg is answered,
// declined or times out, the two legs are bridged, and when one leaves the bridge the other goes on —
// the dialler to its action with the dial's outcome, a dialled leg to its end.

import { toneWav } from './audio.ts'
import { type AfterBridge, type CallRec, type Cont, note, type WaitOf } from './call.ts'
import { seconds } from './common.ts'
import type { Engine } from './engine.ts'
import { answeredByOf, programOf, ringProgrammed } from './phones.ts'
import { dequeue, queueNamed } from './queues.ts'
import { postRecordingStatus } from './recordings.ts'
import { applicationError, finish, follow, markAnswered, start } from './script.ts'
import type { DialInstruction } from './twiml-reader.ts'
import { postIgnored, postStatus } from './webhooks.ts'

export async function dialVerb(sim: Engine, rec: CallRec, verb: DialInstruction, cont: Cont): Promise<void> {
  // Twilio rings several nouns at once; the simulator rings the first
  const target = verb.targets[0]
  if (!target) return applicationError(sim, rec)
  if (target.kind === 'queue') {
    const q = queueNamed(sim, target.queue)
    note(rec, 'dial', `queue ${q.name}`)
    rec.wait = { kind: 'dequeuing', verb, cont, queue: q }
    dequeue(sim, rec, q)
    return
  }
  const endpoint = target.kind === 'client' ? `client:${target.identity}` : target.number
  note(rec, 'dial', endpoint)
  const child = sim.newCall({
    from: verb.callerId ?? rec.view.from,
    to: endpoint,
    wireDirection: 'outbound-dial',
    parent: rec,
    ...(target.statusCallback
      ? { statusUrl: target.statusCallback, statusEvents: target.statusCallbackEvents ?? ['completed'] }
      : {}),
    ringMs: Math.min(verb.timeoutSeconds * 1000, sim.options.ringTimeoutMs),
  })
  rec.wait = { kind: 'dialing', verb, cont, child }
  // The new leg's first step: its status callbacks, ringing (and answering at once) on its own chain.
  void sim.step(child, async () => {
    await postStatus(sim, child, 'initiated')
    await postStatus(sim, child, 'ringing')
    await ring(sim, child)
  })
}

function answersAtOnce(sim: Engine, endpoint: string): boolean {
  if (sim.watched.has(endpoint)) return false
  return sim.options.autoAnswer ? sim.options.autoAnswer(endpoint) : true
}

/** An outbound leg rings: answered at once, or until the test phone answers or the ring times out. */
export async function ring(sim: Engine, rec: CallRec): Promise<void> {
  if (rec.ended) return
  const play = programOf(sim, rec)
  if (play) {
    rec.phone = play
    if (await ringProgrammed(sim, rec, play)) await answered(sim, rec)
    return
  }
  if (answersAtOnce(sim, rec.view.to)) return answered(sim, rec)
  const wait: WaitOf<'ringing'> = { kind: 'ringing' }
  rec.wait = wait
  if (sim.closed) return
  wait.timer = setTimeout(() => {
    void sim.step(rec, async () => {
      if (rec.wait !== wait) return
      rec.wait = { kind: 'none' }
      await notAnswered(sim, rec, 'no-answer')
    })
  }, rec.ringMs)
  wait.timer.unref()
}

/** The dialled endpoint answered: a dial's leg is bridged, a REST call fetches its script. */
export async function answered(sim: Engine, rec: CallRec): Promise<void> {
  const parent = rec.parent
  if (parent) {
    const pw = parent.wait
    if (parent.ended || pw.kind !== 'dialing' || pw.child !== rec) return finish(sim, rec, 'canceled')
    rec.answeredAt = Date.now()
    note(rec, 'status', 'answered')
    note(parent, 'dial', 'answered, bridged')
    bridge(parent, { kind: 'dial', verb: pw.verb, cont: pw.cont }, rec, { kind: 'leg' })
    // Bridged first (synchronously, while the dialler is known to wait): the leg's answered callback
    // follows on its own chain, before anything that ends the bridge can run there.
    await postStatus(sim, rec, 'in-progress')
    return
  }
  await markAnswered(sim, rec)
  if (!rec.machineDetection) return start(sim, rec, rec.epoch, rec.answerUrl ?? '', {})
  const answeredBy = answeredByOf(rec.phone)
  rec.view.answeredBy = answeredBy === 'human' ? 'human' : 'machine'
  await start(sim, rec, rec.epoch, rec.answerUrl ?? '', { AnsweredBy: answeredBy })
}

export async function notAnswered(
  sim: Engine,
  rec: CallRec,
  status: 'busy' | 'no-answer' | 'canceled' | 'failed',
): Promise<void> {
  note(rec, 'status', status)
  await finish(sim, rec, status)
  const parent = rec.parent
  if (!parent) return
  const pw = parent.wait
  if (pw.kind !== 'dialing' || pw.child !== rec) return
  void sim.step(parent, async () => {
    if (parent.wait !== pw) return
    parent.wait = { kind: 'none' }
    parent.epoch++
    note(parent, 'dial', status)
    await follow(sim, parent, pw.verb.action, dialFields(status, rec, 0), pw.cont)
  })
}

export function bridge(a: CallRec, afterA: AfterBridge, b: CallRec, afterB: AfterBridge): void {
  const since = Date.now()
  a.wait = { kind: 'bridged', other: b, since, after: afterA }
  b.wait = { kind: 'bridged', other: a, since, after: afterB }
  a.view.bridgedTo = b.view.callId
  b.view.bridgedTo = a.view.callId
  a.view.state = 'in-progress'
  b.view.state = 'in-progress'
}

export function dialFields(status: string, other: CallRec, durationSeconds: number): Record<string, string> {
  return {
    DialCallStatus: status,
    DialCallSid: other.view.callId,
    DialCallDuration: String(durationSeconds),
    DialBridged: String(status === 'completed'),
  }
}

/**
 * This leg's bridge is over: `selfEnded` when this leg hung up or was hung up (the action is still posted,
 * its answer ignored), else the other side left and this leg goes on.
 */
export async function afterBridge(
  sim: Engine,
  rec: CallRec,
  wait: WaitOf<'bridged'>,
  selfEnded: boolean,
): Promise<void> {
  rec.wait = { kind: 'none' }
  rec.epoch++
  const after = wait.after
  const duration = seconds(wait.since, Date.now())
  if (after.kind === 'leg') {
    if (!selfEnded) await finish(sim, rec, 'completed')
    return
  }
  let fields: Record<string, string>
  let action: string | undefined
  if (after.kind === 'dial') {
    fields = dialFields('completed', wait.other, duration)
    action = after.verb.action
    if (after.verb.record) {
      const recording = sim.recordings.store(rec, 'audio/wav', toneWav(Math.max(1, duration)), {
        durationSeconds: Math.max(1, duration),
      })
      fields = { ...fields, ...sim.recordings.fields(recording) }
      if (after.verb.recordingStatusCallback) {
        await postRecordingStatus(sim, rec, after.verb.recordingStatusCallback, recording, 'DialVerb')
      }
    }
  } else {
    fields = { QueueResult: 'bridged', QueueSid: after.queueSid, QueueTime: String(after.queueSeconds) }
    action = after.verb.action
  }
  if (selfEnded) {
    if (action) await postIgnored(sim, rec, action, fields)
    return
  }
  await follow(sim, rec, action, fields, after.cont)
}

/** Tells the other leg of a bridge that this one left it. */
export function releaseOther(sim: Engine, wait: WaitOf<'bridged'>): void {
  const other = wait.other
  const otherWait = other.wait
  if (otherWait.kind !== 'bridged') return
  void sim.step(other, async () => {
    if (other.wait !== otherWait || other.ended) return
    await afterBridge(sim, other, otherWait, false)
  })
}

/** The dialler left before its leg was bridged: the leg is canceled. */
export function cancelChild(sim: Engine, child: CallRec): void {
  const childWait = child.wait
  if (childWait.kind === 'ringing') clearTimeout(childWait.timer)
  child.wait = { kind: 'none' }
  void sim.step(child, async () => {
    if (child.ended) return
    note(child, 'status', 'canceled')
    await finish(sim, child, 'canceled')
  })
}
