// The routes of the app: the public portal at /, the staff console under /staff (sign-in required; each
// page only for the roles it serves).
import { type ReactNode, useEffect } from 'react'
import { AGENT_ROLES, STATS_ROLES as CB_STATS_ROLES, MANAGE_ROLES } from './api/callbacks.ts'
import { staffApi } from './api/client.ts'
import { DASHBOARD_ROLES, HOTLINE_ROLES } from './api/hotline.ts'
import { POLL_ROLES } from './api/polls.ts'
import {
  CONSOLE_ROLES,
  DEPARTMENT_ROLES,
  KPI_ROLES,
  OFFICER_ROLES,
  ORDER_ROLES,
} from './api/rectification.ts'
import { session } from './api/session.ts'
import type { Role, SessionUser } from './api/types.ts'
import { PageHeading } from './components/bits.tsx'
import { ErrorBoundary } from './components/error-boundary.tsx'
import { Loading } from './components/feedback.tsx'
import { hasRole, PublicLayout, STATS_ROLES, StaffLayout } from './components/layout.tsx'
import { useI18n, useTitle } from './i18n/i18n.tsx'
import { Link, matchPath, navigate, useLocation } from './lib/router.tsx'
import { CalendarPage } from './pages/admin/calendar.tsx'
import { DepartmentsPage } from './pages/admin/departments.tsx'
import { PhoneSearchesPage } from './pages/admin/searches.tsx'
import { TestPhonePage } from './pages/admin/test-phone.tsx'
import { UsersPage } from './pages/admin/users.tsx'
import { DonePage } from './pages/public/done.tsx'
import { FollowPage } from './pages/public/follow.tsx'
import { HomePage } from './pages/public/home.tsx'
import { PollResultsPage, PollsPage } from './pages/public/polls.tsx'
import { PollPage } from './pages/public/polls-vote.tsx'
import { RepliesPage } from './pages/public/replies.tsx'
import { StatsPage } from './pages/public/stats.tsx'
import { WritePage } from './pages/public/write.tsx'
import { CallbackKpiPage } from './pages/staff/callbacks/kpis.tsx'
import { PolicyPage } from './pages/staff/callbacks/policy.tsx'
import { CallbackQueuePage } from './pages/staff/callbacks/queue.tsx'
import { ServiceRecordsPage } from './pages/staff/callbacks/records.tsx'
import { ScriptsPage } from './pages/staff/callbacks/scripts.tsx'
import { CallbackTaskPage } from './pages/staff/callbacks/task.tsx'
import { CasePage } from './pages/staff/case-page.tsx'
import { CallCardPage } from './pages/staff/hotline/call-card.tsx'
import { CallbacksPage } from './pages/staff/hotline/callbacks.tsx'
import { HotlineConsolePage } from './pages/staff/hotline/console.tsx'
import { HotlineDashboardPage } from './pages/staff/hotline/dashboard.tsx'
import { LoginPage } from './pages/staff/login.tsx'
import { EditPollPage, NewPollPage } from './pages/staff/polls/builder.tsx'
import { StaffPollsPage } from './pages/staff/polls/list.tsx'
import { ManagePollPage } from './pages/staff/polls/manage.tsx'
import { CaseListPage, QueuesPage } from './pages/staff/queues.tsx'
import { AlertPage } from './pages/staff/rectification/alerts.tsx'
import { RectificationConsolePage } from './pages/staff/rectification/console.tsx'
import { DepartmentOrdersPage } from './pages/staff/rectification/department.tsx'
import { RectificationKpiPage } from './pages/staff/rectification/kpis.tsx'
import { NewOrderPage } from './pages/staff/rectification/new-order.tsx'
import { OrderPage } from './pages/staff/rectification/order.tsx'
import { SearchPage } from './pages/staff/search.tsx'
import { KpiPage, SupervisionPage } from './pages/staff/supervision.tsx'
import { useSession } from './pages/staff/use-staff.ts'

function NotFound() {
  const { t } = useI18n()
  useTitle(t('error.pageNotFound'))
  return (
    <>
      <PageHeading lead={t('error.pageNotFoundText')}>{t('error.pageNotFound')}</PageHeading>
      <p>
        <Link to="/">{t('nav.home')}</Link>
      </p>
    </>
  )
}

