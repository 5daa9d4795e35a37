// Service records (业务办理记录): the CSV upload and its report (received, accepted, duplicates, sampled,
// each rejected row with its line and reasons — nothing of a rejected row is stored), and the sources'
// API keys for the business systems (create: the key is shown once; list; revoke).
import { type FormEvent, useState } from 'react'
import { CB, type ImportReport, type IssuedKey, postCsv, type SourceView } from '../../../api/callbacks.ts'
import { ApiError, staffApi } from '../../../api/client.ts'
import { CopyButton, PageHeading } from '../../../components/bits.tsx'
import { AsyncView, ErrorMessage, Notice, useAsync } from '../../../components/feedback.tsx'
import { type FieldError, TextField } from '../../../components/fields.tsx'
import { useI18n, useTitle } from '../../../i18n/i18n.tsx'
import { isOneLine, serverFieldErrors } from '../../../lib/validate.ts'

/** The service's limit on an upload. */
const MAX_BYTES = 5 * 1024 * 1024
/** The CSV's header row, as the service reads it. */
export const CSV_FIELDS = [
  'source',
  'recordId',
  'serviceType',
  'department',
  'office',
  'window',
  'staffNumber',
  'applicantName',
  'applicantPhone',
  'feeCharged',
  'feeSchedule',
  'promisedDays',
  'completedAt',
] as const

