// The web service: the gateway in front of the services' APIs and the single-page app, on one origin.
// Used by src/server.ts (the distributed deployment) and by @tingjian/platform (the single-process run).
import { randomUUID } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import { type App, type AppOptions, buildApp, type Logger, type ReadinessCheck } from '@tingjian/kit'
import { UPSTREAMS, type Upstream, type UpstreamUrls } from './route-table.ts'
import { proxyRoutes } from './routes/proxy.ts'
import { spaRoutes } from './routes/spa.ts'

export { ROUTE_TABLE, UPSTREAMS, type Upstream, type UpstreamUrls } from './route-table.ts'

export const SERVICE = 'web'

/** Where `vite build` writes the app (services/web/dist). */
export const DEFAULT_STATIC_DIR = fileURLToPath(new URL('../dist', import.meta.url))

/**
 * The pages' policy: the app's own scripts, styles, images and API calls, nothing inline (Vite emits
 * none), nothing from elsewhere, no framing. Citizens' text is rendered as text by React; this is the
 * second line of defence.
 */
export const WEB_CSP: Record<string, string[]> = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  // the hotline's voicemails and recordings: fetched through the API with the staff token, played from a
  // blob URL (an <audio> cannot send the bearer token itself)
  mediaSrc: ["'self'", 'blob:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
}

export interface GatewayOptions {
  logger: Logger
  upstreams: UpstreamUrls
  /** The built single-page app (default: services/web/dist). */
  staticDir?: string
  /** The client address: see trustProxyOf in the kit. The gateway is the edge, so false unless behind a load balancer. */
  trustProxy?: AppOptions['trustProxy']
  rateLimit?: AppOptions['rateLimit']
  /** Largest request body passed on to a service (default 256 KiB). */
  bodyLimit?: number
  /** Longest wait for an upstream's answer (default 30 s). */
  upstreamTimeoutMs?: number
  /** Longest wait to connect to an upstream (default 5 s). */
  connectTimeoutMs?: number
}

/** Ready when every service says it is ready: the single answer that the whole platform can serve. */
function upstreamReadiness(upstreams: UpstreamUrls): ReadinessCheck[] {
  return UPSTREAMS.map((name: Upstream) => ({
    name,
    check: async () => {
      try {
        const res = await fetch(new URL('/readyz', upstreams[name]), { signal: AbortSignal.timeout(1_500) })
        await res.body?.cancel()
        return res.status === 200 ? { ok: true } : { ok: false, detail: `readyz ${res.status}` }
      } catch {
        return { ok: false, detail: 'unreachable' }
      }
    },
  }))
}

export async function buildGateway(options: GatewayOptions): Promise<App> {
  const app = await buildApp({
    service: SERVICE,
    logger: options.logger,
    contentSecurityPolicy: WEB_CSP,
    readiness: upstreamReadiness(options.upstreams),
    ...(options.trustProxy !== undefined ? { trustProxy: options.trustProxy } : {}),
    ...(options.rateLimit !== undefined ? { rateLimit: options.rateLimit } : {}),
  })
  // The gateway is the edge: every request id is its own, whatever X-Request-Id a client sends (the kit
  // keeps a caller's id, which is right for the services behind the gateway, not in front of them). So a
  // client cannot write into the logs' reqId or join its request to another's trail; the services get
  // this id (proxy.ts) and it becomes the correlation id of their events.
  app.setGenReqId(() => randomUUID())
  await proxyRoutes(app, {
    upstreams: options.upstreams,
    ...(options.upstreamTimeoutMs ? { timeoutMs: options.upstreamTimeoutMs } : {}),
    ...(options.connectTimeoutMs ? { connectTimeoutMs: options.connectTimeoutMs } : {}),
    ...(options.bodyLimit ? { bodyLimit: options.bodyLimit } : {}),
  })
  await spaRoutes(app, { staticDir: options.staticDir ?? DEFAULT_STATIC_DIR })
  return app
}
