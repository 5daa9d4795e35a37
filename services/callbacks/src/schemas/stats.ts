// The callback KPIs (staff), their CSV, and the public monthly figures.
import Type, { type Static } from 'typebox'
import { GROUP_BYS, MONTH_PATTERN } from '../domain/stats.ts'

const Month = Type.String({ pattern: MONTH_PATTERN, maxLength: 7 })
const Nullable = <T extends Type.TSchema>(s: T) => Type.Union([s, Type.Null()])

export const StatsQuery = Type.Object(
  {
    from: Type.Optional(Month),
    to: Type.Optional(Month),
    groupBy: Type.Optional(Type.Enum(GROUP_BYS, { description: 'default department' })),
    departmentId: Type.Optional(Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_.:-]+$' })),
  },
  { additionalProperties: false },
)
export type StatsQuery = Static<typeof StatsQuery>

const Interval = Nullable(Type.Object({ low: Type.Number(), high: Type.Number() }, { description: '95 %' }))

export const SatisfactionView = Type.Object({
  n: Type.Integer({ description: 'answered the satisfaction question' }),
  satisfied: Type.Integer({ description: '非常满意 + 满意 + 基本满意' }),
  rate: Nullable(Type.Number()),
  interval: Interval,
  method: Type.Enum(['wilson', 'stratified'], {
    description: 'stratified: the group mixes sampling rates; the estimate is weighted by stratum population',
  }),
  strata: Type.Integer(),
  coverage: Nullable(
    Type.Number({ description: 'stratified: the share of the population its strata cover' }),
  ),
})

export const StatsRowView = Type.Object({
  group: Nullable(Type.String()),
  name: Nullable(Type.String({ description: 'the department’s name (groupBy department)' })),
  eligible: Type.Integer({ description: 'tasks created' }),
  completed: Type.Integer(),
  unreachable: Type.Integer(),
  callbackRate: Nullable(Type.Number({ description: '回访率: completed / eligible' })),
  satisfaction: SatisfactionView,
  feeProblems: Type.Integer(),
  attitude: Type.Object({ mean: Nullable(Type.Number()), n: Type.Integer() }),
  promisesKept: Type.Object({ rate: Nullable(Type.Number()), kept: Type.Integer(), n: Type.Integer() }),
})

export const Stats = Type.Object({
  from: Month,
  to: Month,
  groupBy: Type.Enum(GROUP_BYS),
  rows: Type.Array(StatsRowView),
})

export const Csv = Type.String({
  description: 'text/csv; charset=utf-8, with a byte-order mark for spreadsheets',
})

export const MonthlyQuery = Type.Object({ month: Type.Optional(Month) }, { additionalProperties: false })
export type MonthlyQuery = Static<typeof MonthlyQuery>

/** What the public sees: per department the callback rate and satisfaction; no names, numbers or staff. */
export const PublicMonthly = Type.Object({
  month: Month,
  departments: Type.Array(
    Type.Object({
      departmentId: Type.String(),
      departmentName: Nullable(Type.String()),
      eligible: Type.Integer(),
      completed: Type.Integer(),
      callbackRate: Nullable(Type.Number()),
      satisfaction: SatisfactionView,
    }),
  ),
})
