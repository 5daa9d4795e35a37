// Trend alerts: the panel of the console (open and acknowledged alerts with their evidence count) and an
// alert's own page with its problems. Discipline officers acknowledge, dismiss with a reason, or turn an
// alert into an order; supervisors read.
import { type FormEvent, useState } from 'react'
import { ApiError, staffApi } from '../../../api/client.ts'
import {
  type AlertDetail,
  type AlertView,
  alertPage,
  OFFICER_ROLES,
  orderPage,
  RECT,
} from '../../../api/rectification.ts'
import type { Page, SessionUser } from '../../../api/types.ts'
import { Badge, Fact, Facts, PageHeading } from '../../../components/bits.tsx'
import { AsyncView, ErrorMessage, Notice, useAsync } from '../../../components/feedback.tsx'
import { type FieldError, TextArea } from '../../../components/fields.tsx'
import { hasRole } from '../../../components/layout.tsx'
import { useI18n, useTitle } from '../../../i18n/i18n.tsx'
import { Link, navigate } from '../../../lib/router.tsx'
import { validateText } from '../../../lib/validate.ts'
import { PlaceText, ProblemTable, problemRow } from './shared.tsx'

/** The place an alert is about, by its level: the staff number, the window, the office, or the department. */
const placeKey = (a: AlertView) =>
  (a.level === 'staff'
    ? a.staffNumber
    : a.level === 'window'
      ? a.window
      : a.level === 'office'
        ? a.office
        : null) ??
  a.departmentName ??
  ''

const alertPath = (id: string) => `${RECT}/alerts/${encodeURIComponent(id)}`

function AlertStatus({ a }: { a: AlertView }) {
  const { tx } = useI18n()
  const tone = a.status === 'open' ? 'danger' : a.status === 'acknowledged' ? 'warn' : 'muted'
  return <Badge tone={tone}>{tx('rect.alert.status', a.status)}</Badge>
}

