// Staff sign-in: POST /api/v1/auth/login; the access token then lives in memory, the refresh token in
// identity's HttpOnly cookie (api/session.ts).
import { type FormEvent, useEffect, useState } from 'react'
import { ApiError, publicApi } from '../../api/client.ts'
import { session } from '../../api/session.ts'
import type { Tokens } from '../../api/types.ts'
import { PageHeading } from '../../components/bits.tsx'
import { ErrorMessage, Notice } from '../../components/feedback.tsx'
import { type FieldError, TextField } from '../../components/fields.tsx'
import { useI18n, useTitle } from '../../i18n/i18n.tsx'
import { navigate, useSearchParams } from '../../lib/router.tsx'
import { useSession } from './use-staff.ts'

/** Only paths inside the staff console: never an open redirect. */
function safeNext(next: string | null): string {
  return next && /^\/staff(\/[A-Za-z0-9/_\-.%?=&]*)?$/.test(next) && !next.startsWith('//') ? next : '/staff'
}

export function LoginPage() {
  const { t } = useI18n()
  useTitle(t('staff.login.title'))
  const params = useSearchParams()
  const { ended, state, status } = useSession()
  const signedIn = Boolean(state)
  // signed in already (in another tab: the cookie is shared; the back button): straight to the console
  useEffect(() => {
    if (status === 'unknown') void session.resume()
  }, [status])
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when the session appears
  useEffect(() => {
    if (signedIn) navigate(safeNext(params.get('next')), { replace: true })
  }, [signedIn])
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const [errors, setErrors] = useState<Record<string, FieldError>>({})
  const [failure, setFailure] = useState<unknown>(null)
  const [sending, setSending] = useState(false)

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    const errs: Record<string, FieldError> = {}
    if (!username.trim()) errs.username = { key: 'v.required' }
    if (!password) errs.password = { key: 'v.required' }
    setErrors(errs)
    if (Object.keys(errs).length) return
    setSending(true)
    setFailure(null)
    try {
      const tokens = await publicApi<Tokens>('/auth/login', {
        method: 'POST',
        body: { username: username.trim(), password },
      })
      session.start(tokens)
    } catch (err) {
      setFailure(err)
      setPassword('')
    } finally {
      setSending(false)
    }
  }

  const invalid = failure instanceof ApiError && failure.status === 401
  return (
    <div className="login-page">
      <PageHeading lead={t('staff.login.intro')}>{t('staff.login.title')}</PageHeading>
      {ended === 'expired' && <Notice kind="warning">{t('staff.login.expired')}</Notice>}
      {ended === 'logout' && <Notice kind="success">{t('staff.login.loggedOut')}</Notice>}
      <form className="form card form-narrow" onSubmit={submit} noValidate>
        <TextField
          id="login-username"
          label={t('staff.login.username')}
          required
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          maxLength={128}
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          error={errors.username}
        />
        <TextField
          id="login-password"
          type="password"
          label={t('staff.login.password')}
          required
          autoComplete="current-password"
          maxLength={1024}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={errors.password}
        />
        {invalid ? (
          <div className="alert alert-error" role="alert">
            <p className="alert-title">{t('staff.login.invalid')}</p>
          </div>
        ) : failure ? (
          <ErrorMessage error={failure} />
        ) : null}
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={sending}>
            {sending ? t('common.submitting') : t('staff.login.submit')}
          </button>
        </div>
      </form>
    </div>
  )
}
