// Orders as a table: number (a link to the order), title, department and place, status, deadline (overdue
// marked), priority, and what is owed next. Overdue orders first, then by deadline.
import { type OrderSummary, orderPage } from '../../../api/rectification.ts'
import { Badge } from '../../../components/bits.tsx'
import { useI18n } from '../../../i18n/i18n.tsx'
import { Link } from '../../../lib/router.tsx'
import { OrderStatusBadge, PlaceText, PriorityBadge } from './shared.tsx'

/** The service says whether an order is past its deadline while the department still owes. */
export const isOverdue = (o: Pick<OrderSummary, 'overdue'>) => o.overdue

/** Overdue first, then the nearest deadline; closed orders last. */
export function byUrgency(a: OrderSummary, b: OrderSummary): number {
  const closed = (o: OrderSummary) => (o.status === 'closed' ? 1 : 0)
  return (
    closed(a) - closed(b) ||
    Number(isOverdue(b)) - Number(isOverdue(a)) ||
    Date.parse(a.dueAt) - Date.parse(b.dueAt)
  )
}

export function OrderTable({ orders, caption }: { orders: OrderSummary[]; caption: string }) {
  const { t, tx, dateTime } = useI18n()
  if (!orders.length) return <p className="empty">{t('rect.noOrders')}</p>
  return (
    <div className="table-wrap">
      <table className="data-table" data-testid="rect-orders">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('rect.col.number')}</th>
            <th scope="col">{t('rect.col.title')}</th>
            <th scope="col">{t('rect.col.place')}</th>
            <th scope="col">{t('rect.col.status')}</th>
            <th scope="col">{t('rect.col.due')}</th>
            <th scope="col">{t('rect.col.priority')}</th>
            <th scope="col">{t('rect.col.next')}</th>
          </tr>
        </thead>
        <tbody>
          {[...orders].sort(byUrgency).map((o) => {
            const overdue = isOverdue(o)
            return (
              <tr key={o.orderId} className={overdue ? 'row-overdue' : undefined} data-order={o.number}>
                <td className="mono rect-number">
                  <Link to={orderPage(o.orderId)}>{o.number}</Link>
                </td>
                <td>
                  <span className="user-text">{o.title}</span>
                </td>
                <td>
                  <PlaceText place={o} />
                </td>
                <td>
                  <OrderStatusBadge status={o.status} />
                </td>
                <td>
                  {dateTime(o.dueAt)} {overdue && <Badge tone="danger">{t('rect.overdue')}</Badge>}
                </td>
                <td>
                  <PriorityBadge priority={o.priority} />
                </td>
                <td className="small">{tx('rect.next', o.status, { at: dateTime(o.acknowledgeBy) })}</td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
