// Departments (admin): the tree, create, edit (with the version seen: a stale one is refused), deactivate
// and activate. Departments are never deleted: cases refer to them.
import { useState } from 'react'
import { ApiError, staffApi } from '../../api/client.ts'
import type { Department } from '../../api/types.ts'
import { PageHeading } from '../../components/bits.tsx'
import { AsyncView, ErrorMessage, Notice, useAsync } from '../../components/feedback.tsx'
import { SelectField, TextField } from '../../components/fields.tsx'
import { useI18n, useTitle } from '../../i18n/i18n.tsx'
import { invalidateDepartments } from '../staff/use-staff.ts'
import { ActiveBadge, AdminForm, AdminTable, checkName, useAdminSubmit } from './shared.tsx'

const CODE = /^[a-z0-9][a-z0-9-]{0,39}$/

/** Departments in tree order, each with its depth. */
function treeOrder(list: Department[]): Array<{ d: Department; depth: number }> {
  const children = new Map<string | null, Department[]>()
  for (const d of list) {
    const parent = d.parentId && list.some((p) => p.id === d.parentId) ? d.parentId : null
    children.set(parent, [...(children.get(parent) ?? []), d])
  }
  const out: Array<{ d: Department; depth: number }> = []
  const walk = (parent: string | null, depth: number) => {
    for (const d of (children.get(parent) ?? []).sort((a, b) => a.code.localeCompare(b.code))) {
      out.push({ d, depth })
      if (depth < 20) walk(d.id, depth + 1)
    }
  }
  walk(null, 0)
  return out
}

export function DepartmentsPage() {
  const { t, deptName } = useI18n()
  useTitle(t('admin.dept.title'))
  const state = useAsync((signal) => staffApi<{ items: Department[] }>('/departments', { signal }), [])
  const [editing, setEditing] = useState<Department | 'new' | null>(null)
  const [saved, setSaved] = useState(false)
  const [failure, setFailure] = useState<unknown>(null)

  const changed = () => {
    invalidateDepartments()
    setEditing(null)
    setSaved(true)
    state.reload()
  }

  const toggle = async (d: Department) => {
    setFailure(null)
    setSaved(false)
    try {
      if (d.active) {
        if (!window.confirm(t('admin.confirmDeactivate', { name: deptName(d) }))) return
        await staffApi(`/departments/${encodeURIComponent(d.id)}`, { method: 'DELETE' })
      } else {
        await staffApi(`/departments/${encodeURIComponent(d.id)}`, {
          method: 'PATCH',
          body: { active: true, version: d.version },
        })
      }
      changed()
    } catch (err) {
      setFailure(err)
      if (err instanceof ApiError && err.kind === 'stale-version') state.reload()
    }
  }

  return (
    <>
      <PageHeading>{t('admin.dept.title')}</PageHeading>
      {saved && <Notice kind="success">{t('admin.saved')}</Notice>}
      {failure ? <ErrorMessage error={failure} /> : null}
      <p>
        <button
          type="button"
          className="btn btn-primary"
          onClick={() => {
            setSaved(false)
            setEditing('new')
          }}
        >
          {t('admin.dept.create')}
        </button>
      </p>
      <AsyncView state={state}>
        {(data) => (
          <>
            {editing && (
              <DepartmentForm
                key={editing === 'new' ? 'new' : `${editing.id}-${editing.version}`}
                department={editing === 'new' ? null : editing}
                all={data.items}
                onSaved={changed}
                onCancel={() => setEditing(null)}
              />
            )}
            <AdminTable
              testId="departments"
              caption={t('admin.dept.title')}
              columns={[
                t('admin.dept.name'),
                t('admin.dept.nameEn'),
                t('admin.dept.code'),
                t('admin.dept.status'),
              ]}
            >
              {treeOrder(data.items).map(({ d, depth }) => (
                <tr key={d.id}>
                  <th scope="row" style={{ paddingInlineStart: `${0.75 + depth * 1.25}rem` }}>
                    {depth > 0 && <span aria-hidden="true">└ </span>}
                    {d.name}
                  </th>
                  <td>{d.nameEn ?? '—'}</td>
                  <td className="mono">{d.code}</td>
                  <td>
                    <ActiveBadge active={d.active} />
                  </td>
                  <td className="row-actions">
                    <button
                      type="button"
                      className="btn btn-secondary btn-small"
                      onClick={() => {
                        setSaved(false)
                        setEditing(d)
                      }}
                      aria-label={`${t('common.edit')} ${deptName(d)}`}
                    >
                      {t('common.edit')}
                    </button>
                    <button type="button" className="btn btn-ghost btn-small" onClick={() => void toggle(d)}>
                      {d.active ? t('admin.dept.deactivate') : t('admin.dept.activate')}
                    </button>
                  </td>
                </tr>
              ))}
            </AdminTable>
          </>
        )}
      </AsyncView>
    </>
  )
}

function DepartmentForm({
  department,
  all,
  onSaved,
  onCancel,
}: {
  department: Department | null
  all: Department[]
  onSaved(): void
  onCancel(): void
}) {
  const { t, deptName } = useI18n()
  const [code, setCode] = useState(department?.code ?? '')
  const [name, setName] = useState(department?.name ?? '')
  const [nameEn, setNameEn] = useState(department?.nameEn ?? '')
  const [parentId, setParentId] = useState(department?.parentId ?? '')
  const form = useAdminSubmit(
    () => ({
      code: CODE.test(code) ? null : { key: 'v.deptCode' },
      name: checkName(name, 100),
      nameEn: checkName(nameEn, 100, false),
    }),
    async () => {
      if (department) {
        await staffApi(`/departments/${encodeURIComponent(department.id)}`, {
          method: 'PATCH',
          body: {
            code,
            name: name.trim(),
            nameEn: nameEn.trim() || null,
            parentId: parentId || null,
            version: department.version,
          },
        })
      } else {
        await staffApi('/departments', {
          method: 'POST',
          body: {
            code,
            name: name.trim(),
            ...(nameEn.trim() ? { nameEn: nameEn.trim() } : {}),
            ...(parentId ? { parentId } : {}),
          },
        })
      }
      onSaved()
    },
  )
  const { errors } = form

  return (
    <AdminForm
      id="dept-form"
      title={department ? t('admin.dept.edit', { name: deptName(department) }) : t('admin.dept.create')}
      form={form}
      onCancel={onCancel}
    >
      <div className="grid-2">
        <TextField
          id="dept-code"
          label={t('admin.dept.code')}
          hint={t('v.deptCode')}
          required
          className="mono"
          maxLength={40}
          value={code}
          onChange={(e) => setCode(e.target.value)}
          error={errors.code}
        />
        <SelectField
          id="dept-parent"
          label={t('admin.dept.parent')}
          value={parentId}
          onChange={(e) => setParentId(e.target.value)}
          error={errors.parentId}
        >
          <option value="">{t('admin.dept.noParent')}</option>
          {all
            .filter((d) => d.active && d.id !== department?.id)
            .map((d) => (
              <option key={d.id} value={d.id}>
                {deptName(d)}
              </option>
            ))}
        </SelectField>
        <TextField
          id="dept-name"
          label={t('admin.dept.name')}
          required
          maxLength={100}
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={errors.name}
        />
        <TextField
          id="dept-name-en"
          label={t('admin.dept.nameEn')}
          maxLength={100}
          value={nameEn}
          onChange={(e) => setNameEn(e.target.value)}
          error={errors.nameEn}
        />
      </div>
    </AdminForm>
  )
}
