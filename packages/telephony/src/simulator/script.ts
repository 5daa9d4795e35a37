// The course of a call: following a script verb by verb until the call waits (a queue, a dial, digits, a
// recording) or ends; going on when the wait is over; redirects; hanging up; the final status callback.
import { type CallRec, type CallState, type Cont, clearTimer, type Doc, note, type WaitOf } from './call.ts'
import { remove, seconds } from './common.ts'
import { afterBridge, cancelChild, dialFields, dialVerb, notAnswered, releaseOther } from './dial.ts'
import type { Engine } from './engine.ts'
import { playGather } from './phones.ts'
import { enqueue, leaveQueue, takeFromQueue } from './queues.ts'
import type { Instruction } from './twiml-reader.ts'
import { fetchDoc, postIgnored, postStatus } from './webhooks.ts'

const APPLICATION_ERROR = 'We are sorry, an application error has occurred. Goodbye.'
/** Documents followed without the call ever waiting: a redirect loop, ended like Twilio's loop detection. */
export const MAX_HOPS = 50

/** Follows a script from verb `start` until the call waits or ends. */
export async function run(
  sim: Engine,
  rec: CallRec,
  epoch: number,
  first: Doc,
  start: number,
): Promise<void> {
  let doc = first
  let i = start
  let hops = 0
  for (;;) {
    if (rec.epoch !== epoch || rec.ended) return
    const verb = doc.verbs[i]
    if (!verb) return finish(sim, rec, 'completed') // the end of a script hangs up
    i++
    const cont = { doc, next: i }
    switch (verb.verb) {
      case 'say':
      case 'play':
      case 'pause':
        prompt(rec, verb)
        break
      case 'hangup':
        note(rec, 'hangup', 'the script hung up')
        return finish(sim, rec, 'completed')
      case 'reject':
        note(rec, 'hangup', `rejected (${verb.reason})`)
        return finish(
          sim,
          rec,
          rec.answeredAt === undefined ? (verb.reason === 'busy' ? 'busy' : 'no-answer') : 'completed',
        )
      case 'leave':
        // outside a wait script there is no queue to leave: Twilio goes on
        break
      case 'redirect': {
        note(rec, 'redirect', verb.url)
        const next = await fetchDoc(sim, rec, verb.url, {})
        if (rec.epoch !== epoch) return
        if (!next || ++hops > MAX_HOPS) return applicationError(sim, rec)
        doc = next
        i = 0
        break
      }
      case 'enqueue':
        return enqueue(sim, rec, verb, cont)
      case 'dial':
        return dialVerb(sim, rec, verb, cont)
      case 'record':
        note(rec, 'record', `recording (at most ${verb.maxLengthSeconds} s)${verb.playBeep ? ', beep' : ''}`)
        rec.wait = { kind: 'record', verb, cont }
        return
      case 'gather': {
        for (const p of verb.prompt) prompt(rec, p)
        note(rec, 'gather', `waiting for digits${verb.numDigits ? ` (${verb.numDigits})` : ''}`)
        const wait: WaitOf<'gather'> = { kind: 'gather', verb, cont, digits: '' }
        rec.wait = wait
        gatherTimer(sim, rec, wait)
        playGather(sim, rec, wait)
        return
      }
    }
  }
}

/** Goes on after a waiting verb: the action's script when there is an action, else the next verb. */
export async function follow(
  sim: Engine,
  rec: CallRec,
  action: string | undefined,
  fields: Record<string, string>,
  cont: Cont,
): Promise<void> {
  const epoch = rec.epoch
  if (!action) return run(sim, rec, epoch, cont.doc, cont.next)
  const doc = await fetchDoc(sim, rec, action, fields)
  if (rec.epoch !== epoch) return
  if (!doc) return applicationError(sim, rec)
  return run(sim, rec, epoch, doc, 0)
}

/** Fetches the script at `url` and follows it from its first verb (a new course for the call). */
export async function start(
  sim: Engine,
  rec: CallRec,
  epoch: number,
  url: string,
  extra: Record<string, string>,
) {
  const doc = await fetchDoc(sim, rec, url, extra)
  if (rec.epoch !== epoch) return
  if (!doc) return applicationError(sim, rec)
  await run(sim, rec, epoch, doc, 0)
}

export function prompt(rec: CallRec, verb: Extract<Instruction, { verb: 'say' | 'play' | 'pause' }>): void {
  if (verb.verb === 'say') note(rec, 'say', verb.text)
  else if (verb.verb === 'play') note(rec, 'play', verb.url)
  else note(rec, 'pause', `${verb.seconds} s`)
}

// ---- keys ------------------------------------------------------------------------------------------

export async function key(sim: Engine, rec: CallRec, pressed: string): Promise<void> {
  const wait = rec.wait
  if (wait.kind === 'gather') {
    if (wait.verb.finishOnKey.includes(pressed)) return submitGather(sim, rec, wait, pressed)
    wait.digits += pressed
    if (wait.verb.numDigits !== undefined && wait.digits.length >= wait.verb.numDigits) {
      return submitGather(sim, rec, wait)
    }
    // the timeout counts from the last key
    gatherTimer(sim, rec, wait)
    return
  }
  if (wait.kind === 'record' && wait.verb.finishOnKey.includes(pressed)) {
    // nothing was said: Twilio drops an empty recording and goes on without the action
    rec.wait = { kind: 'none' }
    note(rec, 'record', 'ended by a key, nothing recorded')
    return run(sim, rec, ++rec.epoch, wait.cont.doc, wait.cont.next)
  }
  // a key nobody listens to is heard and ignored
}

