// One case: the letter (citizen data masked by the API as the role requires), the handling, the timeline
// (with its hash-chain check) and a form for every action the caller may take now. Every action posts the
// version the page shows; a 409 stale-version says so and reloads the case.
import { type FormEvent, useEffect, useRef, useState } from 'react'
import { ApiError, staffApi } from '../../api/client.ts'
import {
  ACTIONS,
  type Action,
  type CaseStatus,
  type CaseView,
  type Page,
  type Role,
  type SessionUser,
  type StaffUser,
} from '../../api/types.ts'
import { Badge, Fact, Facts, PageHeading, StatusBadge, UserText } from '../../components/bits.tsx'
import { AsyncView, ErrorMessage, Notice, useAsync } from '../../components/feedback.tsx'
import {
  CheckboxField,
  CheckboxGroup,
  type FieldError,
  SelectField,
  TextArea,
  TextField,
} from '../../components/fields.tsx'
import { useI18n, useTitle } from '../../i18n/i18n.tsx'
import { Link } from '../../lib/router.tsx'
import { serverFieldErrors, TRACKING_CODE, validateText } from '../../lib/validate.ts'
import { CaseFlags } from './case-table.tsx'
import { useDepartments } from './use-staff.ts'

/** Who may take each action and from which statuses: used only when the server does not send `actions`. */
const FALLBACK: Record<Action, { roles: Role[]; from: CaseStatus[] | 'open' | 'any'; lead?: boolean }> = {
  assign: { roles: ['dispatcher'], from: ['received'] },
  'not-accept': { roles: ['dispatcher'], from: ['received'] },
  answer: { roles: ['dispatcher', 'hotline_operator'], from: ['received'] },
  sign: { roles: ['handler', 'dept_lead'], from: ['assigned'], lead: true },
  return: { roles: ['handler', 'dept_lead'], from: ['assigned', 'in_progress'], lead: true },
  extension: { roles: ['handler'], from: ['in_progress'], lead: true },
  'extension/approve': {
    roles: ['dept_lead', 'supervisor'],
    from: ['in_progress', 'reply_review'],
    lead: true,
  },
  'extension/refuse': {
    roles: ['dept_lead', 'supervisor'],
    from: ['in_progress', 'reply_review'],
    lead: true,
  },
  reply: { roles: ['handler'], from: ['in_progress'], lead: true },
  'reply/approve': { roles: ['dept_lead'], from: ['reply_review'], lead: true },
  'reply/send-back': { roles: ['dept_lead'], from: ['reply_review'], lead: true },
  escalate: { roles: ['supervisor'], from: 'open' },
  close: { roles: ['dispatcher', 'supervisor'], from: ['replied'] },
  reopen: { roles: ['dispatcher', 'supervisor'], from: ['replied', 'closed'] },
  merge: { roles: ['dispatcher'], from: ['received', 'assigned', 'in_progress'] },
  notes: { roles: [], from: 'any' },
}
const OPEN: CaseStatus[] = ['received', 'assigned', 'in_progress', 'reply_review']

export function actionsFor(c: CaseView, user: SessionUser): Action[] {
  if (c.actions) return ACTIONS.filter((a) => c.actions?.includes(a))
  return ACTIONS.filter((a) => {
    const rule = FALLBACK[a]
    if (a === 'notes') return true
    const statusOk =
      rule.from === 'any' || (rule.from === 'open' ? OPEN.includes(c.status) : rule.from.includes(c.status))
    if (!statusOk) return false
    if (a === 'extension/approve' || a === 'extension/refuse') {
      if (!c.extension) return false
    }
    return user.roles.some((r) => {
      if (!rule.roles.includes(r)) return false
      if (rule.lead && (r === 'handler' || r === 'dept_lead')) return user.departmentId === c.departmentId
      return true
    })
  })
}

export function CasePage({ id, user }: { id: string; user: SessionUser }) {
  const { t } = useI18n()
  const state = useAsync((signal) => staffApi<CaseView>(`/cases/${encodeURIComponent(id)}`, { signal }), [id])
  useTitle(state.data ? t('case.title', { code: state.data.trackingCode }) : t('cases.title'))
  return (
    <>
      <p className="breadcrumb">
        <Link to="/staff">{t('staff.nav.queues')}</Link>
      </p>
      <AsyncView state={state}>
        {(c) => <CaseDetail c={c} user={user} onChange={state.set} reload={state.reload} />}
      </AsyncView>
    </>
  )
}

