// Staff: every poll by status (GET /polls/manage?status=), newest first, paged by cursor.
import { useState } from 'react'
import { staffApi } from '../../../api/client.ts'
import {
  POLL_STATUSES,
  POLLS,
  type PollStatus,
  type StaffPollSummary,
  shanghaiText,
} from '../../../api/polls.ts'
import type { Page } from '../../../api/types.ts'
import { PageHeading } from '../../../components/bits.tsx'
import { AsyncView, ErrorMessage, useAsync } from '../../../components/feedback.tsx'
import { useI18n, useTitle } from '../../../i18n/i18n.tsx'
import { Link, navigate, useSearchParams } from '../../../lib/router.tsx'
import { PhaseBadge, RuleText } from '../../public/polls-shared.tsx'

export function StaffPollsPage() {
  const { t, tx, number } = useI18n()
  useTitle(t('pm.list.title'))
  const params = useSearchParams()
  const raw = params.get('status') ?? ''
  const status = (POLL_STATUSES as readonly string[]).includes(raw) ? (raw as PollStatus) : undefined
  const [more, setMore] = useState<{ items: StaffPollSummary[]; cursor: string | null; error: unknown }>({
    items: [],
    cursor: null,
    error: null,
  })
  const state = useAsync(
    async (signal) => {
      const page = await staffApi<Page<StaffPollSummary>>(`${POLLS}/manage`, { query: { status }, signal })
      setMore({ items: [], cursor: page.nextCursor, error: null })
      return page
    },
    [status],
  )
  const loadMore = async () => {
    try {
      const page = await staffApi<Page<StaffPollSummary>>(`${POLLS}/manage`, {
        query: { status, cursor: more.cursor },
      })
      setMore((m) => ({ items: [...m.items, ...page.items], cursor: page.nextCursor, error: null }))
    } catch (err) {
      setMore((m) => ({ ...m, error: err }))
    }
  }
  const tabs: Array<[string, string]> = [
    ['', t('common.all')],
    ...POLL_STATUSES.map((s) => [s, tx('pm.status', s)] as [string, string]),
  ]
  return (
    <>
      <PageHeading lead={t('pm.list.intro')}>{t('pm.list.title')}</PageHeading>
      <p>
        <Link to="/staff/polls/new" className="btn btn-primary" data-testid="pm-new">
          {t('pm.new')}
        </Link>
      </p>
      <nav aria-label={t('pm.list.byStatus')} className="hl-tabs">
        {tabs.map(([s, label]) => (
          <Link
            key={s || 'all'}
            to={s ? `/staff/polls?status=${s}` : '/staff/polls'}
            className={`hl-tab${(status ?? '') === s ? ' current' : ''}`}
            aria-current={(status ?? '') === s ? 'page' : undefined}
          >
            {label}
          </Link>
        ))}
      </nav>
      <AsyncView state={state}>
        {(page) => {
          const items = [...page.items, ...more.items]
          if (!items.length) return <p className="empty">{t('common.noResults')}</p>
          return (
            <>
              <div className="table-wrap">
                <table className="data-table" data-testid="pm-list">
                  <caption className="sr-only">{t('pm.list.title')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('pm.field.title')}</th>
                      <th scope="col">{t('pm.list.status')}</th>
                      <th scope="col">{t('poll.rule')}</th>
                      <th scope="col">{t('pm.field.opensAt')}</th>
                      <th scope="col">{t('pm.field.closesAt')}</th>
                      <th scope="col">{t('pm.list.ballots')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {items.map((p) => (
                      <tr key={p.pollId}>
                        <td>
                          <Link to={`/staff/polls/${encodeURIComponent(p.pollId)}`}>{p.title}</Link>
                        </td>
                        <td>
                          {tx('pm.status', p.status)} <PhaseBadge phase={p.phase} />
                        </td>
                        <td>
                          <RuleText label={p.ruleLabel} />
                        </td>
                        <td>{shanghaiText(p.opensAt)}</td>
                        <td>{shanghaiText(p.closesAt)}</td>
                        <td className="num">{p.ballots === null ? '—' : number(p.ballots)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {more.error ? <ErrorMessage error={more.error} /> : null}
              {more.cursor && (
                <button type="button" className="btn btn-secondary" onClick={() => void loadMore()}>
                  {t('common.more')}
                </button>
              )}
            </>
          )
        }}
      </AsyncView>
    </>
  )
}

/** After a create or a duplicate: the new poll's page. */
export const openPoll = (pollId: string, suffix = '') =>
  navigate(`/staff/polls/${encodeURIComponent(pollId)}${suffix}`)
