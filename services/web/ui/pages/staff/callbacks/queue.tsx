// The callback officer's queue (回访工作台): "next task" (the service picks the task due soonest, then
// oldest, and claims it; outside calling hours it says when the next window opens), the officer's claimed
// tasks, the open ones (supervisors: every task, filtered by status and service type), and the officer's
// own phone, which rings first when a call is placed.
import { type FormEvent, useEffect, useState } from 'react'
import {
  AGENT_ROLES,
  CB,
  ENDPOINT,
  type NextTask,
  type OfficerView,
  TASK_STATUSES,
  type TaskList,
  type TaskStatus,
  type TaskView,
  taskPage,
} from '../../../api/callbacks.ts'
import { ApiError, staffApi } from '../../../api/client.ts'
import type { SessionUser } from '../../../api/types.ts'
import { PageHeading } from '../../../components/bits.tsx'
import { AsyncView, ErrorMessage, Notice, useAsync } from '../../../components/feedback.tsx'
import { type FieldError, SelectField, TextField } from '../../../components/fields.tsx'
import { hasRole } from '../../../components/layout.tsx'
import { useI18n, useTitle } from '../../../i18n/i18n.tsx'
import { Link, navigate, useSearchParams } from '../../../lib/router.tsx'
import { useDeptName } from '../rectification/shared.tsx'
import { SubjectText, TaskStatusBadge, useServiceType } from './shared.tsx'

/** The officer's phone (PUT /officers/me): an E.164 number or a soft phone `client:<name>`. */
function OfficerPhone() {
  const { t } = useI18n()
  const state = useAsync((signal) => staffApi<OfficerView>(`${CB}/officers/me`, { signal }), [])
  const [endpoint, setEndpoint] = useState('')
  const [error, setError] = useState<FieldError>(null)
  const [failure, setFailure] = useState<unknown>(null)
  const [saved, setSaved] = useState(false)
  const [saving, setSaving] = useState(false)
  const current = state.data?.endpoint
  useEffect(() => {
    if (current) setEndpoint(current)
  }, [current])
  const save = async (e: FormEvent) => {
    e.preventDefault()
    setFailure(null)
    setSaved(false)
    const value = endpoint.trim()
    if (!value) return setError({ key: 'v.required' })
    if (!ENDPOINT.test(value)) return setError({ key: 'hl.v.endpoint' })
    setError(null)
    setSaving(true)
    try {
      state.set(
        await staffApi<OfficerView>(`${CB}/officers/me`, { method: 'PUT', body: { endpoint: value } }),
      )
      setSaved(true)
    } catch (err) {
      if (err instanceof ApiError && err.status === 400) setError(err.problem.detail ?? t('error.400'))
      else setFailure(err)
    } finally {
      setSaving(false)
    }
  }
  return (
    <section className="card" aria-labelledby="cb-phone-h" data-testid="cb-officer-phone">
      <h2 id="cb-phone-h">{t('cb.queue.phone')}</h2>
      <p className="muted small">{t('cb.queue.phone.intro')}</p>
      <form onSubmit={save} noValidate className="cb-phone-form">
        <TextField
          id="cb-endpoint"
          label={t('hl.console.endpoint')}
          hint={t('hl.console.endpoint.hint')}
          required
          value={endpoint}
          onChange={(e) => {
            setEndpoint(e.target.value)
            setError(null)
            setSaved(false)
          }}
          error={error}
          autoComplete="off"
          inputMode="tel"
        />
        <button type="submit" className="btn btn-secondary" disabled={saving} data-testid="cb-endpoint-save">
          {t('common.save')}
        </button>
      </form>
      {saved && <Notice kind="success">{t('cb.queue.phone.saved')}</Notice>}
      {state.error && !(state.error instanceof ApiError && state.error.status === 404) ? (
        <ErrorMessage error={state.error} onRetry={state.reload} />
      ) : null}
      {failure ? <ErrorMessage error={failure} /> : null}
    </section>
  )
}