function CaseDetail({
  c,
  user,
  onChange,
  reload,
}: {
  c: CaseView
  user: SessionUser
  onChange(c: CaseView): void
  reload(): void
}) {
  const { t, tx, date, dateTime, deptName } = useI18n()
  const { byId } = useDepartments()
  const dept = (id: string | null) => (id ? deptName(byId.get(id)) : '—')
  const citizen = c.citizen
  return (
    <>
      <PageHeading>
        {t('case.title', { code: c.trackingCode })} <StatusBadge status={c.status} /> <CaseFlags c={c} />
      </PageHeading>
      <div className="case-layout">
        <div className="case-main">
          <section className="card" aria-labelledby="letter-h">
            <h2 id="letter-h">{t('case.letter')}</h2>
            <h3 className="case-subject" data-testid="case-subject">
              <UserText text={c.subject} inline />
            </h3>
            <Facts>
              <Fact term={t('case.category')}>{tx('category', c.category)}</Fact>
              <Fact term={t('case.channel')}>{tx('channel', c.channel)}</Fact>
              <Fact term={t('case.submittedAt')}>{dateTime(c.submittedAt)}</Fact>
              <Fact term={t('case.consent')}>{c.consentToPublish ? t('common.yes') : t('common.no')}</Fact>
            </Facts>
            <UserText text={c.body} className="letter-body" />
            <h3>{t('case.citizen')}</h3>
            {c.anonymous ? (
              <p>
                <Badge tone="muted">{t('case.anonymous')}</Badge>
                {citizen.email && <span> {citizen.email}</span>}
              </p>
            ) : (
              <Facts>
                <Fact term={t('case.name')}>{citizen.name ?? '—'}</Fact>
                <Fact term={t('case.phone')}>{citizen.phone ?? '—'}</Fact>
                {citizen.email && <Fact term={t('case.email')}>{citizen.email}</Fact>}
                {citizen.idNumber && <Fact term={t('case.idNumber')}>{citizen.idNumber}</Fact>}
              </Facts>
            )}
          </section>
          {c.reply ? (
            <section className="card" aria-labelledby="reply-h">
              <h2 id="reply-h">{t('case.reply')}</h2>
              <Facts>
                <Fact term={t('follow.repliedAt')}>{dateTime(c.reply.repliedAt)}</Fact>
                <Fact term={t('case.replyPublic')}>{c.reply.public ? t('common.yes') : t('common.no')}</Fact>
              </Facts>
              <UserText text={c.reply.text} className="reply-text" />
            </section>
          ) : c.draftReply ? (
            <section className="card" aria-labelledby="reply-h">
              <h2 id="reply-h">{t('case.draftReply')}</h2>
              <Facts>
                <Fact term={t('case.submittedAt')}>{dateTime(c.draftReply.at)}</Fact>
                <Fact term={t('case.replyPublic')}>
                  {c.draftReply.public ? t('common.yes') : t('common.no')}
                </Fact>
              </Facts>
              <UserText text={c.draftReply.text} className="reply-text" />
            </section>
          ) : null}
          <Timeline c={c} user={user} />
        </div>
        <aside className="case-side">
          <ActionsPanel c={c} user={user} onChange={onChange} reload={reload} />
          <section className="card" aria-labelledby="handling-h">
            <h2 id="handling-h">{t('case.details')}</h2>
            <Facts>
              <Fact term={t('case.status')}>
                <StatusBadge status={c.status} />
              </Fact>
              <Fact term={t('case.department')}>{dept(c.departmentId)}</Fact>
              {c.supportingDepartmentIds.length > 0 && (
                <Fact term={t('case.supporting')}>
                  {c.supportingDepartmentIds.map((d) => dept(d)).join('、')}
                </Fact>
              )}
              {c.assigneeId && (
                <Fact term={t('case.assignee')}>
                  {c.assigneeId === user.id ? user.displayName : c.assigneeId}
                </Fact>
              )}
              <Fact term={t('case.acceptedAt')}>{dateTime(c.acceptedAt)}</Fact>
              {c.status === 'assigned' && <Fact term={t('case.signDueAt')}>{dateTime(c.signDueAt)}</Fact>}
              <Fact term={t('case.dueAt')}>
                {date(c.dueAt)} {c.overdue && <Badge tone="danger">{t('case.overdue')}</Badge>}
              </Fact>
              {c.extendedDays > 0 && (
                <Fact term={t('case.extendedDays')}>{t('common.workingDays', { n: c.extendedDays })}</Fact>
              )}
              {c.extension && (
                <Fact term={t('case.extension')}>
                  <UserText
                    inline
                    text={t('case.extensionText', { days: c.extension.days, reason: c.extension.reason })}
                  />
                </Fact>
              )}
              {c.escalationLevel > 0 && (
                <Fact term={t('case.escalationLevel')}>
                  {tx('cases.escalation', String(c.escalationLevel))}
                </Fact>
              )}
              {c.returned && (
                <Fact term={t('tl.returned')}>
                  <UserText inline text={c.returned.reason} />
                </Fact>
              )}
              {c.notAcceptedReason && (
                <Fact term={t('case.notAcceptedReason')}>
                  <UserText inline text={c.notAcceptedReason} />
                </Fact>
              )}
              {c.closedAt && <Fact term={t('case.closedAt')}>{dateTime(c.closedAt)}</Fact>}
              {c.onTime !== null && (
                <Fact term={t('case.onTime')}>{c.onTime ? t('common.yes') : t('common.no')}</Fact>
              )}
              {c.rating && (
                <Fact term={t('case.rating')}>
                  {tx('sat', c.rating.satisfaction)}
                  {c.rating.comment && <UserText text={c.rating.comment} />}
                </Fact>
              )}
              {c.reworkCount > 0 && <Fact term={t('case.reworkCount')}>{String(c.reworkCount)}</Fact>}
              {c.mergedInto && (
                <Fact term={t('case.mergedInto')}>
                  <Link to={`/staff/cases/${encodeURIComponent(c.mergedInto)}`}>{c.mergedInto}</Link>
                </Fact>
              )}
              {c.mergedCaseIds.length > 0 && (
                <Fact term={t('case.mergedCases')}>
                  <ul className="plain">
                    {c.mergedCaseIds.map((m) => (
                      <li key={m}>
                        <Link to={`/staff/cases/${encodeURIComponent(m)}`}>{m}</Link>
                      </li>
                    ))}
                  </ul>
                </Fact>
              )}
            </Facts>
          </section>
        </aside>
      </div>
    </>
  )
}

