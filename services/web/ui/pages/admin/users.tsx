// Staff accounts (admin): list with filters and paging, create, edit (roles, department, active; with the
// version seen), reset a password, deactivate. Passwords are never shown.
import { useCallback, useEffect, useState } from 'react'
import { staffApi } from '../../api/client.ts'
import { type Page, ROLES, type Role, type StaffUser } from '../../api/types.ts'
import { PageHeading } from '../../components/bits.tsx'
import { ErrorMessage, Loading, Notice } from '../../components/feedback.tsx'
import { CheckboxField, CheckboxGroup, SelectField, TextField } from '../../components/fields.tsx'
import { useI18n, useTitle } from '../../i18n/i18n.tsx'
import { isValidEmail } from '../../lib/validate.ts'
import { useDepartments } from '../staff/use-staff.ts'
import { ActiveBadge, AdminForm, AdminTable, checkName, useAdminSubmit } from './shared.tsx'

const USERNAME = /^[a-z0-9][a-z0-9._-]{1,63}$/
const DEPARTMENT_ROLES: Role[] = ['handler', 'dept_lead']

export function UsersPage() {
  const { t, tx, deptName } = useI18n()
  useTitle(t('admin.user.title'))
  const { list: departments, byId } = useDepartments()
  const [filters, setFilters] = useState<{ departmentId: string; role: string; active: string }>({
    departmentId: '',
    role: '',
    active: '',
  })
  const [items, setItems] = useState<StaffUser[]>([])
  const [cursor, setCursor] = useState<string | null>(null)
  const [loading, setLoading] = useState(false)
  const [failure, setFailure] = useState<unknown>(null)
  const [editing, setEditing] = useState<StaffUser | 'new' | null>(null)
  const [resetting, setResetting] = useState<StaffUser | null>(null)
  const [message, setMessage] = useState<'admin.saved' | 'admin.user.passwordReset' | null>(null)

  const load = useCallback(
    async (from: string | null) => {
      setLoading(true)
      setFailure(null)
      try {
        const page = await staffApi<Page<StaffUser>>('/users', {
          query: { ...filters, limit: 50, cursor: from },
        })
        setItems((prev) => (from ? [...prev, ...page.items] : page.items))
        setCursor(page.nextCursor)
      } catch (err) {
        setFailure(err)
      } finally {
        setLoading(false)
      }
    },
    [filters],
  )
  useEffect(() => {
    void load(null)
  }, [load])

  const saved = (what: 'admin.saved' | 'admin.user.passwordReset') => {
    setEditing(null)
    setResetting(null)
    setMessage(what)
    void load(null)
  }

  const deactivate = async (u: StaffUser) => {
    if (!window.confirm(t('admin.confirmDeactivate', { name: u.displayName }))) return
    setFailure(null)
    try {
      await staffApi(`/users/${encodeURIComponent(u.id)}`, { method: 'DELETE' })
      saved('admin.saved')
    } catch (err) {
      setFailure(err)
    }
  }

  return (
    <>
      <PageHeading>{t('admin.user.title')}</PageHeading>
      {message && <Notice kind="success">{t(message)}</Notice>}
      <form className="card filters" onSubmit={(e) => e.preventDefault()} aria-label={t('common.search')}>
        <SelectField
          id="users-dept"
          label={t('admin.filter.department')}
          value={filters.departmentId}
          onChange={(e) => setFilters((f) => ({ ...f, departmentId: e.target.value }))}
        >
          <option value="">{t('common.all')}</option>
          {departments.map((d) => (
            <option key={d.id} value={d.id}>
              {deptName(d)}
            </option>
          ))}
        </SelectField>
        <SelectField
          id="users-role"
          label={t('admin.filter.role')}
          value={filters.role}
          onChange={(e) => setFilters((f) => ({ ...f, role: e.target.value }))}
        >
          <option value="">{t('common.all')}</option>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {tx('role', r)}
            </option>
          ))}
        </SelectField>
        <SelectField
          id="users-active"
          label={t('admin.filter.active')}
          value={filters.active}
          onChange={(e) => setFilters((f) => ({ ...f, active: e.target.value }))}
        >
          <option value="">{t('common.all')}</option>
          <option value="true">{t('admin.active')}</option>
          <option value="false">{t('admin.inactive')}</option>
        </SelectField>
      </form>
      <p>
        <button
          type="button"
          className="btn btn-primary"
          onClick={() => {
            setMessage(null)
            setResetting(null)
            setEditing('new')
          }}
        >
          {t('admin.user.create')}
        </button>
      </p>
      {editing && (
        <UserForm
          key={editing === 'new' ? 'new' : `${editing.id}-${editing.version}`}
          user={editing === 'new' ? null : editing}
          onSaved={() => saved('admin.saved')}
          onCancel={() => setEditing(null)}
        />
      )}
      {resetting && (
        <PasswordForm
          user={resetting}
          onSaved={() => saved('admin.user.passwordReset')}
          onCancel={() => setResetting(null)}
        />
      )}
      {failure ? <ErrorMessage error={failure} onRetry={() => void load(null)} /> : null}
      <AdminTable
        testId="users"
        caption={t('admin.user.title')}
        columns={[
          t('admin.user.username'),
          t('admin.user.displayName'),
          t('admin.user.roles'),
          t('admin.user.department'),
          t('admin.dept.status'),
        ]}
      >
        {items.map((u) => (
          <tr key={u.id}>
            <th scope="row" className="mono">
              {u.username}
            </th>
            <td>{u.displayName}</td>
            <td>{u.roles.map((r) => tx('role', r)).join('、')}</td>
            <td>{u.departmentId ? deptName(byId.get(u.departmentId)) : '—'}</td>
            <td>
              <ActiveBadge active={u.active} />
            </td>
            <td className="row-actions">
              <button
                type="button"
                className="btn btn-secondary btn-small"
                aria-label={`${t('common.edit')} ${u.username}`}
                onClick={() => {
                  setMessage(null)
                  setResetting(null)
                  setEditing(u)
                }}
              >
                {t('common.edit')}
              </button>
              <button
                type="button"
                className="btn btn-ghost btn-small"
                aria-label={`${t('admin.user.resetPassword')} ${u.username}`}
                onClick={() => {
                  setMessage(null)
                  setEditing(null)
                  setResetting(u)
                }}
              >
                {t('admin.user.resetPassword')}
              </button>
              {u.active && (
                <button type="button" className="btn btn-ghost btn-small" onClick={() => void deactivate(u)}>
                  {t('admin.user.deactivate')}
                </button>
              )}
            </td>
          </tr>
        ))}
      </AdminTable>
      {!loading && items.length === 0 && !failure && <p className="empty">{t('common.noResults')}</p>}
      {loading && <Loading />}
      {cursor && !loading && (
        <p className="center">
          <button type="button" className="btn btn-secondary" onClick={() => void load(cursor)}>
            {t('common.more')}
          </button>
        </p>
      )}
    </>
  )
}