/** Outside calling hours: the service names the next window's start (an ISO instant) in the detail. */
const OUTSIDE_HOURS = 'TJ_OUTSIDE_CALLING_HOURS'
export function nextWindowOf(err: ApiError): string | null {
  const at = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})/.exec(
    err.problem.detail ?? '',
  )?.[0]
  return at && !Number.isNaN(Date.parse(at)) ? at : null
}

function NextTaskCard() {
  const { t, dateTime } = useI18n()
  const [busy, setBusy] = useState(false)
  const [closed, setClosed] = useState<{ at: string | null; detail: string | null } | null>(null)
  const [empty, setEmpty] = useState(false)
  const [failure, setFailure] = useState<unknown>(null)
  const next = async () => {
    setBusy(true)
    setFailure(null)
    setClosed(null)
    setEmpty(false)
    try {
      // 204: nothing is due
      const answer = await staffApi<NextTask | undefined>(`${CB}/tasks/next`, { method: 'POST' })
      if (answer) navigate(taskPage(answer.task.id))
      else setEmpty(true)
    } catch (err) {
      if (err instanceof ApiError && err.problem.code === OUTSIDE_HOURS) {
        const at = nextWindowOf(err)
        setClosed({ at, detail: at ? null : (err.problem.detail ?? null) })
      } else setFailure(err)
    } finally {
      setBusy(false)
    }
  }
  return (
    <section className="card cb-next" aria-labelledby="cb-next-h">
      <h2 id="cb-next-h">{t('cb.queue.next')}</h2>
      <p className="muted small">{t('cb.queue.next.intro')}</p>
      <button
        type="button"
        className="btn btn-primary"
        onClick={() => void next()}
        disabled={busy}
        data-testid="cb-next"
      >
        {busy ? t('common.loading') : t('cb.queue.next.button')}
      </button>
      {closed && (
        <div className="alert alert-warning" role="status" data-testid="cb-closed">
          <p className="alert-title">{t('cb.queue.closed')}</p>
          {closed.at && <p>{t('cb.queue.closed.next', { at: dateTime(closed.at) })}</p>}
          {closed.detail && <p className="small">{closed.detail}</p>}
        </div>
      )}
      {empty && (
        <Notice kind="info">
          <span data-testid="cb-none-due">{t('cb.queue.none')}</span>
        </Notice>
      )}
      {failure ? <ErrorMessage error={failure} /> : null}
    </section>
  )
}

