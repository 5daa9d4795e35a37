// One rectification order: its header (number, status, department and place, deadlines with overdue
// shown, priority, the ladder's steps), problems (withdrawn on appeal shown as such; the department's lead
// appeals one here), plans, evidence with its attachments (download, name, size, SHA-256), the
// hash-chained timeline with its check, appeals, and the forms of the actions the user may take now.
import { useEffect, useState } from 'react'
import { staffApi, staffDownload } from '../../../api/client.ts'
import {
  type AppealView,
  type AttachmentView,
  alertPage,
  type OrderView,
  orderPath,
  RECT,
} from '../../../api/rectification.ts'
import type { Page, SessionUser } from '../../../api/types.ts'
import { Badge, Fact, Facts, PageHeading } from '../../../components/bits.tsx'
import { AsyncView, ErrorMessage, Notice, useAsync } from '../../../components/feedback.tsx'
import { useI18n, useTitle } from '../../../i18n/i18n.tsx'
import { fileSize } from '../../../lib/evidence.ts'
import { mayAppeal, type OrderAction, orderActions } from '../../../lib/rect-actions.ts'
import { Link } from '../../../lib/router.tsx'
import { AppealForm, AppealList } from './appeals.tsx'
import { OrderActionForm } from './order-actions.tsx'
import { isOverdue } from './order-table.tsx'
import {
  OrderStatusBadge,
  orderProblemRow,
  PlaceText,
  PriorityBadge,
  ProblemTable,
  useDeptName,
} from './shared.tsx'

function Attachment({ orderId, a }: { orderId: string; a: AttachmentView }) {
  const { t } = useI18n()
  const [failure, setFailure] = useState<unknown>(null)
  const download = async () => {
    setFailure(null)
    try {
      await staffDownload(`${orderPath(orderId)}/evidence/${encodeURIComponent(a.attachmentId)}`, a.filename)
    } catch (err) {
      setFailure(err)
    }
  }
  return (
    <li className="rect-attachment" data-attachment={a.attachmentId}>
      <button type="button" className="btn btn-secondary btn-small" onClick={() => void download()}>
        {t('rect.order.download')}
      </button>{' '}
      <span className="rect-filename">{a.filename}</span>{' '}
      <span className="muted small">({fileSize(a.bytes)})</span>
      <br />
      <span className="muted small">
        {t('rect.order.sha256')}: <code className="mono rect-sha">{a.sha256}</code>
      </span>
      {failure ? <ErrorMessage error={failure} /> : null}
    </li>
  )
}

