// Form fields: every control has a visible label, an optional hint and its error, tied together with
// aria-describedby / aria-invalid so that screen readers read them with the field.
import {
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  useId,
} from 'react'
import { useI18n } from '../i18n/i18n.tsx'
import type { FieldErrors } from '../lib/validate.ts'

export type FieldError = FieldErrors[string] | undefined | null

export function useFieldMessage(): (e: FieldError) => string | null {
  const { t } = useI18n()
  return (e) => {
    if (!e) return null
    if (typeof e === 'string') return e
    return t(e.key, e.params)
  }
}

interface FieldShell {
  label: ReactNode
  hint?: ReactNode
  error?: FieldError
  required?: boolean
  /** Shown after the label: a character counter, for instance. */
  extra?: ReactNode
}

function Label({ htmlFor, label, required }: { htmlFor: string; label: ReactNode; required?: boolean }) {
  const { t } = useI18n()
  return (
    <label htmlFor={htmlFor} className="field-label">
      {label}
      <span className={required ? 'req' : 'opt'}>
        {required ? t('common.required') : t('common.optional')}
      </span>
    </label>
  )
}

function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean)
  return ids.length ? ids.join(' ') : undefined
}

function Help({ id, hint, message }: { id: string; hint?: ReactNode; message: string | null }) {
  return (
    <>
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      {message && (
        <p id={`${id}-error`} className="field-error">
          {message}
        </p>
      )}
    </>
  )
}

export function TextField({
  label,
  hint,
  error,
  required,
  extra,
  id: givenId,
  ...input
}: FieldShell & InputHTMLAttributes<HTMLInputElement>) {
  const auto = useId()
  const id = givenId ?? auto
  const msg = useFieldMessage()(error)
  return (
    <div className={`field${msg ? ' has-error' : ''}`}>
      <div className="field-head">
        <Label htmlFor={id} label={label} required={required} />
        {extra}
      </div>
      <input
        id={id}
        aria-invalid={msg ? true : undefined}
        aria-required={required || undefined}
        aria-describedby={describedBy(id, hint, msg)}
        {...input}
      />
      <Help id={id} hint={hint} message={msg} />
    </div>
  )
}

export function TextArea({
  label,
  hint,
  error,
  required,
  extra,
  id: givenId,
  ...input
}: FieldShell & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const auto = useId()
  const id = givenId ?? auto
  const msg = useFieldMessage()(error)
  return (
    <div className={`field${msg ? ' has-error' : ''}`}>
      <div className="field-head">
        <Label htmlFor={id} label={label} required={required} />
        {extra}
      </div>
      <textarea
        id={id}
        aria-invalid={msg ? true : undefined}
        aria-required={required || undefined}
        aria-describedby={describedBy(id, hint, msg)}
        {...input}
      />
      <Help id={id} hint={hint} message={msg} />
    </div>
  )
}

export function SelectField({
  label,
  hint,
  error,
  required,
  id: givenId,
  children,
  ...select
}: FieldShell & SelectHTMLAttributes<HTMLSelectElement>) {
  const auto = useId()
  const id = givenId ?? auto
  const msg = useFieldMessage()(error)
  return (
    <div className={`field${msg ? ' has-error' : ''}`}>
      <Label htmlFor={id} label={label} required={required} />
      <select
        id={id}
        aria-invalid={msg ? true : undefined}
        aria-required={required || undefined}
        aria-describedby={describedBy(id, hint, msg)}
        {...select}
      >
        {children}
      </select>
      <Help id={id} hint={hint} message={msg} />
    </div>
  )
}

export function CheckboxField({
  label,
  hint,
  error,
  id: givenId,
  ...input
}: Omit<FieldShell, 'required'> & InputHTMLAttributes<HTMLInputElement>) {
  const auto = useId()
  const id = givenId ?? auto
  const msg = useFieldMessage()(error)
  return (
    <div className={`field field-check${msg ? ' has-error' : ''}`}>
      <input
        type="checkbox"
        id={id}
        aria-invalid={msg ? true : undefined}
        aria-describedby={describedBy(id, hint, msg)}
        {...input}
      />
      <label htmlFor={id}>{label}</label>
      <Help id={id} hint={hint} message={msg} />
    </div>
  )
}

