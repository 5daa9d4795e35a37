// Liveness (/healthz: the process answers) and readiness (/readyz: its bus and store answer).
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

const Health = Type.Object({ status: Type.Union([Type.Literal('ok'), Type.Literal('unavailable')]) })
const Ready = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('unavailable')]),
  checks: Type.Array(
    Type.Object({ name: Type.String(), ok: Type.Boolean(), detail: Type.Optional(Type.String()) }),
  ),
})

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
      schema: { hide: true, response: { 200: Ready, 503: Ready } },
    },
    async (_request, reply) => {
      const results = await Promise.all(checks.map(run))
      const ok = !closing() && results.every((r) => r.ok)
      return reply.code(ok ? 200 : 503).send({ status: ok ? 'ok' : 'unavailable', checks: results })
    },
  )
}
