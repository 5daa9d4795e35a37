// Generated from the hotline service's OpenAPI document by services/web/scripts/api-types.ts — do not
// edit: run `pnpm --filter @tingjian/web api-types` after changing a route's schema.
export interface paths {
  '/api/v1/hotline/callbacks': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** The callback list, soonest due first */
    get: {
      parameters: {
        query?: {
          cursor?: string
          limit?: number
          status?: 'open' | 'claimed' | 'done' | 'unreachable'
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
                attempts: {
                  at: string
                  callId: string | null
                  n: number
                  operatorId: string
                  /** @enum {unknown} */
                  outcome: 'answered' | 'no_answer' | 'busy' | 'wrong_number'
                }[]
                callbackId: string
                /** @description clear, for hotline_operator only */
                caller?: string
                callerMasked: string
                callId: string
                claimedBy: string | null
                createdAt: string
                dueAt: string
                loggedCallId: string | null
                overdue: boolean
                /** @enum {unknown} */
                reason: 'abandoned' | 'no-answer' | 'voicemail' | 'failed' | 'busy'
                /** @enum {unknown} */
                status: 'open' | 'claimed' | 'done' | 'unreachable'
              }[]
              nextCursor: string | null
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
        401: {
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
  '/api/v1/hotline/callbacks/{callbackId}/attempts': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** Record an attempt (answered → done; three failures on different half-days → unreachable) */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          callbackId: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            callId?: string
            /** @enum {unknown} */
            outcome: 'answered' | 'no_answer' | 'busy' | 'wrong_number'
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
              attempts: {
                at: string
                callId: string | null
                n: number
                operatorId: string
                /** @enum {unknown} */
                outcome: 'answered' | 'no_answer' | 'busy' | 'wrong_number'
              }[]
              callbackId: string
              /** @description clear, for hotline_operator only */
              caller?: string
              callerMasked: string
              callId: string
              claimedBy: string | null
              createdAt: string
              dueAt: string
              loggedCallId: string | null
              overdue: boolean
              /** @enum {unknown} */
              reason: 'abandoned' | 'no-answer' | 'voicemail' | 'failed' | 'busy'
              /** @enum {unknown} */
              status: 'open' | 'claimed' | 'done' | 'unreachable'
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
        401: {
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
        404: {
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
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/hotline/callbacks/{callbackId}/call': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** Call the citizen back: the operator's endpoint rings, then the citizen's number */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          callbackId: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              callId: string
            }
          }
        }
        /** @description RFC 9457 problem details */
        401: {
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
        404: {
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
        503: {
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
  '/api/v1/hotline/callbacks/{callbackId}/claim': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** Claim the item (409 when another operator holds it) */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          callbackId: string
        }
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
              attempts: {
                at: string
                callId: string | null
                n: number
                operatorId: string
                /** @enum {unknown} */
                outcome: 'answered' | 'no_answer' | 'busy' | 'wrong_number'
              }[]
              callbackId: string
              /** @description clear, for hotline_operator only */
              caller?: string
              callerMasked: string
              callId: string
              claimedBy: string | null
              createdAt: string
              dueAt: string
              loggedCallId: string | null
              overdue: boolean
              /** @enum {unknown} */
              reason: 'abandoned' | 'no-answer' | 'voicemail' | 'failed' | 'busy'
              /** @enum {unknown} */
              status: 'open' | 'claimed' | 'done' | 'unreachable'
            }
          }
        }
        /** @description RFC 9457 problem details */
        401: {
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
        404: {
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
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/hotline/callbacks/{callbackId}/release': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** Give the claim back */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          callbackId: string
        }
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
              attempts: {
                at: string
                callId: string | null
                n: number
                operatorId: string
                /** @enum {unknown} */
                outcome: 'answered' | 'no_answer' | 'busy' | 'wrong_number'
              }[]
              callbackId: string
              /** @description clear, for hotline_operator only */
              caller?: string
              callerMasked: string
              callId: string
              claimedBy: string | null
              createdAt: string
              dueAt: string
              loggedCallId: string | null
              overdue: boolean
              /** @enum {unknown} */
              reason: 'abandoned' | 'no-answer' | 'voicemail' | 'failed' | 'busy'
              /** @enum {unknown} */
              status: 'open' | 'claimed' | 'done' | 'unreachable'
            }
          }
        }
        /** @description RFC 9457 problem details */
        401: {
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
        404: {
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
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/hotline/calls': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Calls, newest first */
    get: {
      parameters: {
        query?: {
          cursor?: string
          direction?: 'inbound' | 'outbound'
          from?: string
          limit?: number
          status?: 'ringing' | 'queued' | 'connecting' | 'in-progress' | 'voicemail' | 'ended'
          to?: string
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
                callerMasked: string
                callId: string
                /** @enum {unknown} */
                direction: 'inbound' | 'outbound'
                endedAt: string | null
                endReason: ('answered' | 'abandoned' | 'no-answer' | 'busy' | 'failed' | 'voicemail') | null
                logged: boolean
                operatorId: string | null
                outcome: ('answered_on_spot' | 'case' | 'referred' | 'not_a_matter') | null
                receivedAt: string
                /** @enum {unknown} */
                status: 'ringing' | 'queued' | 'connecting' | 'in-progress' | 'voicemail' | 'ended'
                talkSeconds: number
                waitSeconds: number
              }[]
              nextCursor: string | null
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
        401: {
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
  '/api/v1/hotline/calls/{callId}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** The call card */
    get: {
      parameters: {
        query?: never
        header?: never
        path: {
          callId: string
        }
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
              afterHours: boolean
              answeredAt: string | null
              callbackFor: string | null
              callbackId: string | null
              /** @description clear for hotline_operator, masked for every other role */
              caller: string
              callerMasked: string
              callId: string
              /** @enum {unknown} */
              direction: 'inbound' | 'outbound'
              endedAt: string | null
              endReason: ('answered' | 'abandoned' | 'no-answer' | 'busy' | 'failed' | 'voicemail') | null
              history: {
                calls: {
                  callerMasked: string
                  callId: string
                  /** @enum {unknown} */
                  direction: 'inbound' | 'outbound'
                  endedAt: string | null
                  endReason: ('answered' | 'abandoned' | 'no-answer' | 'busy' | 'failed' | 'voicemail') | null
                  logged: boolean
                  operatorId: string | null
                  outcome: ('answered_on_spot' | 'case' | 'referred' | 'not_a_matter') | null
                  receivedAt: string
                  /** @enum {unknown} */
                  status: 'ringing' | 'queued' | 'connecting' | 'in-progress' | 'voicemail' | 'ended'
                  talkSeconds: number
                  waitSeconds: number
                }[]
              }
              log: {
                addedToExisting: boolean
                anonymous: boolean
                answer: string | null
                category: ('complaint' | 'report' | 'suggestion' | 'consultation' | 'praise') | null
                consentToPublish: boolean
                loggedAt: string
                named: boolean
                notAMatter: {
                  note: string | null
                  /** @enum {unknown} */
                  reason: 'silent' | 'nuisance' | 'wrong_number' | 'other'
                } | null
                operatorId: string
                /** @enum {unknown} */
                outcome: 'answered_on_spot' | 'case' | 'referred' | 'not_a_matter'
                referral: {
                  body: string | null
                  reason: string
                  /** @enum {unknown} */
                  to: '110' | '12345' | 'other'
                } | null
                subject: string | null
                summary: string | null
                trackingCode: string | null
                /** @enum {unknown} */
                urgency: 'normal' | 'urgent'
              } | null
              operatorId: string | null
              receivedAt: string
              recording: {
                durationSeconds: number
              } | null
              /** @enum {unknown} */
              status: 'ringing' | 'queued' | 'connecting' | 'in-progress' | 'voicemail' | 'ended'
              talkSeconds: number
              voicemail: {
                durationSeconds: number
                transcript?: string
              } | null
              waitSeconds: number
            }
          }
        }
        /** @description RFC 9457 problem details */
        401: {
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
        404: {
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
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/hotline/calls/{callId}/hangup': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** End the operator's live call */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          callId: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown
          }
          content?: never
        }
        /** @description RFC 9457 problem details */
        401: {
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
        404: {
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
        503: {
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
  '/api/v1/hotline/calls/{callId}/log': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Log the call (during or after it)
     * @description `case`/`answered_on_spot` open a case in tracking: the tracking code and the access key are answered once (the caller also gets them by SMS). A second log → 409 TJ_CALL_ALREADY_LOGGED.
     */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          callId: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            addToTrackingCode?: string
            anonymous?: boolean
            answer?: string
            /** @enum {unknown} */
            category?: 'complaint' | 'report' | 'suggestion' | 'consultation' | 'praise'
            consentToPublish?: boolean
            /** Format: one-line */
            name?: string
            notAMatter?: {
              note?: string
              /** @enum {unknown} */
              reason: 'silent' | 'nuisance' | 'wrong_number' | 'other'
            }
            /** @enum {unknown} */
            outcome: 'answered_on_spot' | 'case' | 'referred' | 'not_a_matter'
            referral?: {
              /** Format: one-line */
              body?: string
              reason: string
              /** @enum {unknown} */
              to: '110' | '12345' | 'other'
            }
            /** Format: one-line */
            subject?: string
            summary?: string
            /** @enum {unknown} */
            urgency?: 'normal' | 'urgent'
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
              /** @description shown once, to be read out to the caller */
              accessKey?: string
              callId: string
              /** @enum {unknown} */
              outcome: 'answered_on_spot' | 'case' | 'referred' | 'not_a_matter'
              trackingCode?: string
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
        401: {
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
        404: {
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
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/hotline/calls/{callId}/recording': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * The call's recording (audio)
     * @description Streamed through the service; 404 when there is none or it is older than the retention period.
     */
    get: {
      parameters: {
        query?: never
        header?: never
        path: {
          callId: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description the audio (audio/*), streamed */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': unknown
          }
        }
        /** @description RFC 9457 problem details */
        401: {
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
        404: {
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
        503: {
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
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/hotline/calls/{callId}/voicemail': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * The caller's voicemail (audio)
     * @description Streamed through the service; 404 when there is none or it is older than the retention period.
     */
    get: {
      parameters: {
        query?: never
        header?: never
        path: {
          callId: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description the audio (audio/*), streamed */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': unknown
          }
        }
        /** @description RFC 9457 problem details */
        401: {
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
        404: {
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
        503: {
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
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/hotline/dashboard': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** The hotline figures of a period (dates in Asia/Shanghai, both included) */
    get: {
      parameters: {
        query: {
          from: string
          to: string
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
              abandoned: number
              abandonedRate: number
              answered: number
              answeredWithin15s: number
              answeredWithin15sRate: number
              averageCallbackMinutes: number
              averageWaitSeconds: number
              byDay: {
                abandoned: number
                answered: number
                answeredWithin15s: number
                averageWaitSeconds: number
                date: string
                offered: number
              }[]
              byHour: {
                abandoned: number
                answered: number
                answeredWithin15s: number
                hour: number
                offered: number
              }[]
              calledBack: number
              calledBackRate: number
              from: string
              missed: number
              offered: number
              p90WaitSeconds: number
              targets: {
                answerRate: number
                answerWithinSeconds: number
              }
              to: string
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
        401: {
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
  '/api/v1/hotline/operators': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Operators, their availability and current call */
    get: {
      parameters: {
        query?: never
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
                available: boolean
                currentCallId: string | null
                since: string | null
                userId: string
              }[]
            }
          }
        }
        /** @description RFC 9457 problem details */
        401: {
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
  '/api/v1/hotline/operators/me': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** The operator's own availability */
    get: {
      parameters: {
        query?: never
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
              available: boolean
              endpoint: string | null
              since: string | null
              userId: string
            }
          }
        }
        /** @description RFC 9457 problem details */
        401: {
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
      }
    }
    /** Become available (with an endpoint, the first time) or unavailable */
    put: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            available: boolean
            endpoint?: string
          }
        }
      }
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              available: boolean
              endpoint: string | null
              since: string | null
              userId: string
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
        401: {
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
      }
    }
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/hotline/queue': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** The waiting callers, oldest first */
    get: {
      parameters: {
        query?: never
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
              operatorsAvailable: number
              waiting: {
                callerMasked: string
                callId: string
                position: number
                waitingSince: string
                waitSeconds: number
              }[]
            }
          }
        }
        /** @description RFC 9457 problem details */
        401: {
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
  '/api/v1/hotline/queue/answer-next': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Answer the oldest waiting caller
     * @description 409 TJ_QUEUE_EMPTY when nobody waits; 409 TJ_OPERATOR_UNAVAILABLE without availability and endpoint.
     */
    post: {
      parameters: {
        query?: never
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
              call: {
                afterHours: boolean
                answeredAt: string | null
                callbackFor: string | null
                callbackId: string | null
                /** @description clear for hotline_operator, masked for every other role */
                caller: string
                callerMasked: string
                callId: string
                /** @enum {unknown} */
                direction: 'inbound' | 'outbound'
                endedAt: string | null
                endReason: ('answered' | 'abandoned' | 'no-answer' | 'busy' | 'failed' | 'voicemail') | null
                history: {
                  calls: {
                    callerMasked: string
                    callId: string
                    /** @enum {unknown} */
                    direction: 'inbound' | 'outbound'
                    endedAt: string | null
                    endReason:
                      | ('answered' | 'abandoned' | 'no-answer' | 'busy' | 'failed' | 'voicemail')
                      | null
                    logged: boolean
                    operatorId: string | null
                    outcome: ('answered_on_spot' | 'case' | 'referred' | 'not_a_matter') | null
                    receivedAt: string
                    /** @enum {unknown} */
                    status: 'ringing' | 'queued' | 'connecting' | 'in-progress' | 'voicemail' | 'ended'
                    talkSeconds: number
                    waitSeconds: number
                  }[]
                }
                log: {
                  addedToExisting: boolean
                  anonymous: boolean
                  answer: string | null
                  category: ('complaint' | 'report' | 'suggestion' | 'consultation' | 'praise') | null
                  consentToPublish: boolean
                  loggedAt: string
                  named: boolean
                  notAMatter: {
                    note: string | null
                    /** @enum {unknown} */
                    reason: 'silent' | 'nuisance' | 'wrong_number' | 'other'
                  } | null
                  operatorId: string
                  /** @enum {unknown} */
                  outcome: 'answered_on_spot' | 'case' | 'referred' | 'not_a_matter'
                  referral: {
                    body: string | null
                    reason: string
                    /** @enum {unknown} */
                    to: '110' | '12345' | 'other'
                  } | null
                  subject: string | null
                  summary: string | null
                  trackingCode: string | null
                  /** @enum {unknown} */
                  urgency: 'normal' | 'urgent'
                } | null
                operatorId: string | null
                receivedAt: string
                recording: {
                  durationSeconds: number
                } | null
                /** @enum {unknown} */
                status: 'ringing' | 'queued' | 'connecting' | 'in-progress' | 'voicemail' | 'ended'
                talkSeconds: number
                voicemail: {
                  durationSeconds: number
                  transcript?: string
                } | null
                waitSeconds: number
              }
            }
          }
        }
        /** @description RFC 9457 problem details */
        401: {
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
        503: {
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
  '/api/v1/hotline/queue/stream': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * The queue as server-sent events
     * @description An event `queue` with the JSON of GET /queue whenever it changes, and a comment every 15 s. Bearer token as elsewhere (read with fetch and a stream reader).
     */
    get: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description RFC 9457 problem details */
        401: {
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
  '/api/v1/hotline/simulator/calls': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Dial the line from a test phone
     * @description Answers once the first script has brought the call to a wait (queue, recording, …) or its end.
     */
    post: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            /** @description E.164, e.g. +8613812345678 */
            from: string
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
              callId: string
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
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/hotline/simulator/calls/{callId}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** A simulated call and its transcript */
    get: {
      parameters: {
        query?: never
        header?: never
        path: {
          callId: string
        }
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
              answeredBy?: 'human' | 'machine'
              bridgedTo?: string
              callId: string
              direction: 'inbound' | 'outbound'
              endedAt?: string
              from: string
              parentCallId?: string
              position?: number
              queue?: string
              startedAt: string
              /** @enum {unknown} */
              state:
                | 'ringing'
                | 'queued'
                | 'in-progress'
                | 'completed'
                | 'busy'
                | 'no-answer'
                | 'failed'
                | 'canceled'
              to: string
              transcript: {
                at: string
                /** @enum {unknown} */
                kind:
                  | 'say'
                  | 'play'
                  | 'pause'
                  | 'queue'
                  | 'dial'
                  | 'record'
                  | 'gather'
                  | 'redirect'
                  | 'status'
                  | 'hangup'
                  | 'digits'
                  | 'voicemail'
                  | 'error'
                text: string
              }[]
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
        404: {
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
  '/api/v1/hotline/simulator/calls/{callId}/answer': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** Answer a call ringing at a watched number */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          callId: string
        }
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
              answeredBy?: 'human' | 'machine'
              bridgedTo?: string
              callId: string
              direction: 'inbound' | 'outbound'
              endedAt?: string
              from: string
              parentCallId?: string
              position?: number
              queue?: string
              startedAt: string
              /** @enum {unknown} */
              state:
                | 'ringing'
                | 'queued'
                | 'in-progress'
                | 'completed'
                | 'busy'
                | 'no-answer'
                | 'failed'
                | 'canceled'
              to: string
              transcript: {
                at: string
                /** @enum {unknown} */
                kind:
                  | 'say'
                  | 'play'
                  | 'pause'
                  | 'queue'
                  | 'dial'
                  | 'record'
                  | 'gather'
                  | 'redirect'
                  | 'status'
                  | 'hangup'
                  | 'digits'
                  | 'voicemail'
                  | 'error'
                text: string
              }[]
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
        404: {
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
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/hotline/simulator/calls/{callId}/digits': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** Press keys */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          callId: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            digits: string
          }
        }
      }
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              answeredBy?: 'human' | 'machine'
              bridgedTo?: string
              callId: string
              direction: 'inbound' | 'outbound'
              endedAt?: string
              from: string
              parentCallId?: string
              position?: number
              queue?: string
              startedAt: string
              /** @enum {unknown} */
              state:
                | 'ringing'
                | 'queued'
                | 'in-progress'
                | 'completed'
                | 'busy'
                | 'no-answer'
                | 'failed'
                | 'canceled'
              to: string
              transcript: {
                at: string
                /** @enum {unknown} */
                kind:
                  | 'say'
                  | 'play'
                  | 'pause'
                  | 'queue'
                  | 'dial'
                  | 'record'
                  | 'gather'
                  | 'redirect'
                  | 'status'
                  | 'hangup'
                  | 'digits'
                  | 'voicemail'
                  | 'error'
                text: string
              }[]
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
        404: {
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
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/hotline/simulator/calls/{callId}/hangup': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** Hang up */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          callId: string
        }
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
              answeredBy?: 'human' | 'machine'
              bridgedTo?: string
              callId: string
              direction: 'inbound' | 'outbound'
              endedAt?: string
              from: string
              parentCallId?: string
              position?: number
              queue?: string
              startedAt: string
              /** @enum {unknown} */
              state:
                | 'ringing'
                | 'queued'
                | 'in-progress'
                | 'completed'
                | 'busy'
                | 'no-answer'
                | 'failed'
                | 'canceled'
              to: string
              transcript: {
                at: string
                /** @enum {unknown} */
                kind:
                  | 'say'
                  | 'play'
                  | 'pause'
                  | 'queue'
                  | 'dial'
                  | 'record'
                  | 'gather'
                  | 'redirect'
                  | 'status'
                  | 'hangup'
                  | 'digits'
                  | 'voicemail'
                  | 'error'
                text: string
              }[]
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
        404: {
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
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/hotline/simulator/calls/{callId}/reject': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** Decline a call ringing at a watched number (busy, or no answer) */
    post: {
      parameters: {
        query?: {
          reason?: 'busy' | 'no-answer'
        }
        header?: never
        path: {
          callId: string
        }
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
              answeredBy?: 'human' | 'machine'
              bridgedTo?: string
              callId: string
              direction: 'inbound' | 'outbound'
              endedAt?: string
              from: string
              parentCallId?: string
              position?: number
              queue?: string
              startedAt: string
              /** @enum {unknown} */
              state:
                | 'ringing'
                | 'queued'
                | 'in-progress'
                | 'completed'
                | 'busy'
                | 'no-answer'
                | 'failed'
                | 'canceled'
              to: string
              transcript: {
                at: string
                /** @enum {unknown} */
                kind:
                  | 'say'
                  | 'play'
                  | 'pause'
                  | 'queue'
                  | 'dial'
                  | 'record'
                  | 'gather'
                  | 'redirect'
                  | 'status'
                  | 'hangup'
                  | 'digits'
                  | 'voicemail'
                  | 'error'
                text: string
              }[]
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
        404: {
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
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/hotline/simulator/calls/{callId}/voicemail': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** Leave a voicemail while the line records: typed text or uploaded audio (at most 2 MB) */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          callId: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json':
            | {
                /** @description a typed stand-in */
                text: string
              }
            | {
                audioBase64: string
                /** @enum {unknown} */
                contentType: 'audio/wav' | 'audio/mpeg' | 'audio/ogg' | 'audio/webm'
              }
        }
      }
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              answeredBy?: 'human' | 'machine'
              bridgedTo?: string
              callId: string
              direction: 'inbound' | 'outbound'
              endedAt?: string
              from: string
              parentCallId?: string
              position?: number
              queue?: string
              startedAt: string
              /** @enum {unknown} */
              state:
                | 'ringing'
                | 'queued'
                | 'in-progress'
                | 'completed'
                | 'busy'
                | 'no-answer'
                | 'failed'
                | 'canceled'
              to: string
              transcript: {
                at: string
                /** @enum {unknown} */
                kind:
                  | 'say'
                  | 'play'
                  | 'pause'
                  | 'queue'
                  | 'dial'
                  | 'record'
                  | 'gather'
                  | 'redirect'
                  | 'status'
                  | 'hangup'
                  | 'digits'
                  | 'voicemail'
                  | 'error'
                text: string
              }[]
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
        404: {
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
        413: {
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
  '/api/v1/hotline/simulator/phones/{number}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** A test phone: its calls and SMS; calls to it ring until answered from now on */
    get: {
      parameters: {
        query?: never
        header?: never
        path: {
          /** @description E.164, e.g. +8613812345678 */
          number: string
        }
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
              behaviour?:
                | {
                    /** @description one entry per gather: the keys pressed, or null for silence; then the person hangs up */
                    keys: (string | null)[]
                    /** @enum {string} */
                    kind: 'person'
                  }
                | {
                    /** @enum {string} */
                    kind: 'machine'
                  }
                | {
                    /** @enum {string} */
                    kind: 'no-answer'
                  }
                | {
                    /** @enum {string} */
                    kind: 'busy'
                  }
              calls: {
                answeredBy?: 'human' | 'machine'
                bridgedTo?: string
                callId: string
                direction: 'inbound' | 'outbound'
                endedAt?: string
                from: string
                parentCallId?: string
                position?: number
                queue?: string
                startedAt: string
                /** @enum {unknown} */
                state:
                  | 'ringing'
                  | 'queued'
                  | 'in-progress'
                  | 'completed'
                  | 'busy'
                  | 'no-answer'
                  | 'failed'
                  | 'canceled'
                to: string
                transcript: {
                  at: string
                  /** @enum {unknown} */
                  kind:
                    | 'say'
                    | 'play'
                    | 'pause'
                    | 'queue'
                    | 'dial'
                    | 'record'
                    | 'gather'
                    | 'redirect'
                    | 'status'
                    | 'hangup'
                    | 'digits'
                    | 'voicemail'
                    | 'error'
                  text: string
                }[]
              }[]
              messages: {
                at: string
                body: string
                from: string
                messageId: string
                /** @enum {unknown} */
                status: 'accepted' | 'queued' | 'sending' | 'sent' | 'delivered' | 'undelivered' | 'failed'
                to: string
              }[]
              number: string
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
  '/api/v1/hotline/simulator/phones/{number}/behaviour': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    /** Program a test phone: how it takes the calls placed to it (a person pressing scripted keys, an answering machine, no answer, busy) */
    put: {
      parameters: {
        query?: never
        header?: never
        path: {
          /** @description E.164, e.g. +8613812345678 */
          number: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json':
            | {
                /** @description one entry per gather: the keys pressed, or null for silence; then the person hangs up */
                keys: (string | null)[]
                /** @enum {string} */
                kind: 'person'
              }
            | {
                /** @enum {string} */
                kind: 'machine'
              }
            | {
                /** @enum {string} */
                kind: 'no-answer'
              }
            | {
                /** @enum {string} */
                kind: 'busy'
              }
        }
      }
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              behaviour?:
                | {
                    /** @description one entry per gather: the keys pressed, or null for silence; then the person hangs up */
                    keys: (string | null)[]
                    /** @enum {string} */
                    kind: 'person'
                  }
                | {
                    /** @enum {string} */
                    kind: 'machine'
                  }
                | {
                    /** @enum {string} */
                    kind: 'no-answer'
                  }
                | {
                    /** @enum {string} */
                    kind: 'busy'
                  }
              calls: {
                answeredBy?: 'human' | 'machine'
                bridgedTo?: string
                callId: string
                direction: 'inbound' | 'outbound'
                endedAt?: string
                from: string
                parentCallId?: string
                position?: number
                queue?: string
                startedAt: string
                /** @enum {unknown} */
                state:
                  | 'ringing'
                  | 'queued'
                  | 'in-progress'
                  | 'completed'
                  | 'busy'
                  | 'no-answer'
                  | 'failed'
                  | 'canceled'
                to: string
                transcript: {
                  at: string
                  /** @enum {unknown} */
                  kind:
                    | 'say'
                    | 'play'
                    | 'pause'
                    | 'queue'
                    | 'dial'
                    | 'record'
                    | 'gather'
                    | 'redirect'
                    | 'status'
                    | 'hangup'
                    | 'digits'
                    | 'voicemail'
                    | 'error'
                  text: string
                }[]
              }[]
              messages: {
                at: string
                body: string
                from: string
                messageId: string
                /** @enum {unknown} */
                status: 'accepted' | 'queued' | 'sending' | 'sent' | 'delivered' | 'undelivered' | 'failed'
                to: string
              }[]
              number: string
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
      }
    }
    post?: never
    /** Forget a test phone: calls to it are answered at once again */
    delete: {
      parameters: {
        query?: never
        header?: never
        path: {
          /** @description E.164, e.g. +8613812345678 */
          number: string
        }
        cookie?: never
      }
      requestBody?: never
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
      }
    }
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/hotline/simulator/provider/messages': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** The provider's SMS endpoint (Authorization: Bearer <token>) */
    post: {
      parameters: {
        query?: never
        header?: {
          authorization?: string
        }
        path?: never
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            body: string
            from: string
            statusUrl?: string
            /** @description E.164, e.g. +8613812345678 */
            to: string
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
              messageId: string
              /** @enum {unknown} */
              status: 'accepted' | 'queued' | 'sending' | 'sent' | 'delivered' | 'undelivered' | 'failed'
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
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/hotline/voice/callback-bridge': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * A callback: the operator answered; the script dials the citizen
     * @description A signed webhook of the telephony provider; answers a call script (text/xml).
     */
    post: {
      parameters: {
        query?: {
          attempt?: number
          call?: string
          callback?: string
          kind?: 'voicemail' | 'recording'
          operator?: string
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            [key: string]: string
          }
        }
      }
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': string
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
        404: {
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
  '/api/v1/hotline/voice/callback-dial-result': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * A callback's citizen leg ended
     * @description A signed webhook of the telephony provider; answers a call script (text/xml).
     */
    post: {
      parameters: {
        query?: {
          attempt?: number
          call?: string
          callback?: string
          kind?: 'voicemail' | 'recording'
          operator?: string
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            [key: string]: string
          }
        }
      }
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': string
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
        404: {
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
  '/api/v1/hotline/voice/connect': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Bridges a claimed caller to the operator's endpoint
     * @description A signed webhook of the telephony provider; answers a call script (text/xml).
     */
    post: {
      parameters: {
        query?: {
          attempt?: number
          call?: string
          callback?: string
          kind?: 'voicemail' | 'recording'
          operator?: string
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            [key: string]: string
          }
        }
      }
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': string
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
        404: {
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
  '/api/v1/hotline/voice/dial-result': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * The operator's leg ended: the call is over, or the caller goes back to the front
     * @description A signed webhook of the telephony provider; answers a call script (text/xml).
     */
    post: {
      parameters: {
        query?: {
          attempt?: number
          call?: string
          callback?: string
          kind?: 'voicemail' | 'recording'
          operator?: string
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            [key: string]: string
          }
        }
      }
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': string
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
        404: {
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
  '/api/v1/hotline/voice/incoming': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * A new inbound call: greeted, then queued (or a voicemail out of hours)
     * @description A signed webhook of the telephony provider; answers a call script (text/xml).
     */
    post: {
      parameters: {
        query?: {
          attempt?: number
          call?: string
          callback?: string
          kind?: 'voicemail' | 'recording'
          operator?: string
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            [key: string]: string
          }
        }
      }
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': string
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
        404: {
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
  '/api/v1/hotline/voice/operator-status': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Status callbacks of the operator's leg: picked up → the call is in progress, answered now
     * @description A signed webhook of the telephony provider; answers a call script (text/xml).
     */
    post: {
      parameters: {
        query?: {
          attempt?: number
          call?: string
          callback?: string
          kind?: 'voicemail' | 'recording'
          operator?: string
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            [key: string]: string
          }
        }
      }
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': string
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
        404: {
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
  '/api/v1/hotline/voice/queue-result': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * The caller left the queue (hung up: abandoned → callback list)
     * @description A signed webhook of the telephony provider; answers a call script (text/xml).
     */
    post: {
      parameters: {
        query?: {
          attempt?: number
          call?: string
          callback?: string
          kind?: 'voicemail' | 'recording'
          operator?: string
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            [key: string]: string
          }
        }
      }
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': string
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
        404: {
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
  '/api/v1/hotline/voice/recording-status': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * A recording's status: metadata of the voicemail or the call's recording
     * @description A signed webhook of the telephony provider; answers a call script (text/xml).
     */
    post: {
      parameters: {
        query?: {
          attempt?: number
          call?: string
          callback?: string
          kind?: 'voicemail' | 'recording'
          operator?: string
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            [key: string]: string
          }
        }
      }
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': string
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
        404: {
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
  '/api/v1/hotline/voice/status': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Status callbacks of every call: idempotent, never backwards
     * @description A signed webhook of the telephony provider; answers a call script (text/xml).
     */
    post: {
      parameters: {
        query?: {
          attempt?: number
          call?: string
          callback?: string
          kind?: 'voicemail' | 'recording'
          operator?: string
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            [key: string]: string
          }
        }
      }
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': string
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
        404: {
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
  '/api/v1/hotline/voice/voicemail': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * A voicemail was left: the call goes to the callback list
     * @description A signed webhook of the telephony provider; answers a call script (text/xml).
     */
    post: {
      parameters: {
        query?: {
          attempt?: number
          call?: string
          callback?: string
          kind?: 'voicemail' | 'recording'
          operator?: string
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            [key: string]: string
          }
        }
      }
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': string
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
        404: {
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
  '/api/v1/hotline/voice/wait': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Played while the caller waits: the position in the queue
     * @description A signed webhook of the telephony provider; answers a call script (text/xml).
     */
    post: {
      parameters: {
        query?: {
          attempt?: number
          call?: string
          callback?: string
          kind?: 'voicemail' | 'recording'
          operator?: string
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            [key: string]: string
          }
        }
      }
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': string
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
        404: {
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
