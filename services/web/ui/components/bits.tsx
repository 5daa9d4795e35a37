// Small shared pieces: copy button, status badge, definition lists, page headings.
import { type ReactNode, useState } from 'react'
import type { CaseStatus } from '../api/types.ts'
import { useI18n } from '../i18n/i18n.tsx'

export function CopyButton({ value, label }: { value: string; label: string }) {
  const { t } = useI18n()
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle')
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value)
      setState('copied')
    } catch {
      setState('failed')
    }
    setTimeout(() => setState('idle'), 4000)
  }
  return (
    <>
      <button type="button" className="btn btn-secondary btn-small no-print" onClick={copy}>
        {state === 'copied' ? t('common.copied') : label}
      </button>
      <span className="sr-only" role="status" aria-live="polite">
        {state === 'copied' ? t('common.copied') : ''}
      </span>
      {state === 'failed' && <span className="field-error">{t('common.copyFailed')}</span>}
    </>
  )
}

const STATUS_TONE: Record<CaseStatus, string> = {
  received: 'tone-new',
  not_accepted: 'tone-muted',
  assigned: 'tone-new',
  in_progress: 'tone-work',
  reply_review: 'tone-work',
  replied: 'tone-done',
  closed: 'tone-done',
  merged: 'tone-muted',
}

export function StatusBadge({ status }: { status: CaseStatus }) {
  const { tx } = useI18n()
  return <span className={`badge ${STATUS_TONE[status] ?? ''}`}>{tx('status', status)}</span>
}

export function Badge({
  tone,
  children,
}: {
  tone: 'warn' | 'danger' | 'muted' | 'done'
  children: ReactNode
}) {
  return <span className={`badge tone-${tone}`}>{children}</span>
}

/** A definition list of facts about something. */
export function Facts({ children }: { children: ReactNode }) {
  return <dl className="facts">{children}</dl>
}

export function Fact({ term, children }: { term: ReactNode; children: ReactNode }) {
  return (
    <div className="fact">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  )
}

/** Text written by a citizen or staff member: shown as text, line breaks kept. */
export function UserText({
  text,
  className,
  inline,
}: {
  text: string
  className?: string
  inline?: boolean
}) {
  const cls = `user-text${className ? ` ${className}` : ''}`
  return inline ? <span className={cls}>{text}</span> : <div className={cls}>{text}</div>
}

export function PageHeading({ children, lead }: { children: ReactNode; lead?: ReactNode }) {
  return (
    <header className="page-heading">
      <h1 tabIndex={-1}>{children}</h1>
      {lead && <p className="lead">{lead}</p>}
    </header>
  )
}
