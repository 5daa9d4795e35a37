// The frames of the two halves of the app: the public portal and the staff console. Both have a skip link,
// the language switch, and move focus to the page heading after a navigation (as a page load would).
import { type ReactNode, useEffect, useRef } from 'react'
import { AGENT_ROLES, STATS_ROLES as CB_STATS_ROLES, MANAGE_ROLES } from '../api/callbacks.ts'
import { DASHBOARD_ROLES, HOTLINE_ROLES } from '../api/hotline.ts'
import { POLL_ROLES } from '../api/polls.ts'
import { CONSOLE_ROLES, DEPARTMENT_ROLES, KPI_ROLES } from '../api/rectification.ts'
import { session } from '../api/session.ts'
import type { Role, SessionUser } from '../api/types.ts'
import { useI18n } from '../i18n/i18n.tsx'
import type { MessageKey } from '../i18n/zh-CN.ts'
import { Link, NavLink, navigate, useLocation } from '../lib/router.tsx'
import { CalendarBanner } from './calendar-banner.tsx'

function LangSwitch() {
  const { lang, setLang, t } = useI18n()
  const other = lang === 'zh-CN' ? 'en' : 'zh-CN'
  return (
    <button
      type="button"
      className="btn btn-ghost lang-switch"
      lang={other}
      aria-label={t('app.lang.switch')}
      onClick={() => setLang(other)}
      data-testid="lang-switch"
    >
      {t('app.lang.other')}
    </button>
  )
}

/** After a client-side navigation, focus the new page's heading and scroll to the top. */
function useFocusOnNavigate(main: React.RefObject<HTMLElement | null>) {
  const { path } = useLocation()
  const first = useRef(true)
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each path change
  useEffect(() => {
    if (first.current) {
      first.current = false
      return
    }
    window.scrollTo(0, 0)
    // the page may render its heading after loading: try again briefly
    let tries = 0
    const focus = () => {
      const h1 = main.current?.querySelector('h1')
      if (h1) (h1 as HTMLElement).focus({ preventScroll: true })
      else if (tries++ < 10) setTimeout(focus, 50)
    }
    focus()
  }, [path])
}

function Brand({ to }: { to: string }) {
  const { t } = useI18n()
  return (
    <Link to={to} className="brand">
      <span className="emblem" aria-hidden="true" lang="zh-CN">
        听
      </span>
      <span className="brand-text">
        <span className="brand-org">{t('app.org')}</span>
        <span className="brand-name">
          {t('app.name')} · {t('home.title')}
        </span>
      </span>
    </Link>
  )
}

