// The bare baseline of the hotline scenario: one Fastify route at the hotline's webhook path that does what
// answering an incoming call cannot do without: parse the form body (the parser the hotline registers,
// @fastify/formbody), verify Twilio's signature over PUBLIC_BASE_URL + path and the parameters (the
// telephony wire module's check), read the call's parameters, and answer the hotline's script (greeting,
// then the operators' queue) rendered as TwiML by the same renderer. Nothing stored, no event, no logger,
// no rate limit: the floor a webhook costs on this machine.
import { createRequire } from 'node:module'
import { join } from 'node:path'
import Fastify, { type FastifyPluginCallback } from 'fastify'
import { publicUrl, type Script } from '../../packages/telephony/src/port.ts'
import { parseCallParams } from '../../packages/telephony/src/wire/params.ts'
import { verifySignedRequest } from '../../packages/telephony/src/wire/signature.ts'
import { renderTwiml } from '../../packages/telephony/src/wire/twiml.ts'
import { GREETING, QUEUE_NAME } from '../../services/hotline/src/routes/webhooks.ts'
import { ROOT } from '../lib/procs.ts'

const env = (name: string): string => {
  const value = process.env[name]
  if (!value) throw new Error(`${name} is required`)
  return value
}
const port = Number(env('PORT'))
const authToken = env('TWILIO_AUTH_TOKEN')
const publicBaseUrl = env('PUBLIC_BASE_URL')

// The hotline's own form parser, resolved from the hotline's dependencies (the bench has none of its own).
const formbody = createRequire(join(ROOT, 'services/hotline/package.json'))(
  '@fastify/formbody',
) as FastifyPluginCallback

const voiceUrl = (path: string) => publicUrl(publicBaseUrl, `/api/v1/hotline/voice${path}`)
// The hotline's answer to a new call in service hours (services/hotline/src/routes/webhooks.ts, /incoming).
const script = (): Script => [
  { verb: 'say', text: GREETING, language: 'zh-CN' },
  { verb: 'enqueue', queue: QUEUE_NAME, waitUrl: voiceUrl('/wait'), action: voiceUrl('/queue-result') },
]

const app = Fastify({ logger: false })
await app.register(formbody)
app.get('/readyz', async () => ({ status: 'ready' }))
app.post('/api/v1/hotline/voice/incoming', async (request, reply) => {
  const params: Record<string, string> = {}
  for (const [k, v] of Object.entries((request.body ?? {}) as Record<string, unknown>)) {
    if (typeof v !== 'string') return reply.code(403).send()
    params[k] = v
  }
  const signed = verifySignedRequest(authToken, {
    url: publicUrl(publicBaseUrl, request.url),
    params,
    headers: request.headers,
  })
  if (!signed) return reply.code(403).send()
  try {
    parseCallParams(params)
  } catch {
    return reply.code(400).send()
  }
  // rendered per request, as the service does
  return reply.type('text/xml').send(renderTwiml(script()))
})

await app.listen({ host: '127.0.0.1', port })
const stop = () => void app.close().then(() => process.exit(0))
process.once('SIGTERM', stop)
process.once('SIGINT', stop)
