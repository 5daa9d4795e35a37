// Generated from the rectification service's OpenAPI document by services/web/scripts/api-types.ts — do not
// edit: run `pnpm --filter @tingjian/web api-types` after changing a route's schema.
export interface paths {
  '/api/v1/rectification/alerts': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Trend alerts, newest first */
    get: {
      parameters: {
        query?: {
          cursor?: string
          departmentId?: string
          limit?: number
          status?: 'open' | 'acknowledged' | 'ordered' | 'dismissed'
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
                acknowledged: {
                  /** Format: date-time */
                  at: string
                  by: string
                } | null
                departmentId: string
                departmentName: string | null
                dismissed: {
                  /** Format: date-time */
                  at: string
                  by: string
                  reason: string
                } | null
                id: string
                /** @enum {unknown} */
                level: 'staff' | 'window' | 'office' | 'department'
                office: string | null
                orderId: string | null
                problemIds: string[]
                /** Format: date-time */
                raisedAt: string
                staffNumber: string | null
                /** @enum {unknown} */
                status: 'open' | 'acknowledged' | 'ordered' | 'dismissed'
                threshold: number
                /** Format: date-time */
                updatedAt: string
                version: number
                window: string | null
                windowDays: number
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
  '/api/v1/rectification/alerts/{id}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** One alert with its problems (the evidence) */
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
              acknowledged: {
                /** Format: date-time */
                at: string
                by: string
              } | null
              departmentId: string
              departmentName: string | null
              dismissed: {
                /** Format: date-time */
                at: string
                by: string
                reason: string
              } | null
              id: string
              /** @enum {unknown} */
              level: 'staff' | 'window' | 'office' | 'department'
              office: string | null
              orderId: string | null
              problemIds: string[]
              problems: {
                alertId: string | null
                caseId: string | null
                departmentId: string
                departmentName: string | null
                evidenceUrl: string | null
                id: string
                /** @enum {unknown} */
                kind:
                  | 'dissatisfied'
                  | 'substantiated_complaint'
                  | 'overdue_criticism'
                  | 'overcharge'
                  | 'attitude'
                  | 'missed_promise'
                  | 'other'
                /** Format: date-time */
                occurredAt: string
                office: string | null
                orderId: string | null
                /** Format: date-time */
                receivedAt: string
                reportedBy: string
                reportedById: string | null
                source: {
                  id: string
                  /** @enum {unknown} */
                  kind: 'case' | 'survey' | 'service_record'
                  trackingCode: string | null
                }
                staffNumber: string | null
                summary: string
                version: number
                window: string | null
                withdrawn: {
                  appealId: string
                  /** Format: date-time */
                  at: string
                  reason: string
                } | null
              }[]
              /** Format: date-time */
              raisedAt: string
              staffNumber: string | null
              /** @enum {unknown} */
              status: 'open' | 'acknowledged' | 'ordered' | 'dismissed'
              threshold: number
              /** Format: date-time */
              updatedAt: string
              version: number
              window: string | null
              windowDays: number
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
  '/api/v1/rectification/alerts/{id}/acknowledge': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** Acknowledge an open alert (seen, being looked into) */
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
              acknowledged: {
                /** Format: date-time */
                at: string
                by: string
              } | null
              departmentId: string
              departmentName: string | null
              dismissed: {
                /** Format: date-time */
                at: string
                by: string
                reason: string
              } | null
              id: string
              /** @enum {unknown} */
              level: 'staff' | 'window' | 'office' | 'department'
              office: string | null
              orderId: string | null
              problemIds: string[]
              /** Format: date-time */
              raisedAt: string
              staffNumber: string | null
              /** @enum {unknown} */
              status: 'open' | 'acknowledged' | 'ordered' | 'dismissed'
              threshold: number
              /** Format: date-time */
              updatedAt: string
              version: number
              window: string | null
              windowDays: number
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
  '/api/v1/rectification/alerts/{id}/dismiss': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** Dismiss an open or acknowledged alert, with the reason */
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
              acknowledged: {
                /** Format: date-time */
                at: string
                by: string
              } | null
              departmentId: string
              departmentName: string | null
              dismissed: {
                /** Format: date-time */
                at: string
                by: string
                reason: string
              } | null
              id: string
              /** @enum {unknown} */
              level: 'staff' | 'window' | 'office' | 'department'
              office: string | null
              orderId: string | null
              problemIds: string[]
              /** Format: date-time */
              raisedAt: string
              staffNumber: string | null
              /** @enum {unknown} */
              status: 'open' | 'acknowledged' | 'ordered' | 'dismissed'
              threshold: number
              /** Format: date-time */
              updatedAt: string
              version: number
              window: string | null
              windowDays: number
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
  '/api/v1/rectification/appeals': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Appeals (a department sees its own), newest first */
    get: {
      parameters: {
        query?: {
          cursor?: string
          departmentId?: string
          limit?: number
          problemId?: string
          status?: 'pending' | 'upheld' | 'rejected'
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
              items: components['schemas']['def-2'][]
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
    /** Appeal a problem as unfounded (the problem's department's lead) */
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
            problemId: string
            /** @description why the department believes the problem unfounded */
            reasons: string
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
              appealId: string
              decided: {
                /** Format: date-time */
                at: string
                by: string
                reason: string
                role: string
              } | null
              departmentId: string
              filed: {
                /** Format: date-time */
                at: string
                by: string
                role: string
              }
              orderId: string | null
              problemId: string
              reasons: string
              /** @enum {unknown} */
              status: 'pending' | 'upheld' | 'rejected'
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
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/rectification/appeals/{appealId}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** One appeal */
    get: {
      parameters: {
        query?: never
        header?: never
        path: {
          appealId: string
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
              appealId: string
              decided: {
                /** Format: date-time */
                at: string
                by: string
                reason: string
                role: string
              } | null
              departmentId: string
              filed: {
                /** Format: date-time */
                at: string
                by: string
                role: string
              }
              orderId: string | null
              problemId: string
              reasons: string
              /** @enum {unknown} */
              status: 'pending' | 'upheld' | 'rejected'
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
  '/api/v1/rectification/appeals/{appealId}/decide': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** Uphold (the problem is withdrawn from every KPI) or reject an appeal */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          appealId: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            /** @enum {unknown} */
            decision: 'upheld' | 'rejected'
            reason: string
            /** @description the version the client saw */
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
              appealId: string
              decided: {
                /** Format: date-time */
                at: string
                by: string
                reason: string
                role: string
              } | null
              departmentId: string
              filed: {
                /** Format: date-time */
                at: string
                by: string
                role: string
              }
              orderId: string | null
              problemId: string
              reasons: string
              /** @enum {unknown} */
              status: 'pending' | 'upheld' | 'rejected'
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
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/rectification/kpis': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** KPIs per department and month: orders issued, closed (on time), sent back, re-checked and reopened; problems (and withdrawn on appeal) per 1,000 cases */
    get: {
      parameters: {
        query?: {
          departmentId?: string
          from?: string
          groupBy?: 'department' | 'month'
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
              from: string
              /** @enum {unknown} */
              groupBy: 'department' | 'month' | 'department_month'
              rows: {
                casesAssigned: number
                closed: number
                closedOnTime: number
                departmentId: string
                departmentName: string | null
                issued: number
                month: string | null
                onTimeRate: number | null
                problems: number
                problemsPer1000Cases: number | null
                problemsWithdrawn: number
                rechecked: number
                reopened: number
                sendBacks: number
                sentBackOrders: number
              }[]
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
  '/api/v1/rectification/kpis.csv': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** The KPIs as CSV (UTF-8 with a byte-order mark) */
    get: {
      parameters: {
        query?: {
          departmentId?: string
          from?: string
          groupBy?: 'department' | 'month'
          to?: string
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description text/csv; charset=utf-8, with a byte-order mark for spreadsheets */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'text/csv': string
          }
        }
        /** @description RFC 9457 problem details */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'text/csv': {
              /** @description stable machine-readable code */
              code: string
              detail?: string
              errors?: {
                message: string
                path: string
              }[]
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
            'text/csv': {
              /** @description stable machine-readable code */
              code: string
              detail?: string
              errors?: {
                message: string
                path: string
              }[]
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
            'text/csv': {
              /** @description stable machine-readable code */
              code: string
              detail?: string
              errors?: {
                message: string
                path: string
              }[]
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
  '/api/v1/rectification/orders': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Orders by status, overdue first, by department (a department sees its own) */
    get: {
      parameters: {
        query?: {
          cursor?: string
          departmentId?: string
          limit?: number
          /** @description only orders past their deadline that still owe */
          overdue?: boolean
          priority?: 'normal' | 'high' | 'urgent'
          status?: 'issued' | 'acknowledged' | 'planned' | 'evidence_submitted' | 'verified' | 'closed'
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
              items: components['schemas']['def-1'][]
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
    /** Issue a rectification order (discipline officers) */
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
            alertId?: string
            /** @description default: the configured working days (15) */
            deadline?:
              | {
                  workingDays: number
                }
              | {
                  date: string
                }
            departmentId?: string
            /** @description what the department must do */
            measuresRequired: string
            office?: string | null
            person?: string | null
            /** @enum {unknown} */
            priority?: 'normal' | 'high' | 'urgent'
            problemIds: string[]
            staffNumber?: string | null
            /** Format: one-line */
            title: string
            window?: string | null
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
              /** Format: date-time */
              acknowledgeBy: string
              acknowledged: {
                /** Format: date-time */
                at: string
                by: string
                role: string
              } | null
              alertId: string | null
              appeals: {
                appealId: string
                /** Format: date-time */
                filedAt: string
                problemId: string
                /** @enum {unknown} */
                status: 'pending' | 'upheld' | 'rejected'
              }[]
              attachmentCount: number
              caseIds: string[]
              closed: {
                /** Format: date-time */
                at: string
                by: string
                onTime: boolean
                publicSummary: string
              } | null
              /** @description default: the configured working days (15) */
              deadline:
                | {
                    workingDays: number
                  }
                | {
                    date: string
                  }
              departmentId: string
              departmentName: string | null
              /** Format: date-time */
              dueAt: string
              evidence: {
                /** Format: date-time */
                at: string
                attachments: {
                  attachmentId: string
                  bytes: number
                  contentType: string
                  filename: string
                  sha256: string
                  /** @description the download path (same access as the order) */
                  url: string
                }[]
                by: string
                evidenceId: string
                review: {
                  /** Format: date-time */
                  at: string
                  by: string
                  /** @enum {unknown} */
                  outcome: 'verified' | 'evidence_insufficient' | 'not_effective'
                  reason: string | null
                } | null
                round: number
                text: string
              }[]
              issued: {
                /** Format: date-time */
                at: string
                by: string
                role: string
              }
              /** Format: date-time */
              issuedAt: string
              /** @description the steps taken on the current ladder */
              ladder: ('acknowledgement_overdue' | 'reminder' | 'supervision' | 'warning')[]
              measuresRequired: string
              number: string
              office: string | null
              orderId: string
              /** Format: date-time */
              originalDueAt: string
              /** @description past the deadline in force while the department still owes */
              overdue: boolean
              person: string | null
              plans: {
                /** Format: date-time */
                at: string
                by: string
                measures: string
                owner: string
                /** Format: date-time */
                plannedBy: string
                round: number
              }[]
              /** @enum {unknown} */
              priority: 'normal' | 'high' | 'urgent'
              problemCount: number
              problems: {
                evidenceUrl: string | null
                kind: string
                occurredAt: string | null
                problemId: string
                source: {
                  id: string
                  kind: string
                  trackingCode: string | null
                } | null
                summary: string | null
                /** @description withdrawn on appeal: out of every KPI */
                withdrawn: boolean
              }[]
              recheckAt: string | null
              rechecks: {
                /** Format: date-time */
                at: string
                by: string
                note: string
                /** @enum {unknown} */
                outcome: 'held' | 'returned'
              }[]
              reopenCount: number
              round: number
              sendBacks: {
                /** Format: date-time */
                at: string
                by: string
                /** @enum {unknown} */
                kind: 'evidence_insufficient' | 'not_effective'
                reason: string
                round: number
              }[]
              staffNumber: string | null
              /** @enum {unknown} */
              status: 'issued' | 'acknowledged' | 'planned' | 'evidence_submitted' | 'verified' | 'closed'
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
              timelineCount: number
              timelineHead: string
              title: string
              verified: {
                /** Format: date-time */
                at: string
                by: string
                role: string
              } | null
              version: number
              window: string | null
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
  '/api/v1/rectification/orders/{orderId}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** One order: problems, plans, evidence, appeals, timeline */
    get: {
      parameters: {
        query?: never
        header?: never
        path: {
          orderId: string
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
              /** Format: date-time */
              acknowledgeBy: string
              acknowledged: {
                /** Format: date-time */
                at: string
                by: string
                role: string
              } | null
              alertId: string | null
              appeals: {
                appealId: string
                /** Format: date-time */
                filedAt: string
                problemId: string
                /** @enum {unknown} */
                status: 'pending' | 'upheld' | 'rejected'
              }[]
              attachmentCount: number
              caseIds: string[]
              closed: {
                /** Format: date-time */
                at: string
                by: string
                onTime: boolean
                publicSummary: string
              } | null
              /** @description default: the configured working days (15) */
              deadline:
                | {
                    workingDays: number
                  }
                | {
                    date: string
                  }
              departmentId: string
              departmentName: string | null
              /** Format: date-time */
              dueAt: string
              evidence: {
                /** Format: date-time */
                at: string
                attachments: {
                  attachmentId: string
                  bytes: number
                  contentType: string
                  filename: string
                  sha256: string
                  /** @description the download path (same access as the order) */
                  url: string
                }[]
                by: string
                evidenceId: string
                review: {
                  /** Format: date-time */
                  at: string
                  by: string
                  /** @enum {unknown} */
                  outcome: 'verified' | 'evidence_insufficient' | 'not_effective'
                  reason: string | null
                } | null
                round: number
                text: string
              }[]
              issued: {
                /** Format: date-time */
                at: string
                by: string
                role: string
              }
              /** Format: date-time */
              issuedAt: string
              /** @description the steps taken on the current ladder */
              ladder: ('acknowledgement_overdue' | 'reminder' | 'supervision' | 'warning')[]
              measuresRequired: string
              number: string
              office: string | null
              orderId: string
              /** Format: date-time */
              originalDueAt: string
              /** @description past the deadline in force while the department still owes */
              overdue: boolean
              person: string | null
              plans: {
                /** Format: date-time */
                at: string
                by: string
                measures: string
                owner: string
                /** Format: date-time */
                plannedBy: string
                round: number
              }[]
              /** @enum {unknown} */
              priority: 'normal' | 'high' | 'urgent'
              problemCount: number
              problems: {
                evidenceUrl: string | null
                kind: string
                occurredAt: string | null
                problemId: string
                source: {
                  id: string
                  kind: string
                  trackingCode: string | null
                } | null
                summary: string | null
                /** @description withdrawn on appeal: out of every KPI */
                withdrawn: boolean
              }[]
              recheckAt: string | null
              rechecks: {
                /** Format: date-time */
                at: string
                by: string
                note: string
                /** @enum {unknown} */
                outcome: 'held' | 'returned'
              }[]
              reopenCount: number
              round: number
              sendBacks: {
                /** Format: date-time */
                at: string
                by: string
                /** @enum {unknown} */
                kind: 'evidence_insufficient' | 'not_effective'
                reason: string
                round: number
              }[]
              staffNumber: string | null
              /** @enum {unknown} */
              status: 'issued' | 'acknowledged' | 'planned' | 'evidence_submitted' | 'verified' | 'closed'
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
              timelineCount: number
              timelineHead: string
              title: string
              verified: {
                /** Format: date-time */
                at: string
                by: string
                role: string
              } | null
              version: number
              window: string | null
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
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/rectification/orders/{orderId}/acknowledge': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** The department's lead acknowledges (签收) */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          orderId: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            /** @description the version the client saw */
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
              /** Format: date-time */
              acknowledgeBy: string
              acknowledged: {
                /** Format: date-time */
                at: string
                by: string
                role: string
              } | null
              alertId: string | null
              appeals: {
                appealId: string
                /** Format: date-time */
                filedAt: string
                problemId: string
                /** @enum {unknown} */
                status: 'pending' | 'upheld' | 'rejected'
              }[]
              attachmentCount: number
              caseIds: string[]
              closed: {
                /** Format: date-time */
                at: string
                by: string
                onTime: boolean
                publicSummary: string
              } | null
              /** @description default: the configured working days (15) */
              deadline:
                | {
                    workingDays: number
                  }
                | {
                    date: string
                  }
              departmentId: string
              departmentName: string | null
              /** Format: date-time */
              dueAt: string
              evidence: {
                /** Format: date-time */
                at: string
                attachments: {
                  attachmentId: string
                  bytes: number
                  contentType: string
                  filename: string
                  sha256: string
                  /** @description the download path (same access as the order) */
                  url: string
                }[]
                by: string
                evidenceId: string
                review: {
                  /** Format: date-time */
                  at: string
                  by: string
                  /** @enum {unknown} */
                  outcome: 'verified' | 'evidence_insufficient' | 'not_effective'
                  reason: string | null
                } | null
                round: number
                text: string
              }[]
              issued: {
                /** Format: date-time */
                at: string
                by: string
                role: string
              }
              /** Format: date-time */
              issuedAt: string
              /** @description the steps taken on the current ladder */
              ladder: ('acknowledgement_overdue' | 'reminder' | 'supervision' | 'warning')[]
              measuresRequired: string
              number: string
              office: string | null
              orderId: string
              /** Format: date-time */
              originalDueAt: string
              /** @description past the deadline in force while the department still owes */
              overdue: boolean
              person: string | null
              plans: {
                /** Format: date-time */
                at: string
                by: string
                measures: string
                owner: string
                /** Format: date-time */
                plannedBy: string
                round: number
              }[]
              /** @enum {unknown} */
              priority: 'normal' | 'high' | 'urgent'
              problemCount: number
              problems: {
                evidenceUrl: string | null
                kind: string
                occurredAt: string | null
                problemId: string
                source: {
                  id: string
                  kind: string
                  trackingCode: string | null
                } | null
                summary: string | null
                /** @description withdrawn on appeal: out of every KPI */
                withdrawn: boolean
              }[]
              recheckAt: string | null
              rechecks: {
                /** Format: date-time */
                at: string
                by: string
                note: string
                /** @enum {unknown} */
                outcome: 'held' | 'returned'
              }[]
              reopenCount: number
              round: number
              sendBacks: {
                /** Format: date-time */
                at: string
                by: string
                /** @enum {unknown} */
                kind: 'evidence_insufficient' | 'not_effective'
                reason: string
                round: number
              }[]
              staffNumber: string | null
              /** @enum {unknown} */
              status: 'issued' | 'acknowledged' | 'planned' | 'evidence_submitted' | 'verified' | 'closed'
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
              timelineCount: number
              timelineHead: string
              title: string
              verified: {
                /** Format: date-time */
                at: string
                by: string
                role: string
              } | null
              version: number
              window: string | null
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
  '/api/v1/rectification/orders/{orderId}/close': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** A discipline officer closes the verified order (销号), optionally with a re-check (回头看) */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          orderId: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            /** @description what was fixed, for the public monthly summary; no names */
            publicSummary: string
            recheckAfterDays?: number
            /** @description the version the client saw */
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
              /** Format: date-time */
              acknowledgeBy: string
              acknowledged: {
                /** Format: date-time */
                at: string
                by: string
                role: string
              } | null
              alertId: string | null
              appeals: {
                appealId: string
                /** Format: date-time */
                filedAt: string
                problemId: string
                /** @enum {unknown} */
                status: 'pending' | 'upheld' | 'rejected'
              }[]
              attachmentCount: number
              caseIds: string[]
              closed: {
                /** Format: date-time */
                at: string
                by: string
                onTime: boolean
                publicSummary: string
              } | null
              /** @description default: the configured working days (15) */
              deadline:
                | {
                    workingDays: number
                  }
                | {
                    date: string
                  }
              departmentId: string
              departmentName: string | null
              /** Format: date-time */
              dueAt: string
              evidence: {
                /** Format: date-time */
                at: string
                attachments: {
                  attachmentId: string
                  bytes: number
                  contentType: string
                  filename: string
                  sha256: string
                  /** @description the download path (same access as the order) */
                  url: string
                }[]
                by: string
                evidenceId: string
                review: {
                  /** Format: date-time */
                  at: string
                  by: string
                  /** @enum {unknown} */
                  outcome: 'verified' | 'evidence_insufficient' | 'not_effective'
                  reason: string | null
                } | null
                round: number
                text: string
              }[]
              issued: {
                /** Format: date-time */
                at: string
                by: string
                role: string
              }
              /** Format: date-time */
              issuedAt: string
              /** @description the steps taken on the current ladder */
              ladder: ('acknowledgement_overdue' | 'reminder' | 'supervision' | 'warning')[]
              measuresRequired: string
              number: string
              office: string | null
              orderId: string
              /** Format: date-time */
              originalDueAt: string
              /** @description past the deadline in force while the department still owes */
              overdue: boolean
              person: string | null
              plans: {
                /** Format: date-time */
                at: string
                by: string
                measures: string
                owner: string
                /** Format: date-time */
                plannedBy: string
                round: number
              }[]
              /** @enum {unknown} */
              priority: 'normal' | 'high' | 'urgent'
              problemCount: number
              problems: {
                evidenceUrl: string | null
                kind: string
                occurredAt: string | null
                problemId: string
                source: {
                  id: string
                  kind: string
                  trackingCode: string | null
                } | null
                summary: string | null
                /** @description withdrawn on appeal: out of every KPI */
                withdrawn: boolean
              }[]
              recheckAt: string | null
              rechecks: {
                /** Format: date-time */
                at: string
                by: string
                note: string
                /** @enum {unknown} */
                outcome: 'held' | 'returned'
              }[]
              reopenCount: number
              round: number
              sendBacks: {
                /** Format: date-time */
                at: string
                by: string
                /** @enum {unknown} */
                kind: 'evidence_insufficient' | 'not_effective'
                reason: string
                round: number
              }[]
              staffNumber: string | null
              /** @enum {unknown} */
              status: 'issued' | 'acknowledged' | 'planned' | 'evidence_submitted' | 'verified' | 'closed'
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
              timelineCount: number
              timelineHead: string
              title: string
              verified: {
                /** Format: date-time */
                at: string
                by: string
                role: string
              } | null
              version: number
              window: string | null
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
  '/api/v1/rectification/orders/{orderId}/evidence': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Submit evidence: text and attachments (multipart/form-data)
     * @description Fields `version` and `text` (1..10000), and up to 20 files (`files`) per order in all: PDF, JPEG, PNG or DOCX by content, each at most 10485760 bytes.
     */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          orderId: string
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
              /** Format: date-time */
              acknowledgeBy: string
              acknowledged: {
                /** Format: date-time */
                at: string
                by: string
                role: string
              } | null
              alertId: string | null
              appeals: {
                appealId: string
                /** Format: date-time */
                filedAt: string
                problemId: string
                /** @enum {unknown} */
                status: 'pending' | 'upheld' | 'rejected'
              }[]
              attachmentCount: number
              caseIds: string[]
              closed: {
                /** Format: date-time */
                at: string
                by: string
                onTime: boolean
                publicSummary: string
              } | null
              /** @description default: the configured working days (15) */
              deadline:
                | {
                    workingDays: number
                  }
                | {
                    date: string
                  }
              departmentId: string
              departmentName: string | null
              /** Format: date-time */
              dueAt: string
              evidence: {
                /** Format: date-time */
                at: string
                attachments: {
                  attachmentId: string
                  bytes: number
                  contentType: string
                  filename: string
                  sha256: string
                  /** @description the download path (same access as the order) */
                  url: string
                }[]
                by: string
                evidenceId: string
                review: {
                  /** Format: date-time */
                  at: string
                  by: string
                  /** @enum {unknown} */
                  outcome: 'verified' | 'evidence_insufficient' | 'not_effective'
                  reason: string | null
                } | null
                round: number
                text: string
              }[]
              issued: {
                /** Format: date-time */
                at: string
                by: string
                role: string
              }
              /** Format: date-time */
              issuedAt: string
              /** @description the steps taken on the current ladder */
              ladder: ('acknowledgement_overdue' | 'reminder' | 'supervision' | 'warning')[]
              measuresRequired: string
              number: string
              office: string | null
              orderId: string
              /** Format: date-time */
              originalDueAt: string
              /** @description past the deadline in force while the department still owes */
              overdue: boolean
              person: string | null
              plans: {
                /** Format: date-time */
                at: string
                by: string
                measures: string
                owner: string
                /** Format: date-time */
                plannedBy: string
                round: number
              }[]
              /** @enum {unknown} */
              priority: 'normal' | 'high' | 'urgent'
              problemCount: number
              problems: {
                evidenceUrl: string | null
                kind: string
                occurredAt: string | null
                problemId: string
                source: {
                  id: string
                  kind: string
                  trackingCode: string | null
                } | null
                summary: string | null
                /** @description withdrawn on appeal: out of every KPI */
                withdrawn: boolean
              }[]
              recheckAt: string | null
              rechecks: {
                /** Format: date-time */
                at: string
                by: string
                note: string
                /** @enum {unknown} */
                outcome: 'held' | 'returned'
              }[]
              reopenCount: number
              round: number
              sendBacks: {
                /** Format: date-time */
                at: string
                by: string
                /** @enum {unknown} */
                kind: 'evidence_insufficient' | 'not_effective'
                reason: string
                round: number
              }[]
              staffNumber: string | null
              /** @enum {unknown} */
              status: 'issued' | 'acknowledged' | 'planned' | 'evidence_submitted' | 'verified' | 'closed'
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
              timelineCount: number
              timelineHead: string
              title: string
              verified: {
                /** Format: date-time */
                at: string
                by: string
                role: string
              } | null
              version: number
              window: string | null
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
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/rectification/orders/{orderId}/evidence/{attachmentId}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Download an attachment (whoever may see the order) */
    get: {
      parameters: {
        query?: never
        header?: never
        path: {
          attachmentId: string
          orderId: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description the file, as stored, with Content-Disposition: attachment */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': unknown
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
  '/api/v1/rectification/orders/{orderId}/plan': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** The department submits its plan: measures, who, by when */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          orderId: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            /** @description the measures the department takes */
            measures: string
            /**
             * Format: one-line
             * @description who carries them out (post or name)
             */
            owner: string
            /** @description done by (a date) */
            plannedBy: string
            /** @description the version the client saw */
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
              /** Format: date-time */
              acknowledgeBy: string
              acknowledged: {
                /** Format: date-time */
                at: string
                by: string
                role: string
              } | null
              alertId: string | null
              appeals: {
                appealId: string
                /** Format: date-time */
                filedAt: string
                problemId: string
                /** @enum {unknown} */
                status: 'pending' | 'upheld' | 'rejected'
              }[]
              attachmentCount: number
              caseIds: string[]
              closed: {
                /** Format: date-time */
                at: string
                by: string
                onTime: boolean
                publicSummary: string
              } | null
              /** @description default: the configured working days (15) */
              deadline:
                | {
                    workingDays: number
                  }
                | {
                    date: string
                  }
              departmentId: string
              departmentName: string | null
              /** Format: date-time */
              dueAt: string
              evidence: {
                /** Format: date-time */
                at: string
                attachments: {
                  attachmentId: string
                  bytes: number
                  contentType: string
                  filename: string
                  sha256: string
                  /** @description the download path (same access as the order) */
                  url: string
                }[]
                by: string
                evidenceId: string
                review: {
                  /** Format: date-time */
                  at: string
                  by: string
                  /** @enum {unknown} */
                  outcome: 'verified' | 'evidence_insufficient' | 'not_effective'
                  reason: string | null
                } | null
                round: number
                text: string
              }[]
              issued: {
                /** Format: date-time */
                at: string
                by: string
                role: string
              }
              /** Format: date-time */
              issuedAt: string
              /** @description the steps taken on the current ladder */
              ladder: ('acknowledgement_overdue' | 'reminder' | 'supervision' | 'warning')[]
              measuresRequired: string
              number: string
              office: string | null
              orderId: string
              /** Format: date-time */
              originalDueAt: string
              /** @description past the deadline in force while the department still owes */
              overdue: boolean
              person: string | null
              plans: {
                /** Format: date-time */
                at: string
                by: string
                measures: string
                owner: string
                /** Format: date-time */
                plannedBy: string
                round: number
              }[]
              /** @enum {unknown} */
              priority: 'normal' | 'high' | 'urgent'
              problemCount: number
              problems: {
                evidenceUrl: string | null
                kind: string
                occurredAt: string | null
                problemId: string
                source: {
                  id: string
                  kind: string
                  trackingCode: string | null
                } | null
                summary: string | null
                /** @description withdrawn on appeal: out of every KPI */
                withdrawn: boolean
              }[]
              recheckAt: string | null
              rechecks: {
                /** Format: date-time */
                at: string
                by: string
                note: string
                /** @enum {unknown} */
                outcome: 'held' | 'returned'
              }[]
              reopenCount: number
              round: number
              sendBacks: {
                /** Format: date-time */
                at: string
                by: string
                /** @enum {unknown} */
                kind: 'evidence_insufficient' | 'not_effective'
                reason: string
                round: number
              }[]
              staffNumber: string | null
              /** @enum {unknown} */
              status: 'issued' | 'acknowledged' | 'planned' | 'evidence_submitted' | 'verified' | 'closed'
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
              timelineCount: number
              timelineHead: string
              title: string
              verified: {
                /** Format: date-time */
                at: string
                by: string
                role: string
              } | null
              version: number
              window: string | null
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
  '/api/v1/rectification/orders/{orderId}/recheck': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** The re-check (回头看): held, or returned (the order reopens with a new deadline) */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          orderId: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            /** @description default: the configured working days (15) */
            deadline?:
              | {
                  workingDays: number
                }
              | {
                  date: string
                }
            note: string
            /** @enum {unknown} */
            outcome: 'held' | 'returned'
            /** @description the version the client saw */
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
              /** Format: date-time */
              acknowledgeBy: string
              acknowledged: {
                /** Format: date-time */
                at: string
                by: string
                role: string
              } | null
              alertId: string | null
              appeals: {
                appealId: string
                /** Format: date-time */
                filedAt: string
                problemId: string
                /** @enum {unknown} */
                status: 'pending' | 'upheld' | 'rejected'
              }[]
              attachmentCount: number
              caseIds: string[]
              closed: {
                /** Format: date-time */
                at: string
                by: string
                onTime: boolean
                publicSummary: string
              } | null
              /** @description default: the configured working days (15) */
              deadline:
                | {
                    workingDays: number
                  }
                | {
                    date: string
                  }
              departmentId: string
              departmentName: string | null
              /** Format: date-time */
              dueAt: string
              evidence: {
                /** Format: date-time */
                at: string
                attachments: {
                  attachmentId: string
                  bytes: number
                  contentType: string
                  filename: string
                  sha256: string
                  /** @description the download path (same access as the order) */
                  url: string
                }[]
                by: string
                evidenceId: string
                review: {
                  /** Format: date-time */
                  at: string
                  by: string
                  /** @enum {unknown} */
                  outcome: 'verified' | 'evidence_insufficient' | 'not_effective'
                  reason: string | null
                } | null
                round: number
                text: string
              }[]
              issued: {
                /** Format: date-time */
                at: string
                by: string
                role: string
              }
              /** Format: date-time */
              issuedAt: string
              /** @description the steps taken on the current ladder */
              ladder: ('acknowledgement_overdue' | 'reminder' | 'supervision' | 'warning')[]
              measuresRequired: string
              number: string
              office: string | null
              orderId: string
              /** Format: date-time */
              originalDueAt: string
              /** @description past the deadline in force while the department still owes */
              overdue: boolean
              person: string | null
              plans: {
                /** Format: date-time */
                at: string
                by: string
                measures: string
                owner: string
                /** Format: date-time */
                plannedBy: string
                round: number
              }[]
              /** @enum {unknown} */
              priority: 'normal' | 'high' | 'urgent'
              problemCount: number
              problems: {
                evidenceUrl: string | null
                kind: string
                occurredAt: string | null
                problemId: string
                source: {
                  id: string
                  kind: string
                  trackingCode: string | null
                } | null
                summary: string | null
                /** @description withdrawn on appeal: out of every KPI */
                withdrawn: boolean
              }[]
              recheckAt: string | null
              rechecks: {
                /** Format: date-time */
                at: string
                by: string
                note: string
                /** @enum {unknown} */
                outcome: 'held' | 'returned'
              }[]
              reopenCount: number
              round: number
              sendBacks: {
                /** Format: date-time */
                at: string
                by: string
                /** @enum {unknown} */
                kind: 'evidence_insufficient' | 'not_effective'
                reason: string
                round: number
              }[]
              staffNumber: string | null
              /** @enum {unknown} */
              status: 'issued' | 'acknowledged' | 'planned' | 'evidence_submitted' | 'verified' | 'closed'
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
              timelineCount: number
              timelineHead: string
              title: string
              verified: {
                /** Format: date-time */
                at: string
                by: string
                role: string
              } | null
              version: number
              window: string | null
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
  '/api/v1/rectification/orders/{orderId}/send-back': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** A discipline officer sends the evidence back: insufficient (new evidence) or not effective (a new plan) */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          orderId: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            /** @enum {unknown} */
            kind: 'evidence_insufficient' | 'not_effective'
            reason: string
            /** @description the version the client saw */
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
              /** Format: date-time */
              acknowledgeBy: string
              acknowledged: {
                /** Format: date-time */
                at: string
                by: string
                role: string
              } | null
              alertId: string | null
              appeals: {
                appealId: string
                /** Format: date-time */
                filedAt: string
                problemId: string
                /** @enum {unknown} */
                status: 'pending' | 'upheld' | 'rejected'
              }[]
              attachmentCount: number
              caseIds: string[]
              closed: {
                /** Format: date-time */
                at: string
                by: string
                onTime: boolean
                publicSummary: string
              } | null
              /** @description default: the configured working days (15) */
              deadline:
                | {
                    workingDays: number
                  }
                | {
                    date: string
                  }
              departmentId: string
              departmentName: string | null
              /** Format: date-time */
              dueAt: string
              evidence: {
                /** Format: date-time */
                at: string
                attachments: {
                  attachmentId: string
                  bytes: number
                  contentType: string
                  filename: string
                  sha256: string
                  /** @description the download path (same access as the order) */
                  url: string
                }[]
                by: string
                evidenceId: string
                review: {
                  /** Format: date-time */
                  at: string
                  by: string
                  /** @enum {unknown} */
                  outcome: 'verified' | 'evidence_insufficient' | 'not_effective'
                  reason: string | null
                } | null
                round: number
                text: string
              }[]
              issued: {
                /** Format: date-time */
                at: string
                by: string
                role: string
              }
              /** Format: date-time */
              issuedAt: string
              /** @description the steps taken on the current ladder */
              ladder: ('acknowledgement_overdue' | 'reminder' | 'supervision' | 'warning')[]
              measuresRequired: string
              number: string
              office: string | null
              orderId: string
              /** Format: date-time */
              originalDueAt: string
              /** @description past the deadline in force while the department still owes */
              overdue: boolean
              person: string | null
              plans: {
                /** Format: date-time */
                at: string
                by: string
                measures: string
                owner: string
                /** Format: date-time */
                plannedBy: string
                round: number
              }[]
              /** @enum {unknown} */
              priority: 'normal' | 'high' | 'urgent'
              problemCount: number
              problems: {
                evidenceUrl: string | null
                kind: string
                occurredAt: string | null
                problemId: string
                source: {
                  id: string
                  kind: string
                  trackingCode: string | null
                } | null
                summary: string | null
                /** @description withdrawn on appeal: out of every KPI */
                withdrawn: boolean
              }[]
              recheckAt: string | null
              rechecks: {
                /** Format: date-time */
                at: string
                by: string
                note: string
                /** @enum {unknown} */
                outcome: 'held' | 'returned'
              }[]
              reopenCount: number
              round: number
              sendBacks: {
                /** Format: date-time */
                at: string
                by: string
                /** @enum {unknown} */
                kind: 'evidence_insufficient' | 'not_effective'
                reason: string
                round: number
              }[]
              staffNumber: string | null
              /** @enum {unknown} */
              status: 'issued' | 'acknowledged' | 'planned' | 'evidence_submitted' | 'verified' | 'closed'
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
              timelineCount: number
              timelineHead: string
              title: string
              verified: {
                /** Format: date-time */
                at: string
                by: string
                role: string
              } | null
              version: number
              window: string | null
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
  '/api/v1/rectification/orders/{orderId}/timeline/verify': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Recomputes the order's hash chain against its recorded head */
    get: {
      parameters: {
        query?: never
        header?: never
        path: {
          orderId: string
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
              orderId: string
              valid: boolean
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
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/rectification/orders/{orderId}/verify': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** A discipline officer verifies the evidence */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          orderId: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            note?: string
            /** @description the version the client saw */
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
              /** Format: date-time */
              acknowledgeBy: string
              acknowledged: {
                /** Format: date-time */
                at: string
                by: string
                role: string
              } | null
              alertId: string | null
              appeals: {
                appealId: string
                /** Format: date-time */
                filedAt: string
                problemId: string
                /** @enum {unknown} */
                status: 'pending' | 'upheld' | 'rejected'
              }[]
              attachmentCount: number
              caseIds: string[]
              closed: {
                /** Format: date-time */
                at: string
                by: string
                onTime: boolean
                publicSummary: string
              } | null
              /** @description default: the configured working days (15) */
              deadline:
                | {
                    workingDays: number
                  }
                | {
                    date: string
                  }
              departmentId: string
              departmentName: string | null
              /** Format: date-time */
              dueAt: string
              evidence: {
                /** Format: date-time */
                at: string
                attachments: {
                  attachmentId: string
                  bytes: number
                  contentType: string
                  filename: string
                  sha256: string
                  /** @description the download path (same access as the order) */
                  url: string
                }[]
                by: string
                evidenceId: string
                review: {
                  /** Format: date-time */
                  at: string
                  by: string
                  /** @enum {unknown} */
                  outcome: 'verified' | 'evidence_insufficient' | 'not_effective'
                  reason: string | null
                } | null
                round: number
                text: string
              }[]
              issued: {
                /** Format: date-time */
                at: string
                by: string
                role: string
              }
              /** Format: date-time */
              issuedAt: string
              /** @description the steps taken on the current ladder */
              ladder: ('acknowledgement_overdue' | 'reminder' | 'supervision' | 'warning')[]
              measuresRequired: string
              number: string
              office: string | null
              orderId: string
              /** Format: date-time */
              originalDueAt: string
              /** @description past the deadline in force while the department still owes */
              overdue: boolean
              person: string | null
              plans: {
                /** Format: date-time */
                at: string
                by: string
                measures: string
                owner: string
                /** Format: date-time */
                plannedBy: string
                round: number
              }[]
              /** @enum {unknown} */
              priority: 'normal' | 'high' | 'urgent'
              problemCount: number
              problems: {
                evidenceUrl: string | null
                kind: string
                occurredAt: string | null
                problemId: string
                source: {
                  id: string
                  kind: string
                  trackingCode: string | null
                } | null
                summary: string | null
                /** @description withdrawn on appeal: out of every KPI */
                withdrawn: boolean
              }[]
              recheckAt: string | null
              rechecks: {
                /** Format: date-time */
                at: string
                by: string
                note: string
                /** @enum {unknown} */
                outcome: 'held' | 'returned'
              }[]
              reopenCount: number
              round: number
              sendBacks: {
                /** Format: date-time */
                at: string
                by: string
                /** @enum {unknown} */
                kind: 'evidence_insufficient' | 'not_effective'
                reason: string
                round: number
              }[]
              staffNumber: string | null
              /** @enum {unknown} */
              status: 'issued' | 'acknowledged' | 'planned' | 'evidence_submitted' | 'verified' | 'closed'
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
              timelineCount: number
              timelineHead: string
              title: string
              verified: {
                /** Format: date-time */
                at: string
                by: string
                role: string
              } | null
              version: number
              window: string | null
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
  '/api/v1/rectification/problems': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Problems, newest first (a department lead or handler: their department only) */
    get: {
      parameters: {
        query?: {
          alertId?: string
          caseId?: string
          cursor?: string
          departmentId?: string
          from?: string
          inOrder?: boolean
          kind?:
            | 'dissatisfied'
            | 'substantiated_complaint'
            | 'overdue_criticism'
            | 'overcharge'
            | 'attitude'
            | 'missed_promise'
            | 'other'
          limit?: number
          office?: string
          staffNumber?: string
          to?: string
          window?: string
          withdrawn?: boolean
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
                alertId: string | null
                caseId: string | null
                departmentId: string
                departmentName: string | null
                evidenceUrl: string | null
                id: string
                /** @enum {unknown} */
                kind:
                  | 'dissatisfied'
                  | 'substantiated_complaint'
                  | 'overdue_criticism'
                  | 'overcharge'
                  | 'attitude'
                  | 'missed_promise'
                  | 'other'
                /** Format: date-time */
                occurredAt: string
                office: string | null
                orderId: string | null
                /** Format: date-time */
                receivedAt: string
                reportedBy: string
                reportedById: string | null
                source: {
                  id: string
                  /** @enum {unknown} */
                  kind: 'case' | 'survey' | 'service_record'
                  trackingCode: string | null
                }
                staffNumber: string | null
                summary: string
                version: number
                window: string | null
                withdrawn: {
                  appealId: string
                  /** Format: date-time */
                  at: string
                  reason: string
                } | null
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
    /** Record a problem by hand from a case (it counts towards trend alerts like any other) */
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
            caseId?: string
            departmentId: string
            /** @enum {unknown} */
            kind:
              | 'dissatisfied'
              | 'substantiated_complaint'
              | 'overdue_criticism'
              | 'overcharge'
              | 'attitude'
              | 'missed_promise'
              | 'other'
            /** Format: date-time */
            occurredAt?: string
            office?: string | null
            staffNumber?: string | null
            /** Format: one-line */
            summary: string
            /** @description 10 characters, no look-alikes */
            trackingCode?: string
            window?: string | null
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
              alertId: string | null
              caseId: string | null
              departmentId: string
              departmentName: string | null
              evidenceUrl: string | null
              id: string
              /** @enum {unknown} */
              kind:
                | 'dissatisfied'
                | 'substantiated_complaint'
                | 'overdue_criticism'
                | 'overcharge'
                | 'attitude'
                | 'missed_promise'
                | 'other'
              /** Format: date-time */
              occurredAt: string
              office: string | null
              orderId: string | null
              /** Format: date-time */
              receivedAt: string
              reportedBy: string
              reportedById: string | null
              source: {
                id: string
                /** @enum {unknown} */
                kind: 'case' | 'survey' | 'service_record'
                trackingCode: string | null
              }
              staffNumber: string | null
              summary: string
              version: number
              window: string | null
              withdrawn: {
                appealId: string
                /** Format: date-time */
                at: string
                reason: string
              } | null
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
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/rectification/problems/{id}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** One problem (another department’s: 404) */
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
              alertId: string | null
              caseId: string | null
              departmentId: string
              departmentName: string | null
              evidenceUrl: string | null
              id: string
              /** @enum {unknown} */
              kind:
                | 'dissatisfied'
                | 'substantiated_complaint'
                | 'overdue_criticism'
                | 'overcharge'
                | 'attitude'
                | 'missed_promise'
                | 'other'
              /** Format: date-time */
              occurredAt: string
              office: string | null
              orderId: string | null
              /** Format: date-time */
              receivedAt: string
              reportedBy: string
              reportedById: string | null
              source: {
                id: string
                /** @enum {unknown} */
                kind: 'case' | 'survey' | 'service_record'
                trackingCode: string | null
              }
              staffNumber: string | null
              summary: string
              version: number
              window: string | null
              withdrawn: {
                appealId: string
                /** Format: date-time */
                at: string
                reason: string
              } | null
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
  '/api/v1/rectification/public/summary': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Rectifications closed in a month (Asia/Shanghai; default the current one): problem kinds, department, what was fixed — no names, numbers, windows or cases */
    get: {
      parameters: {
        query?: {
          month?: string
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
              byDepartment: {
                closed: number
                closedOnTime: number
                departmentId: string
                departmentName: string | null
              }[]
              byKind: {
                /** @enum {unknown} */
                kind:
                  | 'dissatisfied'
                  | 'substantiated_complaint'
                  | 'overdue_criticism'
                  | 'overcharge'
                  | 'attitude'
                  | 'missed_promise'
                  | 'other'
                orders: number
              }[]
              closed: number
              closedOnTime: number
              items: {
                /** @description YYYY-MM-DD, Asia/Shanghai */
                closedOn: string
                departmentId: string
                departmentName: string | null
                measures: string
                onTime: boolean
                problemKinds: (
                  | 'dissatisfied'
                  | 'substantiated_complaint'
                  | 'overdue_criticism'
                  | 'overcharge'
                  | 'attitude'
                  | 'missed_promise'
                  | 'other'
                )[]
              }[]
              month: string
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
    /** OrderSummary */
    'def-1': {
      /** Format: date-time */
      acknowledgeBy: string
      alertId: string | null
      caseIds: string[]
      departmentId: string
      departmentName: string | null
      /** Format: date-time */
      dueAt: string
      /** Format: date-time */
      issuedAt: string
      /** @description the steps taken on the current ladder */
      ladder: ('acknowledgement_overdue' | 'reminder' | 'supervision' | 'warning')[]
      number: string
      office: string | null
      orderId: string
      /** Format: date-time */
      originalDueAt: string
      /** @description past the deadline in force while the department still owes */
      overdue: boolean
      /** @enum {unknown} */
      priority: 'normal' | 'high' | 'urgent'
      problemCount: number
      recheckAt: string | null
      round: number
      staffNumber: string | null
      /** @enum {unknown} */
      status: 'issued' | 'acknowledged' | 'planned' | 'evidence_submitted' | 'verified' | 'closed'
      title: string
      version: number
      window: string | null
    }
    /** AppealView */
    'def-2': {
      appealId: string
      decided: {
        /** Format: date-time */
        at: string
        by: string
        reason: string
        role: string
      } | null
      departmentId: string
      filed: {
        /** Format: date-time */
        at: string
        by: string
        role: string
      }
      orderId: string | null
      problemId: string
      reasons: string
      /** @enum {unknown} */
      status: 'pending' | 'upheld' | 'rejected'
      version: number
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