export function PublicLayout({ children }: { children: ReactNode }) {
  const { t } = useI18n()
  const main = useRef<HTMLElement>(null)
  useFocusOnNavigate(main)
  const links: Array<[string, MessageKey]> = [
    ['/', 'nav.home'],
    ['/write', 'nav.write'],
    ['/follow', 'nav.follow'],
    ['/replies', 'nav.replies'],
    ['/stats', 'nav.stats'],
    ['/polls', 'nav.polls'],
  ]
  return (
    <div className="shell public">
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <header className="site-header no-print">
        <div className="wrap header-row">
          <Brand to="/" />
          <div className="header-tools">
            <LangSwitch />
            <Link to="/staff" className="btn btn-ghost">
              {t('nav.staff')}
            </Link>
          </div>
        </div>
        <nav aria-label={t('nav.main')} className="site-nav">
          <ul className="wrap">
            {links.map(([to, key]) => (
              <li key={to}>
                <NavLink to={to} exact={to === '/'}>
                  {t(key)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" ref={main} tabIndex={-1} className="wrap main">
        {children}
      </main>
      <footer className="site-footer no-print">
        <div className="wrap">
          <p>{t('footer.emergency')}</p>
          <p>{t('footer.privacy')}</p>
          <p className="muted">{t('footer.copyright')}</p>
        </div>
      </footer>
    </div>
  )
}

export const STATS_ROLES: readonly Role[] = ['admin', 'dispatcher', 'supervisor', 'discipline_officer']

export const hasRole = (user: SessionUser | null, ...roles: readonly Role[]) =>
  Boolean(user?.roles.some((r) => roles.includes(r)))

export function StaffLayout({ user, children }: { user: SessionUser; children: ReactNode }) {
  const { t, tx } = useI18n()
  const main = useRef<HTMLElement>(null)
  useFocusOnNavigate(main)
  const links: Array<[string, MessageKey, boolean]> = [
    ['/staff', 'staff.nav.queues', !user.roles.every((r) => r === 'poll_manager' || r === 'callback_agent')],
    [
      '/staff/search',
      'staff.nav.search',
      !user.roles.every((r) => r === 'poll_manager' || r === 'callback_agent'),
    ],
    ['/staff/polls', 'staff.nav.polls', hasRole(user, ...POLL_ROLES)],
    ['/staff/hotline', 'staff.nav.hotline', hasRole(user, ...HOTLINE_ROLES)],
    ['/staff/hotline/callbacks', 'staff.nav.callbacks', hasRole(user, ...HOTLINE_ROLES)],
    ['/staff/hotline/dashboard', 'staff.nav.hotlineDashboard', hasRole(user, ...DASHBOARD_ROLES)],
    ['/staff/supervision', 'staff.nav.supervision', hasRole(user, ...STATS_ROLES)],
    ['/staff/kpi', 'staff.nav.kpi', hasRole(user, ...STATS_ROLES)],
    ['/staff/rectification', 'staff.nav.rectification', hasRole(user, ...CONSOLE_ROLES)],
    ['/staff/rectification/department', 'staff.nav.rectDepartment', hasRole(user, ...DEPARTMENT_ROLES)],
    ['/staff/rectification/kpis', 'staff.nav.rectKpis', hasRole(user, ...KPI_ROLES)],
    ['/staff/callbacks', 'staff.nav.surveys', hasRole(user, ...AGENT_ROLES)],
    ['/staff/callbacks/records', 'staff.nav.surveyRecords', hasRole(user, ...MANAGE_ROLES)],
    ['/staff/callbacks/scripts', 'staff.nav.surveyScripts', hasRole(user, ...AGENT_ROLES)],
    ['/staff/callbacks/policy', 'staff.nav.surveyPolicy', hasRole(user, ...MANAGE_ROLES)],
    ['/staff/callbacks/kpis', 'staff.nav.surveyKpis', hasRole(user, ...CB_STATS_ROLES)],
    ['/staff/admin/departments', 'staff.nav.departments', hasRole(user, 'admin')],
    ['/staff/admin/users', 'staff.nav.users', hasRole(user, 'admin')],
    ['/staff/admin/searches', 'staff.nav.searches', hasRole(user, 'admin')],
    ['/staff/admin/calendar', 'staff.nav.calendar', hasRole(user, 'admin')],
    ['/staff/admin/test-phone', 'staff.nav.testPhone', hasRole(user, 'admin')],
  ]
  const logout = async () => {
    await session.logout()
    navigate('/staff/login')
  }
  return (
    <div className="shell staff">
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <header className="site-header staff-header no-print">
        <div className="wrap-wide header-row">
          <Brand to="/staff" />
          <span className="console-name">{t('staff.console')}</span>
          <div className="header-tools">
            <span className="whoami" data-testid="whoami">
              {t('staff.signedInAs', {
                name: user.displayName,
                roles: user.roles.map((r) => tx('role', r)).join('、'),
              })}
            </span>
            <LangSwitch />
            <button type="button" className="btn btn-ghost" onClick={logout}>
              {t('staff.logout')}
            </button>
          </div>
        </div>
        <nav aria-label={t('staff.nav')} className="site-nav">
          <ul className="wrap-wide">
            {links
              .filter(([, , show]) => show)
              .map(([to, key]) => (
                <li key={to}>
                  <NavLink
                    to={to}
                    exact={
                      to === '/staff' ||
                      to === '/staff/hotline' ||
                      to === '/staff/rectification' ||
                      to === '/staff/callbacks'
                    }
                  >
                    {t(key)}
                  </NavLink>
                </li>
              ))}
            <li className="nav-right">
              <Link to="/">{t('staff.nav.public')}</Link>
            </li>
          </ul>
        </nav>
      </header>
      <CalendarBanner user={user} />
      <main id="main" ref={main} tabIndex={-1} className="wrap-wide main">
        {children}
      </main>
    </div>
  )
}
