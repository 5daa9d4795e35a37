// The last line of defence: a page that fails to render shows a message and a way back, not a blank screen.
import { Component, type ErrorInfo, type ReactNode } from 'react'
import { useI18n } from '../i18n/i18n.tsx'

function Fallback({ onRetry }: { onRetry(): void }) {
  const { t } = useI18n()
  return (
    <div className="alert alert-error" role="alert">
      <p className="alert-title">{t('error.title')}</p>
      <p>{t('error.500')}</p>
      <p className="actions-row">
        <button type="button" className="btn btn-secondary" onClick={onRetry}>
          {t('common.retry')}
        </button>
        <a className="btn btn-ghost" href="/">
          {t('nav.home')}
        </a>
      </p>
    </div>
  )
}

export class ErrorBoundary extends Component<{ children: ReactNode; resetKey: string }, { failed: boolean }> {
  override state = { failed: false }

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true }
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // no citizen data here: only the error and where it happened
    console.error('render failed', error.message, info.componentStack)
  }

  override componentDidUpdate(previous: { resetKey: string }): void {
    // a navigation gives the new page a fresh start
    if (this.state.failed && previous.resetKey !== this.props.resetKey) this.setState({ failed: false })
  }

  override render(): ReactNode {
    if (this.state.failed) return <Fallback onRetry={() => this.setState({ failed: false })} />
    return this.props.children
  }
}
