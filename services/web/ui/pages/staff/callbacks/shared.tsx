// What the callback pages share: the task's status badge, its subject in words, a rate with its sample
// size and 95 % interval (and whether it is the stratified estimate), and the Shanghai wall clock for the
// "call back later" time.
import type { StatsRow, TaskStatus, TaskView } from '../../../api/callbacks.ts'
import { Badge } from '../../../components/bits.tsx'
import { useI18n } from '../../../i18n/i18n.tsx'

const STATUS_TONE: Record<TaskStatus, string> = {
  open: 'tone-new',
  claimed: 'tone-work',
  completed: 'tone-done',
  unreachable: 'tone-muted',
}

export function TaskStatusBadge({ status }: { status: TaskStatus }) {
  const { tx } = useI18n()
  return (
    <span className={`badge ${STATUS_TONE[status] ?? ''}`} data-status={status}>
      {tx('cb.status', status)}
    </span>
  )
}

/** The service type in words (a type the app does not name is shown as the service sends it). */
export function useServiceType(): (type: string) => string {
  const { tx } = useI18n()
  return (type) => tx('cb.type', type)
}

/** A case by its tracking code, or a service record by source and record id. */
export function SubjectText({ task }: { task: TaskView }) {
  const { t } = useI18n()
  if (task.subjectKind === 'case')
    return <span>{t('cb.subject.case', { code: task.trackingCode ?? '—' })}</span>
  return (
    <span>
      {t('cb.subject.record', {
        source: task.serviceRecord?.source ?? '—',
        id: task.serviceRecord?.recordId ?? '—',
      })}
    </span>
  )
}

/** A satisfaction estimate: the rate, n, and the 95 % interval; "stratified" when the service says so. */
export function Estimate({ s }: { s: StatsRow['satisfaction'] }) {
  const { t, percent, number } = useI18n()
  if (s.rate === null) return <span className="muted">{t('cb.kpi.noAnswers')}</span>
  return (
    <span className="cb-estimate" data-method={s.method}>
      <strong>{percent(s.rate)}</strong>{' '}
      <span className="muted small">
        {t('cb.kpi.n', { n: number(s.n) })}
        {s.interval &&
          ` · ${t('cb.kpi.interval', { low: percent(s.interval.low), high: percent(s.interval.high) })}`}
      </span>{' '}
      {s.method === 'stratified' && <Badge tone="warn">{t('cb.kpi.stratified')}</Badge>}
    </span>
  )
}

/** `YYYY-MM-DDTHH:MM` of a datetime-local field, read as Asia/Shanghai, to an ISO instant. */
export function shanghaiToIso(local: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local)
  if (!m) return null
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number]
  const ms = Date.UTC(y, mo - 1, d, h - 8, mi)
  return Number.isNaN(ms) ? null : new Date(ms).toISOString()
}
