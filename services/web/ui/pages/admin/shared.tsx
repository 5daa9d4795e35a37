// What the admin pages share: the list table, the active badge, the edit form card with its save and cancel
// buttons, and the submit cycle (checks in the page, then the API; a 400 puts each message by its field).
import { type FormEvent, type ReactNode, useState } from 'react'
import { ApiError } from '../../api/client.ts'
import { Badge } from '../../components/bits.tsx'
import { ErrorMessage } from '../../components/feedback.tsx'
import type { FieldError } from '../../components/fields.tsx'
import { useI18n } from '../../i18n/i18n.tsx'
import { isOneLine, serverFieldErrors } from '../../lib/validate.ts'

export type FieldErrors = Record<string, FieldError>

/** A required one-line text of at most `max` characters (a name): the error, or null. */
export function checkName(value: string, max: number, required = true): FieldError {
  if (!value.trim()) return required ? { key: 'v.required' } : null
  return !isOneLine(value) || value.length > max ? { key: 'v.textLength', params: { min: 1, max } } : null
}

export function ActiveBadge({ active }: { active: boolean }) {
  const { t } = useI18n()
  return active ? (
    <Badge tone="done">{t('admin.active')}</Badge>
  ) : (
    <Badge tone="muted">{t('admin.inactive')}</Badge>
  )
}

/** A list of records: a caption for screen readers, the column headings and (unless read-only) a last column of actions. */
export function AdminTable({
  testId,
  caption,
  columns,
  actions = true,
  children,
}: {
  testId: string
  caption: string
  columns: string[]
  actions?: boolean
  children: ReactNode
}) {
  const { t } = useI18n()
  return (
    <div className="table-wrap">
      <table className="data-table" data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
            {actions && (
              <th scope="col">
                <span className="sr-only">{t('common.edit')}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  )
}

/**
 * The submit cycle of an admin form: `check()` returns the errors found in the page (nothing is sent
 * then); `send()` calls the API. A 400 puts the server's messages next to their fields.
 */
export function useAdminSubmit(check: () => FieldErrors, send: () => Promise<void>) {
  const [errors, setErrors] = useState<FieldErrors>({})
  const [failure, setFailure] = useState<unknown>(null)
  const [sending, setSending] = useState(false)
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    const found = Object.fromEntries(Object.entries(check()).filter(([, v]) => v))
    setErrors(found)
    if (Object.keys(found).length) return
    setSending(true)
    setFailure(null)
    try {
      await send()
    } catch (err) {
      if (err instanceof ApiError && err.status === 400)
        setErrors(serverFieldErrors(err.problem.errors).fields)
      setFailure(err)
    } finally {
      setSending(false)
    }
  }
  /** Clears a field's error as it is edited. */
  const clear = (field: string) => setErrors((old) => (old[field] ? { ...old, [field]: null } : old))
  return { errors, failure, sending, submit, clear }
}

/** The card of an edit form: its heading, the fields, the failure, save and cancel. */
export function AdminForm({
  id,
  title,
  form,
  onCancel,
  submitLabel,
  narrow = false,
  children,
}: {
  id: string
  title: ReactNode
  form: Pick<ReturnType<typeof useAdminSubmit>, 'failure' | 'sending' | 'submit'>
  onCancel(): void
  submitLabel?: string
  narrow?: boolean
  children: ReactNode
}) {
  const { t } = useI18n()
  return (
    <form
      className={narrow ? 'form card form-narrow' : 'form card'}
      onSubmit={form.submit}
      noValidate
      aria-labelledby={`${id}-h`}
    >
      <h2 id={`${id}-h`}>{title}</h2>
      {children}
      {form.failure ? <ErrorMessage error={form.failure} /> : null}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={form.sending}>
          {submitLabel ?? (form.sending ? t('common.saving') : t('common.save'))}
        </button>
        <button type="button" className="btn btn-ghost" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  )
}
