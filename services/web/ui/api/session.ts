// The staff session: tokens in memory and in sessionStorage (gone with the tab, never in localStorage),
// the access token renewed a minute before it expires, one refresh at a time (refresh tokens rotate, and
// presenting a used one ends the whole session).
import type { SessionUser, Tokens } from './types.ts'

const STORAGE_KEY = 'tingjian.session'
/** Renew this long before the access token expires. */
const RENEW_BEFORE_MS = 60_000

export interface SessionState {
  accessToken: string
  refreshToken: string
  /** Epoch ms when the access token expires. */
  expiresAt: number
  user: SessionUser
}

export type EndReason = 'logout' | 'expired' | null

type Listener = () => void

class Session {
  private state: SessionState | null = null
  private ended: EndReason = null
  private timer: ReturnType<typeof setTimeout> | null = null
  private refreshing: Promise<string | null> | null = null
  private readonly listeners = new Set<Listener>()
  private snapshot: { state: SessionState | null; ended: EndReason } = { state: null, ended: null }

  constructor() {
    try {
      const raw = globalThis.sessionStorage?.getItem(STORAGE_KEY)
      if (raw) {
        const parsed = JSON.parse(raw) as SessionState
        if (parsed?.refreshToken && parsed.user) this.state = parsed
      }
    } catch {
      this.state = null
    }
    this.publish()
    if (this.state) this.schedule()
  }

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  getSnapshot = () => this.snapshot

  get user(): SessionUser | null {
    return this.state?.user ?? null
  }

  private publish(): void {
    this.snapshot = { state: this.state, ended: this.ended }
    for (const l of this.listeners) l()
  }

  private persist(): void {
    try {
      if (this.state) sessionStorage.setItem(STORAGE_KEY, JSON.stringify(this.state))
      else sessionStorage.removeItem(STORAGE_KEY)
    } catch {
      // storage full or disabled: the session lives in memory only
    }
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

  start(tokens: Tokens): void {
    this.state = {
      accessToken: tokens.accessToken,
      refreshToken: tokens.refreshToken,
      expiresAt: Date.now() + tokens.expiresIn * 1000,
      user: tokens.user,
    }
    this.ended = null
    this.persist()
    this.schedule()
    this.publish()
  }

  /** Updates the user shown (from GET /me) without touching the tokens. */
  setUser(user: SessionUser): void {
    if (!this.state) return
    this.state = { ...this.state, user }
    this.persist()
    this.publish()
  }

  end(reason: Exclude<EndReason, null>): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    this.state = null
    this.ended = reason
    this.persist()
    this.publish()
  }

  /** An access token good for a while longer, refreshing first when it is about to expire. */
  async freshToken(): Promise<string | null> {
    if (!this.state) return null
    if (this.state.expiresAt - Date.now() > 15_000) return this.state.accessToken
    return this.refresh()
  }

  /** Rotates the tokens; one request at a time. Null (and the session ended) when refused. */
  refresh(): Promise<string | null> {
    if (this.refreshing) return this.refreshing
    const current = this.state
    if (!current) return Promise.resolve(null)
    this.refreshing = (async () => {
      try {
        const res = await fetch('/api/v1/auth/refresh', {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json' },
          body: JSON.stringify({ refreshToken: current.refreshToken }),
          cache: 'no-store',
        })
        if (res.ok) {
          const tokens = (await res.json()) as Tokens
          this.start(tokens)
          return tokens.accessToken
        }
        if (res.status === 400 || res.status === 401) {
          this.end('expired')
          return null
        }
        // a server error or throttling: keep the session and try again soon
        this.retrySoon()
        return current.expiresAt > Date.now() ? current.accessToken : null
      } catch {
        this.retrySoon()
        return current.expiresAt > Date.now() ? current.accessToken : null
      } finally {
        this.refreshing = null
      }
    })()
    return this.refreshing
  }

  async logout(): Promise<void> {
    const current = this.state
    this.end('logout')
    if (!current) return
    try {
      await fetch('/api/v1/auth/logout', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ refreshToken: current.refreshToken }),
      })
    } catch {
      // the tokens are forgotten here; the server session expires on its own
    }
  }
}

export const session = new Session()
