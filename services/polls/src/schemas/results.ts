// The shape of a poll's results (public and staff), and of the CSV exports.
import { VOTER_RULES } from '@tingjian/contracts'
import Type from 'typebox'
import { LevelSchema } from './polls.ts'

const LevelStats = {
  answers: Type.Integer({ description: 'answers on the five levels' }),
  distribution: Type.Array(
    Type.Object({ level: LevelSchema, label: Type.String(), count: Type.Integer(), share: Type.Number() }),
  ),
  mean: Type.Union([Type.Number(), Type.Null()], { description: '非常满意 5 … 非常不满意 1' }),
  satisfactionRate: Type.Union([
    Type.Object(
      {
        satisfied: Type.Integer({ description: '非常满意 + 满意 + 基本满意' }),
        sample: Type.Integer({ description: 'all answers on the five levels' }),
        rate: Type.Number(),
        low: Type.Number({ description: '95 % Wilson interval' }),
        high: Type.Number(),
      },
      { description: 'null without answers' },
    ),
    Type.Null(),
  ]),
}

export const PollResults = Type.Object(
  {
    pollId: Type.String(),
    title: Type.String(),
    phase: Type.Enum(['draft', 'upcoming', 'open', 'closed', 'archived']),
    rule: Type.Enum(VOTER_RULES),
    ruleLabel: Type.Object({ zh: Type.String(), en: Type.String(), onePerPerson: Type.Boolean() }),
    ballots: Type.Integer({ description: 'cast ballots counted' }),
    final: Type.Boolean({ description: 'the poll is closed and settled: the numbers no longer change' }),
    questions: Type.Array(
      Type.Object({
        questionId: Type.String(),
        kind: Type.String(),
        title: Type.String(),
        answered: Type.Integer({ description: 'ballots that answered this question' }),
        options: Type.Optional(
          Type.Array(
            Type.Object({
              optionId: Type.String(),
              label: Type.String(),
              count: Type.Integer(),
              share: Type.Number({ description: 'count / answered: per option, not per combination' }),
            }),
          ),
        ),
        levels: Type.Optional(Type.Object(LevelStats)),
        items: Type.Optional(
          Type.Array(Type.Object({ itemId: Type.String(), label: Type.String(), ...LevelStats })),
        ),
        comments: Type.Optional(
          Type.Array(Type.Object({ commentId: Type.String(), text: Type.String() }), {
            description: 'approved free text, personal data removed',
          }),
        ),
        pendingComments: Type.Optional(Type.Integer({ description: 'staff: answers awaiting moderation' })),
      }),
    ),
  },
  { $id: 'PollResults' },
)

export const Csv = Type.String({
  description: 'text/csv; charset=utf-8, with a byte-order mark for spreadsheets',
})
