// The SMS provider's delivery status webhook: public (the provider has no staff token) but signed — a
// request whose signature does not match exactly this URL and these parameters gets 403 and changes
// nothing — and rate limited. The status is recorded forward only on the delivery with that message id.
import formbody from '@fastify/formbody'
import { type App, Problem, problem, sendProblem, Type } from '@tingjian/kit'
import { publicUrl, type SmsChannel, TelephonyError } from '@tingjian/telephony'
import type { Deliveries } from '../deliveries.ts'

export interface SmsStatusRoutesOptions {
  deliveries: Deliveries
  sms: SmsChannel
  /** The address the provider calls (PUBLIC_BASE_URL): the signed URL is rebuilt from it. */
  publicBaseUrl: string
  rateLimitPerMinute: number
}

/** The provider's form parameters, as posted (names and values as strings). */
const StatusForm = Type.Record(Type.String({ maxLength: 64 }), Type.String({ maxLength: 2000 }), {
  maxProperties: 64,
})

export async function smsStatusRoutes(app: App, opts: SmsStatusRoutesOptions): Promise<void> {
  await app.register(formbody)
  app.post(
    '/sms/status',
    {
      config: { access: 'public', rateLimit: { max: opts.rateLimitPerMinute, timeWindow: 60_000 } },
      schema: {
        tags: ['notifications'],
        summary: "The SMS provider's delivery status callback (signed; form-encoded)",
        consumes: ['application/x-www-form-urlencoded'],
        body: StatusForm,
        response: { 204: Type.Null(), 400: Problem, 403: Problem, 429: Problem },
      },
    },
    async (request, reply) => {
      const params = request.body as Record<string, string>
      const signed = opts.sms.verify({
        url: publicUrl(opts.publicBaseUrl, request.url),
        params,
        headers: request.headers,
      })
      if (!signed) {
        request.log.warn('sms status callback with a missing or wrong signature; refused')
        return sendProblem(
          reply,
          problem(request, 403, 'TJ_WEBHOOK_SIGNATURE', 'The request signature is missing or wrong'),
        )
      }
      let report: ReturnType<SmsChannel['parseStatus']>
      try {
        report = opts.sms.parseStatus(params)
      } catch (err) {
        if (!(err instanceof TelephonyError)) throw err
        return sendProblem(reply, problem(request, 400, 'TJ_BAD_REQUEST', 'Not a delivery status callback'))
      }
      const outcome = await opts.deliveries.recordProviderStatus(report)
      request.log.info({ messageId: report.messageId, status: report.status, outcome }, 'sms status')
      return reply.code(204).send(null)
    },
  )
}
