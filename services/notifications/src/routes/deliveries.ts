// Failures are visible: staff list deliveries by status and an admin sends a failed one again.
import { type App, Errors } from '@tingjian/kit'
import type { Filter, Stored } from '@tingjian/store'
import type { Deliveries, DeliveryDoc } from '../deliveries.ts'
import { DeliveryPage, DeliveryParams, DeliveryView, ListDeliveriesQuery } from '../schemas/deliveries.ts'

export function toView(d: Stored<DeliveryDoc>): DeliveryView {
  return {
    id: d._id,
    eventId: d.eventId,
    eventType: d.eventType,
    kind: d.kind,
    channel: d.channel,
    audience: d.audience,
    userId: d.userId,
    trackingCode: d.trackingCode,
    recipient: d.recipientMasked,
    status: d.status,
    attempts: d.attempts,
    lastError: d.lastError,
    lastAttemptAt: d.lastAttemptAt,
    sentAt: d.sentAt,
    providerStatus: d.providerStatus ?? null,
    providerStatusAt: d.providerStatusAt ?? null,
    providerErrorCode: d.providerErrorCode ?? null,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
  }
}

export interface DeliveryRoutesOptions {
  deliveries: Deliveries
}

export async function deliveryRoutes(app: App, opts: DeliveryRoutesOptions): Promise<void> {
  const { deliveries } = opts
  app.get(
    '/deliveries',
    {
      config: { access: ['admin', 'supervisor'] },
      schema: {
        tags: ['notifications'],
        summary: 'Deliveries, newest first (e.g. ?status=failed)',
        security: [{ bearer: [] }],
        querystring: ListDeliveriesQuery,
        response: { 200: DeliveryPage },
      },
    },
    async (request) => {
      const { status, eventId, cursor, limit } = request.query
      const filter: Filter = {}
      if (status) filter.status = status
      if (eventId) filter.eventId = eventId
      const page = await deliveries.records.find(filter, {
        sort: [['createdAt', -1]],
        limit,
        cursor: cursor ?? null,
      })
      return { items: page.items.map(toView), nextCursor: page.nextCursor }
    },
  )

  app.post(
    '/deliveries/:id/retry',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['notifications'],
        summary: 'Send a failed delivery again; answers the delivery after the attempt (sent or failed)',
        security: [{ bearer: [] }],
        params: DeliveryParams,
        response: { 200: DeliveryView },
      },
    },
    async (request) => {
      const current = await deliveries.records.get(request.params.id)
      if (!current) throw new Errors.NotFound()
      if (current.status === 'sent') throw new Errors.InvalidState('This delivery was sent already')
      const after = await deliveries.retry(current._id, request.log)
      if (!after) throw new Errors.NotFound()
      return toView(after)
    },
  )
}
