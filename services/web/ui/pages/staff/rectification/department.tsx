// The responsible department's view (its lead and handlers): its open orders with what is owed next and
// the deadlines, its closed ones, and its appeals. The service answers with this department's orders only.
import { staffApi } from '../../../api/client.ts'
import { type AppealView, type OrderSummary, RECT } from '../../../api/rectification.ts'
import type { Page, SessionUser } from '../../../api/types.ts'
import { PageHeading } from '../../../components/bits.tsx'
import { AsyncView, useAsync } from '../../../components/feedback.tsx'
import { useI18n, useTitle } from '../../../i18n/i18n.tsx'
import { AppealList } from './appeals.tsx'
import { OrderTable } from './order-table.tsx'
import { useDeptName } from './shared.tsx'

export function DepartmentOrdersPage({ user }: { user: SessionUser }) {
  const { t } = useI18n()
  useTitle(t('rect.dept.title'))
  const dept = useDeptName()
  const orders = useAsync(
    (signal) => staffApi<Page<OrderSummary>>(`${RECT}/orders`, { query: { limit: 100 }, signal }),
    [],
  )
  const appeals = useAsync(
    (signal) => staffApi<Page<AppealView>>(`${RECT}/appeals`, { query: { limit: 100 }, signal }),
    [],
  )
  return (
    <>
      <PageHeading lead={t('rect.dept.intro')}>
        {t('rect.dept.title')} · {dept(user.departmentId)}
      </PageHeading>
      <AsyncView state={orders}>
        {(page) => (
          <>
            <section aria-labelledby="rect-dept-open-h" data-testid="rect-dept-open">
              <h2 id="rect-dept-open-h">{t('rect.dept.open')}</h2>
              <OrderTable
                orders={page.items.filter((o) => o.status !== 'closed')}
                caption={t('rect.dept.open')}
              />
            </section>
            <section aria-labelledby="rect-dept-closed-h">
              <h2 id="rect-dept-closed-h">{t('rect.dept.closed')}</h2>
              <OrderTable
                orders={page.items.filter((o) => o.status === 'closed')}
                caption={t('rect.dept.closed')}
              />
            </section>
          </>
        )}
      </AsyncView>
      <section aria-labelledby="rect-dept-appeals-h">
        <h2 id="rect-dept-appeals-h">{t('rect.appeals')}</h2>
        <p className="muted small">{t('rect.appeal.intro')}</p>
        <AsyncView state={appeals}>
          {(page) => (
            <AppealList appeals={page.items} user={user} onChange={appeals.reload} onStale={appeals.reload} />
          )}
        </AsyncView>
      </section>
    </>
  )
}
