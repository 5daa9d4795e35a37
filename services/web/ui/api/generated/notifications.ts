// Generated from the notifications service's OpenAPI document by services/web/scripts/api-types.ts — do not
// edit: run `pnpm --filter @tingjian/web api-types` after changing a route's schema.
export interface paths {
  '/api/v1/notifications/deliveries': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Deliveries, newest first (e.g. ?status=failed) */
    get: {
      parameters: {
        query: {
          cursor?: string
          eventId?: string
          limit: number
          status?: 'pending' | 'sent' | 'failed'
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              items: {
                attempts: number
                audience: 'citizen' | 'staff'
                /** @enum {unknown} */
                channel: 'email' | 'sms' | 'voice'
                createdAt: string
                eventId: string
                eventType: string
                id: string
                /** @enum {unknown} */
                kind: 'receipt' | 'reply' | 'assignment' | 'escalation' | 'code' | 'rectification'
                lastAttemptAt: string | null
                lastError: string | null
                /** @description the provider's error code on undelivered or failed */
                providerErrorCode: string | null
                /** @description SMS: the provider's delivery status (accepted … delivered, undelivered, failed); null for e-mail */
                providerStatus:
                  | ('accepted' | 'queued' | 'sending' | 'sent' | 'delivered' | 'undelivered' | 'failed')
                  | null
                providerStatusAt: string | null
                /** @description masked, e.g. z***@example.com */
                recipient: string
                sentAt: string | null
                status: 'pending' | 'sent' | 'failed'
                trackingCode: string | null
                updatedAt: string
                userId: string | null
              }[]
              nextCursor: string | null
            }
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/notifications/deliveries/{id}/retry': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** Send a failed delivery again; answers the delivery after the attempt (sent or failed) */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description a delivery of one notification to one recipient */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              attempts: number
              audience: 'citizen' | 'staff'
              /** @enum {unknown} */
              channel: 'email' | 'sms' | 'voice'
              createdAt: string
              eventId: string
              eventType: string
              id: string
              /** @enum {unknown} */
              kind: 'receipt' | 'reply' | 'assignment' | 'escalation' | 'code' | 'rectification'
              lastAttemptAt: string | null
              lastError: string | null
              /** @description the provider's error code on undelivered or failed */
              providerErrorCode: string | null
              /** @description SMS: the provider's delivery status (accepted … delivered, undelivered, failed); null for e-mail */
              providerStatus:
                | ('accepted' | 'queued' | 'sending' | 'sent' | 'delivered' | 'undelivered' | 'failed')
                | null
              providerStatusAt: string | null
              /** @description masked, e.g. z***@example.com */
              recipient: string
              sentAt: string | null
              status: 'pending' | 'sent' | 'failed'
              trackingCode: string | null
              updatedAt: string
              userId: string | null
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
  '/api/v1/notifications/sms/status': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** The SMS provider's delivery status callback (signed; form-encoded) */
    post: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody: {
        content: {
          'application/x-www-form-urlencoded': {
            [key: string]: string
          }
        }
      }
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown
          }
          content?: never
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
        403: {
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
