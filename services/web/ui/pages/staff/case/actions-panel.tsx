// The actions the caller may take on the case now — exactly the `actions` tracking sends for this caller
// (tracking derives them from its own rules; the page keeps no copy of them) — and the form of the one
// opened. A 409 stale-version says that someone else changed the case and reloads it.
import { useEffect, useRef, useState } from 'react'
import { ACTIONS, type Action, type CaseView, type SessionUser } from '../../../api/types.ts'
import { Notice } from '../../../components/feedback.tsx'
import { useI18n } from '../../../i18n/i18n.tsx'
import { ActionForm } from './action-form.tsx'

/** The actions the server allows this caller on this case, in the console's order; none if it sent none. */
export function actionsFor(c: CaseView): Action[] {
  return ACTIONS.filter((a) => c.actions?.includes(a))
}

export function ActionsPanel({
  c,
  user,
  onChange,
  reload,
}: {
  c: CaseView
  user: SessionUser
  onChange(c: CaseView): void
  reload(): void
}) {
  const { t, tx } = useI18n()
  const actions = actionsFor(c)
  const [open, setOpen] = useState<Action | null>(null)
  const [done, setDone] = useState<Action | null>(null)
  const [stale, setStale] = useState(false)
  const noticeRef = useRef<HTMLDivElement>(null)

  // the open form no longer applies once the case moved on
  useEffect(() => {
    if (open && !actions.includes(open)) setOpen(null)
  }, [open, actions])

  const finished = (action: Action, updated: CaseView) => {
    setOpen(null)
    setStale(false)
    setDone(action)
    onChange(updated)
    setTimeout(() => noticeRef.current?.focus(), 0)
  }
  const staleVersion = () => {
    setDone(null)
    setStale(true)
    reload()
    setTimeout(() => noticeRef.current?.focus(), 0)
  }

  return (
    <section className="card actions-panel" aria-labelledby="actions-h" data-testid="actions">
      <h2 id="actions-h">{t('case.actions')}</h2>
      <div ref={noticeRef} tabIndex={-1} className="notice-slot">
        {stale && (
          <div className="alert alert-warning" role="alert" data-testid="stale-notice">
            {t('error.staleVersion')}
          </div>
        )}
        {done && (
          <Notice kind="success">
            <span data-testid="action-done">{t('case.done', { action: tx('action', done) })}</span>
          </Notice>
        )}
      </div>
      {actions.length === 0 ? (
        <p className="muted">{t('case.noActions')}</p>
      ) : (
        <ul className="action-buttons">
          {actions.map((a) => (
            <li key={a}>
              <button
                type="button"
                className={`btn ${open === a ? 'btn-primary' : 'btn-secondary'}`}
                aria-expanded={open === a}
                aria-controls={`action-form-${a.replace('/', '-')}`}
                onClick={() => {
                  setDone(null)
                  setOpen(open === a ? null : a)
                }}
                data-action={a}
              >
                {tx('action', a)}
              </button>
            </li>
          ))}
        </ul>
      )}
      {open && (
        <ActionForm
          key={`${open}-${c.version}`}
          action={open}
          c={c}
          user={user}
          onDone={(updated) => finished(open, updated)}
          onStale={staleVersion}
          onCancel={() => setOpen(null)}
        />
      )}
    </section>
  )
}
