// The simulator's call model: the view of a call that the test phone and the tests read (with its
// transcript), and the record the simulator keeps behind it — what the call waits for, its status URL, its
// step chain.
import type { PhonePlay } from './phones.ts'
import type { Queue } from './queues.ts'
import type {
  DialInstruction,
  EnqueueInstruction,
  GatherInstruction,
  Instruction,
  LegEvent,
  RecordInstruction,
} from './twiml-reader.ts'

export type CallState =
  | 'ringing'
  | 'queued'
  | 'in-progress'
  | 'completed'
  | 'busy'
  | 'no-answer'
  | 'failed'
  | 'canceled'

export type TranscriptKind =
  | 'say'
  | 'play'
  | 'pause'
  | 'queue'
  | 'dial'
  | 'record'
  | 'gather'
  | 'redirect'
  | 'status'
  | 'hangup'
  | 'digits'
  | 'voicemail'
  | 'error'

export interface SimulatedCall {
  callId: string
  parentCallId?: string
  from: string
  to: string
  direction: 'inbound' | 'outbound'
  state: CallState
  queue?: string
  position?: number
  /** The other leg's callId, while bridged and after (the leg it was last bridged to). */
  bridgedTo?: string
  /** Answering-machine detection's verdict, on an outbound call placed with it. */
  answeredBy?: 'human' | 'machine'
  startedAt: string
  endedAt?: string
  transcript: Array<{ at: string; kind: TranscriptKind; text: string }>
}

const MAX_TRANSCRIPT = 500

export interface Doc {
  url: string
  verbs: Instruction[]
}
/** Where a script goes on when a waiting verb is over without an action: the next verb of its document. */
export interface Cont {
  doc: Doc
  next: number
}

/** What a leg does when its bridge ends. */
export type AfterBridge =
  | { kind: 'dial'; verb: DialInstruction; cont: Cont }
  | { kind: 'enqueue'; verb: EnqueueInstruction; cont: Cont; queueSeconds: number; queueSid: string }
  /** A leg created by a dial: it exists for the bridge and ends with it. */
  | { kind: 'leg' }

export type Wait =
  | { kind: 'none' }
  | { kind: 'ringing'; timer?: NodeJS.Timeout }
  | {
      kind: 'queued'
      queue: Queue
      verb: EnqueueInstruction
      cont: Cont
      enteredAt: number
      timer?: NodeJS.Timeout
      refetchPending: boolean
    }
  | { kind: 'gather'; verb: GatherInstruction; cont: Cont; digits: string; timer?: NodeJS.Timeout }
  | { kind: 'record'; verb: RecordInstruction; cont: Cont }
  | { kind: 'dialing'; verb: DialInstruction; cont: Cont; child: CallRec }
  | { kind: 'dequeuing'; verb: DialInstruction; cont: Cont; queue: Queue }
  | { kind: 'bridged'; other: CallRec; since: number; after: AfterBridge }

export type WaitOf<K extends Wait['kind']> = Extract<Wait, { kind: K }>

export interface CallRec {
  view: SimulatedCall
  /** Twilio's Direction: inbound, outbound-api (REST), outbound-dial (a dial's leg). */
  wireDirection: 'inbound' | 'outbound-api' | 'outbound-dial'
  parent?: CallRec
  statusUrl?: string
  /** The moments posted to statusUrl (a dialled leg's statusCallbackEvent); every one when absent. */
  statusEvents?: ReadonlySet<LegEvent>
  answerUrl?: string
  machineDetection?: boolean
  /** The program of the phone this call rings (a programmed phone), taken as it starts to ring. */
  phone?: PhonePlay
  ringMs: number
  seq: number
  startedMs: number
  answeredAt?: number
  wait: Wait
  /** Bumped whenever a call's course changes under a running script (redirect, bridge, end): it stops. */
  epoch: number
  ended: boolean
  chain: Promise<void>
}

export interface NewCall {
  callId: string
  from: string
  to: string
  wireDirection: CallRec['wireDirection']
  parent?: CallRec
  statusUrl?: string
  statusEvents?: readonly LegEvent[]
  answerUrl?: string
  machineDetection?: boolean
  ringMs: number
}

/** A call's record as it starts: ringing, waiting for nothing yet, its step chain empty. */
export function newCallRec(init: NewCall): CallRec {
  return {
    view: {
      callId: init.callId,
      ...(init.parent ? { parentCallId: init.parent.view.callId } : {}),
      from: init.from,
      to: init.to,
      direction: init.wireDirection === 'inbound' ? 'inbound' : 'outbound',
      state: 'ringing',
      startedAt: new Date().toISOString(),
      transcript: [],
    },
    wireDirection: init.wireDirection,
    ...(init.parent ? { parent: init.parent } : {}),
    ...(init.statusUrl ? { statusUrl: init.statusUrl } : {}),
    ...(init.statusEvents ? { statusEvents: new Set(init.statusEvents) } : {}),
    ...(init.answerUrl ? { answerUrl: init.answerUrl } : {}),
    ...(init.machineDetection ? { machineDetection: true } : {}),
    ringMs: init.ringMs,
    seq: 0,
    startedMs: Date.now(),
    wait: { kind: 'none' },
    epoch: 0,
    ended: false,
    chain: Promise.resolve(),
  }
}

/** A line of the call's transcript (the latest MAX_TRANSCRIPT kept). */
export function note(rec: CallRec, kind: TranscriptKind, text: string): void {
  const transcript = rec.view.transcript
  transcript.push({ at: new Date().toISOString(), kind, text })
  if (transcript.length > MAX_TRANSCRIPT) transcript.splice(0, transcript.length - MAX_TRANSCRIPT)
}

export function clearTimer(rec: CallRec): void {
  const wait = rec.wait
  if ('timer' in wait) clearTimeout(wait.timer)
}
