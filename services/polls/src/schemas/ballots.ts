// The shapes of voting: verification of a phone number, the voting token, a ballot and its receipt.
import Type, { type Static } from 'typebox'
import { LevelSchema, SAFE_TEXT } from './polls.ts'

const Phone = Type.String({
  minLength: 11,
  maxLength: 20,
  pattern: '^[0-9+() -]+$',
  description: 'a mainland mobile number (optionally +86)',
})

export const RequestCode = Type.Object({ phone: Phone }, { additionalProperties: false, $id: 'RequestCode' })
export type RequestCode = Static<typeof RequestCode>

export const CodeSent = Type.Object(
  {
    expiresAt: Type.String({ format: 'date-time' }),
    resendAfter: Type.String({ format: 'date-time', description: 'no new code for this number before' }),
  },
  { $id: 'CodeSent' },
)

export const ConfirmCode = Type.Object(
  { phone: Phone, code: Type.String({ pattern: '^[0-9]{6}$' }) },
  { additionalProperties: false, $id: 'ConfirmCode' },
)
export type ConfirmCode = Static<typeof ConfirmCode>

export const VotingToken = Type.Object(
  {
    token: Type.String({ description: 'send it with the ballot; it votes once' }),
    expiresAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'VotingToken' },
)

export const AnswerInput = Type.Object(
  {
    questionId: Type.String({ minLength: 1, maxLength: 8, pattern: '^q[0-9]{1,3}$' }),
    choice: Type.Optional(
      Type.String({ pattern: '^o[0-9]{1,3}$', maxLength: 8, description: 'single choice: the optionId' }),
    ),
    choices: Type.Optional(
      Type.Array(Type.String({ pattern: '^o[0-9]{1,3}$', maxLength: 8 }), {
        maxItems: 30,
        description: 'multiple choice: the optionIds',
      }),
    ),
    level: Type.Optional(LevelSchema),
    ratings: Type.Optional(
      Type.Array(
        Type.Object(
          { itemId: Type.String({ pattern: '^i[0-9]{1,3}$', maxLength: 8 }), level: LevelSchema },
          { additionalProperties: false },
        ),
        { maxItems: 50, description: 'appraisal: a level per department or item' },
      ),
    ),
    text: Type.Optional(Type.String({ maxLength: 2000, pattern: SAFE_TEXT, description: 'free text' })),
  },
  { additionalProperties: false, $id: 'AnswerInput' },
)
export type AnswerInput = Static<typeof AnswerInput>

export const CastBallot = Type.Object(
  {
    token: Type.Optional(
      Type.String({
        minLength: 20,
        maxLength: 400,
        pattern: '^[A-Za-z0-9._-]+$',
        description: 'verified_phone',
      }),
    ),
    invitationCode: Type.Optional(
      Type.String({ minLength: 10, maxLength: 10, pattern: '^[0-9A-Za-z]{10}$', description: 'invitation' }),
    ),
    answers: Type.Array(AnswerInput, { maxItems: 50 }),
  },
  { additionalProperties: false, $id: 'CastBallot' },
)
export type CastBallot = Static<typeof CastBallot>

export const BallotReceipt = Type.Object(
  {
    pollId: Type.String(),
    day: Type.String({
      description: 'the day the ballot was cast (Asia/Shanghai): all a ballot keeps of time',
    }),
  },
  { $id: 'BallotReceipt' },
)
