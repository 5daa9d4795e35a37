import Type from 'typebox'

const Date_ = Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$' })
const Bucket = {
  offered: Type.Integer(),
  answered: Type.Integer(),
  answeredWithin15s: Type.Integer(),
  abandoned: Type.Integer(),
}

export const DashboardQuery = Type.Object({ from: Date_, to: Date_ }, { additionalProperties: false })

export const DashboardView = Type.Object({
  from: Type.String(),
  to: Type.String(),
  ...Bucket,
  answeredWithin15sRate: Type.Number(),
  abandonedRate: Type.Number(),
  averageWaitSeconds: Type.Number(),
  p90WaitSeconds: Type.Number(),
  missed: Type.Integer(),
  calledBack: Type.Integer(),
  calledBackRate: Type.Number(),
  averageCallbackMinutes: Type.Number(),
  targets: Type.Object({ answerWithinSeconds: Type.Number(), answerRate: Type.Number() }),
  byHour: Type.Array(Type.Object({ hour: Type.Integer(), ...Bucket })),
  byDay: Type.Array(Type.Object({ date: Type.String(), ...Bucket, averageWaitSeconds: Type.Number() })),
})