export function TaskTable({
  items,
  caption,
  testId,
}: {
  items: TaskView[]
  caption: string
  testId: string
}) {
  const { t, dateTime } = useI18n()
  const dept = useDeptName()
  const type = useServiceType()
  if (!items.length)
    return (
      <p className="empty" data-testid={`${testId}-empty`}>
        {t('cb.queue.empty')}
      </p>
    )
  return (
    <div className="table-wrap">
      <table className="data-table" data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('cb.col.subject')}</th>
            <th scope="col">{t('cb.col.type')}</th>
            <th scope="col">{t('cb.col.department')}</th>
            <th scope="col">{t('cb.col.phone')}</th>
            <th scope="col">{t('cb.col.dueFrom')}</th>
            <th scope="col">{t('cb.col.attempts')}</th>
            <th scope="col">{t('cb.col.status')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((task) => (
            <tr key={task.id} data-task={task.id}>
              <th scope="row">
                <Link to={taskPage(task.id)}>
                  <SubjectText task={task} />
                </Link>
              </th>
              <td>
                {type(task.serviceType)}
                {task.mode === 'automated' && (
                  <span className="muted small"> · {t('cb.mode.automated')}</span>
                )}
              </td>
              <td>
                {dept(task.departmentId)}
                {task.office && <span className="muted small"> · {task.office}</span>}
              </td>
              <td className="mono">{task.phoneMasked}</td>
              <td>
                {dateTime(task.dueFrom)}
                {task.notBefore && (
                  <span className="muted small">
                    {' '}
                    · {t('cb.task.notBefore', { at: dateTime(task.notBefore) })}
                  </span>
                )}
              </td>
              <td className="num">{task.attempts.length}</td>
              <td>
                <TaskStatusBadge status={task.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

function TaskListSection({
  title,
  query,
  testId,
}: {
  title: string
  query: Record<string, string | boolean | number | undefined>
  testId: string
}) {
  const state = useAsync(
    (signal) => staffApi<TaskList>(`${CB}/tasks`, { query: { limit: 100, ...query }, signal }),
    [JSON.stringify(query)],
  )
  const headingId = `${testId}-h`
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      <AsyncView state={state}>
        {(data) => <TaskTable items={data.items} caption={title} testId={testId} />}
      </AsyncView>
    </section>
  )
}

export function CallbackQueuePage({ user }: { user: SessionUser }) {
  const { t, tx } = useI18n()
  useTitle(t('cb.queue.title'))
  const params = useSearchParams()
  const supervisor = hasRole(user, 'supervisor')
  const agent = hasRole(user, ...AGENT_ROLES)
  const asked = params.get('status') ?? ''
  const status = (TASK_STATUSES as readonly string[]).includes(asked) ? (asked as TaskStatus) : 'open'
  const serviceType = params.get('serviceType') ?? ''
  const [typeFilter, setTypeFilter] = useState(serviceType)
  const filter = (next: { status?: string; serviceType?: string }) => {
    const q = new URLSearchParams()
    const s = next.status ?? status
    const ty = next.serviceType ?? serviceType
    if (s !== 'open') q.set('status', s)
    if (ty) q.set('serviceType', ty)
    const qs = q.toString()
    navigate(`/staff/callbacks${qs ? `?${qs}` : ''}`, { replace: true })
  }
  return (
    <>
      <PageHeading lead={t('cb.queue.intro')}>{t('cb.queue.title')}</PageHeading>
      {agent && (
        <div className="cb-queue-top">
          <NextTaskCard />
          <OfficerPhone />
        </div>
      )}
      {agent && (
        <TaskListSection
          title={t('cb.queue.mine')}
          query={{ mine: true, status: 'claimed' }}
          testId="cb-mine"
        />
      )}
      {supervisor ? (
        <section className="card" aria-labelledby="cb-all-h">
          <h2 id="cb-all-h">{t('cb.queue.all')}</h2>
          <form
            className="filters"
            onSubmit={(e) => {
              e.preventDefault()
              filter({ serviceType: typeFilter.trim() })
            }}
          >
            <SelectField
              id="cb-filter-status"
              label={t('cb.col.status')}
              value={status}
              onChange={(e) => filter({ status: e.target.value })}
            >
              {TASK_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {tx('cb.status', s)}
                </option>
              ))}
            </SelectField>
            <TextField
              id="cb-filter-type"
              label={t('cb.col.type')}
              hint={t('cb.queue.typeHint')}
              value={typeFilter}
              onChange={(e) => setTypeFilter(e.target.value)}
            />
            <div className="filters-actions">
              <button type="submit" className="btn btn-secondary">
                {t('common.apply')}
              </button>
            </div>
          </form>
          <AllTasks status={status} serviceType={serviceType} />
        </section>
      ) : (
        <TaskListSection title={t('cb.queue.open')} query={{ status: 'open' }} testId="cb-open" />
      )}
    </>
  )
}

function AllTasks({ status, serviceType }: { status: TaskStatus; serviceType: string }) {
  const { t, tx } = useI18n()
  const state = useAsync(
    (signal) =>
      staffApi<TaskList>(`${CB}/tasks`, {
        query: {
          status,
          serviceType: /^[a-z_]{1,40}$/.test(serviceType) ? serviceType : undefined,
          limit: 200,
        },
        signal,
      }),
    [status, serviceType],
  )
  return (
    <AsyncView state={state}>
      {(data) => (
        <TaskTable
          items={data.items}
          caption={`${t('cb.queue.all')}: ${tx('cb.status', status)}`}
          testId="cb-all"
        />
      )}
    </AsyncView>
  )
}
