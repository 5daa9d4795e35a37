// One case: the letter (citizen data masked by the API as the role requires), the reply, the timeline
// (with its hash-chain check), how it is handled, and a form for every action the server says the caller
// may take now. The parts live in ./case/.
import { staffApi } from '../../api/client.ts'
import type { CaseView, SessionUser } from '../../api/types.ts'
import { PageHeading, StatusBadge } from '../../components/bits.tsx'
import { AsyncView, useAsync } from '../../components/feedback.tsx'
import { useI18n, useTitle } from '../../i18n/i18n.tsx'
import { Link } from '../../lib/router.tsx'
import { ActionsPanel } from './case/actions-panel.tsx'
import { CaseCallbacks } from './case/callbacks.tsx'
import { HandlingDetails } from './case/details.tsx'
import { LetterCard, ReplyCard } from './case/letter.tsx'
import { Timeline } from './case/timeline.tsx'
import { CaseFlags } from './case-table.tsx'

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
        {(c) => (
          <>
            <PageHeading>
              {t('case.title', { code: c.trackingCode })} <StatusBadge status={c.status} />{' '}
              <CaseFlags c={c} />
            </PageHeading>
            <div className="case-layout">
              <div className="case-main">
                <LetterCard c={c} />
                <ReplyCard c={c} />
                <Timeline c={c} user={user} />
              </div>
              <aside className="case-side">
                <ActionsPanel c={c} user={user} onChange={state.set} reload={state.reload} />
                <HandlingDetails c={c} user={user} />
                <CaseCallbacks c={c} user={user} />
              </aside>
            </div>
          </>
        )}
      </AsyncView>
    </>
  )
}