function Forbidden() {
  const { t } = useI18n()
  useTitle(t('error.403'))
  return <PageHeading lead={t('error.403')}>{t('error.title')}</PageHeading>
}

function publicPage(path: string): ReactNode {
  const p = path.replace(/\/+$/, '') || '/'
  const poll = matchPath('/polls/:pollId', p)
  if (poll?.pollId) return <PollPage key={poll.pollId} pollId={poll.pollId} />
  const results = matchPath('/polls/:pollId/results', p)
  if (results?.pollId) return <PollResultsPage key={results.pollId} pollId={results.pollId} />
  switch (p) {
    case '/':
      return <HomePage />
    case '/write':
      return <WritePage />
    case '/write/done':
      return <DonePage />
    case '/follow':
      return <FollowPage />
    case '/replies':
      return <RepliesPage />
    case '/stats':
      return <StatsPage />
    case '/polls':
      return <PollsPage />
    default:
      return <NotFound />
  }
}

function only(user: SessionUser, roles: readonly Role[], page: ReactNode): ReactNode {
  return hasRole(user, ...roles) ? page : <Forbidden />
}

function staffPage(path: string, user: SessionUser): ReactNode {
  const p = path.replace(/\/+$/, '')
  if (p === '/staff') {
    if (pollsOnly(user)) return <Redirect to="/staff/polls" />
    if (callbacksOnly(user)) return <Redirect to="/staff/callbacks" />
    return <QueuesPage user={user} />
  }
  if (p === '/staff/cases') return <CaseListPage />
  const caseMatch = matchPath('/staff/cases/:id', p)
  if (caseMatch?.id) return <CasePage key={caseMatch.id} id={caseMatch.id} user={user} />
  if (p === '/staff/search') return <SearchPage />
  if (p === '/staff/supervision') return only(user, STATS_ROLES, <SupervisionPage />)
  if (p === '/staff/kpi') return only(user, STATS_ROLES, <KpiPage />)
  if (p === '/staff/admin/departments') return only(user, ['admin'], <DepartmentsPage />)
  if (p === '/staff/admin/users') return only(user, ['admin'], <UsersPage />)
  if (p === '/staff/admin/searches') return only(user, ['admin'], <PhoneSearchesPage />)
  if (p === '/staff/admin/calendar') return only(user, ['admin'], <CalendarPage />)
  if (p === '/staff/admin/test-phone') return only(user, ['admin'], <TestPhonePage />)
  if (p === '/staff/hotline') return only(user, HOTLINE_ROLES, <HotlineConsolePage user={user} />)
  const callMatch = matchPath('/staff/hotline/calls/:callId', p)
  if (callMatch?.callId)
    return only(
      user,
      HOTLINE_ROLES,
      <CallCardPage key={callMatch.callId} callId={callMatch.callId} user={user} />,
    )
  if (p === '/staff/hotline/callbacks') return only(user, HOTLINE_ROLES, <CallbacksPage user={user} />)
  if (p === '/staff/hotline/dashboard') return only(user, DASHBOARD_ROLES, <HotlineDashboardPage />)
  if (p === '/staff/polls') return only(user, POLL_ROLES, <StaffPollsPage />)
  if (p === '/staff/polls/new') return only(user, POLL_ROLES, <NewPollPage />)
  const pollMatch = matchPath('/staff/polls/:pollId', p)
  if (pollMatch?.pollId)
    return only(user, POLL_ROLES, <ManagePollPage key={pollMatch.pollId} pollId={pollMatch.pollId} />)
  const editMatch = matchPath('/staff/polls/:pollId/edit', p)
  if (editMatch?.pollId)
    return only(user, POLL_ROLES, <EditPollPage key={editMatch.pollId} pollId={editMatch.pollId} />)
  const rect = rectificationPage(p, user)
  if (rect) return rect
  const surveys = callbackPage(p, user)
  if (surveys) return surveys
  return <NotFound />
}