function Timeline({ c, user }: { c: CaseView; user: SessionUser }) {
  const { t, tx, dateTime } = useI18n()
  const [verify, setVerify] = useState<{ valid: boolean; entries: number; brokenAt?: number } | null>(null)
  const [failure, setFailure] = useState<unknown>(null)
  // a changed case needs a new check
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the version changes
  useEffect(() => setVerify(null), [c.version])
  const check = async () => {
    setFailure(null)
    try {
      setVerify(await staffApi(`/cases/${encodeURIComponent(c.id)}/timeline/verify`))
    } catch (err) {
      setFailure(err)
    }
  }
  return (
    <section className="card" aria-labelledby="timeline-h">
      <h2 id="timeline-h">{t('case.timeline')}</h2>
      <p className="muted small">{t('case.timeline.intro')}</p>
      <ol className="timeline staff-timeline" data-testid="timeline">
        {c.timeline.map((e) => (
          <li key={e.seq} className={e.public ? 'tl-public' : 'tl-internal'}>
            <time dateTime={e.at}>{dateTime(e.at)}</time>
            <span className="tl-action">{tx('tl', e.action)}</span>
            <span className="tl-meta">
              {t('case.timeline.actor')}: {tx('role', e.actorRole)}
              {e.actorId && e.actorId === user.id ? t('case.timeline.you') : ''} ·{' '}
              <Badge tone={e.public ? 'done' : 'muted'}>
                {e.public ? t('case.timeline.public') : t('case.timeline.internal')}
              </Badge>
            </span>
            {e.note && <UserText text={e.note} className="tl-note" />}
          </li>
        ))}
      </ol>
      <p>
        <button type="button" className="btn btn-secondary btn-small" onClick={check}>
          {t('case.verify')}
        </button>
      </p>
      {verify && (
        <div role="status">
          {verify.valid ? (
            <Notice kind="success">{t('case.verify.ok', { n: verify.entries })}</Notice>
          ) : (
            <div className="alert alert-error">
              {t('case.verify.broken', { seq: verify.brokenAt ?? '?' })}
            </div>
          )}
        </div>
      )}
      {failure ? <ErrorMessage error={failure} /> : null}
    </section>
  )
}

