// Programmed phones: numbers the simulator knows with a behaviour for the calls placed TO them — a person
// who answers and presses scripted keys at each <Gather>, an answering machine, a phone nobody answers, a
// busy line. They play the citizen of an outbound call (an automated survey, a callback) with no real
// waiting: a scripted silence ends the gather at once, as its timeout would, and an unanswered phone gives
// no-answer at once, as its ring timeout would.
import { type CallRec, note, type WaitOf } from './call.ts'
import { notAnswered } from './dial.ts'
import type { Engine } from './engine.ts'
import { end, gatherTimedOut, key, submitGather } from './script.ts'

/**
 * How a programmed phone takes a call placed to it.
 * - `person`: answers; at each <Gather> the next entry of `keys` is pressed (digits, `0-9 * #`), or
 *   `null` stays silent (the gather times out); when the list is used up the person hangs up at the next
 *   gather. With machine detection the answer webhook says `AnsweredBy=human`.
 * - `machine`: an answering machine: answers, says nothing (every gather times out); with machine
 *   detection the answer webhook says `AnsweredBy=machine_start`, as Twilio's detection does.
 * - `no-answer`: rings out (no-answer). `busy`: the line is busy.
 */
export type PhoneBehaviour =
  | { kind: 'person'; keys: Array<string | null> }
  | { kind: 'machine' }
  | { kind: 'no-answer' }
  | { kind: 'busy' }

export const KEYS = /^[0-9*#]{1,32}$/

/** What a programmed phone does with a call: its behaviour, and the next key entry it plays. */
export interface PhonePlay {
  behaviour: PhoneBehaviour
  next: number
}

/** A copy, so that a later change of the program does not touch a call already placed. */
export function copyBehaviour(behaviour: PhoneBehaviour): PhoneBehaviour {
  return behaviour.kind === 'person' ? { kind: 'person', keys: [...behaviour.keys] } : { ...behaviour }
}

/** The program of the phone an outbound call (or a dial's leg) rings, taken when it starts to ring. */
export function programOf(sim: Engine, rec: CallRec): PhonePlay | undefined {
  if (rec.wireDirection === 'inbound') return undefined
  const behaviour = sim.phones.get(rec.view.to)
  return behaviour ? { behaviour: copyBehaviour(behaviour), next: 0 } : undefined
}

/** A programmed phone rings: answered (true: the caller goes on to answer it), busy or unanswered (false). */
export async function ringProgrammed(sim: Engine, rec: CallRec, play: PhonePlay): Promise<boolean> {
  const kind = play.behaviour.kind
  if (kind === 'person' || kind === 'machine') return true
  note(rec, 'status', kind === 'busy' ? 'the line is busy' : 'nobody answers')
  await notAnswered(sim, rec, kind)
  return false
}

/** The answer webhook's detection field for a programmed phone (Twilio's AnsweredBy values). */
export function answeredByOf(play: PhonePlay | undefined): string {
  return play?.behaviour.kind === 'machine' ? 'machine_start' : 'human'
}

/**
 * The call waits at a <Gather>: a programmed phone answers it as its next step (after the step that
 * reached the gather): keys pressed, silence (the gather times out now), or a hang-up.
 */
export function playGather(sim: Engine, rec: CallRec, wait: WaitOf<'gather'>): void {
  const play = rec.phone
  if (!play) return
  void sim.step(rec, async () => {
    if (rec.ended || rec.wait !== wait) return
    const behaviour = play.behaviour
    if (behaviour.kind !== 'person') return gatherTimedOut(sim, rec, wait)
    if (play.next >= behaviour.keys.length) {
      note(rec, 'hangup', 'the person hung up')
      return end(sim, rec, 'party')
    }
    const entry = behaviour.keys[play.next++]
    if (entry === null || entry === undefined) return gatherTimedOut(sim, rec, wait)
    note(rec, 'digits', entry)
    for (const pressed of entry) {
      // keys after the gather took its digits (numDigits, finishOnKey) are not for the next prompt
      if (rec.wait !== wait) return
      await key(sim, rec, pressed)
    }
    // digits without a finishing key: the timeout would send them now
    if (rec.wait === wait) await submitGather(sim, rec, wait)
  })
}
