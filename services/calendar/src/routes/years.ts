// The year tables: staff read them; administrators publish a year's national table and its regional
// overrides. Every change is judged whole by the calendar's validator (a 422 naming each fault, nothing
// saved), written with its event in one store write (the outbox), and idempotent (the same table again
// is no new revision).
import { daysOfYear, NATIONAL_YEARS, validateYearTable } from '@tingjian/calendar'
import { type App, type Clock, Errors, Problem } from '@tingjian/kit'
import { type Stored, upsert } from '@tingjian/store'
import {
  builtInTable,
  calendarOf,
  publish,
  type YearChange,
  type YearDoc,
  yearId,
  yearPublishedEvent,
} from '../domain/year.ts'
import { InvalidCalendarError } from '../errors.ts'
import {
  Preview,
  PreviewQuery,
  PutYear,
  type RegionOverrides,
  RegionOverrides as RegionOverridesSchema,
  RegionParams,
  YearList,
  YearParams,
  YearTable,
} from '../schemas/years.ts'
import { allYears, type Years } from '../years.ts'

export interface YearRoutesOptions {
  years: Years
  clock: Clock
}

const ADMIN = ['admin'] as const

// The stored tables are plain JSON; only their types are readonly, the answers' types are not.
const holidaysOf = (h: YearDoc['holidays']) => h as YearTable['holidays']
const regionsOf = (r: YearDoc['regions']) => r as YearTable['regions']

function tableOf(doc: Stored<YearDoc>): YearTable {
  return {
    year: doc.year,
    revision: doc.revision,
    builtIn: false,
    source: doc.source,
    holidays: holidaysOf(doc.holidays),
    regions: regionsOf(doc.regions),
    publishedAt: doc.publishedAt,
    publishedBy: doc.publishedBy,
  }
}

function builtInView(year: number): YearTable | undefined {
  const t = builtInTable(year)
  return t
    ? {
        year,
        revision: 0,
        builtIn: true,
        source: t.source,
        holidays: holidaysOf(t.holidays),
        regions: {},
        publishedAt: null,
        publishedBy: null,
      }
    : undefined
}