/** The callback surveys' pages (回访): the queue, a task, service records, scripts, policy, KPIs. */
function callbackPage(p: string, user: SessionUser): ReactNode | null {
  if (p === '/staff/callbacks') return only(user, AGENT_ROLES, <CallbackQueuePage user={user} />)
  if (p === '/staff/callbacks/records') return only(user, MANAGE_ROLES, <ServiceRecordsPage />)
  if (p === '/staff/callbacks/scripts') return only(user, AGENT_ROLES, <ScriptsPage user={user} />)
  if (p === '/staff/callbacks/policy') return only(user, MANAGE_ROLES, <PolicyPage />)
  if (p === '/staff/callbacks/kpis') return only(user, CB_STATS_ROLES, <CallbackKpiPage />)
  const task = matchPath('/staff/callbacks/tasks/:taskId', p)
  if (task?.taskId)
    return only(user, AGENT_ROLES, <CallbackTaskPage key={task.taskId} taskId={task.taskId} user={user} />)
  return null
}

/** The rectification pages (整改): the console, alerts, orders, the department's view, the KPIs. */
function rectificationPage(p: string, user: SessionUser): ReactNode | null {
  if (p === '/staff/rectification') return only(user, CONSOLE_ROLES, <RectificationConsolePage user={user} />)
  if (p === '/staff/rectification/department')
    return only(user, DEPARTMENT_ROLES, <DepartmentOrdersPage user={user} />)
  if (p === '/staff/rectification/kpis') return only(user, KPI_ROLES, <RectificationKpiPage />)
  if (p === '/staff/rectification/orders/new') return only(user, OFFICER_ROLES, <NewOrderPage />)
  const alert = matchPath('/staff/rectification/alerts/:alertId', p)
  if (alert?.alertId)
    return only(user, CONSOLE_ROLES, <AlertPage key={alert.alertId} alertId={alert.alertId} user={user} />)
  const order = matchPath('/staff/rectification/orders/:orderId', p)
  if (order?.orderId)
    return only(user, ORDER_ROLES, <OrderPage key={order.orderId} orderId={order.orderId} user={user} />)
  return null
}

/** A poll manager and nothing else has no case queues: their start page is the polls. */
const pollsOnly = (user: SessionUser) => user.roles.every((r) => r === 'poll_manager')
/** A callback officer and nothing else: their start page is the callback queue. */
const callbacksOnly = (user: SessionUser) => user.roles.every((r) => r === 'callback_agent')

function StaffArea({ path, search }: { path: string; search: string }) {
  const { state, status } = useSession()
  const user = state?.user ?? null

  // a reload or a new tab: the session comes back from the refresh cookie, if there is one
  useEffect(() => {
    if (status === 'unknown') void session.resume()
  }, [status])
  useEffect(() => {
    if (!user && status === 'none')
      navigate(`/staff/login?next=${encodeURIComponent(path + search)}`, { replace: true })
  }, [user, status, path, search])

  // confirm the session once, and pick up changed roles or name
  const userId = user?.id
  useEffect(() => {
    if (!userId) return
    staffApi<SessionUser & { active?: boolean }>('/me').then(
      (me) =>
        session.setUser({
          id: me.id,
          username: me.username,
          displayName: me.displayName,
          roles: me.roles,
          departmentId: me.departmentId,
        }),
      () => {
        // a 401 has already ended the session; anything else leaves it as it is
      },
    )
  }, [userId])

  if (!user) return <Loading />
  return (
    <StaffLayout user={user}>
      <ErrorBoundary resetKey={path}>{staffPage(path, user)}</ErrorBoundary>
    </StaffLayout>
  )
}

/** An address kept for a page that lives under /staff (the test phone: /admin/test-phone). */
function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to])
  return <Loading />
}

export function App() {
  const { path, search } = useLocation()
  if (path.replace(/\/+$/, '') === '/admin/test-phone') return <Redirect to="/staff/admin/test-phone" />
  if (path === '/staff/login') {
    return (
      <PublicLayout>
        <LoginPage />
      </PublicLayout>
    )
  }
  if (path === '/staff' || path.startsWith('/staff/')) return <StaffArea path={path} search={search} />
  return (
    <PublicLayout>
      <ErrorBoundary resetKey={path}>{publicPage(path)}</ErrorBoundary>
    </PublicLayout>
  )
}
