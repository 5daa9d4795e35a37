// A small router on the History API: the current location as React state, links that navigate without a
// page load (and still open in a new tab with a modifier key), and path patterns with :params.
import { type AnchorHTMLAttributes, type MouseEvent, useSyncExternalStore } from 'react'

type Listener = () => void
const listeners = new Set<Listener>()
let snapshot = read()

function read() {
  return { path: window.location.pathname, search: window.location.search }
}

function notify(): void {
  snapshot = read()
  for (const l of listeners) l()
}

window.addEventListener('popstate', notify)

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (options.replace) window.history.replaceState(null, '', to)
  else window.history.pushState(null, '', to)
  notify()
}

export function useLocation(): { path: string; search: string } {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l)
      return () => listeners.delete(l)
    },
    () => snapshot,
  )
}

export function useSearchParams(): URLSearchParams {
  const { search } = useLocation()
  return new URLSearchParams(search)
}

/** `/staff/cases/:id` against `/staff/cases/abc` → `{ id: 'abc' }`; null when it does not match. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const p = pattern.split('/').filter(Boolean)
  const s = path.split('/').filter(Boolean)
  if (p.length !== s.length) return null
  const params: Record<string, string> = {}
  for (let i = 0; i < p.length; i++) {
    const seg = p[i] as string
    const val = s[i] as string
    if (seg.startsWith(':')) {
      try {
        params[seg.slice(1)] = decodeURIComponent(val)
      } catch {
        return null
      }
    } else if (seg !== val) return null
  }
  return params
}

type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { to: string }

export function Link({ to, onClick, ...rest }: LinkProps) {
  const handle = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e)
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return
    e.preventDefault()
    navigate(to)
  }
  return <a href={to} onClick={handle} {...rest} />
}

/** A link that says so to assistive technology when it points at the current page. */
export function NavLink({ to, exact, ...rest }: LinkProps & { exact?: boolean }) {
  const { path } = useLocation()
  const current = exact ? path === to : path === to || path.startsWith(`${to}/`)
  return <Link to={to} aria-current={current ? 'page' : undefined} {...rest} />
}
