// Generated from the mailbox service's OpenAPI document by services/web/scripts/api-types.ts — do not
// edit: run `pnpm --filter @tingjian/web api-types` after changing a route's schema.
export interface paths {
  '/api/v1/mailbox/letters': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Submit a letter to the director's mailbox
     * @description Answers with a tracking code and an access key, shown once. An Idempotency-Key header makes a retry return the same answer.
     */
    post: {
      parameters: {
        query?: never
        header?: {
          'idempotency-key'?: string
        }
        path?: never
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            anonymous: boolean
            body: string
            /** @enum {unknown} */
            category: 'complaint' | 'report' | 'suggestion' | 'consultation' | 'praise'
            /** @description the reply may be published without personal data */
            consentToPublish: boolean
            /** @description do not phone me about the answer (no callback survey); absent: false */
            declineCallback?: boolean
            /** Format: email */
            email?: string
            idNumber?: string
            locale?: 'zh-CN' | 'en'
            /** Format: one-line */
            name?: string
            phone?: string
            /** Format: one-line */
            subject: string
          }
        }
      }
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              /** @description shown once; needed with the tracking code to follow the letter */
              accessKey: string
              letterId: string
              /** Format: date-time */
              submittedAt: string
              trackingCode: string
            }
          }
        }
        /** @description RFC 9457 problem details */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              /** @description stable machine-readable code */
              code: string
              detail?: string
              errors?: {
                message: string
                path: string
              }[]
              instance?: string
              requestId: string
              status: number
              title: string
              /** @description a URI reference naming the kind of problem; /problems/<slug> */
              type: string
            }
          }
        }
        /** @description RFC 9457 problem details */
        409: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              /** @description stable machine-readable code */
              code: string
              detail?: string
              errors?: {
                message: string
                path: string
              }[]
              instance?: string
              requestId: string
              status: number
              title: string
              /** @description a URI reference naming the kind of problem; /problems/<slug> */
              type: string
            }
          }
        }
        /** @description RFC 9457 problem details */
        422: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              /** @description stable machine-readable code */
              code: string
              detail?: string
              errors?: {
                message: string
                path: string
              }[]
              instance?: string
              requestId: string
              status: number
              title: string
              /** @description a URI reference naming the kind of problem; /problems/<slug> */
              type: string
            }
          }
        }
        /** @description RFC 9457 problem details */
        429: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              /** @description stable machine-readable code */
              code: string
              detail?: string
              errors?: {
                message: string
                path: string
              }[]
              instance?: string
              requestId: string
              status: number
              title: string
              /** @description a URI reference naming the kind of problem; /problems/<slug> */
              type: string
            }
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
}
export type webhooks = Record<string, never>
export interface components {
  schemas: {
    /**
     * Problem
     * @description RFC 9457 problem details
     */
    'def-0': {
      /** @description stable machine-readable code */
      code: string
      detail?: string
      errors?: {
        message: string
        path: string
      }[]
      instance?: string
      requestId: string
      status: number
      title: string
      /** @description a URI reference naming the kind of problem; /problems/<slug> */
      type: string
    }
  }
  responses: never
  parameters: never
  requestBodies: never
  headers: never
  pathItems: never
}
export type $defs = Record<string, never>
export type operations = Record<string, never>
