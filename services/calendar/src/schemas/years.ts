// The shapes of the calendar API: a year's table as an administrator sends it, regional overrides, and
// the answers. Names and the source are one-line text (the kit's OneLine); a date is `YYYY-MM-DD` here,
// and whether it is a real day of the year is the calendar validator's business (a 422 naming it).
import { OneLine } from '@tingjian/kit'
import Type, { type Static } from 'typebox'

const LocalDate = Type.String({
  pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$',
  maxLength: 10,
  description: 'YYYY-MM-DD',
})

const DayName = Type.Object(
  { zh: OneLine({ minLength: 1, maxLength: 60 }), en: OneLine({ minLength: 1, maxLength: 120 }) },
  { additionalProperties: false, description: 'the name, Chinese first' },
)

const HolidayPeriod = Type.Object(
  {
    name: DayName,
    from: LocalDate,
    to: Type.String({ ...LocalDate, description: 'inclusive' }),
    makeUpWorkdays: Type.Optional(
      Type.Array(LocalDate, { maxItems: 10, description: 'Saturdays or Sundays worked instead (调休)' }),
    ),
  },
  { additionalProperties: false },
)

const RegionDays = Type.Object(
  {
    name: DayName,
    from: LocalDate,
    to: Type.Optional(Type.String({ ...LocalDate, description: 'inclusive; default from' })),
  },
  { additionalProperties: false },
)

export const REGION_CODE = '^[0-9A-Za-z_-]{1,20}$'
const RegionCode = Type.String({ pattern: REGION_CODE, description: 'e.g. the GB/T 2260 division code' })

export const RegionOverrides = Type.Object(
  {
    name: Type.Optional(DayName),
    parent: Type.Optional(RegionCode),
    holidays: Type.Optional(Type.Array(RegionDays, { maxItems: 60, description: 'extra days off' })),
    workingDays: Type.Optional(Type.Array(RegionDays, { maxItems: 60, description: 'extra working days' })),
  },
  { additionalProperties: false },
)
export type RegionOverrides = Static<typeof RegionOverrides>

export const PutYear = Type.Object(
  {
    source: OneLine({ minLength: 1, maxLength: 300, description: 'the notice: title, number, date' }),
    holidays: Type.Array(HolidayPeriod, { maxItems: 40 }),
  },
  { additionalProperties: false, $id: 'PutYear' },
)
export type PutYear = Static<typeof PutYear>

export const YearParams = Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2199 }) })
export type YearParams = Static<typeof YearParams>
export const RegionParams = Type.Object({
  year: Type.Integer({ minimum: 2000, maximum: 2199 }),
  code: RegionCode,
})
export type RegionParams = Static<typeof RegionParams>
export const PreviewQuery = Type.Object(
  {
    region: Type.Optional(
      Type.String({ pattern: REGION_CODE, description: "the grid of this region's calendar" }),
    ),
  },
  { additionalProperties: false },
)

export const YearTable = Type.Object(
  {
    year: Type.Integer(),
    revision: Type.Integer({ minimum: 0, description: '0: the built-in table, never published' }),
    builtIn: Type.Boolean({ description: 'served from the built-in data (nobody published this year)' }),
    source: Type.String(),
    holidays: Type.Array(HolidayPeriod),
    regions: Type.Record(Type.String(), RegionOverrides),
    publishedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    publishedBy: Type.Union([Type.String(), Type.Null()]),
  },
  { $id: 'YearTable' },
)
export type YearTable = Static<typeof YearTable>

export const YearSummary = Type.Object({
  year: Type.Integer(),
  source: Type.String(),
  revision: Type.Integer({ minimum: 0 }),
  builtIn: Type.Boolean(),
  publishedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
})
export const YearList = Type.Object({ items: Type.Array(YearSummary) }, { $id: 'YearList' })
export type YearList = Static<typeof YearList>

export const Coverage = Type.Object(
  {
    years: Type.Array(Type.Integer(), { description: 'the years with a national table' }),
    currentYear: Type.Integer({ description: "the clock's year in Asia/Shanghai" }),
    currentYearCovered: Type.Boolean(),
    nextYear: Type.Integer(),
    nextYearCovered: Type.Boolean(),
    warning: Type.Boolean({
      description:
        'from 1 November while next year has no table: staff consoles warn administrators and supervisors',
    }),
    from: Type.String({ description: 'first covered day' }),
    to: Type.String({ description: 'last covered day' }),
  },
  { $id: 'Coverage' },
)

const Fault = Type.Object({ path: Type.String(), message: Type.String() })
export const Preview = Type.Object(
  {
    faults: Type.Array(Fault, { description: 'empty: the table would be accepted' }),
    days: Type.Array(
      Type.Object({
        date: Type.String(),
        working: Type.Boolean(),
        kind: Type.Enum(['workday', 'weekend', 'holiday', 'adjusted-workday']),
        name: Type.Optional(Type.Object({ zh: Type.String(), en: Type.String() })),
      }),
      { description: 'every day of the year under the table (empty when it has faults)' },
    ),
  },
  { $id: 'Preview' },
)
export type Preview = Static<typeof Preview>
