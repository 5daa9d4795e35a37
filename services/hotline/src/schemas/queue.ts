import Type from 'typebox'
import { CallCard } from './calls.ts'
import { Timestamp } from './common.ts'

export const QueueView = Type.Object({
  waiting: Type.Array(
    Type.Object({
      callId: Type.String(),
      position: Type.Integer(),
      callerMasked: Type.String(),
      waitingSince: Timestamp,
      waitSeconds: Type.Integer(),
    }),
  ),
  operatorsAvailable: Type.Integer(),
})

export const AnsweredCall = Type.Object({ call: CallCard })
