// The work queues with their counts (GET /cases/queues), the caller's own first, and one queue's list
// (GET /cases?queue=).
import { staffApi } from '../../api/client.ts'
import { QUEUES, type Queue, type QueueCounts, type Role, type SessionUser } from '../../api/types.ts'
import { PageHeading } from '../../components/bits.tsx'
import { AsyncView, useAsync } from '../../components/feedback.tsx'
import { useI18n, useTitle } from '../../i18n/i18n.tsx'
import { Link, useSearchParams } from '../../lib/router.tsx'
import { CaseListLoader } from './case-table.tsx'

/** The queues each role works from. */
const ROLE_QUEUES: Partial<Record<Role, Queue[]>> = {
  dispatcher: ['to_accept', 'returned', 'due_soon', 'overdue'],
  hotline_operator: ['to_accept'],
  handler: ['to_sign', 'in_progress', 'due_soon', 'overdue'],
  dept_lead: ['to_sign', 'reply_review', 'extension_requested', 'due_soon', 'overdue'],
  supervisor: ['overdue', 'due_soon', 'extension_requested', 'returned'],
}

export function queuesFor(user: SessionUser): { mine: Queue[]; others: Queue[] } {
  const mine = QUEUES.filter((q) => user.roles.some((r) => ROLE_QUEUES[r]?.includes(q)))
  return { mine, others: QUEUES.filter((q) => !mine.includes(q)) }
}

const URGENT: readonly Queue[] = ['overdue', 'due_soon', 'extension_requested', 'returned']

export function QueuesPage({ user }: { user: SessionUser }) {
  const { t, tx, number } = useI18n()
  useTitle(t('queues.title'))
  const state = useAsync((signal) => staffApi<QueueCounts>('/cases/queues', { signal }), [])
  const { mine, others } = queuesFor(user)
  const group = (title: string, queues: Queue[], counts: QueueCounts['counts']) =>
    queues.length > 0 && (
      <section aria-label={title}>
        <h2>{title}</h2>
        <ul className="queue-grid">
          {queues.map((q) => {
            const n = counts[q] ?? 0
            return (
              <li key={q}>
                <Link
                  to={`/staff/cases?queue=${q}`}
                  className={`queue-card${n > 0 && URGENT.includes(q) ? ' urgent' : ''}`}
                  data-queue={q}
                >
                  <span className="queue-count">{number(n)}</span>
                  <span className="queue-name">{tx('queue', q)}</span>
                </Link>
              </li>
            )
          })}
        </ul>
      </section>
    )
  return (
    <>
      <PageHeading lead={t('queues.intro')}>{t('queues.title')}</PageHeading>
      <AsyncView state={state}>
        {(data) => (
          <>
            {group(
              mine.length ? t('queues.mine') : t('queues.title'),
              mine.length ? mine : others,
              data.counts,
            )}
            {mine.length > 0 && group(t('queues.others'), others, data.counts)}
            <p>
              <button type="button" className="btn btn-secondary" onClick={state.reload}>
                {t('common.refresh')}
              </button>
            </p>
          </>
        )}
      </AsyncView>
    </>
  )
}

export function CaseListPage() {
  const { t, tx } = useI18n()
  const params = useSearchParams()
  const queue = params.get('queue')
  const valid = queue && (QUEUES as readonly string[]).includes(queue) ? (queue as Queue) : null
  const title = valid ? tx('queue', valid) : t('cases.title')
  useTitle(title)
  return (
    <>
      <p className="breadcrumb">
        <Link to="/staff">{t('staff.nav.queues')}</Link>
      </p>
      <PageHeading>{title}</PageHeading>
      <CaseListLoader query={valid ? { queue: valid } : {}} caption={title} />
    </>
  )
}