function Report({ report }: { report: ImportReport }) {
  const { t, number } = useI18n()
  return (
    <section className="card" aria-labelledby="cb-report-h" data-testid="cb-import-report">
      <h2 id="cb-report-h">{t('cb.rec.report')}</h2>
      <dl className="facts cb-report-counts">
        <div className="fact">
          <dt>{t('cb.rec.received')}</dt>
          <dd data-testid="cb-report-received">{number(report.received)}</dd>
        </div>
        <div className="fact">
          <dt>{t('cb.rec.accepted')}</dt>
          <dd data-testid="cb-report-accepted">{number(report.accepted)}</dd>
        </div>
        <div className="fact">
          <dt>{t('cb.rec.duplicates')}</dt>
          <dd data-testid="cb-report-duplicates">{number(report.duplicates)}</dd>
        </div>
        <div className="fact">
          <dt>{t('cb.rec.rejected')}</dt>
          <dd data-testid="cb-report-rejected">{number(report.rejected.length)}</dd>
        </div>
        <div className="fact">
          <dt>{t('cb.rec.sampled')}</dt>
          <dd data-testid="cb-report-sampled">{number(report.sampled)}</dd>
        </div>
      </dl>
      {report.rejected.length > 0 ? (
        <div className="table-wrap">
          <table className="data-table" data-testid="cb-rejected">
            <caption>{t('cb.rec.rejectedRows')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('cb.rec.line')}</th>
                <th scope="col">{t('cb.rec.recordId')}</th>
                <th scope="col">{t('cb.rec.reasons')}</th>
              </tr>
            </thead>
            <tbody>
              {report.rejected.map((r) => (
                <tr key={r.row} data-row={r.row}>
                  <th scope="row">{r.row}</th>
                  <td className="mono">{r.recordId ?? '—'}</td>
                  <td>
                    <ul className="plain">
                      {r.errors.map((e) => (
                        <li key={`${e.field}-${e.message}`}>
                          <code>{e.field}</code>: {e.message}
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted">{t('cb.rec.noneRejected')}</p>
      )}
      <p className="muted small">{t('cb.rec.importId', { id: report.importId })}</p>
    </section>
  )
}

function CsvUpload() {
  const { t } = useI18n()
  const [file, setFile] = useState<File | null>(null)
  const [error, setError] = useState<FieldError>(null)
  const [failure, setFailure] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const [report, setReport] = useState<ImportReport | null>(null)
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setFailure(null)
    setReport(null)
    if (!file) return setError({ key: 'v.required' })
    if (file.size > MAX_BYTES) return setError({ key: 'cb.v.fileSize' })
    if (!/\.csv$/i.test(file.name) && file.type !== 'text/csv') return setError({ key: 'cb.v.fileType' })
    setError(null)
    setBusy(true)
    try {
      setReport(await postCsv<ImportReport>(`${CB}/service-records/import`, file))
    } catch (err) {
      if (
        err instanceof ApiError &&
        err.status >= 400 &&
        err.status < 500 &&
        err.status !== 401 &&
        err.status !== 403
      )
        setError(err.problem.detail ?? err.problem.title ?? t('error.400'))
      else setFailure(err)
    } finally {
      setBusy(false)
    }
  }
  return (
    <>
      <section className="card" aria-labelledby="cb-upload-h">
        <h2 id="cb-upload-h">{t('cb.rec.upload')}</h2>
        <p className="muted small">{t('cb.rec.uploadIntro')}</p>
        <p className="small">
          {t('cb.rec.header')} <code className="cb-header-row">{CSV_FIELDS.join(',')}</code>
        </p>
        <form onSubmit={submit} noValidate data-testid="cb-upload-form">
          <TextField
            id="cb-csv"
            type="file"
            accept=".csv,text/csv"
            label={t('cb.rec.file')}
            hint={t('cb.rec.fileHint')}
            required
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null)
              setError(null)
            }}
            error={error}
          />
          <button type="submit" className="btn btn-primary" disabled={busy} data-testid="cb-upload">
            {busy ? t('common.submitting') : t('cb.rec.import')}
          </button>
        </form>
        {failure ? <ErrorMessage error={failure} /> : null}
      </section>
      {report && <Report report={report} />}
    </>
  )
}

const SOURCE = /^[a-z0-9-]{1,64}$/

function Sources() {
  const { t, dateTime } = useI18n()
  const state = useAsync((signal) => staffApi<{ items: SourceView[] }>(`${CB}/sources`, { signal }), [])
  const [source, setSource] = useState('')
  const [name, setName] = useState('')
  const [errors, setErrors] = useState<Record<string, FieldError>>({})
  const [failure, setFailure] = useState<unknown>(null)
  const [issued, setIssued] = useState<IssuedKey | null>(null)
  const [revoking, setRevoking] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const create = async (e: FormEvent) => {
    e.preventDefault()
    setFailure(null)
    setIssued(null)
    const errs: Record<string, FieldError> = {}
    if (!SOURCE.test(source.trim())) errs.source = { key: 'cb.v.source' }
    if (!name.trim()) errs.name = { key: 'v.required' }
    else if (!isOneLine(name) || name.trim().length > 100)
      errs.name = { key: 'v.textLength', params: { min: 1, max: 100 } }
    setErrors(errs)
    if (Object.values(errs).some(Boolean)) return
    setBusy(true)
    try {
      const key = await staffApi<IssuedKey>(`${CB}/sources`, {
        method: 'POST',
        body: { source: source.trim(), name: name.trim() },
      })
      setIssued(key)
      setSource('')
      setName('')
      state.reload()
    } catch (err) {
      if (err instanceof ApiError && err.status === 400) {
        const { fields } = serverFieldErrors(err.problem.errors)
        if (Object.keys(fields).length) setErrors(fields)
        else setFailure(err)
      } else if (err instanceof ApiError && err.status === 409)
        setErrors({ source: err.problem.detail ?? t('error.409') })
      else setFailure(err)
    } finally {
      setBusy(false)
    }
  }
  const revoke = async (s: string) => {
    setFailure(null)
    setBusy(true)
    try {
      await staffApi(`${CB}/sources/${encodeURIComponent(s)}`, { method: 'DELETE' })
      setRevoking(null)
      state.reload()
    } catch (err) {
      setFailure(err)
    } finally {
      setBusy(false)
    }
  }
  return (
    <section className="card" aria-labelledby="cb-sources-h" data-testid="cb-sources">
      <h2 id="cb-sources-h">{t('cb.src.title')}</h2>
      <p className="muted small">{t('cb.src.intro')}</p>
      <form className="filters" onSubmit={create} noValidate>
        <TextField
          id="cb-src-source"
          label={t('cb.src.source')}
          hint={t('cb.src.sourceHint')}
          required
          value={source}
          onChange={(e) => setSource(e.target.value)}
          error={errors.source}
          autoComplete="off"
        />
        <TextField
          id="cb-src-name"
          label={t('cb.src.name')}
          required
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={errors.name}
        />
        <div className="filters-actions">
          <button type="submit" className="btn btn-primary" disabled={busy} data-testid="cb-src-create">
            {t('cb.src.create')}
          </button>
        </div>
      </form>
      {issued && (
        <div className="alert alert-success" role="status" data-testid="cb-src-issued">
          <p className="alert-title">{t('cb.src.issued', { source: issued.source })}</p>
          <p className="mono cb-api-key" data-testid="cb-src-key">
            {issued.apiKey}
          </p>
          <CopyButton value={issued.apiKey} label={t('common.copy')} />
          <p className="small">{t('cb.src.once')}</p>
        </div>
      )}
      {failure ? <ErrorMessage error={failure} /> : null}
      <AsyncView state={state}>
        {(data) =>
          data.items.length ? (
            <div className="table-wrap">
              <table className="data-table" data-testid="cb-src-table">
                <caption className="sr-only">{t('cb.src.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('cb.src.source')}</th>
                    <th scope="col">{t('cb.src.name')}</th>
                    <th scope="col">{t('cb.src.created')}</th>
                    <th scope="col">{t('cb.src.state')}</th>
                    <th scope="col">
                      <span className="sr-only">{t('cb.src.revoke')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((s) => (
                    <tr key={s.source} data-source={s.source}>
                      <th scope="row" className="mono">
                        {s.source}
                      </th>
                      <td>{s.name}</td>
                      <td>{dateTime(s.createdAt)}</td>
                      <td>
                        {s.revokedAt
                          ? t('cb.src.revokedAt', { at: dateTime(s.revokedAt) })
                          : t('cb.src.active')}
                      </td>
                      <td>
                        {!s.revokedAt &&
                          (revoking === s.source ? (
                            <span className="row-actions">
                              <button
                                type="button"
                                className="btn btn-primary btn-small"
                                onClick={() => void revoke(s.source)}
                                disabled={busy}
                              >
                                {t('cb.src.revokeYes')}
                              </button>
                              <button
                                type="button"
                                className="btn btn-ghost btn-small"
                                onClick={() => setRevoking(null)}
                              >
                                {t('common.cancel')}
                              </button>
                            </span>
                          ) : (
                            <button
                              type="button"
                              className="btn btn-secondary btn-small"
                              onClick={() => setRevoking(s.source)}
                            >
                              {t('cb.src.revoke')}
                            </button>
                          ))}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p className="empty">{t('cb.src.none')}</p>
          )
        }
      </AsyncView>
    </section>
  )
}

export function ServiceRecordsPage() {
  const { t } = useI18n()
  useTitle(t('cb.rec.title'))
  return (
    <>
      <PageHeading lead={t('cb.rec.intro')}>{t('cb.rec.title')}</PageHeading>
      <Notice kind="info">{t('cb.rec.privacy')}</Notice>
      <CsvUpload />
      <Sources />
    </>
  )
}