function OrderHeader({ o }: { o: OrderView }) {
  const { t, tx, dateTime } = useI18n()
  const dept = useDeptName()
  const overdue = isOverdue(o)
  return (
    <section className="card" aria-labelledby="rect-order-facts-h" data-testid="rect-order-facts">
      <h2 id="rect-order-facts-h" className="sr-only">
        {t('rect.order.header')}
      </h2>
      <p className="case-subject user-text">{o.title}</p>
      <Facts>
        <Fact term={t('rect.col.status')}>
          <OrderStatusBadge status={o.status} /> {o.round > 1 && t('rect.order.round', { n: o.round })}
        </Fact>
        <Fact term={t('rect.col.department')}>{dept(o.departmentId)}</Fact>
        <Fact term={t('rect.col.place')}>
          <PlaceText place={o} withDepartment={false} />
        </Fact>
        {o.person && (
          <Fact term={t('rect.order.person')}>
            <span className="user-text">{o.person}</span>
          </Fact>
        )}
        <Fact term={t('rect.col.priority')}>
          <PriorityBadge priority={o.priority} />
        </Fact>
        <Fact term={t('rect.order.issuedAt')}>{dateTime(o.issuedAt)}</Fact>
        {o.status === 'issued' && (
          <Fact term={t('rect.order.acknowledgeBy')}>{dateTime(o.acknowledgeBy)}</Fact>
        )}
        <Fact term={t('rect.order.dueAt')}>
          <span data-testid="rect-due">{dateTime(o.dueAt)}</span>{' '}
          {overdue && <Badge tone="danger">{t('rect.overdue')}</Badge>}
        </Fact>
        {o.originalDueAt && o.originalDueAt !== o.dueAt && (
          <Fact term={t('rect.order.originalDueAt')}>{dateTime(o.originalDueAt)}</Fact>
        )}
        <Fact term={t('rect.order.ladder')}>
          {o.ladder.length ? (
            <ul className="plain" data-testid="rect-ladder">
              {o.ladder.map((step) => (
                <li key={step}>
                  <Badge tone={step === 'warning' || step === 'supervision' ? 'danger' : 'warn'}>
                    {tx('rect.ladder', step)}
                  </Badge>
                </li>
              ))}
            </ul>
          ) : (
            t('rect.order.ladder.none')
          )}
        </Fact>
        {o.alertId && (
          <Fact term={t('rect.order.alert')}>
            <Link to={alertPage(o.alertId)}>{t('rect.alert.open')}</Link>
          </Fact>
        )}
        {o.closed && (
          <>
            <Fact term={t('rect.order.closedAt')}>{dateTime(o.closed.at)}</Fact>
            <Fact term={t('rect.order.onTime')}>{o.closed.onTime ? t('common.yes') : t('common.no')}</Fact>
            <Fact term={t('rect.order.publicSummary')}>
              <span className="user-text">{o.closed.publicSummary}</span>
            </Fact>
            {o.recheckAt && <Fact term={t('rect.order.recheckAt')}>{dateTime(o.recheckAt)}</Fact>}
          </>
        )}
      </Facts>
      <h3>{t('rect.order.measuresRequired')}</h3>
      <div className="quote user-text">{o.measuresRequired}</div>
    </section>
  )
}

function Plans({ o }: { o: OrderView }) {
  const { t, date, dateTime } = useI18n()
  return (
    <section className="card" aria-labelledby="rect-plans-h">
      <h2 id="rect-plans-h">{t('rect.order.plans')}</h2>
      {o.plans.length ? (
        <ol className="rect-rounds" data-testid="rect-plans">
          {o.plans.map((p) => (
            <li key={`${p.round}-${p.at}`}>
              <p className="small muted">
                {t('rect.order.round', { n: p.round })} · {dateTime(p.at)}
              </p>
              <div className="user-text">{p.measures}</div>
              <p className="small">
                {t('rect.f.owner')}: <span className="user-text">{p.owner}</span> · {t('rect.f.plannedBy')}:{' '}
                {date(p.plannedBy)}
              </p>
            </li>
          ))}
        </ol>
      ) : (
        <p className="empty">{t('rect.order.noPlans')}</p>
      )}
    </section>
  )
}

function Evidence({ o }: { o: OrderView }) {
  const { t, tx, dateTime } = useI18n()
  return (
    <section className="card" aria-labelledby="rect-evidence-h">
      <h2 id="rect-evidence-h">{t('rect.order.evidence')}</h2>
      {o.evidence.length ? (
        <ol className="rect-rounds" data-testid="rect-evidence">
          {o.evidence.map((e) => (
            <li key={e.evidenceId}>
              <p className="small muted">
                {t('rect.order.round', { n: e.round })} · {dateTime(e.at)}
              </p>
              <div className="user-text">{e.text}</div>
              {e.attachments.length > 0 && (
                <ul className="plain rect-attachments" aria-label={t('rect.order.attachments')}>
                  {e.attachments.map((a) => (
                    <Attachment key={a.attachmentId} orderId={o.orderId} a={a} />
                  ))}
                </ul>
              )}
              {e.review && e.review.outcome !== 'verified' && (
                <p className="alert alert-warning" data-testid="rect-sent-back">
                  {t('rect.order.sentBack', {
                    kind: tx('rect.sendBack', e.review.outcome),
                    reason: e.review.reason ?? '',
                  })}
                </p>
              )}
              {e.review?.outcome === 'verified' && <Badge tone="done">{t('rect.tl.verified')}</Badge>}
            </li>
          ))}
        </ol>
      ) : (
        <p className="empty">{t('rect.order.noEvidence')}</p>
      )}
    </section>
  )
}