function ActionsPanel({
  c,
  user,
  onChange,
  reload,
}: {
  c: CaseView
  user: SessionUser
  onChange(c: CaseView): void
  reload(): void
}) {
  const { t, tx } = useI18n()
  const actions = actionsFor(c, user)
  const [open, setOpen] = useState<Action | null>(null)
  const [done, setDone] = useState<Action | null>(null)
  const [stale, setStale] = useState(false)
  const noticeRef = useRef<HTMLDivElement>(null)

  // the open form no longer applies once the case moved on
  useEffect(() => {
    if (open && !actions.includes(open)) setOpen(null)
  }, [open, actions])

  const finished = (action: Action, updated: CaseView) => {
    setOpen(null)
    setStale(false)
    setDone(action)
    onChange(updated)
    setTimeout(() => noticeRef.current?.focus(), 0)
  }
  const staleVersion = () => {
    setDone(null)
    setStale(true)
    reload()
    setTimeout(() => noticeRef.current?.focus(), 0)
  }

  return (
    <section className="card actions-panel" aria-labelledby="actions-h" data-testid="actions">
      <h2 id="actions-h">{t('case.actions')}</h2>
      <div ref={noticeRef} tabIndex={-1} className="notice-slot">
        {stale && (
          <div className="alert alert-warning" role="alert" data-testid="stale-notice">
            {t('error.staleVersion')}
          </div>
        )}
        {done && (
          <Notice kind="success">
            <span data-testid="action-done">{t('case.done', { action: tx('action', done) })}</span>
          </Notice>
        )}
      </div>
      {actions.length === 0 ? (
        <p className="muted">{t('case.noActions')}</p>
      ) : (
        <ul className="action-buttons">
          {actions.map((a) => (
            <li key={a}>
              <button
                type="button"
                className={`btn ${open === a ? 'btn-primary' : 'btn-secondary'}`}
                aria-expanded={open === a}
                aria-controls={`action-form-${a.replace('/', '-')}`}
                onClick={() => {
                  setDone(null)
                  setOpen(open === a ? null : a)
                }}
                data-action={a}
              >
                {tx('action', a)}
              </button>
            </li>
          ))}
        </ul>
      )}
      {open && (
        <ActionForm
          key={`${open}-${c.version}`}
          action={open}
          c={c}
          user={user}
          onDone={(updated) => finished(open, updated)}
          onStale={staleVersion}
          onCancel={() => setOpen(null)}
        />
      )}
    </section>
  )
}

type Values = {
  departmentId: string
  supportingDepartmentIds: string[]
  assigneeId: string
  note: string
  reason: string
  text: string
  public: boolean
  days: string
  intoCode: string
}

const TEXT_FIELD: Partial<Record<Action, { field: 'reason' | 'text' | 'note'; max: number }>> = {
  'not-accept': { field: 'reason', max: 2000 },
  answer: { field: 'text', max: 20_000 },
  return: { field: 'reason', max: 2000 },
  extension: { field: 'reason', max: 2000 },
  'extension/refuse': { field: 'reason', max: 2000 },
  reply: { field: 'text', max: 20_000 },
  'reply/send-back': { field: 'reason', max: 2000 },
  escalate: { field: 'note', max: 2000 },
  reopen: { field: 'reason', max: 2000 },
  notes: { field: 'text', max: 5000 },
}

