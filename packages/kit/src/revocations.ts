// Refusing the tokens of revoked staff in any service: a consumer of identity's user events keeps, per
// user, the time before which their tokens are void (and whether the account is active), and an access
// check compares each staff token against it. One line in a service's build function:
//   await revocations(app, { bus, store, service: SERVICE })
import type { EventBus, Subscription } from '@tingjian/bus'
import { IdentityEvents } from '@tingjian/contracts'
import { type Collection, type DocumentStore, upsert } from '@tingjian/store'
import type { FastifyInstance } from 'fastify'
import { addAccessCheck, issuedBefore } from './auth.ts'
import { Errors } from './problem.ts'

/** The collection each service keeps its copy in (one small document per staff account). */
export const REVOCATIONS_COLLECTION = 'token_revocations'

export interface RevocationDoc {
  /** ISO time; tokens issued before it are refused. Null: never revoked. */
  tokensValidAfter: string | null
  active: boolean
  /** `occurredAt` and id of the event this state came from: an older or the same event changes nothing. */
  changedAt: string
  eventId: string
}

export interface RevocationsOptions {
  bus: EventBus
  store: DocumentStore
  /** The service's name: its consumer group is `<service>.token-revocations`. */
  service: string
}

const newer = (
  a: Pick<RevocationDoc, 'changedAt' | 'eventId'>,
  b: Pick<RevocationDoc, 'changedAt' | 'eventId'>,
) => a.changedAt > b.changedAt || (a.changedAt === b.changedAt && a.eventId > b.eventId)

/** Stores a user's state from one event unless a newer one is stored (idempotent under redelivery). */
export async function applyUserChange(
  collection: Collection<RevocationDoc>,
  event: {
    id: string
    occurredAt: string
    data: { userId: string; active: boolean; tokensValidAfter?: string }
  },
): Promise<void> {
  const doc: RevocationDoc = {
    tokensValidAfter: event.data.tokensValidAfter ?? null,
    active: event.data.active,
    changedAt: event.occurredAt,
    eventId: event.id,
  }
  await upsert(
    collection,
    event.data.userId,
    () => doc,
    (stored) => (newer(doc, stored) ? doc : null),
    { maxAttempts: 10 },
  )
}

/**
 * Consumes `identity.user-changed` into the service's own store and refuses (401) a staff token whose user
 * is inactive or was revoked after the token was issued. A user identity has not told about yet is let
 * through on the strength of the signature alone. Closes its subscription when the app closes.
 */
export async function revocations(app: FastifyInstance, options: RevocationsOptions): Promise<Subscription> {
  const collection = options.store.collection<RevocationDoc>(REVOCATIONS_COLLECTION)
  addAccessCheck(app, async (request) => {
    const state = await collection.get(request.user.sub)
    if (state && (!state.active || issuedBefore(request.user, state.tokensValidAfter))) {
      throw new Errors.Unauthorized()
    }
  })
  const subscription = await options.bus.subscribe(
    // From the beginning for a new group: every revocation identity ever announced is learned.
    { group: `${options.service}.token-revocations`, streams: ['identity'], fromBeginning: true },
    async (event) => {
      if (!IdentityEvents.userChanged.is(event)) return
      await applyUserChange(collection, event)
    },
  )
  app.addHook('onClose', async () => {
    await subscription.close()
  })
  return subscription
}