function OrderTimeline({ o }: { o: OrderView }) {
  const { t, tx, dateTime } = useI18n()
  const [verify, setVerify] = useState<{ valid: boolean; entries: number; brokenAt?: number | null } | null>(
    null,
  )
  const [failure, setFailure] = useState<unknown>(null)
  // biome-ignore lint/correctness/useExhaustiveDependencies: a changed order needs a new check
  useEffect(() => setVerify(null), [o.version])
  const check = async () => {
    setFailure(null)
    try {
      setVerify(await staffApi(`${orderPath(o.orderId)}/timeline/verify`))
    } catch (err) {
      setFailure(err)
    }
  }
  return (
    <section className="card" aria-labelledby="rect-timeline-h">
      <h2 id="rect-timeline-h">{t('rect.order.timeline')}</h2>
      <p className="muted small">{t('case.timeline.intro')}</p>
      <ol className="timeline staff-timeline" data-testid="rect-timeline">
        {o.timeline.map((e) => (
          <li key={e.seq} className="tl-internal" data-action={e.action}>
            <time dateTime={e.at}>{dateTime(e.at)}</time>
            <span className="tl-action">{tx('rect.tl', e.action)}</span>
            <span className="tl-meta">
              {t('case.timeline.actor')}: {tx('role', e.actorRole)}
            </span>
            {e.note && <div className="user-text tl-note">{e.note}</div>}
          </li>
        ))}
      </ol>
      <p>
        <button
          type="button"
          className="btn btn-secondary btn-small"
          onClick={() => void check()}
          data-testid="rect-verify"
        >
          {t('rect.order.verify')}
        </button>
      </p>
      {verify && (
        <div role="status" data-testid="rect-verify-result">
          {verify.valid ? (
            <Notice kind="success">{t('rect.order.verify.ok', { n: verify.entries })}</Notice>
          ) : (
            <div className="alert alert-error">
              {t('rect.order.verify.broken', { seq: verify.brokenAt ?? '?' })}
            </div>
          )}
        </div>
      )}
      {failure ? <ErrorMessage error={failure} /> : null}
    </section>
  )
}

function Problems({
  o,
  user,
  appeals,
  onAppealed,
}: {
  o: OrderView
  user: SessionUser
  appeals: AppealView[]
  onAppealed(a: AppealView): void
}) {
  const { t } = useI18n()
  const [appealing, setAppealing] = useState<string | null>(null)
  const pending = new Set([
    ...o.appeals.filter((a) => a.status === 'pending').map((a) => a.problemId),
    ...appeals.filter((a) => a.status === 'pending').map((a) => a.problemId),
  ])
  const problems = o.problems.map(orderProblemRow)
  // the department's lead appeals a problem of the order's department
  const appealable = (p: { withdrawn: boolean }) =>
    mayAppeal({ departmentId: o.departmentId, withdrawn: p.withdrawn }, user)
  return (
    <section className="card" aria-labelledby="rect-problems-h">
      <h2 id="rect-problems-h">
        {t('rect.problems')} ({o.problemCount})
      </h2>
      <ProblemTable
        problems={problems}
        caption={t('rect.problems')}
        extra={(p) =>
          appealable(p) && !pending.has(p.id) ? (
            <button
              type="button"
              className="btn btn-ghost btn-small"
              onClick={() => setAppealing(p.id)}
              data-testid="rect-appeal-open"
            >
              {t('rect.action.appeal')}
            </button>
          ) : pending.has(p.id) ? (
            <Badge tone="warn">{t('rect.appeal.status.pending')}</Badge>
          ) : null
        }
      />
      {appealing && (
        <AppealForm
          problemId={appealing}
          onDone={(a) => {
            setAppealing(null)
            onAppealed(a)
          }}
          onCancel={() => setAppealing(null)}
        />
      )}
    </section>
  )
}

