// Service records in (a JSON batch; the CSV has the same field names as its header), the import's report,
// and the sources' API keys.
import { OneLine } from '@tingjian/kit'
import Type, { type Static } from 'typebox'
import { MAX_BATCH_RECORDS } from '../domain/records.ts'

const Nullable = <T extends Type.TSchema>(s: T) => Type.Union([s, Type.Null()])
const Instant = Type.String({ format: 'date-time' })

const field = (description: string) => Type.Optional(Type.Unknown({ description }))

/**
 * One record. Each row is checked on its own (domain/records.ts), so that one bad row is reported and the
 * others stored: the schema lets any value through and documents the rules.
 */
export const RecordRow = Type.Object(
  {
    source: field('the business system: 1–64 of a-z, 0-9, - (with an API key: that key’s source)'),
    recordId: field('its record id, 1–64 of A-Z a-z 0-9 _ . : - (source + recordId de-duplicate)'),
    serviceType: field('passport, id_card, vehicle_licence, household_registration, … (a-z and _, ≤ 40)'),
    department: field('a department code or id known from identity'),
    office: field('office or hall, one line, ≤ 100'),
    window: field('optional: the window, one line, ≤ 50'),
    staffNumber: field('optional: the staff number, 1–20 of A-Z a-z 0-9 -'),
    applicantName: field('the applicant’s name, one line, ≤ 50 (sealed when stored)'),
    applicantPhone: field('a mainland mobile or fixed-line number (sealed when stored)'),
    feeCharged: field('yuan, ≥ 0, at most two decimals'),
    feeSchedule: field('the fee schedule’s amount, yuan, ≥ 0, at most two decimals'),
    promisedDays: field('whole days 0–365'),
    completedAt: field('ISO 8601 date-time with its offset, not in the future'),
  },
  { additionalProperties: true },
)

export const RecordBatch = Type.Object(
  { records: Type.Array(RecordRow, { minItems: 1, maxItems: MAX_BATCH_RECORDS }) },
  { additionalProperties: false },
)
export type RecordBatch = Static<typeof RecordBatch>

export const RowError = Type.Object({ field: Type.String(), message: Type.String() })

export const Rejection = Type.Object({
  row: Type.Integer({ description: '1-based data row of a JSON batch; for a CSV, its line number' }),
  recordId: Nullable(Type.String()),
  errors: Type.Array(RowError),
})

export const ImportReport = Type.Object({
  importId: Type.String(),
  received: Type.Integer(),
  accepted: Type.Integer(),
  duplicates: Type.Integer({ description: 'already stored, or repeated within the request: nothing added' }),
  rejected: Type.Array(Rejection),
  sampled: Type.Integer({ description: 'accepted records drawn for a callback (each became a task)' }),
})

export const ImportView = Type.Object({
  ...ImportReport.properties,
  format: Type.Enum(['json', 'csv']),
  at: Instant,
  importedBy: Type.Object({ kind: Type.Enum(['staff', 'source']), id: Type.String() }),
})

export const ImportList = Type.Object({
  items: Type.Array(
    Type.Object({ ...ImportView.properties, rejected: Type.Integer({ description: 'rows rejected' }) }),
  ),
  nextCursor: Nullable(Type.String()),
})

export const ImportIdParams = Type.Object(
  { importId: Type.String({ pattern: '^rimp_[0-9a-f-]{36}$', maxLength: 41 }) },
  { additionalProperties: false },
)
export type ImportIdParams = Static<typeof ImportIdParams>

export const ListQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
    cursor: Type.Optional(Type.String({ maxLength: 512 })),
  },
  { additionalProperties: false },
)
export type ListQuery = Static<typeof ListQuery>

export const SourceName = Type.String({ pattern: '^[a-z0-9-]{1,64}$', maxLength: 64 })

export const NewSource = Type.Object(
  { source: SourceName, name: OneLine({ minLength: 1, maxLength: 100 }) },
  { additionalProperties: false },
)
export type NewSource = Static<typeof NewSource>

export const SourceParams = Type.Object({ source: SourceName }, { additionalProperties: false })
export type SourceParams = Static<typeof SourceParams>

export const SourceView = Type.Object({
  source: Type.String(),
  name: Type.String(),
  createdBy: Type.String(),
  createdAt: Instant,
  revokedAt: Nullable(Instant),
})

export const IssuedKey = Type.Object({
  ...SourceView.properties,
  apiKey: Type.String({ description: 'shown once: send it as `Authorization: ApiKey <key>`' }),
})

export const SourceList = Type.Object({ items: Type.Array(SourceView) })