/** Acknowledge, dismiss with a reason, or turn into an order (discipline officers, open alerts). */
function AlertActions({
  a,
  user,
  onChange,
  onStale,
}: {
  a: AlertView
  user: SessionUser
  onChange(a: AlertView): void
  onStale(): void
}) {
  const { t } = useI18n()
  const [dismissing, setDismissing] = useState(false)
  const [reason, setReason] = useState('')
  const [error, setError] = useState<FieldError>(null)
  const [failure, setFailure] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  if (!hasRole(user, ...OFFICER_ROLES)) return null
  if (a.status !== 'open' && a.status !== 'acknowledged') return null
  const post = async (action: 'acknowledge' | 'dismiss', body: Record<string, unknown>) => {
    setBusy(true)
    setFailure(null)
    try {
      onChange(
        await staffApi<AlertView>(`${alertPath(a.id)}/${action}`, {
          method: 'POST',
          body: { version: a.version, ...body },
        }),
      )
      setDismissing(false)
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) onStale()
      setFailure(err)
    } finally {
      setBusy(false)
    }
  }
  const dismiss = (e: FormEvent) => {
    e.preventDefault()
    const bad = validateText(reason, 2000)
    setError(bad)
    if (!bad) void post('dismiss', { reason: reason.trim() })
  }
  return (
    <div className="rect-alert-actions">
      <div className="row-actions">
        {a.status === 'open' && (
          <button
            type="button"
            className="btn btn-secondary btn-small"
            disabled={busy}
            onClick={() => void post('acknowledge', {})}
            data-testid="rect-alert-acknowledge"
          >
            {t('rect.alert.acknowledge')}
          </button>
        )}
        <button
          type="button"
          className="btn btn-primary btn-small"
          onClick={() => navigate(`/staff/rectification/orders/new?alertId=${encodeURIComponent(a.id)}`)}
          data-testid="rect-alert-to-order"
        >
          {t('rect.alert.toOrder')}
        </button>
        {!dismissing && (
          <button type="button" className="btn btn-ghost btn-small" onClick={() => setDismissing(true)}>
            {t('rect.alert.dismiss')}
          </button>
        )}
      </div>
      {dismissing && (
        <form className="form" onSubmit={dismiss} noValidate aria-label={t('rect.alert.dismiss')}>
          <TextArea
            id={`dismiss-${a.id}`}
            label={t('rect.alert.dismissReason')}
            required
            rows={2}
            maxLength={2000}
            value={reason}
            onChange={(e) => {
              setReason(e.target.value)
              setError(null)
            }}
            error={error}
          />
          <div className="form-actions">
            <button type="submit" className="btn btn-danger btn-small" disabled={busy}>
              {t('rect.alert.dismiss')}
            </button>
            <button type="button" className="btn btn-ghost btn-small" onClick={() => setDismissing(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
      {failure ? <ErrorMessage error={failure} /> : null}
    </div>
  )
}

/** The console's panel: open and acknowledged alerts, the newest first. */
export function AlertsPanel({ user }: { user: SessionUser }) {
  const { t, tx, dateTime } = useI18n()
  const state = useAsync(async (signal) => {
    const [open, acknowledged] = await Promise.all(
      (['open', 'acknowledged'] as const).map((status) =>
        staffApi<Page<AlertView>>(`${RECT}/alerts`, { query: { status, limit: 100 }, signal }),
      ),
    )
    return [...(open?.items ?? []), ...(acknowledged?.items ?? [])]
  }, [])
  const replace = (next: AlertView) =>
    state.data && state.set(state.data.map((a) => (a.id === next.id ? next : a)))
  return (
    <section className="card" aria-labelledby="rect-alerts-h" data-testid="rect-alerts">
      <h2 id="rect-alerts-h">{t('rect.alerts')}</h2>
      <p className="muted small">{t('rect.alerts.intro')}</p>
      <AsyncView state={state}>
        {(alerts) =>
          alerts.length ? (
            <ul className="rect-alerts">
              {alerts.map((a) => (
                <li key={a.id} className="rect-alert" data-alert={a.id}>
                  <p>
                    <Link to={alertPage(a.id)}>
                      {t('rect.alert.linkText', {
                        level: tx('rect.alert.level', a.level),
                        place: placeKey(a),
                      })}
                    </Link>{' '}
                    <AlertStatus a={a} />{' '}
                    <strong>{t('rect.alert.evidence', { n: a.problemIds.length })}</strong>
                  </p>
                  <p className="small">
                    <PlaceText place={a} /> · {dateTime(a.raisedAt)}
                  </p>
                  <AlertActions a={a} user={user} onChange={replace} onStale={state.reload} />
                </li>
              ))}
            </ul>
          ) : (
            <p className="empty">{t('rect.alerts.none')}</p>
          )
        }
      </AsyncView>
    </section>
  )
}

export function AlertPage({ alertId, user }: { alertId: string; user: SessionUser }) {
  const { t, tx, dateTime } = useI18n()
  useTitle(t('rect.alert.title'))
  const [stale, setStale] = useState(false)
  const state = useAsync((signal) => staffApi<AlertDetail>(alertPath(alertId), { signal }), [alertId])
  return (
    <>
      <p className="breadcrumb">
        <Link to="/staff/rectification">{t('rect.title')}</Link>
      </p>
      <AsyncView state={state}>
        {(a) => (
          <>
            <PageHeading>
              {t('rect.alert.title')} · {tx('rect.alert.level', a.level)} <AlertStatus a={a} />
            </PageHeading>
            {stale && <Notice kind="warning">{t('rect.order.stale')}</Notice>}
            <section className="card" data-testid="rect-alert">
              <Facts>
                <Fact term={t('rect.problem.place')}>
                  <PlaceText place={a} />
                </Fact>
                <Fact term={t('rect.alert.raisedAt')}>{dateTime(a.raisedAt)}</Fact>
                <Fact term={t('rect.alert.level')}>
                  {t('rect.alert.threshold', { threshold: a.threshold, windowDays: a.windowDays })}
                </Fact>
                {a.dismissed && (
                  <Fact term={t('rect.alert.status.dismissed')}>
                    <span className="user-text">{a.dismissed.reason}</span>
                  </Fact>
                )}
                {a.orderId && (
                  <Fact term={t('rect.alert.order')}>
                    <Link to={orderPage(a.orderId)}>{t('rect.order.header')}</Link>
                  </Fact>
                )}
              </Facts>
              <AlertActions
                a={a}
                user={user}
                onChange={(next) => {
                  setStale(false)
                  state.set({ ...next, problems: a.problems })
                }}
                onStale={() => {
                  setStale(true)
                  state.reload()
                }}
              />
            </section>
            <section className="card" aria-labelledby="rect-alert-problems-h">
              <h2 id="rect-alert-problems-h">
                {t('rect.problems')} ({a.problemIds.length})
              </h2>
              <ProblemTable problems={a.problems.map(problemRow)} caption={t('rect.problems')} />
            </section>
          </>
        )}
      </AsyncView>
    </>
  )
}

export const isStale = (err: unknown) => err instanceof ApiError && err.status === 409
