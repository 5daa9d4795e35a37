// Loading, error (RFC 9457 problems) and success messages, and the data-loading hook every page uses.
import { type DependencyList, type ReactNode, useCallback, useEffect, useRef, useState } from 'react'
import { ApiError } from '../api/client.ts'
import { type I18n, useI18n } from '../i18n/i18n.tsx'
import type { MessageKey } from '../i18n/zh-CN.ts'

export function Loading({ label }: { label?: string }) {
  const { t } = useI18n()
  return (
    <p className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('common.loading')}
    </p>
  )
}

const STATUS_KEYS: Record<number, MessageKey> = {
  400: 'error.400',
  401: 'error.401',
  403: 'error.403',
  404: 'error.404',
  409: 'error.409',
  413: 'error.413',
  415: 'error.415',
  422: 'error.422',
  429: 'error.429',
  500: 'error.500',
  503: 'error.503',
}

/** What to tell the user about an error: a message in their language and the server's own words. */
export function describeError(
  err: unknown,
  i18n: I18n,
): { message: string; detail?: string; requestId?: string } {
  const { t } = i18n
  if (err instanceof ApiError) {
    if (err.status === 0) return { message: t('error.network') }
    if (err.kind === 'stale-version') return { message: t('error.staleVersion') }
    const key = STATUS_KEYS[err.status] ?? (err.status >= 500 ? 'error.500' : 'error.400')
    const detail = err.problem.detail ?? err.problem.title
    return {
      message: t(key),
      ...(detail && detail !== 'The request is invalid; see errors' ? { detail } : {}),
      ...(err.problem.requestId ? { requestId: err.problem.requestId } : {}),
    }
  }
  return { message: t('error.500') }
}

export function ErrorMessage({
  error,
  onRetry,
  children,
}: {
  error: unknown
  onRetry?: () => void
  children?: ReactNode
}) {
  const i18n = useI18n()
  const { message, detail, requestId } = describeError(error, i18n)
  const ref = useRef<HTMLDivElement>(null)
  return (
    <div className="alert alert-error" role="alert" ref={ref}>
      <p className="alert-title">{message}</p>
      {detail && <p>{i18n.t('error.detail', { detail })}</p>}
      {children}
      {requestId && <p className="muted small">{i18n.t('error.requestId', { id: requestId })}</p>}
      {onRetry && (
        <button type="button" className="btn btn-secondary" onClick={onRetry}>
          {i18n.t('common.retry')}
        </button>
      )}
    </div>
  )
}

export function Notice({
  kind = 'info',
  children,
}: {
  kind?: 'info' | 'success' | 'warning'
  children: ReactNode
}) {
  return (
    <div className={`alert alert-${kind}`} role={kind === 'info' ? 'note' : 'status'}>
      {children}
    </div>
  )
}

export interface AsyncState<T> {
  data: T | undefined
  error: unknown
  loading: boolean
  reload(): void
  set(data: T): void
}

/** Loads data when the dependencies change; the answer of a superseded request is dropped. */
export function useAsync<T>(load: (signal: AbortSignal) => Promise<T>, deps: DependencyList): AsyncState<T> {
  const [data, setData] = useState<T | undefined>(undefined)
  const [error, setError] = useState<unknown>(null)
  const [loading, setLoading] = useState(true)
  const [tick, setTick] = useState(0)
  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller names the dependencies
  const run = useCallback(load, deps)
  // biome-ignore lint/correctness/useExhaustiveDependencies: `tick` asks for a reload
  useEffect(() => {
    const ctrl = new AbortController()
    setLoading(true)
    setError(null)
    run(ctrl.signal).then(
      (d) => {
        if (ctrl.signal.aborted) return
        setData(d)
        setLoading(false)
      },
      (e: unknown) => {
        if (ctrl.signal.aborted) return
        setError(e)
        setLoading(false)
      },
    )
    return () => ctrl.abort()
  }, [run, tick])
  return {
    data,
    error,
    loading,
    reload: useCallback(() => setTick((n) => n + 1), []),
    set: setData,
  }
}

/** Loading, then error (with retry), then the content. */
export function AsyncView<T>({
  state,
  children,
}: {
  state: AsyncState<T>
  children: (data: T) => ReactNode
}) {
  if (state.error) return <ErrorMessage error={state.error} onRetry={state.reload} />
  if (state.data === undefined) return <Loading />
  return (
    <>
      {state.loading && <Loading />}
      {children(state.data)}
    </>
  )
}