function gatherTimer(sim: Engine, rec: CallRec, wait: WaitOf<'gather'>): void {
  clearTimeout(wait.timer)
  if (sim.closed) return
  wait.timer = setTimeout(() => {
    void sim.step(rec, async () => {
      if (rec.wait !== wait) return
      if (wait.digits) return submitGather(sim, rec, wait)
      await gatherTimedOut(sim, rec, wait)
    })
  }, wait.verb.timeoutSeconds * 1000)
  wait.timer.unref()
}

/** A gather heard nothing before its timeout: Twilio goes on to the next verb, without the action. */
export async function gatherTimedOut(sim: Engine, rec: CallRec, wait: WaitOf<'gather'>): Promise<void> {
  clearTimeout(wait.timer)
  rec.wait = { kind: 'none' }
  note(rec, 'gather', 'no input')
  await run(sim, rec, ++rec.epoch, wait.cont.doc, wait.cont.next)
}

export async function submitGather(
  sim: Engine,
  rec: CallRec,
  wait: WaitOf<'gather'>,
  finishedOnKey?: string,
): Promise<void> {
  clearTimeout(wait.timer)
  rec.wait = { kind: 'none' }
  const epoch = ++rec.epoch
  if (wait.digits === '') return run(sim, rec, epoch, wait.cont.doc, wait.cont.next)
  const fields = { Digits: wait.digits, ...(finishedOnKey ? { FinishedOnKey: finishedOnKey } : {}) }
  await follow(sim, rec, wait.verb.action, fields, wait.cont)
}

// ---- redirect and hang-up --------------------------------------------------------------------------

export async function redirect(sim: Engine, rec: CallRec, url: string): Promise<void> {
  if (rec.ended) return
  const wait = rec.wait
  if (wait.kind === 'ringing') {
    note(rec, 'error', 'a ringing call cannot be redirected')
    return
  }
  note(rec, 'redirect', url)
  clearTimer(rec)
  rec.epoch++
  if (wait.kind === 'queued') await leaveQueue(sim, rec, wait, 'redirected')
  else if (wait.kind === 'dialing') cancelChild(sim, wait.child)
  else if (wait.kind === 'dequeuing') remove(wait.queue.dequeuers, rec)
  else if (wait.kind === 'bridged') releaseOther(sim, wait)
  rec.wait = { kind: 'none' }
  rec.view.state = 'in-progress'
  if (rec.ended) return
  await start(sim, rec, ++rec.epoch, url, {})
}

/**
 * Ends a call: `party` — the caller or the test phone hangs up (a ringing phone declines); `rest` — the
 * service's hangupCall (a ringing call is canceled); `script` — a wait script's <Hangup>.
 */
export async function end(sim: Engine, rec: CallRec, by: 'party' | 'rest' | 'script'): Promise<void> {
  if (rec.ended) return
  const wait = rec.wait
  rec.epoch++
  clearTimer(rec)
  if (by !== 'script') note(rec, 'hangup', by === 'party' ? 'hung up' : 'hung up by the service')
  switch (wait.kind) {
    case 'ringing':
      rec.wait = { kind: 'none' }
      return notAnswered(sim, rec, by === 'party' ? 'busy' : 'canceled')
    case 'queued':
      await leaveQueue(sim, rec, wait, 'hangup')
      break
    case 'dialing':
      rec.wait = { kind: 'none' }
      cancelChild(sim, wait.child)
      if (wait.verb.action)
        await postIgnored(sim, rec, wait.verb.action, dialFields('canceled', wait.child, 0))
      break
    case 'dequeuing':
      remove(wait.queue.dequeuers, rec)
      break
    case 'bridged':
      releaseOther(sim, wait)
      // the action is posted with the call already over (Twilio posts it, and ignores the answer)
      rec.view.state = 'completed'
      await afterBridge(sim, rec, wait, true)
      break
  }
  rec.wait = { kind: 'none' }
  await finish(
    sim,
    rec,
    rec.answeredAt === undefined && rec.wireDirection !== 'inbound' ? 'canceled' : 'completed',
  )
}

/** The call is over: its final status, with its duration, is the last callback. */
export async function finish(sim: Engine, rec: CallRec, status: CallState): Promise<void> {
  if (rec.ended) return
  const wait = rec.wait
  if (wait.kind === 'queued') takeFromQueue(sim, rec, wait)
  clearTimer(rec)
  rec.ended = true
  rec.epoch++
  rec.wait = { kind: 'none' }
  rec.view.state = status
  rec.view.endedAt = new Date().toISOString()
  delete rec.view.position
  note(rec, 'status', status)
  const duration = rec.answeredAt === undefined ? 0 : seconds(rec.answeredAt, Date.now())
  await postStatus(sim, rec, status, {
    CallDuration: String(duration),
    Duration: String(Math.ceil(duration / 60)),
  })
  sim.pruneCalls()
}

/** Twilio's answer to a webhook it cannot follow: an apology, and the call ends. */
export async function applicationError(sim: Engine, rec: CallRec): Promise<void> {
  if (rec.ended) return
  if (rec.answeredAt === undefined) await markAnswered(sim, rec)
  note(rec, 'say', APPLICATION_ERROR)
  await finish(sim, rec, 'completed')
}

export async function markAnswered(sim: Engine, rec: CallRec): Promise<void> {
  rec.answeredAt = Date.now()
  rec.view.state = 'in-progress'
  note(rec, 'status', 'in-progress')
  await postStatus(sim, rec, 'in-progress')
}
