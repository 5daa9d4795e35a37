// One handler per command; `decide` (../case.ts) checks permission, runs the handler, appends the timeline
// entries and adds the `tracking.case-changed` event.
import type { CommandType } from '../model.ts'
import { answer } from './answer.ts'
import { assign } from './assign.ts'
import { close, reopen } from './close.ts'
import { setConcerns } from './concerns.ts'
import { escalate } from './escalate.ts'
import { approveExtension, refuseExtension, requestExtension } from './extension.ts'
import type { Handler } from './handler.ts'
import { merge } from './merge.ts'
import { notAccept } from './not-accept.ts'
import { notes } from './notes.ts'
import { rate } from './rate.ts'
import { approveReply, draftReply, sendBackReply } from './reply.ts'
import { returnCase } from './return.ts'
import { sign } from './sign.ts'

export const HANDLERS: { [T in CommandType]: Handler<T> } = {
  assign,
  'not-accept': notAccept,
  answer,
  sign,
  return: returnCase,
  extension: requestExtension,
  'extension/approve': approveExtension,
  'extension/refuse': refuseExtension,
  reply: draftReply,
  'reply/approve': approveReply,
  'reply/send-back': sendBackReply,
  escalate,
  close,
  reopen,
  merge,
  notes,
  concerns: setConcerns,
  rate,
}

export type { Exec, Handler, Step } from './handler.ts'
