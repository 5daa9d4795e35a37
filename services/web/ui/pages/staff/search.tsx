// Finding cases: by tracking code or words of the subject (`q`), by the writer's phone (matched by a keyed
// hash on the server), by status and type. The criteria live in the URL, so a search can be shared and
// survives a reload; the phone number never goes in the URL (it is personal data) and is kept in memory.
// Only roles that see contact data in clear may search by phone (tracking refuses the others with 403 and
// audits every phone search), so only they are offered the field.
import { type FormEvent, useState } from 'react'
import { CASE_STATUSES, CATEGORIES, type Role } from '../../api/types.ts'
import { PageHeading } from '../../components/bits.tsx'
import { CheckboxField, type FieldError, SelectField, TextField } from '../../components/fields.tsx'
import { useI18n, useTitle } from '../../i18n/i18n.tsx'
import { navigate, useSearchParams } from '../../lib/router.tsx'
import { CaseListLoader } from './case-table.tsx'
import { useSession } from './use-staff.ts'

/** Roles that see contact data in clear: tracking's CLEAR_PII_ROLES, the only ones it lets search by phone. */
const PHONE_SEARCH_ROLES: readonly Role[] = ['dispatcher', 'supervisor', 'hotline_operator']

export function SearchPage() {
  const { t, tx } = useI18n()
  useTitle(t('search.title'))
  const params = useSearchParams()
  const roles = useSession().state?.user.roles ?? []
  const byPhone = roles.some((r) => PHONE_SEARCH_ROLES.includes(r))
  const [q, setQ] = useState(params.get('q') ?? '')
  const [phone, setPhone] = useState('')
  const [status, setStatus] = useState(params.get('status') ?? '')
  const [category, setCategory] = useState(params.get('category') ?? '')
  const [overdue, setOverdue] = useState(params.get('overdue') === 'true')
  const [errors, setErrors] = useState<Record<string, FieldError>>({})
  const [query, setQuery] = useState<Record<string, string | boolean> | null>(() => {
    const initial: Record<string, string | boolean> = {}
    for (const k of ['q', 'status', 'category'] as const) {
      const value = params.get(k)
      if (value) initial[k] = value
    }
    if (params.get('overdue') === 'true') initial.overdue = true
    return Object.keys(initial).length ? initial : null
  })

  const submit = (e: FormEvent) => {
    e.preventDefault()
    const errs: Record<string, FieldError> = {}
    const next: Record<string, string | boolean> = {}
    if (q.trim()) {
      if (q.trim().length > 100) errs.q = { key: 'v.textLength', params: { min: 1, max: 100 } }
      next.q = q.trim()
    }
    if (byPhone && phone.trim()) {
      if (!/^[0-9+ -]{3,40}$/.test(phone.trim())) errs.phone = { key: 'v.phone' }
      next.phone = phone.trim()
    }
    if (status) next.status = status
    if (category) next.category = category
    if (overdue) next.overdue = true
    if (!Object.keys(next).length) errs.q = { key: 'v.required' }
    setErrors(errs)
    if (Object.keys(errs).length) return
    setQuery(next)
    const url = new URLSearchParams()
    for (const [k, value] of Object.entries(next)) if (k !== 'phone') url.set(k, String(value))
    navigate(`/staff/search${url.size ? `?${url}` : ''}`, { replace: true })
  }

  return (
    <>
      <PageHeading>{t('search.title')}</PageHeading>
      <search>
        <form className="card filters" onSubmit={submit} noValidate>
          <TextField
            id="search-q"
            type="search"
            label={t('search.q')}
            value={q}
            maxLength={100}
            onChange={(e) => setQ(e.target.value)}
            error={errors.q}
            hint={errors.q && !q && !phone ? t('search.needCriteria') : undefined}
          />
          {byPhone && (
            <TextField
              id="search-phone"
              type="tel"
              label={t('search.phone')}
              hint={t('search.phone.hint')}
              value={phone}
              maxLength={40}
              autoComplete="off"
              onChange={(e) => setPhone(e.target.value)}
              error={errors.phone}
            />
          )}
          <SelectField
            id="search-status"
            label={t('search.status')}
            value={status}
            onChange={(e) => setStatus(e.target.value)}
          >
            <option value="">{t('common.all')}</option>
            {CASE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {tx('status', s)}
              </option>
            ))}
          </SelectField>
          <SelectField
            id="search-category"
            label={t('search.category')}
            value={category}
            onChange={(e) => setCategory(e.target.value)}
          >
            <option value="">{t('common.all')}</option>
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {tx('category', c)}
              </option>
            ))}
          </SelectField>
          <CheckboxField
            id="search-overdue"
            label={t('search.overdue')}
            checked={overdue}
            onChange={(e) => setOverdue(e.target.checked)}
          />
          <div className="filters-actions">
            <button type="submit" className="btn btn-primary">
              {t('search.submit')}
            </button>
          </div>
        </form>
      </search>
      <CaseListLoader query={query} caption={t('search.title')} />
    </>
  )
}
