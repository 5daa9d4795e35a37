// KPIs (staff) and the public monthly summary of rectifications closed.
import { PROBLEM_KINDS } from '@tingjian/contracts'
import Type, { type Static } from 'typebox'
import { MONTH_PATTERN } from '../domain/kpis.ts'

const Month = Type.String({ pattern: MONTH_PATTERN })
const Nullable = <T extends Type.TSchema>(s: T) => Type.Union([s, Type.Null()])

export const KpiQuery = Type.Object(
  {
    from: Type.Optional(Month),
    to: Type.Optional(Month),
    /** department: summed over the months; month: summed over departments; omitted: per department and month. */
    groupBy: Type.Optional(Type.Enum(['department', 'month'])),
    departmentId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  },
  { additionalProperties: false },
)
export type KpiQuery = Static<typeof KpiQuery>

export const KpiRowView = Type.Object({
  /** The department, or `*` in a row summed over departments (groupBy=month). */
  departmentId: Type.String(),
  departmentName: Nullable(Type.String()),
  /** Null in a row summed over months (groupBy=department). */
  month: Nullable(Month),
  issued: Type.Integer(),
  closed: Type.Integer(),
  closedOnTime: Type.Integer(),
  onTimeRate: Nullable(Type.Number()),
  sentBackOrders: Type.Integer(),
  sendBacks: Type.Integer(),
  rechecked: Type.Integer(),
  reopened: Type.Integer(),
  problems: Type.Integer(),
  problemsWithdrawn: Type.Integer(),
  casesAssigned: Type.Integer(),
  problemsPer1000Cases: Nullable(Type.Number()),
})

export const Kpis = Type.Object({
  from: Month,
  to: Month,
  groupBy: Type.Enum(['department', 'month', 'department_month']),
  rows: Type.Array(KpiRowView),
})

export const Csv = Type.String({
  description: 'text/csv; charset=utf-8, with a byte-order mark for spreadsheets',
})

export const SummaryQuery = Type.Object({ month: Type.Optional(Month) }, { additionalProperties: false })
export type SummaryQuery = Static<typeof SummaryQuery>

/** What the public sees of a closed rectification: no order number, person, staff number, window or case. */
export const PublicRectification = Type.Object({
  departmentId: Type.String(),
  departmentName: Nullable(Type.String()),
  problemKinds: Type.Array(Type.Enum(PROBLEM_KINDS)),
  /** What was fixed, as the discipline officer wrote it for publication at closing. */
  measures: Type.String(),
  closedOn: Type.String({ description: 'YYYY-MM-DD, Asia/Shanghai' }),
  onTime: Type.Boolean(),
})

export const PublicSummary = Type.Object({
  month: Month,
  closed: Type.Integer(),
  closedOnTime: Type.Integer(),
  items: Type.Array(PublicRectification),
  byKind: Type.Array(Type.Object({ kind: Type.Enum(PROBLEM_KINDS), orders: Type.Integer() })),
  byDepartment: Type.Array(
    Type.Object({
      departmentId: Type.String(),
      departmentName: Nullable(Type.String()),
      closed: Type.Integer(),
      closedOnTime: Type.Integer(),
    }),
  ),
})
