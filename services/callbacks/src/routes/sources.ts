// The business systems that send service records, each with an API key of its own (shown once, stored as
// its sha256): register, list, revoke. `sourceOfKey` is how the service-records routes take a key.
import { randomBytes } from 'node:crypto'
import { type App, accessKeyHash, Errors, Problem, sameHash } from '@tingjian/kit'
import { isConflict, modify, type Stored, StoreNotFoundError } from '@tingjian/store'
import type { CallbacksContext } from '../collections.ts'
import type { SourceDoc, Sources } from '../records.ts'
import { IssuedKey, NewSource, SourceList, SourceParams, SourceView } from '../schemas/records.ts'

/** Who manages the sources' keys. */
export const SOURCE_MANAGERS = ['admin', 'supervisor'] as const

export interface SourceRoutesOptions {
  ctx: CallbacksContext
}

/** `tjk.<source>.<32 random bytes, base64url>`: the source names the document, the hash decides. */
export const newApiKey = (source: string) => `tjk.${source}.${randomBytes(32).toString('base64url')}`

const KEY = /^tjk\.([a-z0-9-]{1,64})\.([A-Za-z0-9_-]{43})$/

/**
 * The registered, unrevoked source an `Authorization: ApiKey <key>` header names, compared by hash in
 * constant time; null when the key is malformed, unknown, wrong or revoked (all answered alike: 401).
 */
export async function sourceOfKey(sources: Sources, authorization: string): Promise<string | null> {
  const m = /^ApiKey\s+(\S+)\s*$/i.exec(authorization)
  const key = m?.[1]
  const parts = key ? KEY.exec(key) : null
  const source = parts?.[1]
  if (!key || !source) return null
  const doc = await sources.get(source)
  const presented = accessKeyHash(key)
  // the comparison runs whether or not the source exists, so that timing does not tell which
  const ok = sameHash(doc?.keyHash ?? accessKeyHash(''), presented)
  return ok && doc && doc.revokedAt === null ? source : null
}

const view = (d: Stored<SourceDoc>) => ({
  source: d._id,
  name: d.name,
  createdBy: d.createdBy,
  createdAt: d.createdAt,
  revokedAt: d.revokedAt,
})

export async function sourceRoutes(app: App, opts: SourceRoutesOptions): Promise<void> {
  const { ctx } = opts

  app.post(
    '/sources',
    {
      config: { access: SOURCE_MANAGERS },
      schema: {
        summary:
          'Register a business system that sends service records; its API key is in this answer only (a revoked source is registered again with a new key)',
        body: NewSource,
        response: { 201: IssuedKey, 400: Problem, 401: Problem, 403: Problem, 409: Problem },
      },
    },
    async (request, reply) => {
      const { source, name } = request.body
      const apiKey = newApiKey(source)
      const fields: SourceDoc = {
        name,
        keyHash: accessKeyHash(apiKey),
        createdBy: request.user.sub,
        revokedAt: null,
        revokedBy: null,
      }
      const now = ctx.clock.now()
      let stored: Stored<SourceDoc>
      try {
        stored = await ctx.sources.insert(source, fields, { now })
      } catch (err) {
        if (!isConflict(err, 'duplicate')) throw err
        const existing = await ctx.sources.get(source)
        if (!existing || existing.revokedAt === null)
          throw new Errors.Conflict('The source is registered; revoke it first to issue a new key')
        try {
          stored = await ctx.sources.update(source, existing.version, fields, { now })
        } catch (e) {
          if (isConflict(e)) throw new Errors.Conflict('The source was changed meanwhile; retry')
          throw e
        }
      }
      request.log.info({ source }, 'record source registered')
      return reply.code(201).send({ ...view(stored), apiKey })
    },
  )

  app.get(
    '/sources',
    {
      config: { access: SOURCE_MANAGERS },
      schema: {
        summary: 'The registered sources (never their keys)',
        response: { 200: SourceList, 401: Problem, 403: Problem },
      },
    },
    async () => {
      const items: Array<Stored<SourceDoc>> = []
      let cursor: string | null = null
      do {
        const page = await ctx.sources.find({}, { sort: [['_id', 1]], limit: 500, cursor })
        items.push(...page.items)
        cursor = page.nextCursor
      } while (cursor)
      return { items: items.map(view) }
    },
  )

  app.delete(
    '/sources/:source',
    {
      config: { access: SOURCE_MANAGERS },
      schema: {
        summary: 'Revoke a source’s API key (its records stay)',
        params: SourceParams,
        response: { 200: SourceView, 401: Problem, 403: Problem, 404: Problem },
      },
    },
    async (request) => {
      const { source } = request.params
      const now = ctx.clock.now()
      try {
        const doc = await modify(
          ctx.sources,
          source,
          (d) => {
            if (d.revokedAt !== null) return null
            const { _id, version, createdAt, updatedAt, ...fields } = d
            return { ...fields, revokedAt: now.toISOString(), revokedBy: request.user.sub }
          },
          { now },
        )
        request.log.info({ source }, 'record source revoked')
        return view(doc)
      } catch (err) {
        if (err instanceof StoreNotFoundError) throw new Errors.NotFound()
        throw err
      }
    },
  )
}
