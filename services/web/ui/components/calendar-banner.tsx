// The staff console's warning that next year has no working-day table: from 1 November (Asia/Shanghai,
// judged by the calendar service on its clock: `warning` of GET /calendar/coverage) while next year is not
// covered, for administrators and supervisors; administrators get the link to the calendar page.
import { useEffect, useState } from 'react'
import { staffApi } from '../api/client.ts'
import type { Coverage, SessionUser } from '../api/types.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { Link, useLocation } from '../lib/router.tsx'
import { hasRole } from './layout.tsx'

export function CalendarBanner({ user }: { user: SessionUser }) {
  const { t } = useI18n()
  const { path } = useLocation()
  const [coverage, setCoverage] = useState<Coverage | null>(null)
  const shown = hasRole(user, 'admin', 'supervisor')
  // asked again on each page, so that the banner goes once the year is published
  // biome-ignore lint/correctness/useExhaustiveDependencies: `path` asks again after a navigation
  useEffect(() => {
    if (!shown) return
    const ctrl = new AbortController()
    staffApi<Coverage>('/calendar/coverage', { signal: ctrl.signal }).then(
      (c) => setCoverage(c),
      () => {
        // the calendar service is unreachable: no banner rather than a wrong one
      },
    )
    return () => ctrl.abort()
  }, [shown, path])
  if (!shown || !coverage?.warning || coverage.nextYearCovered) return null
  const year = coverage.nextYear
  return (
    <div className="calendar-banner" role="status" data-testid="calendar-banner">
      <div className="wrap-wide calendar-banner-row">
        <span className="calendar-banner-icon" aria-hidden="true">
          !
        </span>
        <p>{t('calendar.banner', { year })}</p>
        {hasRole(user, 'admin') && (
          <Link to={`/staff/admin/calendar?year=${year}`}>{t('calendar.banner.link', { year })}</Link>
        )}
      </div>
    </div>
  )
}