function UserForm({
  user,
  onSaved,
  onCancel,
}: {
  user: StaffUser | null
  onSaved(): void
  onCancel(): void
}) {
  const { t, tx, deptName } = useI18n()
  const { list: departments } = useDepartments()
  const [username, setUsername] = useState(user?.username ?? '')
  const [displayName, setDisplayName] = useState(user?.displayName ?? '')
  const [email, setEmail] = useState(user?.email ?? '')
  const [roles, setRoles] = useState<string[]>(user?.roles ?? [])
  const [departmentId, setDepartmentId] = useState(user?.departmentId ?? '')
  const [active, setActive] = useState(user?.active ?? true)
  const [password, setPassword] = useState('')
  const form = useAdminSubmit(
    () => ({
      username: user || USERNAME.test(username) ? null : { key: 'v.username' },
      displayName: checkName(displayName, 100),
      email: email.trim() && !isValidEmail(email) ? { key: 'v.email' } : null,
      roles: roles.length ? null : { key: 'v.roles' },
      departmentId:
        roles.some((r) => DEPARTMENT_ROLES.includes(r as Role)) && !departmentId
          ? { key: 'v.departmentForRole' }
          : null,
      password: !user && (password.length < 10 || password.length > 256) ? { key: 'v.password' } : null,
    }),
    async () => {
      if (user) {
        await staffApi(`/users/${encodeURIComponent(user.id)}`, {
          method: 'PATCH',
          body: {
            displayName: displayName.trim(),
            email: email.trim() || null,
            roles,
            departmentId: departmentId || null,
            active,
            version: user.version,
          },
        })
      } else {
        await staffApi('/users', {
          method: 'POST',
          body: {
            username,
            displayName: displayName.trim(),
            ...(email.trim() ? { email: email.trim() } : {}),
            roles,
            ...(departmentId ? { departmentId } : {}),
            password,
          },
        })
      }
      onSaved()
    },
  )
  const { errors } = form

  return (
    <AdminForm
      id="user-form"
      title={user ? t('admin.user.edit', { name: user.username }) : t('admin.user.create')}
      form={form}
      onCancel={onCancel}
    >
      <div className="grid-2">
        <TextField
          id="user-username"
          label={t('admin.user.username')}
          hint={user ? undefined : t('v.username')}
          required
          className="mono"
          maxLength={64}
          autoComplete="off"
          value={username}
          disabled={Boolean(user)}
          onChange={(e) => setUsername(e.target.value)}
          error={errors.username}
        />
        <TextField
          id="user-display"
          label={t('admin.user.displayName')}
          required
          maxLength={100}
          value={displayName}
          onChange={(e) => setDisplayName(e.target.value)}
          error={errors.displayName}
        />
        <TextField
          id="user-email"
          type="email"
          label={t('admin.user.email')}
          maxLength={254}
          autoComplete="off"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={errors.email}
        />
        <SelectField
          id="user-department"
          label={t('admin.user.department')}
          value={departmentId}
          onChange={(e) => setDepartmentId(e.target.value)}
          error={errors.departmentId}
        >
          <option value="">{t('admin.user.noDepartment')}</option>
          {departments
            .filter((d) => d.active || d.id === departmentId)
            .map((d) => (
              <option key={d.id} value={d.id}>
                {deptName(d)}
              </option>
            ))}
        </SelectField>
      </div>
      <CheckboxGroup
        legend={t('admin.user.roles')}
        required
        values={roles}
        onChange={setRoles}
        error={errors.roles}
        choices={ROLES.map((r) => ({ value: r, label: tx('role', r) }))}
      />
      {user ? (
        <CheckboxField
          id="user-active"
          label={t('admin.active')}
          checked={active}
          onChange={(e) => setActive(e.target.checked)}
        />
      ) : (
        <TextField
          id="user-password"
          type="password"
          label={t('admin.user.password')}
          hint={t('v.password')}
          required
          autoComplete="new-password"
          maxLength={256}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={errors.password}
        />
      )}
    </AdminForm>
  )
}

function PasswordForm({ user, onSaved, onCancel }: { user: StaffUser; onSaved(): void; onCancel(): void }) {
  const { t } = useI18n()
  const [password, setPassword] = useState('')
  const form = useAdminSubmit(
    () => ({ password: password.length < 10 || password.length > 256 ? { key: 'v.password' } : null }),
    async () => {
      await staffApi(`/users/${encodeURIComponent(user.id)}/password`, { method: 'POST', body: { password } })
      onSaved()
    },
  )
  return (
    <AdminForm
      id="pw-form"
      narrow
      title={
        <>
          {t('admin.user.resetPassword')}: <span className="mono">{user.username}</span>
        </>
      }
      form={form}
      submitLabel={t('admin.user.resetPassword')}
      onCancel={onCancel}
    >
      <TextField
        id="reset-password"
        type="password"
        label={t('admin.user.newPassword')}
        hint={t('v.password')}
        required
        autoComplete="new-password"
        maxLength={256}
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={form.errors.password}
      />
    </AdminForm>
  )
}
