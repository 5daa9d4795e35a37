// The years collection: one document per year (`_id` = `year-<YYYY>`) holding the published table, its
// revision and the outbox of its events, all in one write.
import type { Collection, Fields, Stored } from '@tingjian/store'
import type { YearDoc } from './domain/year.ts'

export const YEARS = 'years'
export type Years = Collection<YearDoc>

/** A stored year without the store's own fields: what a change writes back. */
export function fieldsOf(doc: Stored<YearDoc>): Fields<YearDoc> {
  const { _id, version, createdAt, updatedAt, ...fields } = doc
  return fields
}

/** Every stored year (a handful: one per year the department published). */
export async function allYears(years: Years): Promise<Stored<YearDoc>[]> {
  const page = await years.find({}, { sort: [['year', 1]], limit: 500 })
  return page.items
}
