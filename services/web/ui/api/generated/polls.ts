// Generated from the polls service's OpenAPI document by services/web/scripts/api-types.ts — do not
// edit: run `pnpm --filter @tingjian/web api-types` after changing a route's schema.
export interface paths {
  '/api/v1/polls': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Open and recently closed polls */
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
                /** Format: date-time */
                closesAt: string
                departmentId: string | null
                description: string
                /** Format: date-time */
                opensAt: string
                /** @enum {unknown} */
                phase: 'draft' | 'upcoming' | 'open' | 'closed' | 'archived'
                pollId: string
                /** @enum {unknown} */
                results: 'live' | 'after_close' | 'staff_only'
                /** @description GET …/results answers now */
                resultsAvailable: boolean
                /** @enum {unknown} */
                rule: 'verified_phone' | 'invitation' | 'open'
                ruleLabel: {
                  en: string
                  onePerPerson: boolean
                  zh: string
                }
                title: string
              }[]
            }
          }
        }
      }
    }
    put?: never
    /** Staff: create a draft */
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
            /**
             * Format: date-time
             * @description an ISO 8601 instant with its offset; the web app shows Asia/Shanghai
             */
            closesAt: string
            departmentId?: string | null
            description: string
            /**
             * Format: date-time
             * @description an ISO 8601 instant with its offset; the web app shows Asia/Shanghai
             */
            opensAt: string
            questions: components['schemas']['def-2'][]
            /**
             * @description when the public sees the results: live, after_close, staff_only
             * @enum {unknown}
             */
            results: 'live' | 'after_close' | 'staff_only'
            /**
             * @description verified_phone: a code by SMS; invitation: a code per uploaded number; open: one per browser
             * @enum {unknown}
             */
            rule: 'verified_phone' | 'invitation' | 'open'
            /** Format: one-line */
            title: string
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
              archivedAt: string | null
              /** @description the final count, once closed */
              ballots: number | null
              closedAt: string | null
              closedBy: string | null
              /** Format: date-time */
              closesAt: string
              /** Format: date-time */
              createdAt: string
              createdBy: string
              departmentId: string | null
              description: string
              duplicatedFrom: string | null
              /** Format: date-time */
              opensAt: string
              /** @enum {unknown} */
              phase: 'draft' | 'upcoming' | 'open' | 'closed' | 'archived'
              pollId: string
              publishedAt: string | null
              publishedBy: string | null
              questions: components['schemas']['def-1'][]
              /** @enum {unknown} */
              results: 'live' | 'after_close' | 'staff_only'
              /** @description GET …/results answers now */
              resultsAvailable: boolean
              /** @enum {unknown} */
              rule: 'verified_phone' | 'invitation' | 'open'
              ruleLabel: {
                en: string
                onePerPerson: boolean
                zh: string
              }
              settled: boolean
              /** @enum {unknown} */
              status: 'draft' | 'published' | 'closed' | 'archived'
              title: string
              /** Format: date-time */
              updatedAt: string
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
  '/api/v1/polls/{pollId}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** A published poll: its questions and where it stands */
    get: {
      parameters: {
        query?: never
        header?: never
        path: {
          pollId: string
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
              closesAt: string
              departmentId: string | null
              description: string
              /** Format: date-time */
              opensAt: string
              /** @enum {unknown} */
              phase: 'draft' | 'upcoming' | 'open' | 'closed' | 'archived'
              pollId: string
              questions: components['schemas']['def-1'][]
              /** @enum {unknown} */
              results: 'live' | 'after_close' | 'staff_only'
              /** @description GET …/results answers now */
              resultsAvailable: boolean
              /** @enum {unknown} */
              rule: 'verified_phone' | 'invitation' | 'open'
              ruleLabel: {
                en: string
                onePerPerson: boolean
                zh: string
              }
              title: string
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
      }
    }
    /** Staff: edit a draft (the whole poll; questions get ids q1… by position) */
    put: {
      parameters: {
        query?: never
        header?: never
        path: {
          pollId: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            /**
             * Format: date-time
             * @description an ISO 8601 instant with its offset; the web app shows Asia/Shanghai
             */
            closesAt: string
            departmentId?: string | null
            description: string
            /**
             * Format: date-time
             * @description an ISO 8601 instant with its offset; the web app shows Asia/Shanghai
             */
            opensAt: string
            questions: components['schemas']['def-2'][]
            /**
             * @description when the public sees the results: live, after_close, staff_only
             * @enum {unknown}
             */
            results: 'live' | 'after_close' | 'staff_only'
            /**
             * @description verified_phone: a code by SMS; invitation: a code per uploaded number; open: one per browser
             * @enum {unknown}
             */
            rule: 'verified_phone' | 'invitation' | 'open'
            /** Format: one-line */
            title: string
            /** @description the version read (optimistic) */
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
              archivedAt: string | null
              /** @description the final count, once closed */
              ballots: number | null
              closedAt: string | null
              closedBy: string | null
              /** Format: date-time */
              closesAt: string
              /** Format: date-time */
              createdAt: string
              createdBy: string
              departmentId: string | null
              description: string
              duplicatedFrom: string | null
              /** Format: date-time */
              opensAt: string
              /** @enum {unknown} */
              phase: 'draft' | 'upcoming' | 'open' | 'closed' | 'archived'
              pollId: string
              publishedAt: string | null
              publishedBy: string | null
              questions: components['schemas']['def-1'][]
              /** @enum {unknown} */
              results: 'live' | 'after_close' | 'staff_only'
              /** @description GET …/results answers now */
              resultsAvailable: boolean
              /** @enum {unknown} */
              rule: 'verified_phone' | 'invitation' | 'open'
              ruleLabel: {
                en: string
                onePerPerson: boolean
                zh: string
              }
              settled: boolean
              /** @enum {unknown} */
              status: 'draft' | 'published' | 'closed' | 'archived'
              title: string
              /** Format: date-time */
              updatedAt: string
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
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/polls/{pollId}/archive': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** Staff: archive a closed poll (it leaves the public list; its results stay) */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          pollId: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            /** @description the version read (optimistic) */
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
              archivedAt: string | null
              /** @description the final count, once closed */
              ballots: number | null
              closedAt: string | null
              closedBy: string | null
              /** Format: date-time */
              closesAt: string
              /** Format: date-time */
              createdAt: string
              createdBy: string
              departmentId: string | null
              description: string
              duplicatedFrom: string | null
              /** Format: date-time */
              opensAt: string
              /** @enum {unknown} */
              phase: 'draft' | 'upcoming' | 'open' | 'closed' | 'archived'
              pollId: string
              publishedAt: string | null
              publishedBy: string | null
              questions: components['schemas']['def-1'][]
              /** @enum {unknown} */
              results: 'live' | 'after_close' | 'staff_only'
              /** @description GET …/results answers now */
              resultsAvailable: boolean
              /** @enum {unknown} */
              rule: 'verified_phone' | 'invitation' | 'open'
              ruleLabel: {
                en: string
                onePerPerson: boolean
                zh: string
              }
              settled: boolean
              /** @enum {unknown} */
              status: 'draft' | 'published' | 'closed' | 'archived'
              title: string
              /** Format: date-time */
              updatedAt: string
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
  '/api/v1/polls/{pollId}/ballots': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Cast a ballot
     * @description verified_phone: send the voting token; invitation: the invitation code; open: nothing (the browser id cookie is set here). A second ballot by the same voter is a 409. The receipt names the day only: no ballot id that could prove how someone voted.
     */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          pollId: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            answers: components['schemas']['def-3'][]
            /** @description invitation */
            invitationCode?: string
            /** @description verified_phone */
            token?: string
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
              /** @description the day the ballot was cast (Asia/Shanghai): all a ballot keeps of time */
              day: string
              pollId: string
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
  '/api/v1/polls/{pollId}/close': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** Staff: close a running poll now (its ballots settled, the final count announced) */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          pollId: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            /** @description the version read (optimistic) */
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
              archivedAt: string | null
              /** @description the final count, once closed */
              ballots: number | null
              closedAt: string | null
              closedBy: string | null
              /** Format: date-time */
              closesAt: string
              /** Format: date-time */
              createdAt: string
              createdBy: string
              departmentId: string | null
              description: string
              duplicatedFrom: string | null
              /** Format: date-time */
              opensAt: string
              /** @enum {unknown} */
              phase: 'draft' | 'upcoming' | 'open' | 'closed' | 'archived'
              pollId: string
              publishedAt: string | null
              publishedBy: string | null
              questions: components['schemas']['def-1'][]
              /** @enum {unknown} */
              results: 'live' | 'after_close' | 'staff_only'
              /** @description GET …/results answers now */
              resultsAvailable: boolean
              /** @enum {unknown} */
              rule: 'verified_phone' | 'invitation' | 'open'
              ruleLabel: {
                en: string
                onePerPerson: boolean
                zh: string
              }
              settled: boolean
              /** @enum {unknown} */
              status: 'draft' | 'published' | 'closed' | 'archived'
              title: string
              /** Format: date-time */
              updatedAt: string
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
  '/api/v1/polls/{pollId}/closes-at': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    /** Staff: move the closing time of a running poll later */
    put: {
      parameters: {
        query?: never
        header?: never
        path: {
          pollId: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            /**
             * Format: date-time
             * @description an ISO 8601 instant with its offset; the web app shows Asia/Shanghai
             */
            closesAt: string
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
              archivedAt: string | null
              /** @description the final count, once closed */
              ballots: number | null
              closedAt: string | null
              closedBy: string | null
              /** Format: date-time */
              closesAt: string
              /** Format: date-time */
              createdAt: string
              createdBy: string
              departmentId: string | null
              description: string
              duplicatedFrom: string | null
              /** Format: date-time */
              opensAt: string
              /** @enum {unknown} */
              phase: 'draft' | 'upcoming' | 'open' | 'closed' | 'archived'
              pollId: string
              publishedAt: string | null
              publishedBy: string | null
              questions: components['schemas']['def-1'][]
              /** @enum {unknown} */
              results: 'live' | 'after_close' | 'staff_only'
              /** @description GET …/results answers now */
              resultsAvailable: boolean
              /** @enum {unknown} */
              rule: 'verified_phone' | 'invitation' | 'open'
              ruleLabel: {
                en: string
                onePerPerson: boolean
                zh: string
              }
              settled: boolean
              /** @enum {unknown} */
              status: 'draft' | 'published' | 'closed' | 'archived'
              title: string
              /** Format: date-time */
              updatedAt: string
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
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/polls/{pollId}/comments/{commentId}/escalation': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** Staff: turn a free-text answer into a case (tracking opens it with channel poll) */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          commentId: string
          pollId: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            /** @enum {unknown} */
            category: 'complaint' | 'report' | 'suggestion' | 'consultation' | 'praise'
            /** Format: one-line */
            subject: string
            /** @description the case text, personal data removed (default: the approved text, or the answer scrubbed) */
            text?: string
          }
        }
      }
      responses: {
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              commentId: string
              day: string
              escalated: boolean
              publicText: string | null
              questionId: string
              questionTitle: string
              /** @enum {unknown} */
              status: 'pending' | 'approved' | 'rejected'
              /** @description as the voter wrote it (staff only) */
              text: string
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
  '/api/v1/polls/{pollId}/comments/{commentId}/moderation': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** Staff: approve a free-text answer (with personal data removed) or reject it */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          commentId: string
          pollId: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            /** @enum {unknown} */
            decision: 'approve' | 'reject'
            /** @description approve: the text to publish, personal data removed (default: the answer scrubbed) */
            text?: string
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
              commentId: string
              day: string
              escalated: boolean
              publicText: string | null
              questionId: string
              questionTitle: string
              /** @enum {unknown} */
              status: 'pending' | 'approved' | 'rejected'
              /** @description as the voter wrote it (staff only) */
              text: string
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
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/polls/{pollId}/duplicate': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** Staff: a new draft with this poll’s settings and questions */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          pollId: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              archivedAt: string | null
              /** @description the final count, once closed */
              ballots: number | null
              closedAt: string | null
              closedBy: string | null
              /** Format: date-time */
              closesAt: string
              /** Format: date-time */
              createdAt: string
              createdBy: string
              departmentId: string | null
              description: string
              duplicatedFrom: string | null
              /** Format: date-time */
              opensAt: string
              /** @enum {unknown} */
              phase: 'draft' | 'upcoming' | 'open' | 'closed' | 'archived'
              pollId: string
              publishedAt: string | null
              publishedBy: string | null
              questions: components['schemas']['def-1'][]
              /** @enum {unknown} */
              results: 'live' | 'after_close' | 'staff_only'
              /** @description GET …/results answers now */
              resultsAvailable: boolean
              /** @enum {unknown} */
              rule: 'verified_phone' | 'invitation' | 'open'
              ruleLabel: {
                en: string
                onePerPerson: boolean
                zh: string
              }
              settled: boolean
              /** @enum {unknown} */
              status: 'draft' | 'published' | 'closed' | 'archived'
              title: string
              /** Format: date-time */
              updatedAt: string
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
  '/api/v1/polls/{pollId}/invitations': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Staff: invite the numbers of a CSV (an invitation poll, before it closes)
     * @description At most 5000 numbers per upload. A number invited before is reported, not sent again.
     */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          pollId: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            /** @description CSV text: a mainland mobile number in the first column of each row (a header row is allowed) */
            csv: string
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
              /** @description numbers that get a code by SMS */
              accepted: number
              /** @description invitations of this poll in all */
              invited: number
              /** @description rows refused, by line number (the number itself is not repeated) */
              rejected: {
                line: number
                /** @enum {unknown} */
                reason: 'not_a_mobile_number' | 'duplicate_in_file' | 'already_invited' | 'too_many_rows'
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
  '/api/v1/polls/{pollId}/publish': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** Staff: publish a draft (its questions are frozen) */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          pollId: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            /** @description the version read (optimistic) */
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
              archivedAt: string | null
              /** @description the final count, once closed */
              ballots: number | null
              closedAt: string | null
              closedBy: string | null
              /** Format: date-time */
              closesAt: string
              /** Format: date-time */
              createdAt: string
              createdBy: string
              departmentId: string | null
              description: string
              duplicatedFrom: string | null
              /** Format: date-time */
              opensAt: string
              /** @enum {unknown} */
              phase: 'draft' | 'upcoming' | 'open' | 'closed' | 'archived'
              pollId: string
              publishedAt: string | null
              publishedBy: string | null
              questions: components['schemas']['def-1'][]
              /** @enum {unknown} */
              results: 'live' | 'after_close' | 'staff_only'
              /** @description GET …/results answers now */
              resultsAvailable: boolean
              /** @enum {unknown} */
              rule: 'verified_phone' | 'invitation' | 'open'
              ruleLabel: {
                en: string
                onePerPerson: boolean
                zh: string
              }
              settled: boolean
              /** @enum {unknown} */
              status: 'draft' | 'published' | 'closed' | 'archived'
              title: string
              /** Format: date-time */
              updatedAt: string
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
  '/api/v1/polls/{pollId}/results': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** The results, when the poll’s visibility allows (live, after closing; never staff_only) */
    get: {
      parameters: {
        query?: never
        header?: never
        path: {
          pollId: string
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
              /** @description cast ballots counted */
              ballots: number
              /** @description the poll is closed and settled: the numbers no longer change */
              final: boolean
              /** @enum {unknown} */
              phase: 'draft' | 'upcoming' | 'open' | 'closed' | 'archived'
              pollId: string
              questions: {
                /** @description ballots that answered this question */
                answered: number
                /** @description approved free text, personal data removed */
                comments?: {
                  commentId: string
                  text: string
                }[]
                items?: {
                  /** @description answers on the five levels */
                  answers: number
                  distribution: {
                    count: number
                    label: string
                    /**
                     * @description 非常满意 / 满意 / 基本满意 / 不满意 / 非常不满意
                     * @enum {unknown}
                     */
                    level:
                      | 'very_satisfied'
                      | 'satisfied'
                      | 'basically_satisfied'
                      | 'dissatisfied'
                      | 'very_dissatisfied'
                    share: number
                  }[]
                  itemId: string
                  label: string
                  /** @description 非常满意 5 … 非常不满意 1 */
                  mean: number | null
                  satisfactionRate: {
                    high: number
                    /** @description 95 % Wilson interval */
                    low: number
                    rate: number
                    /** @description all answers on the five levels */
                    sample: number
                    /** @description 非常满意 + 满意 + 基本满意 */
                    satisfied: number
                  } | null
                }[]
                kind: string
                levels?: {
                  /** @description answers on the five levels */
                  answers: number
                  distribution: {
                    count: number
                    label: string
                    /**
                     * @description 非常满意 / 满意 / 基本满意 / 不满意 / 非常不满意
                     * @enum {unknown}
                     */
                    level:
                      | 'very_satisfied'
                      | 'satisfied'
                      | 'basically_satisfied'
                      | 'dissatisfied'
                      | 'very_dissatisfied'
                    share: number
                  }[]
                  /** @description 非常满意 5 … 非常不满意 1 */
                  mean: number | null
                  satisfactionRate: {
                    high: number
                    /** @description 95 % Wilson interval */
                    low: number
                    rate: number
                    /** @description all answers on the five levels */
                    sample: number
                    /** @description 非常满意 + 满意 + 基本满意 */
                    satisfied: number
                  } | null
                }
                options?: {
                  count: number
                  label: string
                  optionId: string
                  /** @description count / answered: per option, not per combination */
                  share: number
                }[]
                /** @description staff: answers awaiting moderation */
                pendingComments?: number
                questionId: string
                title: string
              }[]
              /** @enum {unknown} */
              rule: 'verified_phone' | 'invitation' | 'open'
              ruleLabel: {
                en: string
                onePerPerson: boolean
                zh: string
              }
              title: string
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
  '/api/v1/polls/{pollId}/verification': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Send a one-time code to a mobile number (a verified_phone poll)
     * @description Answers 202 when the code is on its way by SMS: 6 digits, valid 5 minutes, 5 tries. One code a minute and five an hour per number; the per-address limit is the route’s.
     */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          pollId: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            /** @description a mainland mobile number (optionally +86) */
            phone: string
          }
        }
      }
      responses: {
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              /** Format: date-time */
              expiresAt: string
              /**
               * Format: date-time
               * @description no new code for this number before
               */
              resendAfter: string
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
  '/api/v1/polls/{pollId}/verification/confirm': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** Confirm the code: answers a short-lived voting token */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          pollId: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            code: string
            /** @description a mainland mobile number (optionally +86) */
            phone: string
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
              expiresAt: string
              /** @description send it with the ballot; it votes once */
              token: string
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
  '/api/v1/polls/manage': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Staff: every poll, drafts included, newest first */
    get: {
      parameters: {
        query?: {
          cursor?: string
          limit?: number
          status?: 'draft' | 'published' | 'closed' | 'archived'
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
                archivedAt: string | null
                /** @description the final count, once closed */
                ballots: number | null
                closedAt: string | null
                closedBy: string | null
                /** Format: date-time */
                closesAt: string
                /** Format: date-time */
                createdAt: string
                createdBy: string
                departmentId: string | null
                description: string
                duplicatedFrom: string | null
                /** Format: date-time */
                opensAt: string
                /** @enum {unknown} */
                phase: 'draft' | 'upcoming' | 'open' | 'closed' | 'archived'
                pollId: string
                publishedAt: string | null
                publishedBy: string | null
                /** @enum {unknown} */
                results: 'live' | 'after_close' | 'staff_only'
                /** @description GET …/results answers now */
                resultsAvailable: boolean
                /** @enum {unknown} */
                rule: 'verified_phone' | 'invitation' | 'open'
                ruleLabel: {
                  en: string
                  onePerPerson: boolean
                  zh: string
                }
                settled: boolean
                /** @enum {unknown} */
                status: 'draft' | 'published' | 'closed' | 'archived'
                title: string
                /** Format: date-time */
                updatedAt: string
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
  '/api/v1/polls/manage/{pollId}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Staff: a poll in any state (a draft’s preview), with its version */
    get: {
      parameters: {
        query?: never
        header?: never
        path: {
          pollId: string
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
              archivedAt: string | null
              /** @description the final count, once closed */
              ballots: number | null
              closedAt: string | null
              closedBy: string | null
              /** Format: date-time */
              closesAt: string
              /** Format: date-time */
              createdAt: string
              createdBy: string
              departmentId: string | null
              description: string
              duplicatedFrom: string | null
              /** Format: date-time */
              opensAt: string
              /** @enum {unknown} */
              phase: 'draft' | 'upcoming' | 'open' | 'closed' | 'archived'
              pollId: string
              publishedAt: string | null
              publishedBy: string | null
              questions: components['schemas']['def-1'][]
              /** @enum {unknown} */
              results: 'live' | 'after_close' | 'staff_only'
              /** @description GET …/results answers now */
              resultsAvailable: boolean
              /** @enum {unknown} */
              rule: 'verified_phone' | 'invitation' | 'open'
              ruleLabel: {
                en: string
                onePerPerson: boolean
                zh: string
              }
              settled: boolean
              /** @enum {unknown} */
              status: 'draft' | 'published' | 'closed' | 'archived'
              title: string
              /** Format: date-time */
              updatedAt: string
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
  '/api/v1/polls/manage/{pollId}/ballots.csv': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * Staff: the anonymous ballots as CSV (day and answers; free text as moderated)
     * @description Rows in the order of the ballots’ random ids: no time, no order of casting.
     */
    get: {
      parameters: {
        query?: never
        header?: never
        path: {
          pollId: string
        }
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
        /** @description RFC 9457 problem details */
        404: {
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
  '/api/v1/polls/manage/{pollId}/comments': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Staff: free-text answers to moderate (status pending by default) */
    get: {
      parameters: {
        query?: {
          status?: 'pending' | 'approved' | 'rejected'
        }
        header?: never
        path: {
          pollId: string
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
              items: components['schemas']['def-4'][]
              truncated: boolean
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
  '/api/v1/polls/manage/{pollId}/invitations': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Staff: how many numbers are invited */
    get: {
      parameters: {
        query?: never
        header?: never
        path: {
          pollId: string
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
              invited: number
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
  '/api/v1/polls/manage/{pollId}/results': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Staff: the results at any time (the dashboard while the poll runs) */
    get: {
      parameters: {
        query?: never
        header?: never
        path: {
          pollId: string
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
              /** @description cast ballots counted */
              ballots: number
              /** @description the poll is closed and settled: the numbers no longer change */
              final: boolean
              /** @enum {unknown} */
              phase: 'draft' | 'upcoming' | 'open' | 'closed' | 'archived'
              pollId: string
              questions: {
                /** @description ballots that answered this question */
                answered: number
                /** @description approved free text, personal data removed */
                comments?: {
                  commentId: string
                  text: string
                }[]
                items?: {
                  /** @description answers on the five levels */
                  answers: number
                  distribution: {
                    count: number
                    label: string
                    /**
                     * @description 非常满意 / 满意 / 基本满意 / 不满意 / 非常不满意
                     * @enum {unknown}
                     */
                    level:
                      | 'very_satisfied'
                      | 'satisfied'
                      | 'basically_satisfied'
                      | 'dissatisfied'
                      | 'very_dissatisfied'
                    share: number
                  }[]
                  itemId: string
                  label: string
                  /** @description 非常满意 5 … 非常不满意 1 */
                  mean: number | null
                  satisfactionRate: {
                    high: number
                    /** @description 95 % Wilson interval */
                    low: number
                    rate: number
                    /** @description all answers on the five levels */
                    sample: number
                    /** @description 非常满意 + 满意 + 基本满意 */
                    satisfied: number
                  } | null
                }[]
                kind: string
                levels?: {
                  /** @description answers on the five levels */
                  answers: number
                  distribution: {
                    count: number
                    label: string
                    /**
                     * @description 非常满意 / 满意 / 基本满意 / 不满意 / 非常不满意
                     * @enum {unknown}
                     */
                    level:
                      | 'very_satisfied'
                      | 'satisfied'
                      | 'basically_satisfied'
                      | 'dissatisfied'
                      | 'very_dissatisfied'
                    share: number
                  }[]
                  /** @description 非常满意 5 … 非常不满意 1 */
                  mean: number | null
                  satisfactionRate: {
                    high: number
                    /** @description 95 % Wilson interval */
                    low: number
                    rate: number
                    /** @description all answers on the five levels */
                    sample: number
                    /** @description 非常满意 + 满意 + 基本满意 */
                    satisfied: number
                  } | null
                }
                options?: {
                  count: number
                  label: string
                  optionId: string
                  /** @description count / answered: per option, not per combination */
                  share: number
                }[]
                /** @description staff: answers awaiting moderation */
                pendingComments?: number
                questionId: string
                title: string
              }[]
              /** @enum {unknown} */
              rule: 'verified_phone' | 'invitation' | 'open'
              ruleLabel: {
                en: string
                onePerPerson: boolean
                zh: string
              }
              title: string
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
  '/api/v1/polls/manage/{pollId}/results.csv': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Staff: the aggregate results as CSV */
    get: {
      parameters: {
        query?: never
        header?: never
        path: {
          pollId: string
        }
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
        /** @description RFC 9457 problem details */
        404: {
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
    /** PollQuestion */
    'def-1': {
      items?: {
        itemId: string
        label: string
      }[]
      /** @enum {unknown} */
      kind: 'single' | 'multiple' | 'satisfaction' | 'appraisal' | 'text'
      max?: number
      maxLength?: number
      min?: number
      options?: {
        label: string
        optionId: string
      }[]
      questionId: string
      required: boolean
      title: string
    }
    /** QuestionInput */
    'def-2': {
      /** @description appraisal: the departments or items rated */
      items?: string[]
      /** @enum {unknown} */
      kind: 'single' | 'multiple' | 'satisfaction' | 'appraisal' | 'text'
      /** @description multiple: most selections */
      max?: number
      /** @description free text: longest answer (default 1000) */
      maxLength?: number
      /** @description multiple: fewest selections */
      min?: number
      /** @description single and multiple choice */
      options?: string[]
      /** @description default true, except for free text (default false) */
      required?: boolean
      /** Format: one-line */
      title: string
    }
    /** AnswerInput */
    'def-3': {
      /** @description single choice: the optionId */
      choice?: string
      /** @description multiple choice: the optionIds */
      choices?: string[]
      /**
       * @description 非常满意 / 满意 / 基本满意 / 不满意 / 非常不满意
       * @enum {unknown}
       */
      level?: 'very_satisfied' | 'satisfied' | 'basically_satisfied' | 'dissatisfied' | 'very_dissatisfied'
      questionId: string
      /** @description appraisal: a level per department or item */
      ratings?: {
        itemId: string
        /**
         * @description 非常满意 / 满意 / 基本满意 / 不满意 / 非常不满意
         * @enum {unknown}
         */
        level: 'very_satisfied' | 'satisfied' | 'basically_satisfied' | 'dissatisfied' | 'very_dissatisfied'
      }[]
      /** @description free text */
      text?: string
    }
    /** StaffComment */
    'def-4': {
      commentId: string
      day: string
      escalated: boolean
      publicText: string | null
      questionId: string
      questionTitle: string
      /** @enum {unknown} */
      status: 'pending' | 'approved' | 'rejected'
      /** @description as the voter wrote it (staff only) */
      text: string
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