function ActionsPanel({
  o,
  user,
  onChange,
  onStale,
}: {
  o: OrderView
  user: SessionUser
  onChange(o: OrderView): void
  onStale(): void
}) {
  const { t, tx } = useI18n()
  const [open, setOpen] = useState<OrderAction | null>(null)
  const actions = orderActions(o, user)
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new version closes the form
  useEffect(() => setOpen(null), [o.version])
  return (
    <section className="card" aria-labelledby="rect-actions-h" data-testid="rect-actions">
      <h2 id="rect-actions-h">{t('rect.order.actions')}</h2>
      {actions.length === 0 && <p className="muted">{t('rect.order.noActions')}</p>}
      {!open && (
        <div className="action-buttons">
          {actions.map((a) => (
            <button
              key={a}
              type="button"
              className="btn btn-secondary"
              onClick={() => setOpen(a)}
              data-action={a}
            >
              {tx('rect.action', a)}
            </button>
          ))}
        </div>
      )}
      {open && (
        <OrderActionForm
          key={open}
          action={open}
          order={o}
          onDone={onChange}
          onStale={onStale}
          onCancel={() => setOpen(null)}
        />
      )}
    </section>
  )
}

export function OrderPage({ orderId, user }: { orderId: string; user: SessionUser }) {
  const { t } = useI18n()
  const [stale, setStale] = useState(false)
  const state = useAsync((signal) => staffApi<OrderView>(orderPath(orderId), { signal }), [orderId])
  const appeals = useAsync(
    (signal) => staffApi<Page<AppealView>>(`${RECT}/appeals`, { query: { limit: 100 }, signal }),
    [orderId],
  )
  useTitle(state.data ? t('rect.order.title', { number: state.data.number }) : t('rect.order.header'))
  const onStale = () => {
    setStale(true)
    state.reload()
  }
  const problemsOf = (o: OrderView) => new Set(o.problems.map((p) => p.problemId))
  return (
    <>
      <p className="breadcrumb">
        <Link
          to={
            user.roles.some((r) => r === 'dept_lead' || r === 'handler')
              ? '/staff/rectification/department'
              : '/staff/rectification'
          }
        >
          {t('rect.title')}
        </Link>
      </p>
      <AsyncView state={state}>
        {(o) => {
          const mine = appeals.data?.items.filter((a) => problemsOf(o).has(a.problemId)) ?? []
          const text = (id: string) => o.problems.find((p) => p.problemId === id)?.summary ?? undefined
          return (
            <>
              <PageHeading>
                {t('rect.order.title', { number: o.number })} <OrderStatusBadge status={o.status} />
              </PageHeading>
              {stale && (
                <div role="alert" className="alert alert-warning" data-testid="rect-stale">
                  {t('rect.order.stale')}
                </div>
              )}
              <div className="case-layout">
                <div className="case-main">
                  <OrderHeader o={o} />
                  <Problems
                    o={o}
                    user={user}
                    appeals={mine}
                    onAppealed={(a) =>
                      appeals.data && appeals.set({ ...appeals.data, items: [...appeals.data.items, a] })
                    }
                  />
                  <Plans o={o} />
                  <Evidence o={o} />
                  <OrderTimeline o={o} />
                </div>
                <aside className="case-side">
                  <ActionsPanel
                    o={o}
                    user={user}
                    onChange={(next) => {
                      setStale(false)
                      state.set(next)
                    }}
                    onStale={onStale}
                  />
                  <section className="card" aria-labelledby="rect-appeals-h">
                    <h2 id="rect-appeals-h">{t('rect.appeals')}</h2>
                    <AppealList
                      appeals={mine}
                      user={user}
                      problemText={text}
                      onChange={() => {
                        appeals.reload()
                        state.reload()
                      }}
                      onStale={() => appeals.reload()}
                    />
                  </section>
                </aside>
              </div>
            </>
          )
        }}
      </AsyncView>
    </>
  )
}