export interface Choice {
  value: string
  label: ReactNode
  hint?: ReactNode
}

/** Radio buttons in a fieldset whose legend is the label. */
export function RadioGroup({
  legend,
  name,
  value,
  choices,
  onChange,
  error,
  hint,
  required,
  inline,
  id: firstId,
}: {
  /** The id of the first radio button (for links from the error summary). */
  id?: string
  legend: ReactNode
  name: string
  value: string
  choices: Choice[]
  onChange(value: string): void
  error?: FieldError
  hint?: ReactNode
  required?: boolean
  inline?: boolean
}) {
  const id = useId()
  const { t } = useI18n()
  const msg = useFieldMessage()(error)
  return (
    <fieldset
      className={`field radio-group${inline ? ' inline' : ''}${msg ? ' has-error' : ''}`}
      aria-describedby={describedBy(id, hint, msg)}
      aria-invalid={msg ? true : undefined}
    >
      <legend className="field-label">
        {legend}
        <span className={required ? 'req' : 'opt'}>
          {required ? t('common.required') : t('common.optional')}
        </span>
      </legend>
      <div className="choices">
        {choices.map((c, i) => (
          <label key={c.value} className="choice">
            <input
              id={i === 0 ? firstId : undefined}
              type="radio"
              name={name}
              value={c.value}
              checked={value === c.value}
              onChange={() => onChange(c.value)}
            />
            <span>
              <span className="choice-label">{c.label}</span>
              {c.hint && <span className="choice-hint">{c.hint}</span>}
            </span>
          </label>
        ))}
      </div>
      <Help id={id} hint={hint} message={msg} />
    </fieldset>
  )
}

/** Checkboxes for a set of values (roles, supporting departments). */
export function CheckboxGroup({
  legend,
  values,
  choices,
  onChange,
  error,
  required,
}: {
  legend: ReactNode
  values: string[]
  choices: Choice[]
  onChange(values: string[]): void
  error?: FieldError
  required?: boolean
}) {
  const id = useId()
  const { t } = useI18n()
  const msg = useFieldMessage()(error)
  return (
    <fieldset
      className={`field check-group${msg ? ' has-error' : ''}`}
      aria-describedby={describedBy(id, null, msg)}
    >
      <legend className="field-label">
        {legend}
        <span className={required ? 'req' : 'opt'}>
          {required ? t('common.required') : t('common.optional')}
        </span>
      </legend>
      <div className="choices">
        {choices.map((c) => (
          <label key={c.value} className="choice">
            <input
              type="checkbox"
              checked={values.includes(c.value)}
              onChange={(e) =>
                onChange(e.target.checked ? [...values, c.value] : values.filter((v) => v !== c.value))
              }
            />
            <span className="choice-label">{c.label}</span>
          </label>
        ))}
      </div>
      <Help id={id} message={msg} />
    </fieldset>
  )
}

/** A summary of the form's errors, focused after a failed submit, with links to the fields. */
export function ErrorSummary({
  errors,
  labels,
  idFor,
}: {
  errors: Record<string, FieldError>
  labels: Record<string, ReactNode>
  idFor: (field: string) => string
}) {
  const { t } = useI18n()
  const msg = useFieldMessage()
  const entries = Object.entries(errors).filter(([, e]) => e)
  if (!entries.length) return null
  return (
    <div className="alert alert-error" role="alert" tabIndex={-1} id="error-summary">
      <p className="alert-title">{t('error.form', { n: entries.length })}</p>
      <ul>
        {entries.map(([field, e]) => (
          <li key={field}>
            <a
              href={`#${idFor(field)}`}
              onClick={(ev) => {
                ev.preventDefault()
                document.getElementById(idFor(field))?.focus()
              }}
            >
              {labels[field] ?? field}: {msg(e)}
            </a>
          </li>
        ))}
      </ul>
    </div>
  )
}
