// The service records the department's business systems send (passport, ID card, vehicle licence, …), the
// sampling strata's populations, the imports' reports and the sources' API keys: collection names, document
// shapes and indexes. The tasks' side (collections.ts) reads these shapes; renaming a collection or a field
// needs a migration.
import type { Collection, DocumentStore, IndexSpec } from '@tingjian/store'

/** One document per record, `_id` = `<source>:<recordId>` (the de-duplication key). */
export const SERVICE_RECORDS = 'service_records'
/** Populations per sampling stratum and month, `_id` = `<month>|<stratum>` (the KPIs' weights). */
export const STRATA = 'strata'
/** One document per import (JSON batch or CSV): its report, without any applicant's data. */
export const IMPORTS = 'record_imports'
/** One document per registered source (business system), `_id` = the source. */
export const SOURCES = 'record_sources'

/** Who sent an import: a staff member (by token) or a registered source (by its API key). */
export type Importer = { kind: 'staff'; id: string; role: string } | { kind: 'source'; id: string }

export interface ServiceRecordDoc {
  source: string
  recordId: string
  serviceType: string
  /** The department's id (resolved from the code or id the record gave). */
  departmentId: string
  office: string
  window: string | null
  staffNumber: string | null
  /** Sealed (FieldCipher). */
  applicantName: string
  /** Sealed (FieldCipher), the number as normalised by the kit's `normalisePhone`. */
  applicantPhone: string
  /** `cipher.hash(normalised, 'phone')`: search by number without opening it. */
  phoneHash: string
  /** `138****5678`. */
  phoneMasked: string
  /** Yuan. */
  feeCharged: number
  /** The fee schedule's amount, yuan. */
  feeSchedule: number
  promisedDays: number
  completedAt: string
  /** The month of `completedAt` in Asia/Shanghai (`YYYY-MM`): the stratum's month. */
  month: string
  /** `<office>|<serviceType>`, office normalised (`stratumOf`). */
  stratum: string
  sampled: boolean
  samplingRate: number
  /** The callback task of a sampled record (`recordTaskId`), null when not sampled. */
  taskId: string | null
  importId: string
  importedAt: string
  importedBy: Importer
}

export type StratumKind = 'service_record' | 'case'

export interface StratumDoc {
  month: string
  /** `<office>|<serviceType>` for service records; what the task's `stratum` says for cases. */
  stratum: string
  kind: StratumKind
  /** Eligible items in the stratum and month (records imported, cases replied). */
  population: number
  /** Of them, drawn for a callback. */
  sampled: number
  /** The sampling rate in force when last counted. */
  rate: number
}

export interface ImportRowError {
  field: string
  message: string
}

export interface ImportRejection {
  /** 1-based data row (JSON batch), or the CSV line number. */
  row: number
  recordId: string | null
  errors: ImportRowError[]
}

export interface ImportDoc {
  format: 'json' | 'csv'
  importedBy: Importer
  at: string
  received: number
  accepted: number
  duplicates: number
  rejected: ImportRejection[]
  sampled: number
}

export interface SourceDoc {
  name: string
  /** `sha256:<hex>` of the API key (the key itself is shown once). */
  keyHash: string
  createdBy: string
  revokedAt: string | null
  revokedBy: string | null
}

export type ServiceRecords = Collection<ServiceRecordDoc>
export type Strata = Collection<StratumDoc>
export type Imports = Collection<ImportDoc>
export type Sources = Collection<SourceDoc>

export interface RecordCollections {
  records: ServiceRecords
  strata: Strata
  imports: Imports
  sources: Sources
}

export const SERVICE_RECORD_INDEXES: IndexSpec[] = [
  {
    name: 'month_stratum',
    keys: [
      ['month', 1],
      ['stratum', 1],
    ],
  },
  { name: 'phone', keys: [['phoneHash', 1]] },
  { name: 'import', keys: [['importId', 1]] },
  {
    name: 'department_month',
    keys: [
      ['departmentId', 1],
      ['month', 1],
    ],
  },
]
export const STRATUM_INDEXES: IndexSpec[] = [
  {
    name: 'month_kind',
    keys: [
      ['month', 1],
      ['kind', 1],
    ],
  },
]
export const IMPORT_INDEXES: IndexSpec[] = [{ name: 'at', keys: [['at', -1]] }]
export const SOURCE_INDEXES: IndexSpec[] = [{ name: 'key', keys: [['keyHash', 1]], unique: true }]

export async function openRecordCollections(store: DocumentStore): Promise<RecordCollections> {
  const records = store.collection<ServiceRecordDoc>(SERVICE_RECORDS)
  const strata = store.collection<StratumDoc>(STRATA)
  const imports = store.collection<ImportDoc>(IMPORTS)
  const sources = store.collection<SourceDoc>(SOURCES)
  await Promise.all([
    records.ensureIndexes(SERVICE_RECORD_INDEXES),
    strata.ensureIndexes(STRATUM_INDEXES),
    imports.ensureIndexes(IMPORT_INDEXES),
    sources.ensureIndexes(SOURCE_INDEXES),
  ])
  return { records, strata, imports, sources }
}

/** The stratum document's id. */
export const stratumId = (month: string, stratum: string) => `${month}|${stratum}`
