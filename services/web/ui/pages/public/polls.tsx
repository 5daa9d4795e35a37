// The public polls: the open and recently closed ones (GET /polls), and a poll's results page
// (GET /polls/{id}/results) when its visibility allows.
import { ApiError, publicApi } from '../../api/client.ts'
import { POLLS, type PollResults, type PublicPollSummary, shanghaiText } from '../../api/polls.ts'
import { PageHeading } from '../../components/bits.tsx'
import { AsyncView, ErrorMessage, Loading, Notice, useAsync } from '../../components/feedback.tsx'
import { useI18n, useTitle } from '../../i18n/i18n.tsx'
import { Link } from '../../lib/router.tsx'
import { PhaseBadge, ResultsView, RuleText } from './polls-shared.tsx'

function PollCard({ p }: { p: PublicPollSummary }) {
  const { t } = useI18n()
  const path = `/polls/${encodeURIComponent(p.pollId)}`
  return (
    <li className="card poll-card" data-testid="poll-card">
      <h3>
        <Link to={path}>{p.title}</Link> <PhaseBadge phase={p.phase} />
      </h3>
      <p className="muted small">
        {p.phase === 'open'
          ? t('poll.closesAt', { at: shanghaiText(p.closesAt) })
          : t('poll.closedAt', { at: shanghaiText(p.closesAt) })}
      </p>
      <p className="small">
        {t('poll.rule')}: <RuleText label={p.ruleLabel} />
      </p>
      <p className="row-actions">
        {p.phase === 'open' && (
          <Link to={path} className="btn btn-primary btn-small">
            {t('poll.vote')}
          </Link>
        )}
        {p.resultsAvailable && (
          <Link to={`${path}/results`} className="btn btn-secondary btn-small">
            {t('poll.results')}
          </Link>
        )}
      </p>
    </li>
  )
}

export function PollsPage() {
  const { t } = useI18n()
  useTitle(t('poll.list.title'))
  const state = useAsync((signal) => publicApi<{ items: PublicPollSummary[] }>(POLLS, { signal }), [])
  return (
    <>
      <PageHeading lead={t('poll.list.intro')}>{t('poll.list.title')}</PageHeading>
      <AsyncView state={state}>
        {({ items }) => {
          const open = items.filter((p) => p.phase === 'open')
          const closed = items.filter((p) => p.phase !== 'open')
          return (
            <>
              <section aria-labelledby="polls-open">
                <h2 id="polls-open">{t('poll.list.open')}</h2>
                {open.length ? (
                  <ul className="poll-cards" data-testid="polls-open">
                    {open.map((p) => (
                      <PollCard key={p.pollId} p={p} />
                    ))}
                  </ul>
                ) : (
                  <p className="empty">{t('poll.list.noneOpen')}</p>
                )}
              </section>
              <section aria-labelledby="polls-closed">
                <h2 id="polls-closed">{t('poll.list.closed')}</h2>
                {closed.length ? (
                  <ul className="poll-cards">
                    {closed.map((p) => (
                      <PollCard key={p.pollId} p={p} />
                    ))}
                  </ul>
                ) : (
                  <p className="empty">{t('poll.list.noneClosed')}</p>
                )}
              </section>
            </>
          )
        }}
      </AsyncView>
    </>
  )
}

export function PollResultsPage({ pollId }: { pollId: string }) {
  const { t } = useI18n()
  const state = useAsync(
    (signal) => publicApi<PollResults>(`${POLLS}/${encodeURIComponent(pollId)}/results`, { signal }),
    [pollId],
  )
  useTitle(state.data ? `${state.data.title} · ${t('poll.results')}` : t('poll.results'))
  const back = (
    <p className="breadcrumb">
      <Link to="/polls">{t('nav.polls')}</Link> ›{' '}
      <Link to={`/polls/${encodeURIComponent(pollId)}`}>{state.data?.title ?? t('poll.poll')}</Link>
    </p>
  )
  if (state.error instanceof ApiError && state.error.status === 403)
    return (
      <>
        {back}
        <PageHeading>{t('poll.results')}</PageHeading>
        <Notice>
          <p>
            {state.error.problem.code === 'TJ_RESULTS_NOT_PUBLIC' &&
            /staff/.test(state.error.problem.detail ?? '')
              ? t('poll.res.staffOnly')
              : t('poll.res.notYet')}
          </p>
        </Notice>
      </>
    )
  if (state.error) return <ErrorMessage error={state.error} onRetry={state.reload} />
  if (!state.data) return <Loading />
  return (
    <>
      {back}
      <PageHeading lead={t('poll.res.intro')}>{state.data.title}</PageHeading>
      <ResultsView results={state.data} />
    </>
  )
}