export async function yearRoutes(app: App, opts: YearRoutesOptions): Promise<void> {
  const { years, clock } = opts

  /** Applies a change with optimistic concurrency; refused → 422 and nothing written. */
  const change = async (
    year: number,
    what: YearChange,
    actor: string,
    correlationId: string,
  ): Promise<Stored<YearDoc>> => {
    const now = clock.now()
    const decide = (current: Stored<YearDoc> | null) => {
      const outcome = publish(year, current, what, actor, now)
      if (outcome.outcome === 'refused') throw new InvalidCalendarError(outcome.faults)
      return outcome.outcome === 'unchanged' ? null : outcome.doc
    }
    return upsert(
      years,
      yearId(year),
      () => {
        const doc = decide(null)
        // a new document is always a new table (never "unchanged")
        if (doc === null) throw new Error('unreachable: a first publication is a change')
        return doc
      },
      (current) => decide(current),
      { now, events: (_current, next) => [yearPublishedEvent(next, { now, correlationId })] },
    )
  }

  app.get(
    '/years',
    {
      config: { access: 'staff' },
      schema: {
        summary: 'The years with a table: published ones and the built-in defaults',
        response: { 200: YearList, 401: Problem },
      },
    },
    async () => {
      const stored = await allYears(years)
      const byYear = new Map<number, YearList['items'][number]>()
      for (const y of NATIONAL_YEARS)
        byYear.set(y.year, { year: y.year, source: y.source, revision: 0, builtIn: true, publishedAt: null })
      for (const d of stored)
        byYear.set(d.year, {
          year: d.year,
          source: d.source,
          revision: d.revision,
          builtIn: false,
          publishedAt: d.publishedAt,
        })
      return { items: [...byYear.values()].sort((a, b) => a.year - b.year) }
    },
  )

  app.get(
    '/years/:year',
    {
      config: { access: 'staff' },
      schema: {
        summary: "A year's whole table (a built-in year is served with revision 0)",
        params: YearParams,
        response: { 200: YearTable, 400: Problem, 401: Problem, 404: Problem },
      },
    },
    async (request) => {
      const { year } = request.params
      const doc = await years.get(yearId(year))
      const table = doc ? tableOf(doc) : builtInView(year)
      if (!table) throw new Errors.NotFound()
      return table
    },
  )

  app.put(
    '/years/:year',
    {
      config: { access: ADMIN },
      schema: {
        summary: "Publish a year's national table (administrators)",
        description:
          'Judged whole by the calendar validator: a 422 `/problems/invalid-calendar` names each fault and nothing is saved. The same table again is no new revision. The year keeps its regional overrides.',
        params: YearParams,
        body: PutYear,
        response: {
          200: YearTable,
          400: Problem,
          401: Problem,
          403: Problem,
          409: Problem,
          422: Problem,
        },
      },
    },
    async (request) => {
      const { year } = request.params
      const before = await years.get(yearId(year))
      const doc = await change(year, { kind: 'national', table: request.body }, request.user.sub, request.id)
      if (doc.revision !== before?.revision)
        request.log.info({ year, revision: doc.revision }, 'calendar year published')
      return tableOf(doc)
    },
  )

  app.post(
    '/years/:year/preview',
    {
      config: { access: ADMIN },
      schema: {
        summary: 'Judge a national table without saving it, and show every day of the year under it',
        params: YearParams,
        querystring: PreviewQuery,
        body: PutYear,
        response: { 200: Preview, 400: Problem, 401: Problem, 403: Problem },
      },
    },
    async (request) => {
      const { year } = request.params
      const { region } = request.query
      const stored = await allYears(years)
      const current = stored.find((d) => d.year === year)
      const regions = current?.regions ?? {}
      const faults = validateYearTable({ year, ...request.body, regions })
      if (faults.length > 0) return { faults, days: [] }
      const proposed = {
        year,
        revision: Number.MAX_SAFE_INTEGER,
        ...request.body,
        regions,
        publishedAt: '',
        publishedBy: '',
      }
      const calendar = calendarOf([...stored.filter((d) => d.year !== year), proposed])
      const days = daysOfYear(calendar, year, region).map(({ date, working, kind, name }) => ({
        date,
        working,
        kind,
        ...(name ? { name } : {}),
      }))
      return { faults: [], days }
    },
  )

  app.get(
    '/years/:year/regions/:code',
    {
      config: { access: 'staff' },
      schema: {
        summary: "A region's overrides of the year",
        params: RegionParams,
        response: { 200: RegionOverridesSchema, 400: Problem, 401: Problem, 404: Problem },
      },
    },
    async (request) => {
      const { year, code } = request.params
      const doc = await years.get(yearId(year))
      const overrides = doc && Object.hasOwn(doc.regions, code) ? doc.regions[code] : undefined
      if (!overrides) throw new Errors.NotFound()
      return overrides as RegionOverrides
    },
  )

  app.put(
    '/years/:year/regions/:code',
    {
      config: { access: ADMIN },
      schema: {
        summary: "Set a region's overrides of the year (administrators)",
        description:
          'The whole year is judged again with the new overrides (422 naming each fault, nothing saved) and published as a new revision; a year with only the built-in table gets its first published revision.',
        params: RegionParams,
        body: RegionOverridesSchema,
        response: { 200: YearTable, 400: Problem, 401: Problem, 403: Problem, 409: Problem, 422: Problem },
      },
    },
    async (request) => {
      const { year, code } = request.params
      const doc = await change(
        year,
        { kind: 'region', code, overrides: request.body },
        request.user.sub,
        request.id,
      )
      request.log.info({ year, region: code, revision: doc.revision }, 'calendar region overrides set')
      return tableOf(doc)
    },
  )

  app.delete(
    '/years/:year/regions/:code',
    {
      config: { access: ADMIN },
      schema: {
        summary: "Remove a region's overrides of the year (administrators)",
        params: RegionParams,
        response: { 200: YearTable, 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem },
      },
    },
    async (request) => {
      const { year, code } = request.params
      const current = await years.get(yearId(year))
      if (!current || !Object.hasOwn(current.regions, code)) throw new Errors.NotFound()
      const doc = await change(year, { kind: 'region', code, overrides: null }, request.user.sub, request.id)
      request.log.info({ year, region: code, revision: doc.revision }, 'calendar region overrides removed')
      return tableOf(doc)
    },
  )
}
