// Evidence: `POST /orders/{id}/evidence` (multipart/form-data: `version`, `text`, 0..20 `files`) by the
// responsible department's lead or handlers, and `GET /orders/{id}/evidence/{attachmentId}` for whoever
// may see the order. Who, which department and the order's state are checked before a byte of the body is
// read. Each file is streamed into the blob store, its kind decided by its bytes (PDF, JPEG, PNG, DOCX),
// at most 10 MB; any refusal deletes every blob this request stored: nothing kept, the order unchanged.

import { type BlobInfo, DOCX, JPEG, PDF, PNG, requireContentType } from '@tingjian/blob'
import { uuidv7 } from '@tingjian/contracts'
import { type App, FieldErrors, Problem } from '@tingjian/kit'
import Type from 'typebox'
import type { OrderAttachment, RectificationContext } from '../collections.ts'
import { checkEvidence, submitEvidence } from '../domain/order.ts'
import { Refusals } from '../errors.ts'
import { OrderIdParams, SAFE_TEXT } from '../schemas/common.ts'
import { AttachmentParams, OrderView } from '../schemas/orders.ts'
import { actorOf, applyChange, orderView, READERS, visibleOrder } from './orders.ts'

export interface EvidenceRoutesOptions {
  ctx: RectificationContext
}

const DEPARTMENT = ['dept_lead', 'handler'] as const
const MAX_TEXT = 10_000
const TEXT = new RegExp(SAFE_TEXT)

/**
 * A plain file name: no folder (`/`, `\`), no drive (`C:`), not `.`/`..`, no control characters, 1..255
 * characters, no leading or trailing space. A path is refused, never silently cut to its last part.
 */
export function isPlainFileName(name: string): boolean {
  return (
    name.length >= 1 &&
    name.length <= 255 &&
    name === name.trim() &&
    !/[/\\]/.test(name) &&
    !/^[A-Za-z]:/.test(name) &&
    name !== '.' &&
    name !== '..' &&
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
    !/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/.test(name)
  )
}

