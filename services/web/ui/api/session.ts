// The staff session. The refresh token lives only in identity's HttpOnly, SameSite=Strict cookie (scoped to
// /api/v1/auth; see services/identity/README.md): no script of this page can read it, and nothing of the
// session is kept in localStorage or sessionStorage. The access token is kept in memory only, renewed a
// minute before it expires; a reload, or a new tab, resumes the session from the cookie.
//
// Tabs share the cookie, so two tabs may refresh at the same moment with the same token: identity answers
// both within a short grace, and the session goes on in both. Signing out in one tab signs out the others.
import type { SessionUser, Tokens } from './types.ts'

/** Renew this long before the access token expires. */
const RENEW_BEFORE_MS = 60_000
/** Identity refuses cookie-authenticated calls without it (CSRF: a cross-site page cannot set it). */
const CSRF_HEADER = { 'x-requested-with': 'tingjian' }
/** Tabs of this origin tell each other that the session ended. */
const CHANNEL = 'tingjian.session'

export interface SessionState {
  accessToken: string
  /** Epoch ms when the access token expires. */
  expiresAt: number
  user: SessionUser
}

/** Why there is no session: signed out here or in another tab, refused by the server, or never started. */
export type EndReason = 'logout' | 'expired' | null

/** `unknown` until the cookie was tried (on entering the staff pages), then `active` or `none`. */
export type SessionStatus = 'unknown' | 'active' | 'none'

type Listener = () => void

interface Snapshot {
  state: SessionState | null
  ended: EndReason
  status: SessionStatus
}

class Session {
  private state: SessionState | null = null
  private ended: EndReason = null
  private status: SessionStatus = 'unknown'
  private timer: ReturnType<typeof setTimeout> | null = null
  private refreshing: Promise<string | null> | null = null
  private readonly listeners = new Set<Listener>()
  private snapshot: Snapshot = { state: null, ended: null, status: 'unknown' }
  private readonly channel: BroadcastChannel | null =
    typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL) : null

  constructor() {
    this.channel?.addEventListener('message', (e: MessageEvent) => {
      if ((e.data as { type?: string } | null)?.type === 'logout' && this.state) this.end('logout', false)
    })
  }

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  getSnapshot = (): Snapshot => this.snapshot

  get user(): SessionUser | null {
    return this.state?.user ?? null
  }

  private publish(): void {
    this.snapshot = { state: this.state, ended: this.ended, status: this.status }
    for (const l of this.listeners) l()
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    if (!this.state) return
    const wait = Math.max(5_000, this.state.expiresAt - Date.now() - RENEW_BEFORE_MS)
    this.timer = setTimeout(() => void this.refresh(), wait)
  }

  private retrySoon(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = setTimeout(() => void this.refresh(), 15_000)
  }

  /** After login or refresh: the answer's access token and user (the refresh token came as a cookie). */
  start(tokens: Tokens): void {
    this.state = {
      accessToken: tokens.accessToken,
      expiresAt: Date.now() + tokens.expiresIn * 1000,
      user: tokens.user,
    }
    this.ended = null
    this.status = 'active'
    this.schedule()
    this.publish()
  }

  /** Updates the user shown (from GET /me) without touching the tokens. */
  setUser(user: SessionUser): void {
    if (!this.state) return
    this.state = { ...this.state, user }
    this.publish()
  }

  end(reason: Exclude<EndReason, null>, tellOtherTabs = reason === 'logout'): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    this.state = null
    this.ended = reason
    this.status = 'none'
    if (tellOtherTabs) this.channel?.postMessage({ type: 'logout' })
    this.publish()
  }

  /**
   * Picks up the session of the cookie once (a reload, a new tab): the staff pages call it before they
   * decide that nobody is signed in.
   */
  resume(): Promise<string | null> {
    if (this.status !== 'unknown') return Promise.resolve(this.state?.accessToken ?? null)
    return this.refresh()
  }

  /** An access token good for a while longer, refreshing first when it is about to expire. */
  async freshToken(): Promise<string | null> {
    if (!this.state) return this.status === 'unknown' ? this.resume() : null
    if (this.state.expiresAt - Date.now() > 15_000) return this.state.accessToken
    return this.refresh()
  }

  /**
   * Rotates the cookie's refresh token for a new access token; one request at a time in this tab. Null
   * (and the session ended) when refused.
   */
  refresh(): Promise<string | null> {
    if (this.refreshing) return this.refreshing
    const current = this.state
    this.refreshing = (async () => {
      try {
        // no body and no content type: the cookie is the credential, the header proves same origin
        const res = await fetch('/api/v1/auth/refresh', {
          method: 'POST',
          headers: { accept: 'application/json', ...CSRF_HEADER },
          credentials: 'same-origin',
          cache: 'no-store',
        })
        if (res.ok) {
          const tokens = (await res.json()) as Tokens
          this.start(tokens)
          return tokens.accessToken
        }
        if (res.status === 400 || res.status === 401 || res.status === 403) {
          // no cookie, or one that is spent: nobody is signed in (an "expired" notice only if one was)
          if (current) this.end('expired', false)
          else {
            this.status = 'none'
            this.publish()
          }
          return null
        }
        // a server error or throttling: keep the session and try again soon
        if (!current) {
          this.status = 'none'
          this.publish()
          return null
        }
        this.retrySoon()
        return current.expiresAt > Date.now() ? current.accessToken : null
      } catch {
        if (!current) {
          this.status = 'none'
          this.publish()
          return null
        }
        this.retrySoon()
        return current.expiresAt > Date.now() ? current.accessToken : null
      } finally {
        this.refreshing = null
      }
    })()
    return this.refreshing
  }

  async logout(): Promise<void> {
    this.end('logout')
    try {
      // ends the cookie's session on the server, clears the cookie and voids the access tokens
      await fetch('/api/v1/auth/logout', {
        method: 'POST',
        headers: CSRF_HEADER,
        credentials: 'same-origin',
      })
    } catch {
      // forgotten here; the server session expires on its own
    }
  }
}

export const session = new Session()
