// Liveness (/healthz: the process answers) and readiness (/readyz: its bus and store answer). Both are
// public (load balancers call them), so they answer ok or not, nothing more: which check failed and why
// (names of internal services and adapters) goes to the log only.
import type { FastifyInstance } from 'fastify'
import Type from 'typebox'

export interface ReadinessCheck {
  name: string
  check: () => Promise<{ ok: boolean; detail?: string }>
}

const CHECK_TIMEOUT_MS = 2_000

async function run(c: ReadinessCheck) {
  let timer: NodeJS.Timeout | undefined
  try {
    const timeout = new Promise<{ ok: boolean; detail: string }>((resolve) => {
      timer = setTimeout(() => resolve({ ok: false, detail: 'timed out' }), CHECK_TIMEOUT_MS)
    })
    const r = await Promise.race([c.check(), timeout])
    return { name: c.name, ok: r.ok, ...(r.detail ? { detail: r.detail } : {}) }
  } catch {
    return { name: c.name, ok: false, detail: 'check failed' }
  } finally {
    clearTimeout(timer)
  }
}

const Health = Type.Object(
  { status: Type.Union([Type.Literal('ok'), Type.Literal('unavailable')]) },
  { additionalProperties: false },
)

export function healthRoutes(
  app: FastifyInstance,
  checks: readonly ReadinessCheck[],
  closing: () => boolean,
): void {
  app.get(
    '/healthz',
    { config: { access: 'public', rateLimit: false }, schema: { hide: true, response: { 200: Health } } },
    async () => ({ status: 'ok' as const }),
  )
  app.get(
    '/readyz',
    {
      config: { access: 'public', rateLimit: false },
      schema: { hide: true, response: { 200: Health, 503: Health } },
    },
    async (request, reply) => {
      const results = await Promise.all(checks.map(run))
      const shuttingDown = closing()
      const ok = !shuttingDown && results.every((r) => r.ok)
      if (!ok) {
        request.log.warn({ checks: results.filter((r) => !r.ok), shuttingDown }, 'not ready')
      }
      return reply.code(ok ? 200 : 503).send({ status: ok ? 'ok' : 'unavailable' })
    },
  )
}
