// The discipline console (纪检监察): orders by status with their counts, overdue first, filtered by
// department and priority; the alerts panel beside them. Discipline officers act; supervisors read.
import { staffApi } from '../../../api/client.ts'
import {
  OFFICER_ROLES,
  ORDER_STATUSES,
  type OrderStatus,
  type OrderSummary,
  PRIORITIES,
  RECT,
} from '../../../api/rectification.ts'
import type { Page, SessionUser } from '../../../api/types.ts'
import { PageHeading } from '../../../components/bits.tsx'
import { AsyncView, Notice, useAsync } from '../../../components/feedback.tsx'
import { CheckboxField, SelectField } from '../../../components/fields.tsx'
import { hasRole } from '../../../components/layout.tsx'
import { useI18n, useTitle } from '../../../i18n/i18n.tsx'
import { Link, navigate, useSearchParams } from '../../../lib/router.tsx'
import { useDepartments } from '../use-staff.ts'
import { AlertsPanel } from './alerts.tsx'
import { OrderTable } from './order-table.tsx'

type Tab = OrderStatus | 'open' | 'all'
const TABS: readonly Tab[] = ['open', ...ORDER_STATUSES, 'all']

/** The console's filters live in the address, so that a link or a reload keeps them. */
function useFilters() {
  const params = useSearchParams()
  const raw = params.get('status') ?? 'open'
  const tab: Tab = (TABS as readonly string[]).includes(raw) ? (raw as Tab) : 'open'
  const departmentId = params.get('departmentId') ?? ''
  const priority = (PRIORITIES as readonly string[]).includes(params.get('priority') ?? '')
    ? (params.get('priority') as string)
    : ''
  const overdue = params.get('overdue') === 'true'
  const go = (next: Partial<{ tab: Tab; departmentId: string; priority: string; overdue: boolean }>) => {
    const q = new URLSearchParams()
    const v = { tab, departmentId, priority, overdue, ...next }
    if (v.tab !== 'open') q.set('status', v.tab)
    if (v.departmentId) q.set('departmentId', v.departmentId)
    if (v.priority) q.set('priority', v.priority)
    if (v.overdue) q.set('overdue', 'true')
    const s = q.toString()
    navigate(`/staff/rectification${s ? `?${s}` : ''}`, { replace: true })
  }
  return { tab, departmentId, priority, overdue, go }
}

export function RectificationConsolePage({ user }: { user: SessionUser }) {
  const { t, tx, number, deptName } = useI18n()
  useTitle(t('rect.title'))
  const { list: departments } = useDepartments()
  const { tab, departmentId, priority, overdue, go } = useFilters()
  const officer = hasRole(user, ...OFFICER_ROLES)
  // every order the filters allow, once; the tabs count them and show one status
  const state = useAsync(
    async (signal) => {
      const items: OrderSummary[] = []
      let cursor: string | null = null
      do {
        const page: Page<OrderSummary> = await staffApi<Page<OrderSummary>>(`${RECT}/orders`, {
          query: { departmentId, priority, overdue: overdue || undefined, cursor, limit: 100 },
          signal,
        })
        items.push(...page.items)
        cursor = page.nextCursor
      } while (cursor && items.length < 1000)
      return items
    },
    [departmentId, priority, overdue],
  )
  const inTab = (o: OrderSummary, s: Tab) =>
    s === 'all' ? true : s === 'open' ? o.status !== 'closed' : o.status === s

  return (
    <>
      <PageHeading lead={t('rect.intro')}>{t('rect.title')}</PageHeading>
      {!officer && <Notice kind="info">{t('rect.readOnly')}</Notice>}
      {officer && (
        <p>
          <Link to="/staff/rectification/orders/new" className="btn btn-primary" data-testid="rect-new-order">
            {t('rect.newOrder')}
          </Link>
        </p>
      )}
      <div className="rect-console">
        <div className="rect-console-main">
          <form className="card filters" onSubmit={(e) => e.preventDefault()} aria-label={t('rect.orders')}>
            <SelectField
              id="rect-filter-department"
              label={t('rect.filter.department')}
              value={departmentId}
              onChange={(e) => go({ departmentId: e.target.value })}
            >
              <option value="">{t('common.all')}</option>
              {departments.map((d) => (
                <option key={d.id} value={d.id}>
                  {deptName(d)}
                </option>
              ))}
            </SelectField>
            <SelectField
              id="rect-filter-priority"
              label={t('rect.filter.priority')}
              value={priority}
              onChange={(e) => go({ priority: e.target.value })}
            >
              <option value="">{t('common.all')}</option>
              {PRIORITIES.map((p) => (
                <option key={p} value={p}>
                  {tx('rect.priority', p)}
                </option>
              ))}
            </SelectField>
            <CheckboxField
              id="rect-filter-overdue"
              label={t('rect.filter.overdue')}
              checked={overdue}
              onChange={(e) => go({ overdue: e.target.checked })}
            />
          </form>
          <AsyncView state={state}>
            {(orders) => (
              <>
                <nav aria-label={t('rect.byStatus')} className="hl-tabs" data-testid="rect-tabs">
                  {TABS.map((s) => {
                    const label = s === 'all' ? t('common.all') : tx('rect.status', s)
                    return (
                      <button
                        key={s}
                        type="button"
                        className={`hl-tab${s === tab ? ' current' : ''}`}
                        aria-pressed={s === tab}
                        onClick={() => go({ tab: s })}
                        data-tab={s}
                      >
                        {label}{' '}
                        <span className="badge tone-muted">
                          {number(orders.filter((o) => inTab(o, s)).length)}
                        </span>
                      </button>
                    )
                  })}
                </nav>
                <OrderTable
                  orders={orders.filter((o) => inTab(o, tab))}
                  caption={`${t('rect.orders')}: ${tab === 'all' ? t('common.all') : tx('rect.status', tab)}`}
                />
              </>
            )}
          </AsyncView>
        </div>
        <aside className="rect-console-side">
          <AlertsPanel user={user} />
        </aside>
      </div>
    </>
  )
}