/** `Content-Disposition` for a download: an ASCII fallback and the UTF-8 name (RFC 6266 / 8187). */
export function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\;%]/g, '_') || 'evidence'
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  )
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`
}

export async function evidenceRoutes(app: App, opts: EvidenceRoutesOptions): Promise<void> {
  const { ctx } = opts
  const { maxAttachmentBytes, maxAttachmentsPerOrder } = ctx.settings

  app.post(
    '/orders/:orderId/evidence',
    {
      config: { access: DEPARTMENT },
      schema: {
        summary: 'Submit evidence: text and attachments (multipart/form-data)',
        description: `Fields \`version\` and \`text\` (1..${MAX_TEXT}), and up to ${maxAttachmentsPerOrder} files (\`files\`) per order in all: PDF, JPEG, PNG or DOCX by content, each at most ${maxAttachmentBytes} bytes.`,
        params: OrderIdParams,
        consumes: ['multipart/form-data'],
        response: {
          200: OrderView,
          400: Problem,
          401: Problem,
          403: Problem,
          404: Problem,
          409: Problem,
          413: Problem,
          415: Problem,
        },
      },
    },
    async (request) => {
      // who, which department, which state: before the body is read
      const order = await visibleOrder(ctx, request.params.orderId, request.user)
      if (request.user.departmentId !== order.departmentId) throw new Refusals.notFound('No such order')
      checkEvidence(order, 0, maxAttachmentsPerOrder)
      if (!request.isMultipart()) throw new Refusals.notMultipart()

      const stored: Array<{ info: BlobInfo; filename: string }> = []
      const discard = async () => {
        await Promise.all(stored.map((s) => ctx.blobs.delete(s.info.id).catch(() => false)))
        stored.length = 0
      }
      let version: number | null = null
      let text: string | null = null
      try {
        const parts = request.parts({
          preservePath: true,
          limits: {
            // one byte more than allowed, so that an oversize file reaches the blob store's limit (413)
            fileSize: maxAttachmentBytes + 1,
            files: maxAttachmentsPerOrder + 1,
            fields: 4,
            fieldSize: 64 * 1024,
            parts: maxAttachmentsPerOrder + 5,
            headerPairs: 50,
          },
        })
        for await (const part of parts) {
          if (part.type === 'field') {
            const value = typeof part.value === 'string' ? part.value : null
            if (part.fieldname === 'version') {
              if (value === null || !/^[1-9][0-9]{0,9}$/.test(value))
                throw new FieldErrors([{ path: '/version', message: 'must be a positive integer' }])
              version = Number(value)
              if (version !== order.version) throw new Refusals.stale()
            } else if (part.fieldname === 'text') {
              if (value === null || value.length < 1 || value.length > MAX_TEXT || !TEXT.test(value))
                throw new FieldErrors([
                  { path: '/text', message: `must be 1 to ${MAX_TEXT} characters of plain text` },
                ])
              text = value
            } else {
              throw new FieldErrors([{ path: `/${part.fieldname}`, message: 'is not a field of evidence' }])
            }
            continue
          }
          if (part.fieldname !== 'files') {
            part.file.resume()
            throw new FieldErrors([{ path: `/${part.fieldname}`, message: 'files go in the field `files`' }])
          }
          if (!isPlainFileName(part.filename)) {
            part.file.resume()
            throw new Refusals.badFileName()
          }
          if (order.attachmentCount + stored.length + 1 > maxAttachmentsPerOrder) {
            part.file.resume()
            throw new Refusals.tooManyAttachments(maxAttachmentsPerOrder)
          }
          const info = await ctx.blobs.put({
            stream: part.file,
            contentType: requireContentType([PDF, JPEG, PNG, DOCX]),
            filename: part.filename,
            maxBytes: maxAttachmentBytes,
          })
          stored.push({ info, filename: part.filename })
          if (part.file.truncated) throw new Refusals.badUpload('A file was cut short')
        }
        const missing = [
          ...(version === null ? [{ path: '/version', message: 'is required' }] : []),
          ...(text === null ? [{ path: '/text', message: 'is required' }] : []),
        ]
        if (missing.length) throw new FieldErrors(missing)
        const attachments: OrderAttachment[] = stored.map(({ info, filename }) => ({
          id: `ratt_${uuidv7()}`,
          blobId: info.id,
          filename,
          contentType: info.contentType,
          bytes: info.bytes,
          sha256: info.sha256,
        }))
        const now = ctx.clock.now()
        const actor = actorOf(request.user, DEPARTMENT)
        const current = await visibleOrder(ctx, order._id, request.user)
        const next = await applyChange(ctx, current, version as number, (o) =>
          submitEvidence(
            o,
            { id: `revd_${uuidv7()}`, text: text as string, attachments },
            { now, calendar: ctx.calendar, actor },
            maxAttachmentsPerOrder,
          ),
        )
        request.log.info(
          {
            orderId: order._id,
            attachments: attachments.length,
            bytes: attachments.reduce((n, a) => n + a.bytes, 0),
          },
          'evidence submitted',
        )
        return orderView(ctx, next)
      } catch (err) {
        await discard()
        throw err
      }
    },
  )

  app.get(
    '/orders/:orderId/evidence/:attachmentId',
    {
      config: { access: READERS },
      schema: {
        summary: 'Download an attachment (whoever may see the order)',
        params: AttachmentParams,
        response: {
          200: Type.Unknown({ description: 'the file, as stored, with Content-Disposition: attachment' }),
          400: Problem,
          401: Problem,
          403: Problem,
          404: Problem,
        },
      },
    },
    async (request, reply) => {
      const order = await visibleOrder(ctx, request.params.orderId, request.user)
      const attachment = order.evidence
        .flatMap((e) => e.attachments)
        .find((a) => a.id === request.params.attachmentId)
      if (!attachment) throw new Refusals.notFound('No such attachment')
      const blob = await ctx.blobs.get(attachment.blobId)
      if (!blob) throw new Refusals.notFound('No such attachment')
      request.log.info({ orderId: order._id, attachmentId: attachment.id }, 'attachment downloaded')
      return reply
        .type(blob.contentType)
        .header('content-length', String(blob.bytes))
        .header('content-disposition', contentDisposition(attachment.filename))
        .header('x-content-type-options', 'nosniff')
        .send(blob.stream)
    },
  )
}
