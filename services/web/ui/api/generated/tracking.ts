// Generated from the tracking service's OpenAPI document by services/web/scripts/api-types.ts — do not
// edit: run `pnpm --filter @tingjian/web api-types` after changing a route's schema.
export interface paths {
  '/api/v1/audit/searches': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Searches by phone number, newest first (who, when, outcome, results; never the number) */
    get: {
      parameters: {
        query: {
          cursor?: string
          limit: number
          userId?: string
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
                /** Format: date-time */
                at: string
                id: string
                more: boolean
                /** @enum {unknown} */
                outcome: 'ok' | 'forbidden' | 'limited'
                requestId: string
                results: number | null
                roles: string[]
                userId: string
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
  '/api/v1/cases': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * Cases the caller may see, newest first
     * @description `phone` only for roles that see contact data in clear (403 otherwise), at most PHONE_SEARCHES_PER_MINUTE per user (429); every search by phone is audited without the number.
     */
    get: {
      parameters: {
        query: {
          assigneeId?: string
          category?: 'complaint' | 'report' | 'suggestion' | 'consultation' | 'praise'
          channel?: 'mailbox' | 'hotline' | 'poll' | 'callback'
          cursor?: string
          departmentId?: string
          /** @description open cases raised on the escalation ladder (督办 and above), or not */
          escalated?: boolean
          limit: number
          overdue?: boolean
          phone?: string
          q?: string
          /** @description the cases of one work queue (GET /cases/queues) */
          queue?:
            | 'to_accept'
            | 'to_sign'
            | 'in_progress'
            | 'due_soon'
            | 'overdue'
            | 'reply_review'
            | 'returned'
            | 'extension_requested'
          status?:
            | 'received'
            | 'not_accepted'
            | 'assigned'
            | 'in_progress'
            | 'reply_review'
            | 'replied'
            | 'closed'
            | 'merged'
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
                acceptedAt: string | null
                /** @description the actions (POST /cases/{id}/<action>) the caller may take in the current state */
                actions: (
                  | 'assign'
                  | 'not-accept'
                  | 'answer'
                  | 'sign'
                  | 'return'
                  | 'extension'
                  | 'extension/approve'
                  | 'extension/refuse'
                  | 'reply'
                  | 'reply/approve'
                  | 'reply/send-back'
                  | 'escalate'
                  | 'close'
                  | 'reopen'
                  | 'merge'
                  | 'notes'
                  | 'concerns'
                )[]
                anonymous: boolean
                assigneeId: string | null
                body: string
                /** @description callback surveys (回访) of the case, as the callbacks service announced them: completed (with the satisfaction level heard, five levels) or unreachable */
                callbacks: {
                  /** Format: date-time */
                  at: string
                  /** @enum {unknown} */
                  outcome: 'completed' | 'unreachable'
                  satisfaction:
                    | (
                        | 'very_satisfied'
                        | 'satisfied'
                        | 'basically_satisfied'
                        | 'dissatisfied'
                        | 'very_dissatisfied'
                      )
                    | null
                  taskId: string
                }[]
                category: string
                channel: string
                citizen: {
                  email?: string
                  idNumber?: string
                  name?: string
                  phone?: string
                }
                closedAt: string | null
                /** @description 被投诉对象 (POST /cases/{id}/concerns); null until set */
                concerns: {
                  office: string | null
                  staffNumber: string | null
                  window: string | null
                } | null
                consentToPublish: boolean
                /** @description the citizen asked not to be phoned about the answer (the letter's declineCallback): no callback survey */
                contactDeclined: boolean
                departmentId: string | null
                draftReply: {
                  /** Format: date-time */
                  at: string
                  by: string | null
                  finding: ('substantiated' | 'partly_substantiated' | 'unfounded') | null
                  public: boolean
                  text: string
                } | null
                dueAt: string | null
                /** @description the due date was counted across days of a year no working-day table covers (Monday to Friday assumed); cleared when that year's table is published and the date counted again */
                dueProvisional: boolean
                /** @description 0 none, 1 reminded, 2 supervised (督办), 3 criticised (通报) */
                escalationLevel: number
                extendedDays: number
                extension: {
                  days: number
                  reason: string
                  /** Format: date-time */
                  requestedAt: string
                  requestedBy: string | null
                } | null
                id: string
                mergedCaseIds: string[]
                mergedInto: string | null
                notAcceptedReason: string | null
                onTime: boolean | null
                originId: string
                overdue: boolean
                rating: {
                  /** Format: date-time */
                  at: string
                  comment: string | null
                  /** @enum {unknown} */
                  satisfaction: 'satisfied' | 'basically_satisfied' | 'dissatisfied'
                } | null
                /** @description rectification orders (整改) over the case's problems, as rectification announced them: issued, closed (销号), reopened */
                rectifications: {
                  /** Format: date-time */
                  at: string
                  number: string
                  orderId: string
                  /** @enum {unknown} */
                  status: 'ordered' | 'closed' | 'reopened'
                }[]
                reply: {
                  departmentId: string | null
                  finding: ('substantiated' | 'partly_substantiated' | 'unfounded') | null
                  public: boolean
                  /** Format: date-time */
                  repliedAt: string
                  text: string
                } | null
                returned: {
                  /** Format: date-time */
                  at: string
                  departmentId: string | null
                  reason: string
                } | null
                reworkCount: number
                signDueAt: string | null
                /** @enum {unknown} */
                status:
                  | 'received'
                  | 'not_accepted'
                  | 'assigned'
                  | 'in_progress'
                  | 'reply_review'
                  | 'replied'
                  | 'closed'
                  | 'merged'
                subject: string
                /** Format: date-time */
                submittedAt: string
                supportingDepartmentIds: string[]
                timeline: {
                  action: string
                  actorId: string | null
                  actorRole: string
                  /** Format: date-time */
                  at: string
                  hash: string
                  note: string | null
                  prevHash: string
                  public: boolean
                  seq: number
                }[]
                trackingCode: string
                /**
                 * @description hotline cases: the operator's judgement of the call
                 * @enum {unknown}
                 */
                urgency?: 'normal' | 'urgent'
                version: number
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
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/cases/{id}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get: {
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
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              acceptedAt: string | null
              /** @description the actions (POST /cases/{id}/<action>) the caller may take in the current state */
              actions: (
                | 'assign'
                | 'not-accept'
                | 'answer'
                | 'sign'
                | 'return'
                | 'extension'
                | 'extension/approve'
                | 'extension/refuse'
                | 'reply'
                | 'reply/approve'
                | 'reply/send-back'
                | 'escalate'
                | 'close'
                | 'reopen'
                | 'merge'
                | 'notes'
                | 'concerns'
              )[]
              anonymous: boolean
              assigneeId: string | null
              body: string
              /** @description callback surveys (回访) of the case, as the callbacks service announced them: completed (with the satisfaction level heard, five levels) or unreachable */
              callbacks: {
                /** Format: date-time */
                at: string
                /** @enum {unknown} */
                outcome: 'completed' | 'unreachable'
                satisfaction:
                  | (
                      | 'very_satisfied'
                      | 'satisfied'
                      | 'basically_satisfied'
                      | 'dissatisfied'
                      | 'very_dissatisfied'
                    )
                  | null
                taskId: string
              }[]
              category: string
              channel: string
              citizen: {
                email?: string
                idNumber?: string
                name?: string
                phone?: string
              }
              closedAt: string | null
              /** @description 被投诉对象 (POST /cases/{id}/concerns); null until set */
              concerns: {
                office: string | null
                staffNumber: string | null
                window: string | null
              } | null
              consentToPublish: boolean
              /** @description the citizen asked not to be phoned about the answer (the letter's declineCallback): no callback survey */
              contactDeclined: boolean
              departmentId: string | null
              draftReply: {
                /** Format: date-time */
                at: string
                by: string | null
                finding: ('substantiated' | 'partly_substantiated' | 'unfounded') | null
                public: boolean
                text: string
              } | null
              dueAt: string | null
              /** @description the due date was counted across days of a year no working-day table covers (Monday to Friday assumed); cleared when that year's table is published and the date counted again */
              dueProvisional: boolean
              /** @description 0 none, 1 reminded, 2 supervised (督办), 3 criticised (通报) */
              escalationLevel: number
              extendedDays: number
              extension: {
                days: number
                reason: string
                /** Format: date-time */
                requestedAt: string
                requestedBy: string | null
              } | null
              id: string
              mergedCaseIds: string[]
              mergedInto: string | null
              notAcceptedReason: string | null
              onTime: boolean | null
              originId: string
              overdue: boolean
              rating: {
                /** Format: date-time */
                at: string
                comment: string | null
                /** @enum {unknown} */
                satisfaction: 'satisfied' | 'basically_satisfied' | 'dissatisfied'
              } | null
              /** @description rectification orders (整改) over the case's problems, as rectification announced them: issued, closed (销号), reopened */
              rectifications: {
                /** Format: date-time */
                at: string
                number: string
                orderId: string
                /** @enum {unknown} */
                status: 'ordered' | 'closed' | 'reopened'
              }[]
              reply: {
                departmentId: string | null
                finding: ('substantiated' | 'partly_substantiated' | 'unfounded') | null
                public: boolean
                /** Format: date-time */
                repliedAt: string
                text: string
              } | null
              returned: {
                /** Format: date-time */
                at: string
                departmentId: string | null
                reason: string
              } | null
              reworkCount: number
              signDueAt: string | null
              /** @enum {unknown} */
              status:
                | 'received'
                | 'not_accepted'
                | 'assigned'
                | 'in_progress'
                | 'reply_review'
                | 'replied'
                | 'closed'
                | 'merged'
              subject: string
              /** Format: date-time */
              submittedAt: string
              supportingDepartmentIds: string[]
              timeline: {
                action: string
                actorId: string | null
                actorRole: string
                /** Format: date-time */
                at: string
                hash: string
                note: string | null
                prevHash: string
                public: boolean
                seq: number
              }[]
              trackingCode: string
              /**
               * @description hotline cases: the operator's judgement of the call
               * @enum {unknown}
               */
              urgency?: 'normal' | 'urgent'
              version: number
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
  '/api/v1/cases/{id}/answer': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            /**
             * @description 核查结果: substantiated (属实), partly_substantiated (部分属实) or unfounded (不属实); a complaint or report published as (partly) substantiated is a problem for rectification
             * @enum {unknown}
             */
            finding?: 'substantiated' | 'partly_substantiated' | 'unfounded'
            public?: boolean
            text: string
            /** @description the version of the case the client saw */
            version: number
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
              acceptedAt: string | null
              /** @description the actions (POST /cases/{id}/<action>) the caller may take in the current state */
              actions: (
                | 'assign'
                | 'not-accept'
                | 'answer'
                | 'sign'
                | 'return'
                | 'extension'
                | 'extension/approve'
                | 'extension/refuse'
                | 'reply'
                | 'reply/approve'
                | 'reply/send-back'
                | 'escalate'
                | 'close'
                | 'reopen'
                | 'merge'
                | 'notes'
                | 'concerns'
              )[]
              anonymous: boolean
              assigneeId: string | null
              body: string
              /** @description callback surveys (回访) of the case, as the callbacks service announced them: completed (with the satisfaction level heard, five levels) or unreachable */
              callbacks: {
                /** Format: date-time */
                at: string
                /** @enum {unknown} */
                outcome: 'completed' | 'unreachable'
                satisfaction:
                  | (
                      | 'very_satisfied'
                      | 'satisfied'
                      | 'basically_satisfied'
                      | 'dissatisfied'
                      | 'very_dissatisfied'
                    )
                  | null
                taskId: string
              }[]
              category: string
              channel: string
              citizen: {
                email?: string
                idNumber?: string
                name?: string
                phone?: string
              }
              closedAt: string | null
              /** @description 被投诉对象 (POST /cases/{id}/concerns); null until set */
              concerns: {
                office: string | null
                staffNumber: string | null
                window: string | null
              } | null
              consentToPublish: boolean
              /** @description the citizen asked not to be phoned about the answer (the letter's declineCallback): no callback survey */
              contactDeclined: boolean
              departmentId: string | null
              draftReply: {
                /** Format: date-time */
                at: string
                by: string | null
                finding: ('substantiated' | 'partly_substantiated' | 'unfounded') | null
                public: boolean
                text: string
              } | null
              dueAt: string | null
              /** @description the due date was counted across days of a year no working-day table covers (Monday to Friday assumed); cleared when that year's table is published and the date counted again */
              dueProvisional: boolean
              /** @description 0 none, 1 reminded, 2 supervised (督办), 3 criticised (通报) */
              escalationLevel: number
              extendedDays: number
              extension: {
                days: number
                reason: string
                /** Format: date-time */
                requestedAt: string
                requestedBy: string | null
              } | null
              id: string
              mergedCaseIds: string[]
              mergedInto: string | null
              notAcceptedReason: string | null
              onTime: boolean | null
              originId: string
              overdue: boolean
              rating: {
                /** Format: date-time */
                at: string
                comment: string | null
                /** @enum {unknown} */
                satisfaction: 'satisfied' | 'basically_satisfied' | 'dissatisfied'
              } | null
              /** @description rectification orders (整改) over the case's problems, as rectification announced them: issued, closed (销号), reopened */
              rectifications: {
                /** Format: date-time */
                at: string
                number: string
                orderId: string
                /** @enum {unknown} */
                status: 'ordered' | 'closed' | 'reopened'
              }[]
              reply: {
                departmentId: string | null
                finding: ('substantiated' | 'partly_substantiated' | 'unfounded') | null
                public: boolean
                /** Format: date-time */
                repliedAt: string
                text: string
              } | null
              returned: {
                /** Format: date-time */
                at: string
                departmentId: string | null
                reason: string
              } | null
              reworkCount: number
              signDueAt: string | null
              /** @enum {unknown} */
              status:
                | 'received'
                | 'not_accepted'
                | 'assigned'
                | 'in_progress'
                | 'reply_review'
                | 'replied'
                | 'closed'
                | 'merged'
              subject: string
              /** Format: date-time */
              submittedAt: string
              supportingDepartmentIds: string[]
              timeline: {
                action: string
                actorId: string | null
                actorRole: string
                /** Format: date-time */
                at: string
                hash: string
                note: string | null
                prevHash: string
                public: boolean
                seq: number
              }[]
              trackingCode: string
              /**
               * @description hotline cases: the operator's judgement of the call
               * @enum {unknown}
               */
              urgency?: 'normal' | 'urgent'
              version: number
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
        /** @description RFC 9457 problem details */
        415: {
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
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/cases/{id}/assign': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            assigneeId?: string
            departmentId: string
            note?: string
            supportingDepartmentIds?: string[]
            /** @description the version of the case the client saw */
            version: number
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
              acceptedAt: string | null
              /** @description the actions (POST /cases/{id}/<action>) the caller may take in the current state */
              actions: (
                | 'assign'
                | 'not-accept'
                | 'answer'
                | 'sign'
                | 'return'
                | 'extension'
                | 'extension/approve'
                | 'extension/refuse'
                | 'reply'
                | 'reply/approve'
                | 'reply/send-back'
                | 'escalate'
                | 'close'
                | 'reopen'
                | 'merge'
                | 'notes'
                | 'concerns'
              )[]
              anonymous: boolean
              assigneeId: string | null
              body: string
              /** @description callback surveys (回访) of the case, as the callbacks service announced them: completed (with the satisfaction level heard, five levels) or unreachable */
              callbacks: {
                /** Format: date-time */
                at: string
                /** @enum {unknown} */
                outcome: 'completed' | 'unreachable'
                satisfaction:
                  | (
                      | 'very_satisfied'
                      | 'satisfied'
                      | 'basically_satisfied'
                      | 'dissatisfied'
                      | 'very_dissatisfied'
                    )
                  | null
                taskId: string
              }[]
              category: string
              channel: string
              citizen: {
                email?: string
                idNumber?: string
                name?: string
                phone?: string
              }
              closedAt: string | null
              /** @description 被投诉对象 (POST /cases/{id}/concerns); null until set */
              concerns: {
                office: string | null
                staffNumber: string | null
                window: string | null
              } | null
              consentToPublish: boolean
              /** @description the citizen asked not to be phoned about the answer (the letter's declineCallback): no callback survey */
              contactDeclined: boolean
              departmentId: string | null
              draftReply: {
                /** Format: date-time */
                at: string
                by: string | null
                finding: ('substantiated' | 'partly_substantiated' | 'unfounded') | null
                public: boolean
                text: string
              } | null
              dueAt: string | null
              /** @description the due date was counted across days of a year no working-day table covers (Monday to Friday assumed); cleared when that year's table is published and the date counted again */
              dueProvisional: boolean
              /** @description 0 none, 1 reminded, 2 supervised (督办), 3 criticised (通报) */
              escalationLevel: number
              extendedDays: number
              extension: {
                days: number
                reason: string
                /** Format: date-time */
                requestedAt: string
                requestedBy: string | null
              } | null
              id: string
              mergedCaseIds: string[]
              mergedInto: string | null
              notAcceptedReason: string | null
              onTime: boolean | null
              originId: string
              overdue: boolean
              rating: {
                /** Format: date-time */
                at: string
                comment: string | null
                /** @enum {unknown} */
                satisfaction: 'satisfied' | 'basically_satisfied' | 'dissatisfied'
              } | null
              /** @description rectification orders (整改) over the case's problems, as rectification announced them: issued, closed (销号), reopened */
              rectifications: {
                /** Format: date-time */
                at: string
                number: string
                orderId: string
                /** @enum {unknown} */
                status: 'ordered' | 'closed' | 'reopened'
              }[]
              reply: {
                departmentId: string | null
                finding: ('substantiated' | 'partly_substantiated' | 'unfounded') | null
                public: boolean
                /** Format: date-time */
                repliedAt: string
                text: string
              } | null
              returned: {
                /** Format: date-time */
                at: string
                departmentId: string | null
                reason: string
              } | null
              reworkCount: number
              signDueAt: string | null
              /** @enum {unknown} */
              status:
                | 'received'
                | 'not_accepted'
                | 'assigned'
                | 'in_progress'
                | 'reply_review'
                | 'replied'
                | 'closed'
                | 'merged'
              subject: string
              /** Format: date-time */
              submittedAt: string
              supportingDepartmentIds: string[]
              timeline: {
                action: string
                actorId: string | null
                actorRole: string
                /** Format: date-time */
                at: string
                hash: string
                note: string | null
                prevHash: string
                public: boolean
                seq: number
              }[]
              trackingCode: string
              /**
               * @description hotline cases: the operator's judgement of the call
               * @enum {unknown}
               */
              urgency?: 'normal' | 'urgent'
              version: number
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
        /** @description RFC 9457 problem details */
        415: {
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
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/cases/{id}/close': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            /** @description the version of the case the client saw */
            version: number
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
              acceptedAt: string | null
              /** @description the actions (POST /cases/{id}/<action>) the caller may take in the current state */
              actions: (
                | 'assign'
                | 'not-accept'
                | 'answer'
                | 'sign'
                | 'return'
                | 'extension'
                | 'extension/approve'
                | 'extension/refuse'
                | 'reply'
                | 'reply/approve'
                | 'reply/send-back'
                | 'escalate'
                | 'close'
                | 'reopen'
                | 'merge'
                | 'notes'
                | 'concerns'
              )[]
              anonymous: boolean
              assigneeId: string | null
              body: string
              /** @description callback surveys (回访) of the case, as the callbacks service announced them: completed (with the satisfaction level heard, five levels) or unreachable */
              callbacks: {
                /** Format: date-time */
                at: string
                /** @enum {unknown} */
                outcome: 'completed' | 'unreachable'
                satisfaction:
                  | (
                      | 'very_satisfied'
                      | 'satisfied'
                      | 'basically_satisfied'
                      | 'dissatisfied'
                      | 'very_dissatisfied'
                    )
                  | null
                taskId: string
              }[]
              category: string
              channel: string
              citizen: {
                email?: string
                idNumber?: string
                name?: string
                phone?: string
              }
              closedAt: string | null
              /** @description 被投诉对象 (POST /cases/{id}/concerns); null until set */
              concerns: {
                office: string | null
                staffNumber: string | null
                window: string | null
              } | null
              consentToPublish: boolean
              /** @description the citizen asked not to be phoned about the answer (the letter's declineCallback): no callback survey */
              contactDeclined: boolean
              departmentId: string | null
              draftReply: {
                /** Format: date-time */
                at: string
                by: string | null
                finding: ('substantiated' | 'partly_substantiated' | 'unfounded') | null
                public: boolean
                text: string
              } | null
              dueAt: string | null
              /** @description the due date was counted across days of a year no working-day table covers (Monday to Friday assumed); cleared when that year's table is published and the date counted again */
              dueProvisional: boolean
              /** @description 0 none, 1 reminded, 2 supervised (督办), 3 criticised (通报) */
              escalationLevel: number
              extendedDays: number
              extension: {
                days: number
                reason: string
                /** Format: date-time */
                requestedAt: string
                requestedBy: string | null
              } | null
              id: string
              mergedCaseIds: string[]
              mergedInto: string | null
              notAcceptedReason: string | null
              onTime: boolean | null
              originId: string
              overdue: boolean
              rating: {
                /** Format: date-time */
                at: string
                comment: string | null
                /** @enum {unknown} */
                satisfaction: 'satisfied' | 'basically_satisfied' | 'dissatisfied'
              } | null
              /** @description rectification orders (整改) over the case's problems, as rectification announced them: issued, closed (销号), reopened */
              rectifications: {
                /** Format: date-time */
                at: string
                number: string
                orderId: string
                /** @enum {unknown} */
                status: 'ordered' | 'closed' | 'reopened'
              }[]
              reply: {
                departmentId: string | null
                finding: ('substantiated' | 'partly_substantiated' | 'unfounded') | null
                public: boolean
                /** Format: date-time */
                repliedAt: string
                text: string
              } | null
              returned: {
                /** Format: date-time */
                at: string
                departmentId: string | null
                reason: string
              } | null
              reworkCount: number
              signDueAt: string | null
              /** @enum {unknown} */
              status:
                | 'received'
                | 'not_accepted'
                | 'assigned'
                | 'in_progress'
                | 'reply_review'
                | 'replied'
                | 'closed'
                | 'merged'
              subject: string
              /** Format: date-time */
              submittedAt: string
              supportingDepartmentIds: string[]
              timeline: {
                action: string
                actorId: string | null
                actorRole: string
                /** Format: date-time */
                at: string
                hash: string
                note: string | null
                prevHash: string
                public: boolean
                seq: number
              }[]
              trackingCode: string
              /**
               * @description hotline cases: the operator's judgement of the call
               * @enum {unknown}
               */
              urgency?: 'normal' | 'urgent'
              version: number
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
        /** @description RFC 9457 problem details */
        415: {
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
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/cases/{id}/concerns': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            office?: string | null
            staffNumber?: string | null
            /** @description the version of the case the client saw */
            version?: number
            window?: string | null
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
              acceptedAt: string | null
              /** @description the actions (POST /cases/{id}/<action>) the caller may take in the current state */
              actions: (
                | 'assign'
                | 'not-accept'
                | 'answer'
                | 'sign'
                | 'return'
                | 'extension'
                | 'extension/approve'
                | 'extension/refuse'
                | 'reply'
                | 'reply/approve'
                | 'reply/send-back'
                | 'escalate'
                | 'close'
                | 'reopen'
                | 'merge'
                | 'notes'
                | 'concerns'
              )[]
              anonymous: boolean
              assigneeId: string | null
              body: string
              /** @description callback surveys (回访) of the case, as the callbacks service announced them: completed (with the satisfaction level heard, five levels) or unreachable */
              callbacks: {
                /** Format: date-time */
                at: string
                /** @enum {unknown} */
                outcome: 'completed' | 'unreachable'
                satisfaction:
                  | (
                      | 'very_satisfied'
                      | 'satisfied'
                      | 'basically_satisfied'
                      | 'dissatisfied'
                      | 'very_dissatisfied'
                    )
                  | null
                taskId: string
              }[]
              category: string
              channel: string
              citizen: {
                email?: string
                idNumber?: string
                name?: string
                phone?: string
              }
              closedAt: string | null
              /** @description 被投诉对象 (POST /cases/{id}/concerns); null until set */
              concerns: {
                office: string | null
                staffNumber: string | null
                window: string | null
              } | null
              consentToPublish: boolean
              /** @description the citizen asked not to be phoned about the answer (the letter's declineCallback): no callback survey */
              contactDeclined: boolean
              departmentId: string | null
              draftReply: {
                /** Format: date-time */
                at: string
                by: string | null
                finding: ('substantiated' | 'partly_substantiated' | 'unfounded') | null
                public: boolean
                text: string
              } | null
              dueAt: string | null
              /** @description the due date was counted across days of a year no working-day table covers (Monday to Friday assumed); cleared when that year's table is published and the date counted again */
              dueProvisional: boolean
              /** @description 0 none, 1 reminded, 2 supervised (督办), 3 criticised (通报) */
              escalationLevel: number
              extendedDays: number
              extension: {
                days: number
                reason: string
                /** Format: date-time */
                requestedAt: string
                requestedBy: string | null
              } | null
              id: string
              mergedCaseIds: string[]
              mergedInto: string | null
              notAcceptedReason: string | null
              onTime: boolean | null
              originId: string
              overdue: boolean
              rating: {
                /** Format: date-time */
                at: string
                comment: string | null
                /** @enum {unknown} */
                satisfaction: 'satisfied' | 'basically_satisfied' | 'dissatisfied'
              } | null
              /** @description rectification orders (整改) over the case's problems, as rectification announced them: issued, closed (销号), reopened */
              rectifications: {
                /** Format: date-time */
                at: string
                number: string
                orderId: string
                /** @enum {unknown} */
                status: 'ordered' | 'closed' | 'reopened'
              }[]
              reply: {
                departmentId: string | null
                finding: ('substantiated' | 'partly_substantiated' | 'unfounded') | null
                public: boolean
                /** Format: date-time */
                repliedAt: string
                text: string
              } | null
              returned: {
                /** Format: date-time */
                at: string
                departmentId: string | null
                reason: string
              } | null
              reworkCount: number
              signDueAt: string | null
              /** @enum {unknown} */
              status:
                | 'received'
                | 'not_accepted'
                | 'assigned'
                | 'in_progress'
                | 'reply_review'
                | 'replied'
                | 'closed'
                | 'merged'
              subject: string
              /** Format: date-time */
              submittedAt: string
              supportingDepartmentIds: string[]
              timeline: {
                action: string
                actorId: string | null
                actorRole: string
                /** Format: date-time */
                at: string
                hash: string
                note: string | null
                prevHash: string
                public: boolean
                seq: number
              }[]
              trackingCode: string
              /**
               * @description hotline cases: the operator's judgement of the call
               * @enum {unknown}
               */
              urgency?: 'normal' | 'urgent'
              version: number
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
        /** @description RFC 9457 problem details */
        415: {
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
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/cases/{id}/escalate': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            /** Format: one-line */
            note: string
            /** @description the version of the case the client saw */
            version: number
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
              acceptedAt: string | null
              /** @description the actions (POST /cases/{id}/<action>) the caller may take in the current state */
              actions: (
                | 'assign'
                | 'not-accept'
                | 'answer'
                | 'sign'
                | 'return'
                | 'extension'
                | 'extension/approve'
                | 'extension/refuse'
                | 'reply'
                | 'reply/approve'
                | 'reply/send-back'
                | 'escalate'
                | 'close'
                | 'reopen'
                | 'merge'
                | 'notes'
                | 'concerns'
              )[]
              anonymous: boolean
              assigneeId: string | null
              body: string
              /** @description callback surveys (回访) of the case, as the callbacks service announced them: completed (with the satisfaction level heard, five levels) or unreachable */
              callbacks: {
                /** Format: date-time */
                at: string
                /** @enum {unknown} */
                outcome: 'completed' | 'unreachable'
                satisfaction:
                  | (
                      | 'very_satisfied'
                      | 'satisfied'
                      | 'basically_satisfied'
                      | 'dissatisfied'
                      | 'very_dissatisfied'
                    )
                  | null
                taskId: string
              }[]
              category: string
              channel: string
              citizen: {
                email?: string
                idNumber?: string
                name?: string
                phone?: string
              }
              closedAt: string | null
              /** @description 被投诉对象 (POST /cases/{id}/concerns); null until set */
              concerns: {
                office: string | null
                staffNumber: string | null
                window: string | null
              } | null
              consentToPublish: boolean
              /** @description the citizen asked not to be phoned about the answer (the letter's declineCallback): no callback survey */
              contactDeclined: boolean
              departmentId: string | null
              draftReply: {
                /** Format: date-time */
                at: string
                by: string | null
                finding: ('substantiated' | 'partly_substantiated' | 'unfounded') | null
                public: boolean
                text: string
              } | null
              dueAt: string | null
              /** @description the due date was counted across days of a year no working-day table covers (Monday to Friday assumed); cleared when that year's table is published and the date counted again */
              dueProvisional: boolean
              /** @description 0 none, 1 reminded, 2 supervised (督办), 3 criticised (通报) */
              escalationLevel: number
              extendedDays: number
              extension: {
                days: number
                reason: string
                /** Format: date-time */
                requestedAt: string
                requestedBy: string | null
              } | null
              id: string
              mergedCaseIds: string[]
              mergedInto: string | null
              notAcceptedReason: string | null
              onTime: boolean | null
              originId: string
              overdue: boolean
              rating: {
                /** Format: date-time */
                at: string
                comment: string | null
                /** @enum {unknown} */
                satisfaction: 'satisfied' | 'basically_satisfied' | 'dissatisfied'
              } | null
              /** @description rectification orders (整改) over the case's problems, as rectification announced them: issued, closed (销号), reopened */
              rectifications: {
                /** Format: date-time */
                at: string
                number: string
                orderId: string
                /** @enum {unknown} */
                status: 'ordered' | 'closed' | 'reopened'
              }[]
              reply: {
                departmentId: string | null
                finding: ('substantiated' | 'partly_substantiated' | 'unfounded') | null
                public: boolean
                /** Format: date-time */
                repliedAt: string
                text: string
              } | null
              returned: {
                /** Format: date-time */
                at: string
                departmentId: string | null
                reason: string
              } | null
              reworkCount: number
              signDueAt: string | null
              /** @enum {unknown} */
              status:
                | 'received'
                | 'not_accepted'
                | 'assigned'
                | 'in_progress'
                | 'reply_review'
                | 'replied'
                | 'closed'
                | 'merged'
              subject: string
              /** Format: date-time */
              submittedAt: string
              supportingDepartmentIds: string[]
              timeline: {
                action: string
                actorId: string | null
                actorRole: string
                /** Format: date-time */
                at: string
                hash: string
                note: string | null
                prevHash: string
                public: boolean
                seq: number
              }[]
              trackingCode: string
              /**
               * @description hotline cases: the operator's judgement of the call
               * @enum {unknown}
               */
              urgency?: 'normal' | 'urgent'
              version: number
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
        /** @description RFC 9457 problem details */
        415: {
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
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/cases/{id}/extension': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            days: number
            /** Format: one-line */
            reason: string
            /** @description the version of the case the client saw */
            version: number
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
              acceptedAt: string | null
              /** @description the actions (POST /cases/{id}/<action>) the caller may take in the current state */
              actions: (
                | 'assign'
                | 'not-accept'
                | 'answer'
                | 'sign'
                | 'return'
                | 'extension'
                | 'extension/approve'
                | 'extension/refuse'
                | 'reply'
                | 'reply/approve'
                | 'reply/send-back'
                | 'escalate'
                | 'close'
                | 'reopen'
                | 'merge'
                | 'notes'
                | 'concerns'
              )[]
              anonymous: boolean
              assigneeId: string | null
              body: string
              /** @description callback surveys (回访) of the case, as the callbacks service announced them: completed (with the satisfaction level heard, five levels) or unreachable */
              callbacks: {
                /** Format: date-time */
                at: string
                /** @enum {unknown} */
                outcome: 'completed' | 'unreachable'
                satisfaction:
                  | (
                      | 'very_satisfied'
                      | 'satisfied'
                      | 'basically_satisfied'
                      | 'dissatisfied'
                      | 'very_dissatisfied'
                    )
                  | null
                taskId: string
              }[]
              category: string
              channel: string
              citizen: {
                email?: string
                idNumber?: string
                name?: string
                phone?: string
              }
              closedAt: string | null
              /** @description 被投诉对象 (POST /cases/{id}/concerns); null until set */
              concerns: {
                office: string | null
                staffNumber: string | null
                window: string | null
              } | null
              consentToPublish: boolean
              /** @description the citizen asked not to be phoned about the answer (the letter's declineCallback): no callback survey */
              contactDeclined: boolean
              departmentId: string | null
              draftReply: {
                /** Format: date-time */
                at: string
                by: string | null
                finding: ('substantiated' | 'partly_substantiated' | 'unfounded') | null
                public: boolean
                text: string
              } | null
              dueAt: string | null
              /** @description the due date was counted across days of a year no working-day table covers (Monday to Friday assumed); cleared when that year's table is published and the date counted again */
              dueProvisional: boolean
              /** @description 0 none, 1 reminded, 2 supervised (督办), 3 criticised (通报) */
              escalationLevel: number
              extendedDays: number
              extension: {
                days: number
                reason: string
                /** Format: date-time */
                requestedAt: string
                requestedBy: string | null
              } | null
              id: string
              mergedCaseIds: string[]
              mergedInto: string | null
              notAcceptedReason: string | null
              onTime: boolean | null
              originId: string
              overdue: boolean
              rating: {
                /** Format: date-time */
                at: string
                comment: string | null
                /** @enum {unknown} */
                satisfaction: 'satisfied' | 'basically_satisfied' | 'dissatisfied'
              } | null
              /** @description rectification orders (整改) over the case's problems, as rectification announced them: issued, closed (销号), reopened */
              rectifications: {
                /** Format: date-time */
                at: string
                number: string
                orderId: string
                /** @enum {unknown} */
                status: 'ordered' | 'closed' | 'reopened'
              }[]
              reply: {
                departmentId: string | null
                finding: ('substantiated' | 'partly_substantiated' | 'unfounded') | null
                public: boolean
                /** Format: date-time */
                repliedAt: string
                text: string
              } | null
              returned: {
                /** Format: date-time */
                at: string
                departmentId: string | null
                reason: string
              } | null
              reworkCount: number
              signDueAt: string | null
              /** @enum {unknown} */
              status:
                | 'received'
                | 'not_accepted'
                | 'assigned'
                | 'in_progress'
                | 'reply_review'
                | 'replied'
                | 'closed'
                | 'merged'
              subject: string
              /** Format: date-time */
              submittedAt: string
              supportingDepartmentIds: string[]
              timeline: {
                action: string
                actorId: string | null
                actorRole: string
                /** Format: date-time */
                at: string
                hash: string
                note: string | null
                prevHash: string
                public: boolean
                seq: number
              }[]
              trackingCode: string
              /**
               * @description hotline cases: the operator's judgement of the call
               * @enum {unknown}
               */
              urgency?: 'normal' | 'urgent'
              version: number
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
        /** @description RFC 9457 problem details */
        415: {
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
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/cases/{id}/extension/approve': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            /** @description the version of the case the client saw */
            version: number
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
              acceptedAt: string | null
              /** @description the actions (POST /cases/{id}/<action>) the caller may take in the current state */
              actions: (
                | 'assign'
                | 'not-accept'
                | 'answer'
                | 'sign'
                | 'return'
                | 'extension'
                | 'extension/approve'
                | 'extension/refuse'
                | 'reply'
                | 'reply/approve'
                | 'reply/send-back'
                | 'escalate'
                | 'close'
                | 'reopen'
                | 'merge'
                | 'notes'
                | 'concerns'
              )[]
              anonymous: boolean
              assigneeId: string | null
              body: string
              /** @description callback surveys (回访) of the case, as the callbacks service announced them: completed (with the satisfaction level heard, five levels) or unreachable */
              callbacks: {
                /** Format: date-time */
                at: string
                /** @enum {unknown} */
                outcome: 'completed' | 'unreachable'
                satisfaction:
                  | (
                      | 'very_satisfied'
                      | 'satisfied'
                      | 'basically_satisfied'
                      | 'dissatisfied'
                      | 'very_dissatisfied'
                    )
                  | null
                taskId: string
              }[]
              category: string
              channel: string
              citizen: {
                email?: string
                idNumber?: string
                name?: string
                phone?: string
              }
              closedAt: string | null
              /** @description 被投诉对象 (POST /cases/{id}/concerns); null until set */
              concerns: {
                office: string | null
                staffNumber: string | null
                window: string | null
              } | null
              consentToPublish: boolean
              /** @description the citizen asked not to be phoned about the answer (the letter's declineCallback): no callback survey */
              contactDeclined: boolean
              departmentId: string | null
              draftReply: {
                /** Format: date-time */
                at: string
                by: string | null
                finding: ('substantiated' | 'partly_substantiated' | 'unfounded') | null
                public: boolean
                text: string
              } | null
              dueAt: string | null
              /** @description the due date was counted across days of a year no working-day table covers (Monday to Friday assumed); cleared when that year's table is published and the date counted again */
              dueProvisional: boolean
              /** @description 0 none, 1 reminded, 2 supervised (督办), 3 criticised (通报) */
              escalationLevel: number
              extendedDays: number
              extension: {
                days: number
                reason: string
                /** Format: date-time */
                requestedAt: string
                requestedBy: string | null
              } | null
              id: string
              mergedCaseIds: string[]
              mergedInto: string | null
              notAcceptedReason: string | null
              onTime: boolean | null
              originId: string
              overdue: boolean
              rating: {
                /** Format: date-time */
                at: string
                comment: string | null
                /** @enum {unknown} */
                satisfaction: 'satisfied' | 'basically_satisfied' | 'dissatisfied'
              } | null
              /** @description rectification orders (整改) over the case's problems, as rectification announced them: issued, closed (销号), reopened */
              rectifications: {
                /** Format: date-time */
                at: string
                number: string
                orderId: string
                /** @enum {unknown} */
                status: 'ordered' | 'closed' | 'reopened'
              }[]
              reply: {
                departmentId: string | null
                finding: ('substantiated' | 'partly_substantiated' | 'unfounded') | null
                public: boolean
                /** Format: date-time */
                repliedAt: string
                text: string
              } | null
              returned: {
                /** Format: date-time */
                at: string
                departmentId: string | null
                reason: string
              } | null
              reworkCount: number
              signDueAt: string | null
              /** @enum {unknown} */
              status:
                | 'received'
                | 'not_accepted'
                | 'assigned'
                | 'in_progress'
                | 'reply_review'
                | 'replied'
                | 'closed'
                | 'merged'
              subject: string
              /** Format: date-time */
              submittedAt: string
              supportingDepartmentIds: string[]
              timeline: {
                action: string
                actorId: string | null
                actorRole: string
                /** Format: date-time */
                at: string
                hash: string
                note: string | null
                prevHash: string
                public: boolean
                seq: number
              }[]
              trackingCode: string
              /**
               * @description hotline cases: the operator's judgement of the call
               * @enum {unknown}
               */
              urgency?: 'normal' | 'urgent'
              version: number
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
        /** @description RFC 9457 problem details */
        415: {
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
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/cases/{id}/extension/refuse': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            /** Format: one-line */
            reason: string
            /** @description the version of the case the client saw */
            version: number
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
              acceptedAt: string | null
              /** @description the actions (POST /cases/{id}/<action>) the caller may take in the current state */
              actions: (
                | 'assign'
                | 'not-accept'
                | 'answer'
                | 'sign'
                | 'return'
                | 'extension'
                | 'extension/approve'
                | 'extension/refuse'
                | 'reply'
                | 'reply/approve'
                | 'reply/send-back'
                | 'escalate'
                | 'close'
                | 'reopen'
                | 'merge'
                | 'notes'
                | 'concerns'
              )[]
              anonymous: boolean
              assigneeId: string | null
              body: string
              /** @description callback surveys (回访) of the case, as the callbacks service announced them: completed (with the satisfaction level heard, five levels) or unreachable */
              callbacks: {
                /** Format: date-time */
                at: string
                /** @enum {unknown} */
                outcome: 'completed' | 'unreachable'
                satisfaction:
                  | (
                      | 'very_satisfied'
                      | 'satisfied'
                      | 'basically_satisfied'
                      | 'dissatisfied'
                      | 'very_dissatisfied'
                    )
                  | null
                taskId: string
              }[]
              category: string
              channel: string
              citizen: {
                email?: string
                idNumber?: string
                name?: string
                phone?: string
              }
              closedAt: string | null
              /** @description 被投诉对象 (POST /cases/{id}/concerns); null until set */
              concerns: {
                office: string | null
                staffNumber: string | null
                window: string | null
              } | null
              consentToPublish: boolean
              /** @description the citizen asked not to be phoned about the answer (the letter's declineCallback): no callback survey */
              contactDeclined: boolean
              departmentId: string | null
              draftReply: {
                /** Format: date-time */
                at: string
                by: string | null
                finding: ('substantiated' | 'partly_substantiated' | 'unfounded') | null
                public: boolean
                text: string
              } | null
              dueAt: string | null
              /** @description the due date was counted across days of a year no working-day table covers (Monday to Friday assumed); cleared when that year's table is published and the date counted again */
              dueProvisional: boolean
              /** @description 0 none, 1 reminded, 2 supervised (督办), 3 criticised (通报) */
              escalationLevel: number
              extendedDays: number
              extension: {
                days: number
                reason: string
                /** Format: date-time */
                requestedAt: string
                requestedBy: string | null
              } | null
              id: string
              mergedCaseIds: string[]
              mergedInto: string | null
              notAcceptedReason: string | null
              onTime: boolean | null
              originId: string
              overdue: boolean
              rating: {
                /** Format: date-time */
                at: string
                comment: string | null
                /** @enum {unknown} */
                satisfaction: 'satisfied' | 'basically_satisfied' | 'dissatisfied'
              } | null
              /** @description rectification orders (整改) over the case's problems, as rectification announced them: issued, closed (销号), reopened */
              rectifications: {
                /** Format: date-time */
                at: string
                number: string
                orderId: string
                /** @enum {unknown} */
                status: 'ordered' | 'closed' | 'reopened'
              }[]
              reply: {
                departmentId: string | null
                finding: ('substantiated' | 'partly_substantiated' | 'unfounded') | null
                public: boolean
                /** Format: date-time */
                repliedAt: string
                text: string
              } | null
              returned: {
                /** Format: date-time */
                at: string
                departmentId: string | null
                reason: string
              } | null
              reworkCount: number
              signDueAt: string | null
              /** @enum {unknown} */
              status:
                | 'received'
                | 'not_accepted'
                | 'assigned'
                | 'in_progress'
                | 'reply_review'
                | 'replied'
                | 'closed'
                | 'merged'
              subject: string
              /** Format: date-time */
              submittedAt: string
              supportingDepartmentIds: string[]
              timeline: {
                action: string
                actorId: string | null
                actorRole: string
                /** Format: date-time */
                at: string
                hash: string
                note: string | null
                prevHash: string
                public: boolean
                seq: number
              }[]
              trackingCode: string
              /**
               * @description hotline cases: the operator's judgement of the call
               * @enum {unknown}
               */
              urgency?: 'normal' | 'urgent'
              version: number
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
        /** @description RFC 9457 problem details */
        415: {
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
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/cases/{id}/merge': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            intoCaseId: string
            /** @description the version of the case the client saw */
            version: number
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
              acceptedAt: string | null
              /** @description the actions (POST /cases/{id}/<action>) the caller may take in the current state */
              actions: (
                | 'assign'
                | 'not-accept'
                | 'answer'
                | 'sign'
                | 'return'
                | 'extension'
                | 'extension/approve'
                | 'extension/refuse'
                | 'reply'
                | 'reply/approve'
                | 'reply/send-back'
                | 'escalate'
                | 'close'
                | 'reopen'
                | 'merge'
                | 'notes'
                | 'concerns'
              )[]
              anonymous: boolean
              assigneeId: string | null
              body: string
              /** @description callback surveys (回访) of the case, as the callbacks service announced them: completed (with the satisfaction level heard, five levels) or unreachable */
              callbacks: {
                /** Format: date-time */
                at: string
                /** @enum {unknown} */
                outcome: 'completed' | 'unreachable'
                satisfaction:
                  | (
                      | 'very_satisfied'
                      | 'satisfied'
                      | 'basically_satisfied'
                      | 'dissatisfied'
                      | 'very_dissatisfied'
                    )
                  | null
                taskId: string
              }[]
              category: string
              channel: string
              citizen: {
                email?: string
                idNumber?: string
                name?: string
                phone?: string
              }
              closedAt: string | null
              /** @description 被投诉对象 (POST /cases/{id}/concerns); null until set */
              concerns: {
                office: string | null
                staffNumber: string | null
                window: string | null
              } | null
              consentToPublish: boolean
              /** @description the citizen asked not to be phoned about the answer (the letter's declineCallback): no callback survey */
              contactDeclined: boolean
              departmentId: string | null
              draftReply: {
                /** Format: date-time */
                at: string
                by: string | null
                finding: ('substantiated' | 'partly_substantiated' | 'unfounded') | null
                public: boolean
                text: string
              } | null
              dueAt: string | null
              /** @description the due date was counted across days of a year no working-day table covers (Monday to Friday assumed); cleared when that year's table is published and the date counted again */
              dueProvisional: boolean
              /** @description 0 none, 1 reminded, 2 supervised (督办), 3 criticised (通报) */
              escalationLevel: number
              extendedDays: number
              extension: {
                days: number
                reason: string
                /** Format: date-time */
                requestedAt: string
                requestedBy: string | null
              } | null
              id: string
              mergedCaseIds: string[]
              mergedInto: string | null
              notAcceptedReason: string | null
              onTime: boolean | null
              originId: string
              overdue: boolean
              rating: {
                /** Format: date-time */
                at: string
                comment: string | null
                /** @enum {unknown} */
                satisfaction: 'satisfied' | 'basically_satisfied' | 'dissatisfied'
              } | null
              /** @description rectification orders (整改) over the case's problems, as rectification announced them: issued, closed (销号), reopened */
              rectifications: {
                /** Format: date-time */
                at: string
                number: string
                orderId: string
                /** @enum {unknown} */
                status: 'ordered' | 'closed' | 'reopened'
              }[]
              reply: {
                departmentId: string | null
                finding: ('substantiated' | 'partly_substantiated' | 'unfounded') | null
                public: boolean
                /** Format: date-time */
                repliedAt: string
                text: string
              } | null
              returned: {
                /** Format: date-time */
                at: string
                departmentId: string | null
                reason: string
              } | null
              reworkCount: number
              signDueAt: string | null
              /** @enum {unknown} */
              status:
                | 'received'
                | 'not_accepted'
                | 'assigned'
                | 'in_progress'
                | 'reply_review'
                | 'replied'
                | 'closed'
                | 'merged'
              subject: string
              /** Format: date-time */
              submittedAt: string
              supportingDepartmentIds: string[]
              timeline: {
                action: string
                actorId: string | null
                actorRole: string
                /** Format: date-time */
                at: string
                hash: string
                note: string | null
                prevHash: string
                public: boolean
                seq: number
              }[]
              trackingCode: string
              /**
               * @description hotline cases: the operator's judgement of the call
               * @enum {unknown}
               */
              urgency?: 'normal' | 'urgent'
              version: number
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
        /** @description RFC 9457 problem details */
        415: {
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
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/cases/{id}/not-accept': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            reason: string
            /** @description the version of the case the client saw */
            version: number
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
              acceptedAt: string | null
              /** @description the actions (POST /cases/{id}/<action>) the caller may take in the current state */
              actions: (
                | 'assign'
                | 'not-accept'
                | 'answer'
                | 'sign'
                | 'return'
                | 'extension'
                | 'extension/approve'
                | 'extension/refuse'
                | 'reply'
                | 'reply/approve'
                | 'reply/send-back'
                | 'escalate'
                | 'close'
                | 'reopen'
                | 'merge'
                | 'notes'
                | 'concerns'
              )[]
              anonymous: boolean
              assigneeId: string | null
              body: string
              /** @description callback surveys (回访) of the case, as the callbacks service announced them: completed (with the satisfaction level heard, five levels) or unreachable */
              callbacks: {
                /** Format: date-time */
                at: string
                /** @enum {unknown} */
                outcome: 'completed' | 'unreachable'
                satisfaction:
                  | (
                      | 'very_satisfied'
                      | 'satisfied'
                      | 'basically_satisfied'
                      | 'dissatisfied'
                      | 'very_dissatisfied'
                    )
                  | null
                taskId: string
              }[]
              category: string
              channel: string
              citizen: {
                email?: string
                idNumber?: string
                name?: string
                phone?: string
              }
              closedAt: string | null
              /** @description 被投诉对象 (POST /cases/{id}/concerns); null until set */
              concerns: {
                office: string | null
                staffNumber: string | null
                window: string | null
              } | null
              consentToPublish: boolean
              /** @description the citizen asked not to be phoned about the answer (the letter's declineCallback): no callback survey */
              contactDeclined: boolean
              departmentId: string | null
              draftReply: {
                /** Format: date-time */
                at: string
                by: string | null
                finding: ('substantiated' | 'partly_substantiated' | 'unfounded') | null
                public: boolean
                text: string
              } | null
              dueAt: string | null
              /** @description the due date was counted across days of a year no working-day table covers (Monday to Friday assumed); cleared when that year's table is published and the date counted again */
              dueProvisional: boolean
              /** @description 0 none, 1 reminded, 2 supervised (督办), 3 criticised (通报) */
              escalationLevel: number
              extendedDays: number
              extension: {
                days: number
                reason: string
                /** Format: date-time */
                requestedAt: string
                requestedBy: string | null
              } | null
              id: string
              mergedCaseIds: string[]
              mergedInto: string | null
              notAcceptedReason: string | null
              onTime: boolean | null
              originId: string
              overdue: boolean
              rating: {
                /** Format: date-time */
                at: string
                comment: string | null
                /** @enum {unknown} */
                satisfaction: 'satisfied' | 'basically_satisfied' | 'dissatisfied'
              } | null
              /** @description rectification orders (整改) over the case's problems, as rectification announced them: issued, closed (销号), reopened */
              rectifications: {
                /** Format: date-time */
                at: string
                number: string
                orderId: string
                /** @enum {unknown} */
                status: 'ordered' | 'closed' | 'reopened'
              }[]
              reply: {
                departmentId: string | null
                finding: ('substantiated' | 'partly_substantiated' | 'unfounded') | null
                public: boolean
                /** Format: date-time */
                repliedAt: string
                text: string
              } | null
              returned: {
                /** Format: date-time */
                at: string
                departmentId: string | null
                reason: string
              } | null
              reworkCount: number
              signDueAt: string | null
              /** @enum {unknown} */
              status:
                | 'received'
                | 'not_accepted'
                | 'assigned'
                | 'in_progress'
                | 'reply_review'
                | 'replied'
                | 'closed'
                | 'merged'
              subject: string
              /** Format: date-time */
              submittedAt: string
              supportingDepartmentIds: string[]
              timeline: {
                action: string
                actorId: string | null
                actorRole: string
                /** Format: date-time */
                at: string
                hash: string
                note: string | null
                prevHash: string
                public: boolean
                seq: number
              }[]
              trackingCode: string
              /**
               * @description hotline cases: the operator's judgement of the call
               * @enum {unknown}
               */
              urgency?: 'normal' | 'urgent'
              version: number
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
        /** @description RFC 9457 problem details */
        415: {
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
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/cases/{id}/notes': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            text: string
            /** @description the version of the case the client saw */
            version: number
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
              acceptedAt: string | null
              /** @description the actions (POST /cases/{id}/<action>) the caller may take in the current state */
              actions: (
                | 'assign'
                | 'not-accept'
                | 'answer'
                | 'sign'
                | 'return'
                | 'extension'
                | 'extension/approve'
                | 'extension/refuse'
                | 'reply'
                | 'reply/approve'
                | 'reply/send-back'
                | 'escalate'
                | 'close'
                | 'reopen'
                | 'merge'
                | 'notes'
                | 'concerns'
              )[]
              anonymous: boolean
              assigneeId: string | null
              body: string
              /** @description callback surveys (回访) of the case, as the callbacks service announced them: completed (with the satisfaction level heard, five levels) or unreachable */
              callbacks: {
                /** Format: date-time */
                at: string
                /** @enum {unknown} */
                outcome: 'completed' | 'unreachable'
                satisfaction:
                  | (
                      | 'very_satisfied'
                      | 'satisfied'
                      | 'basically_satisfied'
                      | 'dissatisfied'
                      | 'very_dissatisfied'
                    )
                  | null
                taskId: string
              }[]
              category: string
              channel: string
              citizen: {
                email?: string
                idNumber?: string
                name?: string
                phone?: string
              }
              closedAt: string | null
              /** @description 被投诉对象 (POST /cases/{id}/concerns); null until set */
              concerns: {
                office: string | null
                staffNumber: string | null
                window: string | null
              } | null
              consentToPublish: boolean
              /** @description the citizen asked not to be phoned about the answer (the letter's declineCallback): no callback survey */
              contactDeclined: boolean
              departmentId: string | null
              draftReply: {
                /** Format: date-time */
                at: string
                by: string | null
                finding: ('substantiated' | 'partly_substantiated' | 'unfounded') | null
                public: boolean
                text: string
              } | null
              dueAt: string | null
              /** @description the due date was counted across days of a year no working-day table covers (Monday to Friday assumed); cleared when that year's table is published and the date counted again */
              dueProvisional: boolean
              /** @description 0 none, 1 reminded, 2 supervised (督办), 3 criticised (通报) */
              escalationLevel: number
              extendedDays: number
              extension: {
                days: number
                reason: string
                /** Format: date-time */
                requestedAt: string
                requestedBy: string | null
              } | null
              id: string
              mergedCaseIds: string[]
              mergedInto: string | null
              notAcceptedReason: string | null
              onTime: boolean | null
              originId: string
              overdue: boolean
              rating: {
                /** Format: date-time */
                at: string
                comment: string | null
                /** @enum {unknown} */
                satisfaction: 'satisfied' | 'basically_satisfied' | 'dissatisfied'
              } | null
              /** @description rectification orders (整改) over the case's problems, as rectification announced them: issued, closed (销号), reopened */
              rectifications: {
                /** Format: date-time */
                at: string
                number: string
                orderId: string
                /** @enum {unknown} */
                status: 'ordered' | 'closed' | 'reopened'
              }[]
              reply: {
                departmentId: string | null
                finding: ('substantiated' | 'partly_substantiated' | 'unfounded') | null
                public: boolean
                /** Format: date-time */
                repliedAt: string
                text: string
              } | null
              returned: {
                /** Format: date-time */
                at: string
                departmentId: string | null
                reason: string
              } | null
              reworkCount: number
              signDueAt: string | null
              /** @enum {unknown} */
              status:
                | 'received'
                | 'not_accepted'
                | 'assigned'
                | 'in_progress'
                | 'reply_review'
                | 'replied'
                | 'closed'
                | 'merged'
              subject: string
              /** Format: date-time */
              submittedAt: string
              supportingDepartmentIds: string[]
              timeline: {
                action: string
                actorId: string | null
                actorRole: string
                /** Format: date-time */
                at: string
                hash: string
                note: string | null
                prevHash: string
                public: boolean
                seq: number
              }[]
              trackingCode: string
              /**
               * @description hotline cases: the operator's judgement of the call
               * @enum {unknown}
               */
              urgency?: 'normal' | 'urgent'
              version: number
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
        /** @description RFC 9457 problem details */
        415: {
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
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/cases/{id}/reopen': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            /** Format: one-line */
            reason: string
            /** @description the version of the case the client saw */
            version: number
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
              acceptedAt: string | null
              /** @description the actions (POST /cases/{id}/<action>) the caller may take in the current state */
              actions: (
                | 'assign'
                | 'not-accept'
                | 'answer'
                | 'sign'
                | 'return'
                | 'extension'
                | 'extension/approve'
                | 'extension/refuse'
                | 'reply'
                | 'reply/approve'
                | 'reply/send-back'
                | 'escalate'
                | 'close'
                | 'reopen'
                | 'merge'
                | 'notes'
                | 'concerns'
              )[]
              anonymous: boolean
              assigneeId: string | null
              body: string
              /** @description callback surveys (回访) of the case, as the callbacks service announced them: completed (with the satisfaction level heard, five levels) or unreachable */
              callbacks: {
                /** Format: date-time */
                at: string
                /** @enum {unknown} */
                outcome: 'completed' | 'unreachable'
                satisfaction:
                  | (
                      | 'very_satisfied'
                      | 'satisfied'
                      | 'basically_satisfied'
                      | 'dissatisfied'
                      | 'very_dissatisfied'
                    )
                  | null
                taskId: string
              }[]
              category: string
              channel: string
              citizen: {
                email?: string
                idNumber?: string
                name?: string
                phone?: string
              }
              closedAt: string | null
              /** @description 被投诉对象 (POST /cases/{id}/concerns); null until set */
              concerns: {
                office: string | null
                staffNumber: string | null
                window: string | null
              } | null
              consentToPublish: boolean
              /** @description the citizen asked not to be phoned about the answer (the letter's declineCallback): no callback survey */
              contactDeclined: boolean
              departmentId: string | null
              draftReply: {
                /** Format: date-time */
                at: string
                by: string | null
                finding: ('substantiated' | 'partly_substantiated' | 'unfounded') | null
                public: boolean
                text: string
              } | null
              dueAt: string | null
              /** @description the due date was counted across days of a year no working-day table covers (Monday to Friday assumed); cleared when that year's table is published and the date counted again */
              dueProvisional: boolean
              /** @description 0 none, 1 reminded, 2 supervised (督办), 3 criticised (通报) */
              escalationLevel: number
              extendedDays: number
              extension: {
                days: number
                reason: string
                /** Format: date-time */
                requestedAt: string
                requestedBy: string | null
              } | null
              id: string
              mergedCaseIds: string[]
              mergedInto: string | null
              notAcceptedReason: string | null
              onTime: boolean | null
              originId: string
              overdue: boolean
              rating: {
                /** Format: date-time */
                at: string
                comment: string | null
                /** @enum {unknown} */
                satisfaction: 'satisfied' | 'basically_satisfied' | 'dissatisfied'
              } | null
              /** @description rectification orders (整改) over the case's problems, as rectification announced them: issued, closed (销号), reopened */
              rectifications: {
                /** Format: date-time */
                at: string
                number: string
                orderId: string
                /** @enum {unknown} */
                status: 'ordered' | 'closed' | 'reopened'
              }[]
              reply: {
                departmentId: string | null
                finding: ('substantiated' | 'partly_substantiated' | 'unfounded') | null
                public: boolean
                /** Format: date-time */
                repliedAt: string
                text: string
              } | null
              returned: {
                /** Format: date-time */
                at: string
                departmentId: string | null
                reason: string
              } | null
              reworkCount: number
              signDueAt: string | null
              /** @enum {unknown} */
              status:
                | 'received'
                | 'not_accepted'
                | 'assigned'
                | 'in_progress'
                | 'reply_review'
                | 'replied'
                | 'closed'
                | 'merged'
              subject: string
              /** Format: date-time */
              submittedAt: string
              supportingDepartmentIds: string[]
              timeline: {
                action: string
                actorId: string | null
                actorRole: string
                /** Format: date-time */
                at: string
                hash: string
                note: string | null
                prevHash: string
                public: boolean
                seq: number
              }[]
              trackingCode: string
              /**
               * @description hotline cases: the operator's judgement of the call
               * @enum {unknown}
               */
              urgency?: 'normal' | 'urgent'
              version: number
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
        /** @description RFC 9457 problem details */
        415: {
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
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/cases/{id}/reply': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            /**
             * @description 核查结果: substantiated (属实), partly_substantiated (部分属实) or unfounded (不属实); a complaint or report published as (partly) substantiated is a problem for rectification
             * @enum {unknown}
             */
            finding?: 'substantiated' | 'partly_substantiated' | 'unfounded'
            public?: boolean
            text: string
            /** @description the version of the case the client saw */
            version: number
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
              acceptedAt: string | null
              /** @description the actions (POST /cases/{id}/<action>) the caller may take in the current state */
              actions: (
                | 'assign'
                | 'not-accept'
                | 'answer'
                | 'sign'
                | 'return'
                | 'extension'
                | 'extension/approve'
                | 'extension/refuse'
                | 'reply'
                | 'reply/approve'
                | 'reply/send-back'
                | 'escalate'
                | 'close'
                | 'reopen'
                | 'merge'
                | 'notes'
                | 'concerns'
              )[]
              anonymous: boolean
              assigneeId: string | null
              body: string
              /** @description callback surveys (回访) of the case, as the callbacks service announced them: completed (with the satisfaction level heard, five levels) or unreachable */
              callbacks: {
                /** Format: date-time */
                at: string
                /** @enum {unknown} */
                outcome: 'completed' | 'unreachable'
                satisfaction:
                  | (
                      | 'very_satisfied'
                      | 'satisfied'
                      | 'basically_satisfied'
                      | 'dissatisfied'
                      | 'very_dissatisfied'
                    )
                  | null
                taskId: string
              }[]
              category: string
              channel: string
              citizen: {
                email?: string
                idNumber?: string
                name?: string
                phone?: string
              }
              closedAt: string | null
              /** @description 被投诉对象 (POST /cases/{id}/concerns); null until set */
              concerns: {
                office: string | null
                staffNumber: string | null
                window: string | null
              } | null
              consentToPublish: boolean
              /** @description the citizen asked not to be phoned about the answer (the letter's declineCallback): no callback survey */
              contactDeclined: boolean
              departmentId: string | null
              draftReply: {
                /** Format: date-time */
                at: string
                by: string | null
                finding: ('substantiated' | 'partly_substantiated' | 'unfounded') | null
                public: boolean
                text: string
              } | null
              dueAt: string | null
              /** @description the due date was counted across days of a year no working-day table covers (Monday to Friday assumed); cleared when that year's table is published and the date counted again */
              dueProvisional: boolean
              /** @description 0 none, 1 reminded, 2 supervised (督办), 3 criticised (通报) */
              escalationLevel: number
              extendedDays: number
              extension: {
                days: number
                reason: string
                /** Format: date-time */
                requestedAt: string
                requestedBy: string | null
              } | null
              id: string
              mergedCaseIds: string[]
              mergedInto: string | null
              notAcceptedReason: string | null
              onTime: boolean | null
              originId: string
              overdue: boolean
              rating: {
                /** Format: date-time */
                at: string
                comment: string | null
                /** @enum {unknown} */
                satisfaction: 'satisfied' | 'basically_satisfied' | 'dissatisfied'
              } | null
              /** @description rectification orders (整改) over the case's problems, as rectification announced them: issued, closed (销号), reopened */
              rectifications: {
                /** Format: date-time */
                at: string
                number: string
                orderId: string
                /** @enum {unknown} */
                status: 'ordered' | 'closed' | 'reopened'
              }[]
              reply: {
                departmentId: string | null
                finding: ('substantiated' | 'partly_substantiated' | 'unfounded') | null
                public: boolean
                /** Format: date-time */
                repliedAt: string
                text: string
              } | null
              returned: {
                /** Format: date-time */
                at: string
                departmentId: string | null
                reason: string
              } | null
              reworkCount: number
              signDueAt: string | null
              /** @enum {unknown} */
              status:
                | 'received'
                | 'not_accepted'
                | 'assigned'
                | 'in_progress'
                | 'reply_review'
                | 'replied'
                | 'closed'
                | 'merged'
              subject: string
              /** Format: date-time */
              submittedAt: string
              supportingDepartmentIds: string[]
              timeline: {
                action: string
                actorId: string | null
                actorRole: string
                /** Format: date-time */
                at: string
                hash: string
                note: string | null
                prevHash: string
                public: boolean
                seq: number
              }[]
              trackingCode: string
              /**
               * @description hotline cases: the operator's judgement of the call
               * @enum {unknown}
               */
              urgency?: 'normal' | 'urgent'
              version: number
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
        /** @description RFC 9457 problem details */
        415: {
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
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/cases/{id}/reply/approve': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            /** @description the version of the case the client saw */
            version: number
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
              acceptedAt: string | null
              /** @description the actions (POST /cases/{id}/<action>) the caller may take in the current state */
              actions: (
                | 'assign'
                | 'not-accept'
                | 'answer'
                | 'sign'
                | 'return'
                | 'extension'
                | 'extension/approve'
                | 'extension/refuse'
                | 'reply'
                | 'reply/approve'
                | 'reply/send-back'
                | 'escalate'
                | 'close'
                | 'reopen'
                | 'merge'
                | 'notes'
                | 'concerns'
              )[]
              anonymous: boolean
              assigneeId: string | null
              body: string
              /** @description callback surveys (回访) of the case, as the callbacks service announced them: completed (with the satisfaction level heard, five levels) or unreachable */
              callbacks: {
                /** Format: date-time */
                at: string
                /** @enum {unknown} */
                outcome: 'completed' | 'unreachable'
                satisfaction:
                  | (
                      | 'very_satisfied'
                      | 'satisfied'
                      | 'basically_satisfied'
                      | 'dissatisfied'
                      | 'very_dissatisfied'
                    )
                  | null
                taskId: string
              }[]
              category: string
              channel: string
              citizen: {
                email?: string
                idNumber?: string
                name?: string
                phone?: string
              }
              closedAt: string | null
              /** @description 被投诉对象 (POST /cases/{id}/concerns); null until set */
              concerns: {
                office: string | null
                staffNumber: string | null
                window: string | null
              } | null
              consentToPublish: boolean
              /** @description the citizen asked not to be phoned about the answer (the letter's declineCallback): no callback survey */
              contactDeclined: boolean
              departmentId: string | null
              draftReply: {
                /** Format: date-time */
                at: string
                by: string | null
                finding: ('substantiated' | 'partly_substantiated' | 'unfounded') | null
                public: boolean
                text: string
              } | null
              dueAt: string | null
              /** @description the due date was counted across days of a year no working-day table covers (Monday to Friday assumed); cleared when that year's table is published and the date counted again */
              dueProvisional: boolean
              /** @description 0 none, 1 reminded, 2 supervised (督办), 3 criticised (通报) */
              escalationLevel: number
              extendedDays: number
              extension: {
                days: number
                reason: string
                /** Format: date-time */
                requestedAt: string
                requestedBy: string | null
              } | null
              id: string
              mergedCaseIds: string[]
              mergedInto: string | null
              notAcceptedReason: string | null
              onTime: boolean | null
              originId: string
              overdue: boolean
              rating: {
                /** Format: date-time */
                at: string
                comment: string | null
                /** @enum {unknown} */
                satisfaction: 'satisfied' | 'basically_satisfied' | 'dissatisfied'
              } | null
              /** @description rectification orders (整改) over the case's problems, as rectification announced them: issued, closed (销号), reopened */
              rectifications: {
                /** Format: date-time */
                at: string
                number: string
                orderId: string
                /** @enum {unknown} */
                status: 'ordered' | 'closed' | 'reopened'
              }[]
              reply: {
                departmentId: string | null
                finding: ('substantiated' | 'partly_substantiated' | 'unfounded') | null
                public: boolean
                /** Format: date-time */
                repliedAt: string
                text: string
              } | null
              returned: {
                /** Format: date-time */
                at: string
                departmentId: string | null
                reason: string
              } | null
              reworkCount: number
              signDueAt: string | null
              /** @enum {unknown} */
              status:
                | 'received'
                | 'not_accepted'
                | 'assigned'
                | 'in_progress'
                | 'reply_review'
                | 'replied'
                | 'closed'
                | 'merged'
              subject: string
              /** Format: date-time */
              submittedAt: string
              supportingDepartmentIds: string[]
              timeline: {
                action: string
                actorId: string | null
                actorRole: string
                /** Format: date-time */
                at: string
                hash: string
                note: string | null
                prevHash: string
                public: boolean
                seq: number
              }[]
              trackingCode: string
              /**
               * @description hotline cases: the operator's judgement of the call
               * @enum {unknown}
               */
              urgency?: 'normal' | 'urgent'
              version: number
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
        /** @description RFC 9457 problem details */
        415: {
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
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/cases/{id}/reply/send-back': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            /** Format: one-line */
            reason: string
            /** @description the version of the case the client saw */
            version: number
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
              acceptedAt: string | null
              /** @description the actions (POST /cases/{id}/<action>) the caller may take in the current state */
              actions: (
                | 'assign'
                | 'not-accept'
                | 'answer'
                | 'sign'
                | 'return'
                | 'extension'
                | 'extension/approve'
                | 'extension/refuse'
                | 'reply'
                | 'reply/approve'
                | 'reply/send-back'
                | 'escalate'
                | 'close'
                | 'reopen'
                | 'merge'
                | 'notes'
                | 'concerns'
              )[]
              anonymous: boolean
              assigneeId: string | null
              body: string
              /** @description callback surveys (回访) of the case, as the callbacks service announced them: completed (with the satisfaction level heard, five levels) or unreachable */
              callbacks: {
                /** Format: date-time */
                at: string
                /** @enum {unknown} */
                outcome: 'completed' | 'unreachable'
                satisfaction:
                  | (
                      | 'very_satisfied'
                      | 'satisfied'
                      | 'basically_satisfied'
                      | 'dissatisfied'
                      | 'very_dissatisfied'
                    )
                  | null
                taskId: string
              }[]
              category: string
              channel: string
              citizen: {
                email?: string
                idNumber?: string
                name?: string
                phone?: string
              }
              closedAt: string | null
              /** @description 被投诉对象 (POST /cases/{id}/concerns); null until set */
              concerns: {
                office: string | null
                staffNumber: string | null
                window: string | null
              } | null
              consentToPublish: boolean
              /** @description the citizen asked not to be phoned about the answer (the letter's declineCallback): no callback survey */
              contactDeclined: boolean
              departmentId: string | null
              draftReply: {
                /** Format: date-time */
                at: string
                by: string | null
                finding: ('substantiated' | 'partly_substantiated' | 'unfounded') | null
                public: boolean
                text: string
              } | null
              dueAt: string | null
              /** @description the due date was counted across days of a year no working-day table covers (Monday to Friday assumed); cleared when that year's table is published and the date counted again */
              dueProvisional: boolean
              /** @description 0 none, 1 reminded, 2 supervised (督办), 3 criticised (通报) */
              escalationLevel: number
              extendedDays: number
              extension: {
                days: number
                reason: string
                /** Format: date-time */
                requestedAt: string
                requestedBy: string | null
              } | null
              id: string
              mergedCaseIds: string[]
              mergedInto: string | null
              notAcceptedReason: string | null
              onTime: boolean | null
              originId: string
              overdue: boolean
              rating: {
                /** Format: date-time */
                at: string
                comment: string | null
                /** @enum {unknown} */
                satisfaction: 'satisfied' | 'basically_satisfied' | 'dissatisfied'
              } | null
              /** @description rectification orders (整改) over the case's problems, as rectification announced them: issued, closed (销号), reopened */
              rectifications: {
                /** Format: date-time */
                at: string
                number: string
                orderId: string
                /** @enum {unknown} */
                status: 'ordered' | 'closed' | 'reopened'
              }[]
              reply: {
                departmentId: string | null
                finding: ('substantiated' | 'partly_substantiated' | 'unfounded') | null
                public: boolean
                /** Format: date-time */
                repliedAt: string
                text: string
              } | null
              returned: {
                /** Format: date-time */
                at: string
                departmentId: string | null
                reason: string
              } | null
              reworkCount: number
              signDueAt: string | null
              /** @enum {unknown} */
              status:
                | 'received'
                | 'not_accepted'
                | 'assigned'
                | 'in_progress'
                | 'reply_review'
                | 'replied'
                | 'closed'
                | 'merged'
              subject: string
              /** Format: date-time */
              submittedAt: string
              supportingDepartmentIds: string[]
              timeline: {
                action: string
                actorId: string | null
                actorRole: string
                /** Format: date-time */
                at: string
                hash: string
                note: string | null
                prevHash: string
                public: boolean
                seq: number
              }[]
              trackingCode: string
              /**
               * @description hotline cases: the operator's judgement of the call
               * @enum {unknown}
               */
              urgency?: 'normal' | 'urgent'
              version: number
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
        /** @description RFC 9457 problem details */
        415: {
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
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/cases/{id}/return': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            /** Format: one-line */
            reason: string
            /** @description the version of the case the client saw */
            version: number
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
              acceptedAt: string | null
              /** @description the actions (POST /cases/{id}/<action>) the caller may take in the current state */
              actions: (
                | 'assign'
                | 'not-accept'
                | 'answer'
                | 'sign'
                | 'return'
                | 'extension'
                | 'extension/approve'
                | 'extension/refuse'
                | 'reply'
                | 'reply/approve'
                | 'reply/send-back'
                | 'escalate'
                | 'close'
                | 'reopen'
                | 'merge'
                | 'notes'
                | 'concerns'
              )[]
              anonymous: boolean
              assigneeId: string | null
              body: string
              /** @description callback surveys (回访) of the case, as the callbacks service announced them: completed (with the satisfaction level heard, five levels) or unreachable */
              callbacks: {
                /** Format: date-time */
                at: string
                /** @enum {unknown} */
                outcome: 'completed' | 'unreachable'
                satisfaction:
                  | (
                      | 'very_satisfied'
                      | 'satisfied'
                      | 'basically_satisfied'
                      | 'dissatisfied'
                      | 'very_dissatisfied'
                    )
                  | null
                taskId: string
              }[]
              category: string
              channel: string
              citizen: {
                email?: string
                idNumber?: string
                name?: string
                phone?: string
              }
              closedAt: string | null
              /** @description 被投诉对象 (POST /cases/{id}/concerns); null until set */
              concerns: {
                office: string | null
                staffNumber: string | null
                window: string | null
              } | null
              consentToPublish: boolean
              /** @description the citizen asked not to be phoned about the answer (the letter's declineCallback): no callback survey */
              contactDeclined: boolean
              departmentId: string | null
              draftReply: {
                /** Format: date-time */
                at: string
                by: string | null
                finding: ('substantiated' | 'partly_substantiated' | 'unfounded') | null
                public: boolean
                text: string
              } | null
              dueAt: string | null
              /** @description the due date was counted across days of a year no working-day table covers (Monday to Friday assumed); cleared when that year's table is published and the date counted again */
              dueProvisional: boolean
              /** @description 0 none, 1 reminded, 2 supervised (督办), 3 criticised (通报) */
              escalationLevel: number
              extendedDays: number
              extension: {
                days: number
                reason: string
                /** Format: date-time */
                requestedAt: string
                requestedBy: string | null
              } | null
              id: string
              mergedCaseIds: string[]
              mergedInto: string | null
              notAcceptedReason: string | null
              onTime: boolean | null
              originId: string
              overdue: boolean
              rating: {
                /** Format: date-time */
                at: string
                comment: string | null
                /** @enum {unknown} */
                satisfaction: 'satisfied' | 'basically_satisfied' | 'dissatisfied'
              } | null
              /** @description rectification orders (整改) over the case's problems, as rectification announced them: issued, closed (销号), reopened */
              rectifications: {
                /** Format: date-time */
                at: string
                number: string
                orderId: string
                /** @enum {unknown} */
                status: 'ordered' | 'closed' | 'reopened'
              }[]
              reply: {
                departmentId: string | null
                finding: ('substantiated' | 'partly_substantiated' | 'unfounded') | null
                public: boolean
                /** Format: date-time */
                repliedAt: string
                text: string
              } | null
              returned: {
                /** Format: date-time */
                at: string
                departmentId: string | null
                reason: string
              } | null
              reworkCount: number
              signDueAt: string | null
              /** @enum {unknown} */
              status:
                | 'received'
                | 'not_accepted'
                | 'assigned'
                | 'in_progress'
                | 'reply_review'
                | 'replied'
                | 'closed'
                | 'merged'
              subject: string
              /** Format: date-time */
              submittedAt: string
              supportingDepartmentIds: string[]
              timeline: {
                action: string
                actorId: string | null
                actorRole: string
                /** Format: date-time */
                at: string
                hash: string
                note: string | null
                prevHash: string
                public: boolean
                seq: number
              }[]
              trackingCode: string
              /**
               * @description hotline cases: the operator's judgement of the call
               * @enum {unknown}
               */
              urgency?: 'normal' | 'urgent'
              version: number
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
        /** @description RFC 9457 problem details */
        415: {
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
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/cases/{id}/sign': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            /** @description the version of the case the client saw */
            version: number
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
              acceptedAt: string | null
              /** @description the actions (POST /cases/{id}/<action>) the caller may take in the current state */
              actions: (
                | 'assign'
                | 'not-accept'
                | 'answer'
                | 'sign'
                | 'return'
                | 'extension'
                | 'extension/approve'
                | 'extension/refuse'
                | 'reply'
                | 'reply/approve'
                | 'reply/send-back'
                | 'escalate'
                | 'close'
                | 'reopen'
                | 'merge'
                | 'notes'
                | 'concerns'
              )[]
              anonymous: boolean
              assigneeId: string | null
              body: string
              /** @description callback surveys (回访) of the case, as the callbacks service announced them: completed (with the satisfaction level heard, five levels) or unreachable */
              callbacks: {
                /** Format: date-time */
                at: string
                /** @enum {unknown} */
                outcome: 'completed' | 'unreachable'
                satisfaction:
                  | (
                      | 'very_satisfied'
                      | 'satisfied'
                      | 'basically_satisfied'
                      | 'dissatisfied'
                      | 'very_dissatisfied'
                    )
                  | null
                taskId: string
              }[]
              category: string
              channel: string
              citizen: {
                email?: string
                idNumber?: string
                name?: string
                phone?: string
              }
              closedAt: string | null
              /** @description 被投诉对象 (POST /cases/{id}/concerns); null until set */
              concerns: {
                office: string | null
                staffNumber: string | null
                window: string | null
              } | null
              consentToPublish: boolean
              /** @description the citizen asked not to be phoned about the answer (the letter's declineCallback): no callback survey */
              contactDeclined: boolean
              departmentId: string | null
              draftReply: {
                /** Format: date-time */
                at: string
                by: string | null
                finding: ('substantiated' | 'partly_substantiated' | 'unfounded') | null
                public: boolean
                text: string
              } | null
              dueAt: string | null
              /** @description the due date was counted across days of a year no working-day table covers (Monday to Friday assumed); cleared when that year's table is published and the date counted again */
              dueProvisional: boolean
              /** @description 0 none, 1 reminded, 2 supervised (督办), 3 criticised (通报) */
              escalationLevel: number
              extendedDays: number
              extension: {
                days: number
                reason: string
                /** Format: date-time */
                requestedAt: string
                requestedBy: string | null
              } | null
              id: string
              mergedCaseIds: string[]
              mergedInto: string | null
              notAcceptedReason: string | null
              onTime: boolean | null
              originId: string
              overdue: boolean
              rating: {
                /** Format: date-time */
                at: string
                comment: string | null
                /** @enum {unknown} */
                satisfaction: 'satisfied' | 'basically_satisfied' | 'dissatisfied'
              } | null
              /** @description rectification orders (整改) over the case's problems, as rectification announced them: issued, closed (销号), reopened */
              rectifications: {
                /** Format: date-time */
                at: string
                number: string
                orderId: string
                /** @enum {unknown} */
                status: 'ordered' | 'closed' | 'reopened'
              }[]
              reply: {
                departmentId: string | null
                finding: ('substantiated' | 'partly_substantiated' | 'unfounded') | null
                public: boolean
                /** Format: date-time */
                repliedAt: string
                text: string
              } | null
              returned: {
                /** Format: date-time */
                at: string
                departmentId: string | null
                reason: string
              } | null
              reworkCount: number
              signDueAt: string | null
              /** @enum {unknown} */
              status:
                | 'received'
                | 'not_accepted'
                | 'assigned'
                | 'in_progress'
                | 'reply_review'
                | 'replied'
                | 'closed'
                | 'merged'
              subject: string
              /** Format: date-time */
              submittedAt: string
              supportingDepartmentIds: string[]
              timeline: {
                action: string
                actorId: string | null
                actorRole: string
                /** Format: date-time */
                at: string
                hash: string
                note: string | null
                prevHash: string
                public: boolean
                seq: number
              }[]
              trackingCode: string
              /**
               * @description hotline cases: the operator's judgement of the call
               * @enum {unknown}
               */
              urgency?: 'normal' | 'urgent'
              version: number
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
        /** @description RFC 9457 problem details */
        415: {
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
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/cases/{id}/timeline/verify': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Checks the hash chain of the case timeline */
    get: {
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
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              brokenAt?: number
              entries: number
              valid: boolean
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
  '/api/v1/cases/queues': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** How many cases the caller may see in each work queue (GET /cases?queue=<name> lists them) */
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
              counts: {
                due_soon: number
                extension_requested: number
                in_progress: number
                overdue: number
                reply_review: number
                returned: number
                to_accept: number
                to_sign: number
              }
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
  '/api/v1/public/cases/{trackingCode}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** A citizen follows their case (tracking code + X-Access-Key) */
    get: {
      parameters: {
        query?: never
        header: {
          'x-access-key': string
        }
        path: {
          trackingCode: string
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
              category: string
              dueAt: string | null
              reply: {
                department: string | null
                /** Format: date-time */
                repliedAt: string
                text: string
              } | null
              /** @enum {unknown} */
              status:
                | 'received'
                | 'not_accepted'
                | 'assigned'
                | 'in_progress'
                | 'reply_review'
                | 'replied'
                | 'closed'
                | 'merged'
              subject: string
              /** Format: date-time */
              submittedAt: string
              timeline: {
                action: string
                /** Format: date-time */
                at: string
                text: string | null
              }[]
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
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/public/cases/{trackingCode}/rating': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** The citizen's rating of the reply; dissatisfied reopens the case for rework */
    post: {
      parameters: {
        query?: never
        header: {
          'x-access-key': string
        }
        path: {
          trackingCode: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            comment?: string
            /** @enum {unknown} */
            satisfaction: 'satisfied' | 'basically_satisfied' | 'dissatisfied'
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
              category: string
              dueAt: string | null
              reply: {
                department: string | null
                /** Format: date-time */
                repliedAt: string
                text: string
              } | null
              /** @enum {unknown} */
              status:
                | 'received'
                | 'not_accepted'
                | 'assigned'
                | 'in_progress'
                | 'reply_review'
                | 'replied'
                | 'closed'
                | 'merged'
              subject: string
              /** Format: date-time */
              submittedAt: string
              timeline: {
                action: string
                /** Format: date-time */
                at: string
                text: string | null
              }[]
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
        /** @description RFC 9457 problem details */
        415: {
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
  '/api/v1/public/replies': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Published replies (citizen consented, reply public), newest first */
    get: {
      parameters: {
        query: {
          category?: 'complaint' | 'report' | 'suggestion' | 'consultation' | 'praise'
          cursor?: string
          limit: number
          /** @description words of the letter subject (all must match) */
          q?: string
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
                category: string
                department: string | null
                /** Format: date-time */
                repliedAt: string
                reply: string
                subject: string
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
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/public/stats': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Published monthly figures per department (month of acceptance, Asia/Shanghai): received, answered, on time, satisfaction */
    get: {
      parameters: {
        query?: {
          /** @description YYYY-MM, Asia/Shanghai */
          from?: string
          /** @description YYYY-MM, Asia/Shanghai */
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
              /** @description YYYY-MM, Asia/Shanghai */
              from: string
              months: {
                departments: {
                  closed: number
                  departmentId: string
                  departmentName: string | null
                  onTimeClosed: number
                  received: number
                  satisfaction: {
                    basically_satisfied: number
                    dissatisfied: number
                    satisfied: number
                  }
                }[]
                /** @description YYYY-MM, Asia/Shanghai */
                month: string
              }[]
              /** @description YYYY-MM, Asia/Shanghai */
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
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/stats/departments': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Per department: received, closed (answered), on time, overdue, escalated, satisfaction */
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
              departments: {
                closed: number
                departmentId: string
                departmentName: string | null
                escalated: number
                onTimeClosed: number
                overdue: number
                received: number
                satisfaction: {
                  basically_satisfied: number
                  dissatisfied: number
                  satisfied: number
                }
              }[]
              /** Format: date-time */
              from: string
              /** Format: date-time */
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
