// Events of the calendar service, the one owner of the working-day year tables. Shapes as in
// @tingjian/calendar's types (YearData, HolidayPeriod, RegionOverrides); this package does not depend on
// it, so they are restated here as TypeBox, and the calendar package's PublishedYear is this data.
import Type from 'typebox'
import type { EventCatalogue } from '../catalogue.ts'
import { Id, Timestamp } from './common.ts'

/** A calendar day, `YYYY-MM-DD` (whether it is a real date is the calendar's validator's business). */
export const LocalDateString = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', maxLength: 10 })

/** A holiday's or working day's name, Chinese first. */
export const DayNameSchema = Type.Object(
  {
    zh: Type.String({ minLength: 1, maxLength: 60 }),
    en: Type.String({ minLength: 1, maxLength: 120 }),
  },
  { additionalProperties: false },
)

export const HolidayPeriodSchema = Type.Object(
  {
    name: DayNameSchema,
    from: LocalDateString,
    to: LocalDateString,
    makeUpWorkdays: Type.Optional(Type.Array(LocalDateString, { maxItems: 10 })),
  },
  { additionalProperties: false },
)

export const RegionDaysSchema = Type.Object(
  {
    name: DayNameSchema,
    from: LocalDateString,
    to: Type.Optional(LocalDateString),
  },
  { additionalProperties: false },
)

export const RegionOverridesSchema = Type.Object(
  {
    name: Type.Optional(DayNameSchema),
    parent: Type.Optional(Type.String({ minLength: 1, maxLength: 20 })),
    holidays: Type.Optional(Type.Array(RegionDaysSchema, { maxItems: 60 })),
    workingDays: Type.Optional(Type.Array(RegionDaysSchema, { maxItems: 60 })),
  },
  { additionalProperties: false },
)

/** The whole published table of one year: the national holidays and that year's regional overrides. */
export const PublishedYearSchema = Type.Object({
  year: Type.Integer({ minimum: 1000, maximum: 9999 }),
  revision: Type.Integer({
    minimum: 1,
    description: 'per year, +1 on each publication; consumers keep the highest they have seen',
  }),
  source: Type.String({ minLength: 1, maxLength: 300, description: 'the notice: title, number, date' }),
  holidays: Type.Array(HolidayPeriodSchema, { maxItems: 40 }),
  regions: Type.Record(Type.String({ minLength: 1, maxLength: 20 }), RegionOverridesSchema, {
    description: "that year's regional overrides, keyed by region code",
  }),
  publishedAt: Timestamp,
  publishedBy: Id,
})

export function defineCalendarEvents(c: EventCatalogue) {
  return {
    yearPublished: c.define({
      type: 'calendar.year-published',
      version: 1,
      source: 'calendar',
      description:
        "A year's working-day table was published or changed (national holidays, make-up working days, that year's regional overrides): the whole table, subject `year-<YYYY>`. Consumers keep the highest revision per year and replace the built-in table of that year with it. The calendar topic keeps every year's latest table, so a service that starts later reads them from the beginning.",
      data: PublishedYearSchema,
    }),
  }
}

/** The subject (and Kafka key) of a year's events. */
export const calendarSubject = (year: number): string => `year-${year}`