function ActionForm({
  action,
  c,
  user,
  onDone,
  onStale,
  onCancel,
}: {
  action: Action
  c: CaseView
  user: SessionUser
  onDone(c: CaseView): void
  onStale(): void
  onCancel(): void
}) {
  const { t, tx, deptName } = useI18n()
  const { list: departments } = useDepartments()
  const [v, setV] = useState<Values>({
    departmentId: '',
    supportingDepartmentIds: [],
    assigneeId: '',
    note: '',
    reason: '',
    text: (action === 'reply' && c.draftReply?.text) || '',
    public: c.consentToPublish,
    days: '',
    intoCode: '',
  })
  const [errors, setErrors] = useState<Record<string, FieldError>>({})
  const [failure, setFailure] = useState<unknown>(null)
  const [sending, setSending] = useState(false)
  const [target, setTarget] = useState<CaseView | null | undefined>(undefined)
  const set = <K extends keyof Values>(k: K, value: Values[K]) => {
    setV((old) => ({ ...old, [k]: value }))
    setErrors((e) => ({ ...e, [k]: null }))
  }
  const mayListUsers = user.roles.includes('admin')
  const [assignees, setAssignees] = useState<StaffUser[]>([])
  useEffect(() => {
    if (action !== 'assign' || !mayListUsers || !v.departmentId) {
      setAssignees([])
      return
    }
    let live = true
    staffApi<Page<StaffUser>>('/users', {
      query: { departmentId: v.departmentId, active: true, limit: 200 },
    }).then(
      (p) => live && setAssignees(p.items),
      () => live && setAssignees([]),
    )
    return () => {
      live = false
    }
  }, [action, mayListUsers, v.departmentId])

  const textRule = TEXT_FIELD[action]
  const formId = `action-form-${action.replace('/', '-')}`

  const findTarget = async () => {
    const code = v.intoCode.trim().toUpperCase()
    if (!TRACKING_CODE.test(code)) {
      setErrors((e) => ({ ...e, intoCode: { key: 'v.trackingCode' } }))
      return
    }
    try {
      const page = await staffApi<Page<CaseView>>('/cases', { query: { q: code, limit: 5 } })
      setTarget(page.items.find((x) => x.trackingCode === code && x.id !== c.id) ?? null)
    } catch (err) {
      setFailure(err)
    }
  }

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    const errs: Record<string, FieldError> = {}
    const body: Record<string, unknown> = { version: c.version }
    if (textRule) {
      const value = v[textRule.field]
      const bad = validateText(value, textRule.max)
      if (bad) errs[textRule.field] = bad
      else body[textRule.field] = value.trim()
    }
    if (action === 'assign') {
      if (!v.departmentId) errs.departmentId = { key: 'v.required' }
      body.departmentId = v.departmentId
      const supporting = v.supportingDepartmentIds.filter((d) => d !== v.departmentId)
      if (supporting.length) body.supportingDepartmentIds = supporting
      if (v.assigneeId) body.assigneeId = v.assigneeId
      if (v.note.trim()) {
        const bad = validateText(v.note, 2000)
        if (bad) errs.note = bad
        else body.note = v.note.trim()
      }
    }
    if (action === 'extension') {
      const days = Number(v.days)
      if (!Number.isInteger(days) || days < 1 || days > 15) errs.days = { key: 'v.days' }
      body.days = days
    }
    if (action === 'answer' || action === 'reply') body.public = v.public
    if (action === 'merge') {
      if (!target) errs.intoCode = { key: 'f.intoCase.required' }
      else body.intoCaseId = target.id
    }
    setErrors(errs)
    if (Object.keys(errs).length) return
    setSending(true)
    setFailure(null)
    try {
      const updated = await staffApi<CaseView>(`/cases/${encodeURIComponent(c.id)}/${action}`, {
        method: 'POST',
        body,
      })
      onDone(updated)
    } catch (err) {
      if (err instanceof ApiError && err.kind === 'stale-version') {
        onStale()
        return
      }
      if (err instanceof ApiError && err.status === 400 && err.problem.errors?.length) {
        const { fields } = serverFieldErrors(err.problem.errors)
        setErrors(fields)
      }
      setFailure(err)
    } finally {
      setSending(false)
    }
  }

  const help: Partial<Record<Action, string>> = {
    sign: t('action.help.sign'),
    'reply/approve': t('action.help.reply/approve'),
    close: t('action.help.close'),
    'extension/approve': t('action.help.extension/approve'),
  }
  const active = departments.filter((d) => d.active)

  return (
    <form
      id={formId}
      className="form action-form"
      onSubmit={submit}
      noValidate
      aria-label={tx('action', action)}
    >
      <h3>{tx('action', action)}</h3>
      {help[action] && <p className="muted">{help[action]}</p>}
      {(action === 'extension/approve' || action === 'extension/refuse') && c.extension && (
        <p>
          <UserText
            inline
            text={t('case.extensionText', { days: c.extension.days, reason: c.extension.reason })}
          />
        </p>
      )}
      {(action === 'reply/approve' || action === 'reply/send-back') && c.draftReply && (
        <div className="quote">
          <UserText text={c.draftReply.text} />
        </div>
      )}
      {action === 'assign' && (
        <>
          <SelectField
            id="assign-department"
            label={t('f.department')}
            required
            value={v.departmentId}
            onChange={(e) => set('departmentId', e.target.value)}
            error={errors.departmentId}
          >
            <option value="">{t('f.department.choose')}</option>
            {active.map((d) => (
              <option key={d.id} value={d.id} data-code={d.code}>
                {deptName(d)}
              </option>
            ))}
          </SelectField>
          <CheckboxGroup
            legend={t('f.supporting')}
            values={v.supportingDepartmentIds}
            onChange={(vals) => set('supportingDepartmentIds', vals)}
            choices={active
              .filter((d) => d.id !== v.departmentId)
              .map((d) => ({ value: d.id, label: deptName(d) }))}
          />
          {mayListUsers && v.departmentId && (
            <SelectField
              id="assign-assignee"
              label={t('f.assignee')}
              value={v.assigneeId}
              onChange={(e) => set('assigneeId', e.target.value)}
            >
              <option value="">{t('f.assignee.none')}</option>
              {assignees.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.displayName} ({u.username})
                </option>
              ))}
            </SelectField>
          )}
          <TextArea
            id="assign-note"
            label={t('f.note')}
            rows={3}
            maxLength={2000}
            value={v.note}
            onChange={(e) => set('note', e.target.value)}
            error={errors.note}
          />
        </>
      )}
      {action === 'extension' && (
        <TextField
          id="extension-days"
          type="number"
          inputMode="numeric"
          min={1}
          max={15}
          label={t('f.days')}
          hint={t('v.days')}
          required
          value={v.days}
          onChange={(e) => set('days', e.target.value)}
          error={errors.days}
        />
      )}
      {textRule && (
        <TextArea
          id={`${formId}-${textRule.field}`}
          label={
            textRule.field === 'reason'
              ? t('f.reason')
              : action === 'escalate'
                ? t('f.escalateNote')
                : action === 'notes'
                  ? t('f.noteText')
                  : t('f.text')
          }
          required
          rows={textRule.max > 2000 ? 8 : 4}
          maxLength={textRule.max}
          value={v[textRule.field]}
          onChange={(e) => set(textRule.field, e.target.value)}
          error={errors[textRule.field]}
        />
      )}
      {(action === 'answer' || action === 'reply') && (
        <CheckboxField
          id={`${formId}-public`}
          label={t('f.public')}
          checked={v.public}
          onChange={(e) => set('public', e.target.checked)}
        />
      )}
      {action === 'merge' && (
        <>
          <div className="inline-field">
            <TextField
              id="merge-code"
              label={t('f.intoCase')}
              required
              className="mono"
              maxLength={10}
              value={v.intoCode}
              onChange={(e) => {
                set('intoCode', e.target.value)
                setTarget(undefined)
              }}
              error={errors.intoCode}
            />
            <button type="button" className="btn btn-secondary" onClick={findTarget}>
              {t('f.intoCase.find')}
            </button>
          </div>
          {target && (
            <p role="status">
              {t('f.intoCase.found', { code: target.trackingCode, subject: target.subject })}
            </p>
          )}
          {target === null && <p role="status">{t('f.intoCase.none')}</p>}
        </>
      )}
      {failure ? <ErrorMessage error={failure} /> : null}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={sending} data-submit={action}>
          {sending ? t('common.submitting') : tx('action', action)}
        </button>
        <button type="button" className="btn btn-ghost" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  )
}
