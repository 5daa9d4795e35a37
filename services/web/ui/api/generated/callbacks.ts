// Generated from the callbacks service's OpenAPI document by services/web/scripts/api-types.ts — do not
// edit: run `pnpm --filter @tingjian/web api-types` after changing a route's schema.
export interface paths {
  '/api/v1/callbacks/officers/me': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** The officer's own phone */
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
              endpoint: string | null
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
    /** Set the officer's own phone (E.164 or client:<name>) */
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
            endpoint: string
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
              endpoint: string | null
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
  '/api/v1/callbacks/policy': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** The callback policy in force (the defaults while none is stored: version 0) */
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
              automated: {
                serviceTypes: string[]
                subjectKinds: ('case' | 'service_record')[]
              }
              callingHours: {
                from: string
                to: string
              }[]
              cases: {
                categoryRates: {
                  complaint?: number
                  consultation?: number
                  praise?: number
                  report?: number
                  suggestion?: number
                }
                defaultRate: number
                departmentRates: {
                  [key: string]: number
                }
                dissatisfiedRate: number
                reopenOnDissatisfied: boolean
              }
              seed: string
              /** @description rates per stratum `<office>|<serviceType>` */
              serviceRecords: {
                defaultRate: number
                rates: {
                  [key: string]: number
                }
              }
              updatedAt: string | null
              updatedBy: string | null
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
      }
    }
    /** Replace the callback policy (with the version read; 409 when it changed meanwhile) */
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
            automated: {
              serviceTypes: string[]
              subjectKinds: ('case' | 'service_record')[]
            }
            callingHours: {
              from: string
              to: string
            }[]
            cases: {
              categoryRates: {
                complaint?: number
                consultation?: number
                praise?: number
                report?: number
                suggestion?: number
              }
              defaultRate: number
              departmentRates: {
                [key: string]: number
              }
              dissatisfiedRate: number
              reopenOnDissatisfied: boolean
            }
            seed: string
            /** @description rates per stratum `<office>|<serviceType>` */
            serviceRecords: {
              defaultRate: number
              rates: {
                [key: string]: number
              }
            }
            /** @description the version read (0: the defaults, nothing stored yet) */
            version?: number
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
              automated: {
                serviceTypes: string[]
                subjectKinds: ('case' | 'service_record')[]
              }
              callingHours: {
                from: string
                to: string
              }[]
              cases: {
                categoryRates: {
                  complaint?: number
                  consultation?: number
                  praise?: number
                  report?: number
                  suggestion?: number
                }
                defaultRate: number
                departmentRates: {
                  [key: string]: number
                }
                dissatisfiedRate: number
                reopenOnDissatisfied: boolean
              }
              seed: string
              /** @description rates per stratum `<office>|<serviceType>` */
              serviceRecords: {
                defaultRate: number
                rates: {
                  [key: string]: number
                }
              }
              updatedAt: string | null
              updatedBy: string | null
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
  '/api/v1/callbacks/public/monthly': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** A month’s callback figures per department (Asia/Shanghai; default the current month): callback rate and satisfaction with its sample and interval — no names, numbers, offices or staff */
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
              departments: {
                callbackRate: number | null
                completed: number
                departmentId: string
                departmentName: string | null
                eligible: number
                satisfaction: {
                  coverage: number | null
                  interval: {
                    high: number
                    low: number
                  } | null
                  /**
                   * @description stratified: the group mixes sampling rates; the estimate is weighted by stratum population
                   * @enum {unknown}
                   */
                  method: 'wilson' | 'stratified'
                  /** @description answered the satisfaction question */
                  n: number
                  rate: number | null
                  /** @description 非常满意 + 满意 + 基本满意 */
                  satisfied: number
                  strata: number
                }
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
  '/api/v1/callbacks/scripts': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** The scripts of their own (the default one first) */
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
                custom: boolean
                intro: {
                  en: string
                  zh: string
                }
                questions: {
                  /** @enum {unknown} */
                  key: 'feeCorrect' | 'amountPaid' | 'attitude' | 'promiseKept' | 'satisfaction' | 'comment'
                  keypad: string | null
                  text: {
                    en: string
                    zh: string
                  }
                }[]
                serviceType: string
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
  '/api/v1/callbacks/scripts/{serviceType}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** A service type's script (the default one when it has none of its own) */
    get: {
      parameters: {
        query?: never
        header?: never
        path: {
          serviceType: string
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
              custom: boolean
              intro: {
                en: string
                zh: string
              }
              questions: {
                /** @enum {unknown} */
                key: 'feeCorrect' | 'amountPaid' | 'attitude' | 'promiseKept' | 'satisfaction' | 'comment'
                keypad: string | null
                text: {
                  en: string
                  zh: string
                }
              }[]
              serviceType: string
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
    /** Replace a service type's script */
    put: {
      parameters: {
        query?: never
        header?: never
        path: {
          serviceType: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            intro: {
              en: string
              zh: string
            }
            questions: {
              /** @enum {unknown} */
              key: 'feeCorrect' | 'amountPaid' | 'attitude' | 'promiseKept' | 'satisfaction' | 'comment'
              keypad?: string | null
              text: {
                en: string
                zh: string
              }
            }[]
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
              custom: boolean
              intro: {
                en: string
                zh: string
              }
              questions: {
                /** @enum {unknown} */
                key: 'feeCorrect' | 'amountPaid' | 'attitude' | 'promiseKept' | 'satisfaction' | 'comment'
                keypad: string | null
                text: {
                  en: string
                  zh: string
                }
              }[]
              serviceType: string
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
  '/api/v1/callbacks/service-records': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** Import a batch of service records (JSON, 1–1,000): each row checked, a report of accepted, duplicate and rejected rows. Staff (admin, supervisor) or a source’s `Authorization: ApiKey <key>` (its own records) */
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
            records: ({
              /** @description the applicant’s name, one line, ≤ 50 (sealed when stored) */
              applicantName?: unknown
              /** @description a mainland mobile or fixed-line number (sealed when stored) */
              applicantPhone?: unknown
              /** @description ISO 8601 date-time with its offset, not in the future */
              completedAt?: unknown
              /** @description a department code or id known from identity */
              department?: unknown
              /** @description yuan, ≥ 0, at most two decimals */
              feeCharged?: unknown
              /** @description the fee schedule’s amount, yuan, ≥ 0, at most two decimals */
              feeSchedule?: unknown
              /** @description office or hall, one line, ≤ 100 */
              office?: unknown
              /** @description whole days 0–365 */
              promisedDays?: unknown
              /** @description its record id, 1–64 of A-Z a-z 0-9 _ . : - (source + recordId de-duplicate) */
              recordId?: unknown
              /** @description passport, id_card, vehicle_licence, household_registration, … (a-z and _, ≤ 40) */
              serviceType?: unknown
              /** @description the business system: 1–64 of a-z, 0-9, - (with an API key: that key’s source) */
              source?: unknown
              /** @description optional: the staff number, 1–20 of A-Z a-z 0-9 - */
              staffNumber?: unknown
              /** @description optional: the window, one line, ≤ 50 */
              window?: unknown
            } & {
              [key: string]: unknown
            })[]
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
              accepted: number
              /** @description already stored, or repeated within the request: nothing added */
              duplicates: number
              importId: string
              received: number
              rejected: {
                errors: {
                  field: string
                  message: string
                }[]
                recordId: string | null
                /** @description 1-based data row of a JSON batch; for a CSV, its line number */
                row: number
              }[]
              /** @description accepted records drawn for a callback (each became a task) */
              sampled: number
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
  '/api/v1/callbacks/service-records/import': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** Import service records from a CSV file (text/csv, or multipart with one file; ≤ 5 MB, ≤ 10000 rows; UTF-8 with or without a byte-order mark; the header names the JSON fields): the report names rejected rows by line */
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
              accepted: number
              /** @description already stored, or repeated within the request: nothing added */
              duplicates: number
              importId: string
              received: number
              rejected: {
                errors: {
                  field: string
                  message: string
                }[]
                recordId: string | null
                /** @description 1-based data row of a JSON batch; for a CSV, its line number */
                row: number
              }[]
              /** @description accepted records drawn for a callback (each became a task) */
              sampled: number
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
  '/api/v1/callbacks/service-records/imports': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Imports, newest first (their counts; one import’s rejected rows at /imports/{importId}) */
    get: {
      parameters: {
        query?: {
          cursor?: string
          limit?: number
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
                accepted: number
                /** Format: date-time */
                at: string
                /** @description already stored, or repeated within the request: nothing added */
                duplicates: number
                /** @enum {unknown} */
                format: 'json' | 'csv'
                importedBy: {
                  id: string
                  /** @enum {unknown} */
                  kind: 'staff' | 'source'
                }
                importId: string
                received: number
                /** @description rows rejected */
                rejected: number
                /** @description accepted records drawn for a callback (each became a task) */
                sampled: number
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
  '/api/v1/callbacks/service-records/imports/{importId}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** One import’s report */
    get: {
      parameters: {
        query?: never
        header?: never
        path: {
          importId: string
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
              accepted: number
              /** Format: date-time */
              at: string
              /** @description already stored, or repeated within the request: nothing added */
              duplicates: number
              /** @enum {unknown} */
              format: 'json' | 'csv'
              importedBy: {
                id: string
                /** @enum {unknown} */
                kind: 'staff' | 'source'
              }
              importId: string
              received: number
              rejected: {
                errors: {
                  field: string
                  message: string
                }[]
                recordId: string | null
                /** @description 1-based data row of a JSON batch; for a CSV, its line number */
                row: number
              }[]
              /** @description accepted records drawn for a callback (each became a task) */
              sampled: number
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
  '/api/v1/callbacks/sources': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** The registered sources (never their keys) */
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
                createdAt: string
                createdBy: string
                name: string
                revokedAt: string | null
                source: string
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
    /** Register a business system that sends service records; its API key is in this answer only (a revoked source is registered again with a new key) */
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
            /** Format: one-line */
            name: string
            source: string
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
              /** @description shown once: send it as `Authorization: ApiKey <key>` */
              apiKey: string
              /** Format: date-time */
              createdAt: string
              createdBy: string
              name: string
              revokedAt: string | null
              source: string
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
  '/api/v1/callbacks/sources/{source}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    post?: never
    /** Revoke a source’s API key (its records stay) */
    delete: {
      parameters: {
        query?: never
        header?: never
        path: {
          source: string
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
              createdAt: string
              createdBy: string
              name: string
              revokedAt: string | null
              source: string
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
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/callbacks/stats': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Callback KPIs per department, office, staff number, service type or month: callback rate (回访率), satisfaction (满意率) with its sample and 95 % interval (stratified where sampling rates differ), fee problems, attitude, promises kept */
    get: {
      parameters: {
        query?: {
          departmentId?: string
          from?: string
          /** @description default department */
          groupBy?: 'department' | 'office' | 'staffNumber' | 'serviceType' | 'month'
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
              groupBy: 'department' | 'office' | 'staffNumber' | 'serviceType' | 'month'
              rows: {
                attitude: {
                  mean: number | null
                  n: number
                }
                callbackRate: number | null
                completed: number
                /** @description tasks created */
                eligible: number
                feeProblems: number
                group: string | null
                name: string | null
                promisesKept: {
                  kept: number
                  n: number
                  rate: number | null
                }
                satisfaction: {
                  coverage: number | null
                  interval: {
                    high: number
                    low: number
                  } | null
                  /**
                   * @description stratified: the group mixes sampling rates; the estimate is weighted by stratum population
                   * @enum {unknown}
                   */
                  method: 'wilson' | 'stratified'
                  /** @description answered the satisfaction question */
                  n: number
                  rate: number | null
                  /** @description 非常满意 + 满意 + 基本满意 */
                  satisfied: number
                  strata: number
                }
                unreachable: number
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
  '/api/v1/callbacks/stats.csv': {
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
          /** @description default department */
          groupBy?: 'department' | 'office' | 'staffNumber' | 'serviceType' | 'month'
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
  '/api/v1/callbacks/tasks': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Tasks: a supervisor's view of all, an officer's of the open ones and their own */
    get: {
      parameters: {
        query?: {
          caseId?: string
          cursor?: string
          limit?: number
          /** @description only the tasks the caller holds */
          mine?: boolean
          mode?: 'staff' | 'automated'
          serviceType?: string
          status?: 'open' | 'claimed' | 'completed' | 'unreachable'
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
                answers: {
                  amountPaid: number | null
                  attitude: number | null
                  comment: string | null
                  feeCorrect: boolean | null
                  promiseKept: boolean | null
                  satisfaction:
                    | (
                        | 'very_satisfied'
                        | 'satisfied'
                        | 'basically_satisfied'
                        | 'dissatisfied'
                        | 'very_dissatisfied'
                      )
                    | null
                } | null
                applicantNameMasked: string | null
                attempts: {
                  /** Format: date-time */
                  at: string
                  by: string | null
                  callBackAt?: string | null
                  callId: string | null
                  /** @enum {unknown} */
                  channel: 'staff' | 'automated'
                  n: number
                  note: string | null
                  /** @enum {unknown} */
                  outcome:
                    | 'completed'
                    | 'no_answer'
                    | 'busy'
                    | 'wrong_number'
                    | 'refused'
                    | 'call_back_later'
                    | 'machine'
                    | 'no_input'
                    | 'hung_up'
                }[]
                calls: {
                  /** Format: date-time */
                  at: string
                  attempt: number
                  by: string
                  callId: string
                  dialStatus?: string | null
                }[]
                caseId: string | null
                claim: {
                  /** Format: date-time */
                  at: string
                  by: string
                } | null
                closedAt: string | null
                closedReason: ('unreachable' | 'wrong_number' | 'refused') | null
                /** Format: date-time */
                createdAt: string
                departmentId: string
                /** Format: date-time */
                dueFrom: string
                id: string
                /** @enum {unknown} */
                mode: 'staff' | 'automated'
                notBefore: string | null
                office: string | null
                phoneMasked: string
                reveals: {
                  /** Format: date-time */
                  at: string
                  by: string
                }[]
                samplingRate: number
                serviceRecord: {
                  recordId: string
                  source: string
                } | null
                serviceType: string
                staffNumber: string | null
                /** @enum {unknown} */
                status: 'open' | 'claimed' | 'completed' | 'unreachable'
                stratum: string
                /** @enum {unknown} */
                subjectKind: 'case' | 'service_record'
                trackingCode: string | null
                version: number
                window: string | null
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
  '/api/v1/callbacks/tasks/{id}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** One task with its script, its masked number and the service record it is about */
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
              record: {
                /** Format: date-time */
                completedAt: string
                feeCharged: number
                feeSchedule: number
                office: string
                promisedDays: number
                recordId: string
                serviceType: string
                source: string
                staffNumber: string | null
                window: string | null
              } | null
              script: {
                custom: boolean
                intro: {
                  en: string
                  zh: string
                }
                questions: {
                  /** @enum {unknown} */
                  key: 'feeCorrect' | 'amountPaid' | 'attitude' | 'promiseKept' | 'satisfaction' | 'comment'
                  keypad: string | null
                  text: {
                    en: string
                    zh: string
                  }
                }[]
                serviceType: string
              }
              task: {
                answers: {
                  amountPaid: number | null
                  attitude: number | null
                  comment: string | null
                  feeCorrect: boolean | null
                  promiseKept: boolean | null
                  satisfaction:
                    | (
                        | 'very_satisfied'
                        | 'satisfied'
                        | 'basically_satisfied'
                        | 'dissatisfied'
                        | 'very_dissatisfied'
                      )
                    | null
                } | null
                applicantNameMasked: string | null
                attempts: {
                  /** Format: date-time */
                  at: string
                  by: string | null
                  callBackAt?: string | null
                  callId: string | null
                  /** @enum {unknown} */
                  channel: 'staff' | 'automated'
                  n: number
                  note: string | null
                  /** @enum {unknown} */
                  outcome:
                    | 'completed'
                    | 'no_answer'
                    | 'busy'
                    | 'wrong_number'
                    | 'refused'
                    | 'call_back_later'
                    | 'machine'
                    | 'no_input'
                    | 'hung_up'
                }[]
                calls: {
                  /** Format: date-time */
                  at: string
                  attempt: number
                  by: string
                  callId: string
                  dialStatus?: string | null
                }[]
                caseId: string | null
                claim: {
                  /** Format: date-time */
                  at: string
                  by: string
                } | null
                closedAt: string | null
                closedReason: ('unreachable' | 'wrong_number' | 'refused') | null
                /** Format: date-time */
                createdAt: string
                departmentId: string
                /** Format: date-time */
                dueFrom: string
                id: string
                /** @enum {unknown} */
                mode: 'staff' | 'automated'
                notBefore: string | null
                office: string | null
                phoneMasked: string
                reveals: {
                  /** Format: date-time */
                  at: string
                  by: string
                }[]
                samplingRate: number
                serviceRecord: {
                  recordId: string
                  source: string
                } | null
                serviceType: string
                staffNumber: string | null
                /** @enum {unknown} */
                status: 'open' | 'claimed' | 'completed' | 'unreachable'
                stratum: string
                /** @enum {unknown} */
                subjectKind: 'case' | 'service_record'
                trackingCode: string | null
                version: number
                window: string | null
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
  '/api/v1/callbacks/tasks/{id}/attempts': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** Record an attempt's outcome (completed with the answers; no answer, busy, wrong number, refused, call back later) */
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
            /** @description what the citizen said; a question not asked or not answered is null */
            answers?: {
              amountPaid?: number | null
              attitude?: number | null
              comment?: string | null
              feeCorrect?: boolean | null
              promiseKept?: boolean | null
              satisfaction?:
                | (
                    | 'very_satisfied'
                    | 'satisfied'
                    | 'basically_satisfied'
                    | 'dissatisfied'
                    | 'very_dissatisfied'
                  )
                | null
            }
            /**
             * Format: date-time
             * @description call_back_later: when the citizen asked (calling hours)
             */
            at?: string
            /** @description the officer's note (no numbers or names) */
            note?: string
            /** @enum {unknown} */
            outcome: 'completed' | 'no_answer' | 'busy' | 'wrong_number' | 'refused' | 'call_back_later'
            /** @description the version the client saw */
            version?: number
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
              answers: {
                amountPaid: number | null
                attitude: number | null
                comment: string | null
                feeCorrect: boolean | null
                promiseKept: boolean | null
                satisfaction:
                  | (
                      | 'very_satisfied'
                      | 'satisfied'
                      | 'basically_satisfied'
                      | 'dissatisfied'
                      | 'very_dissatisfied'
                    )
                  | null
              } | null
              applicantNameMasked: string | null
              attempts: {
                /** Format: date-time */
                at: string
                by: string | null
                callBackAt?: string | null
                callId: string | null
                /** @enum {unknown} */
                channel: 'staff' | 'automated'
                n: number
                note: string | null
                /** @enum {unknown} */
                outcome:
                  | 'completed'
                  | 'no_answer'
                  | 'busy'
                  | 'wrong_number'
                  | 'refused'
                  | 'call_back_later'
                  | 'machine'
                  | 'no_input'
                  | 'hung_up'
              }[]
              calls: {
                /** Format: date-time */
                at: string
                attempt: number
                by: string
                callId: string
                dialStatus?: string | null
              }[]
              caseId: string | null
              claim: {
                /** Format: date-time */
                at: string
                by: string
              } | null
              closedAt: string | null
              closedReason: ('unreachable' | 'wrong_number' | 'refused') | null
              /** Format: date-time */
              createdAt: string
              departmentId: string
              /** Format: date-time */
              dueFrom: string
              id: string
              /** @enum {unknown} */
              mode: 'staff' | 'automated'
              notBefore: string | null
              office: string | null
              phoneMasked: string
              reveals: {
                /** Format: date-time */
                at: string
                by: string
              }[]
              samplingRate: number
              serviceRecord: {
                recordId: string
                source: string
              } | null
              serviceType: string
              staffNumber: string | null
              /** @enum {unknown} */
              status: 'open' | 'claimed' | 'completed' | 'unreachable'
              stratum: string
              /** @enum {unknown} */
              subjectKind: 'case' | 'service_record'
              trackingCode: string | null
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
  '/api/v1/callbacks/tasks/{id}/call': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** Call the citizen: the officer's own phone rings, then the citizen's number (the officer never sees it) */
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
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              attempt: number
              callId: string
              task: {
                answers: {
                  amountPaid: number | null
                  attitude: number | null
                  comment: string | null
                  feeCorrect: boolean | null
                  promiseKept: boolean | null
                  satisfaction:
                    | (
                        | 'very_satisfied'
                        | 'satisfied'
                        | 'basically_satisfied'
                        | 'dissatisfied'
                        | 'very_dissatisfied'
                      )
                    | null
                } | null
                applicantNameMasked: string | null
                attempts: {
                  /** Format: date-time */
                  at: string
                  by: string | null
                  callBackAt?: string | null
                  callId: string | null
                  /** @enum {unknown} */
                  channel: 'staff' | 'automated'
                  n: number
                  note: string | null
                  /** @enum {unknown} */
                  outcome:
                    | 'completed'
                    | 'no_answer'
                    | 'busy'
                    | 'wrong_number'
                    | 'refused'
                    | 'call_back_later'
                    | 'machine'
                    | 'no_input'
                    | 'hung_up'
                }[]
                calls: {
                  /** Format: date-time */
                  at: string
                  attempt: number
                  by: string
                  callId: string
                  dialStatus?: string | null
                }[]
                caseId: string | null
                claim: {
                  /** Format: date-time */
                  at: string
                  by: string
                } | null
                closedAt: string | null
                closedReason: ('unreachable' | 'wrong_number' | 'refused') | null
                /** Format: date-time */
                createdAt: string
                departmentId: string
                /** Format: date-time */
                dueFrom: string
                id: string
                /** @enum {unknown} */
                mode: 'staff' | 'automated'
                notBefore: string | null
                office: string | null
                phoneMasked: string
                reveals: {
                  /** Format: date-time */
                  at: string
                  by: string
                }[]
                samplingRate: number
                serviceRecord: {
                  recordId: string
                  source: string
                } | null
                serviceType: string
                staffNumber: string | null
                /** @enum {unknown} */
                status: 'open' | 'claimed' | 'completed' | 'unreachable'
                stratum: string
                /** @enum {unknown} */
                subjectKind: 'case' | 'service_record'
                trackingCode: string | null
                version: number
                window: string | null
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
  '/api/v1/callbacks/tasks/{id}/claim': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** Claim this task (409 when another officer holds it or it is closed) */
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
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              answers: {
                amountPaid: number | null
                attitude: number | null
                comment: string | null
                feeCorrect: boolean | null
                promiseKept: boolean | null
                satisfaction:
                  | (
                      | 'very_satisfied'
                      | 'satisfied'
                      | 'basically_satisfied'
                      | 'dissatisfied'
                      | 'very_dissatisfied'
                    )
                  | null
              } | null
              applicantNameMasked: string | null
              attempts: {
                /** Format: date-time */
                at: string
                by: string | null
                callBackAt?: string | null
                callId: string | null
                /** @enum {unknown} */
                channel: 'staff' | 'automated'
                n: number
                note: string | null
                /** @enum {unknown} */
                outcome:
                  | 'completed'
                  | 'no_answer'
                  | 'busy'
                  | 'wrong_number'
                  | 'refused'
                  | 'call_back_later'
                  | 'machine'
                  | 'no_input'
                  | 'hung_up'
              }[]
              calls: {
                /** Format: date-time */
                at: string
                attempt: number
                by: string
                callId: string
                dialStatus?: string | null
              }[]
              caseId: string | null
              claim: {
                /** Format: date-time */
                at: string
                by: string
              } | null
              closedAt: string | null
              closedReason: ('unreachable' | 'wrong_number' | 'refused') | null
              /** Format: date-time */
              createdAt: string
              departmentId: string
              /** Format: date-time */
              dueFrom: string
              id: string
              /** @enum {unknown} */
              mode: 'staff' | 'automated'
              notBefore: string | null
              office: string | null
              phoneMasked: string
              reveals: {
                /** Format: date-time */
                at: string
                by: string
              }[]
              samplingRate: number
              serviceRecord: {
                recordId: string
                source: string
              } | null
              serviceType: string
              staffNumber: string | null
              /** @enum {unknown} */
              status: 'open' | 'claimed' | 'completed' | 'unreachable'
              stratum: string
              /** @enum {unknown} */
              subjectKind: 'case' | 'service_record'
              trackingCode: string | null
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
  '/api/v1/callbacks/tasks/{id}/release': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** Give the task back to the queue (its holder, or a supervisor) */
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
            /** @description the version the client saw */
            version?: number
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
              answers: {
                amountPaid: number | null
                attitude: number | null
                comment: string | null
                feeCorrect: boolean | null
                promiseKept: boolean | null
                satisfaction:
                  | (
                      | 'very_satisfied'
                      | 'satisfied'
                      | 'basically_satisfied'
                      | 'dissatisfied'
                      | 'very_dissatisfied'
                    )
                  | null
              } | null
              applicantNameMasked: string | null
              attempts: {
                /** Format: date-time */
                at: string
                by: string | null
                callBackAt?: string | null
                callId: string | null
                /** @enum {unknown} */
                channel: 'staff' | 'automated'
                n: number
                note: string | null
                /** @enum {unknown} */
                outcome:
                  | 'completed'
                  | 'no_answer'
                  | 'busy'
                  | 'wrong_number'
                  | 'refused'
                  | 'call_back_later'
                  | 'machine'
                  | 'no_input'
                  | 'hung_up'
              }[]
              calls: {
                /** Format: date-time */
                at: string
                attempt: number
                by: string
                callId: string
                dialStatus?: string | null
              }[]
              caseId: string | null
              claim: {
                /** Format: date-time */
                at: string
                by: string
              } | null
              closedAt: string | null
              closedReason: ('unreachable' | 'wrong_number' | 'refused') | null
              /** Format: date-time */
              createdAt: string
              departmentId: string
              /** Format: date-time */
              dueFrom: string
              id: string
              /** @enum {unknown} */
              mode: 'staff' | 'automated'
              notBefore: string | null
              office: string | null
              phoneMasked: string
              reveals: {
                /** Format: date-time */
                at: string
                by: string
              }[]
              samplingRate: number
              serviceRecord: {
                recordId: string
                source: string
              } | null
              serviceType: string
              staffNumber: string | null
              /** @enum {unknown} */
              status: 'open' | 'claimed' | 'completed' | 'unreachable'
              stratum: string
              /** @enum {unknown} */
              subjectKind: 'case' | 'service_record'
              trackingCode: string | null
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
  '/api/v1/callbacks/tasks/{id}/reveal': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** The number in clear (its holder, or a supervisor); recorded on the task's record */
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
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              phone: string
              task: {
                answers: {
                  amountPaid: number | null
                  attitude: number | null
                  comment: string | null
                  feeCorrect: boolean | null
                  promiseKept: boolean | null
                  satisfaction:
                    | (
                        | 'very_satisfied'
                        | 'satisfied'
                        | 'basically_satisfied'
                        | 'dissatisfied'
                        | 'very_dissatisfied'
                      )
                    | null
                } | null
                applicantNameMasked: string | null
                attempts: {
                  /** Format: date-time */
                  at: string
                  by: string | null
                  callBackAt?: string | null
                  callId: string | null
                  /** @enum {unknown} */
                  channel: 'staff' | 'automated'
                  n: number
                  note: string | null
                  /** @enum {unknown} */
                  outcome:
                    | 'completed'
                    | 'no_answer'
                    | 'busy'
                    | 'wrong_number'
                    | 'refused'
                    | 'call_back_later'
                    | 'machine'
                    | 'no_input'
                    | 'hung_up'
                }[]
                calls: {
                  /** Format: date-time */
                  at: string
                  attempt: number
                  by: string
                  callId: string
                  dialStatus?: string | null
                }[]
                caseId: string | null
                claim: {
                  /** Format: date-time */
                  at: string
                  by: string
                } | null
                closedAt: string | null
                closedReason: ('unreachable' | 'wrong_number' | 'refused') | null
                /** Format: date-time */
                createdAt: string
                departmentId: string
                /** Format: date-time */
                dueFrom: string
                id: string
                /** @enum {unknown} */
                mode: 'staff' | 'automated'
                notBefore: string | null
                office: string | null
                phoneMasked: string
                reveals: {
                  /** Format: date-time */
                  at: string
                  by: string
                }[]
                samplingRate: number
                serviceRecord: {
                  recordId: string
                  source: string
                } | null
                serviceType: string
                staffNumber: string | null
                /** @enum {unknown} */
                status: 'open' | 'claimed' | 'completed' | 'unreachable'
                stratum: string
                /** @enum {unknown} */
                subjectKind: 'case' | 'service_record'
                trackingCode: string | null
                version: number
                window: string | null
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
  '/api/v1/callbacks/tasks/next': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** Claim the next task (due soonest, then oldest); 204 when none is due, 409 outside calling hours */
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
              record: {
                /** Format: date-time */
                completedAt: string
                feeCharged: number
                feeSchedule: number
                office: string
                promisedDays: number
                recordId: string
                serviceType: string
                source: string
                staffNumber: string | null
                window: string | null
              } | null
              script: {
                custom: boolean
                intro: {
                  en: string
                  zh: string
                }
                questions: {
                  /** @enum {unknown} */
                  key: 'feeCorrect' | 'amountPaid' | 'attitude' | 'promiseKept' | 'satisfaction' | 'comment'
                  keypad: string | null
                  text: {
                    en: string
                    zh: string
                  }
                }[]
                serviceType: string
              }
              task: {
                answers: {
                  amountPaid: number | null
                  attitude: number | null
                  comment: string | null
                  feeCorrect: boolean | null
                  promiseKept: boolean | null
                  satisfaction:
                    | (
                        | 'very_satisfied'
                        | 'satisfied'
                        | 'basically_satisfied'
                        | 'dissatisfied'
                        | 'very_dissatisfied'
                      )
                    | null
                } | null
                applicantNameMasked: string | null
                attempts: {
                  /** Format: date-time */
                  at: string
                  by: string | null
                  callBackAt?: string | null
                  callId: string | null
                  /** @enum {unknown} */
                  channel: 'staff' | 'automated'
                  n: number
                  note: string | null
                  /** @enum {unknown} */
                  outcome:
                    | 'completed'
                    | 'no_answer'
                    | 'busy'
                    | 'wrong_number'
                    | 'refused'
                    | 'call_back_later'
                    | 'machine'
                    | 'no_input'
                    | 'hung_up'
                }[]
                calls: {
                  /** Format: date-time */
                  at: string
                  attempt: number
                  by: string
                  callId: string
                  dialStatus?: string | null
                }[]
                caseId: string | null
                claim: {
                  /** Format: date-time */
                  at: string
                  by: string
                } | null
                closedAt: string | null
                closedReason: ('unreachable' | 'wrong_number' | 'refused') | null
                /** Format: date-time */
                createdAt: string
                departmentId: string
                /** Format: date-time */
                dueFrom: string
                id: string
                /** @enum {unknown} */
                mode: 'staff' | 'automated'
                notBefore: string | null
                office: string | null
                phoneMasked: string
                reveals: {
                  /** Format: date-time */
                  at: string
                  by: string
                }[]
                samplingRate: number
                serviceRecord: {
                  recordId: string
                  source: string
                } | null
                serviceType: string
                staffNumber: string | null
                /** @enum {unknown} */
                status: 'open' | 'claimed' | 'completed' | 'unreachable'
                stratum: string
                /** @enum {unknown} */
                subjectKind: 'case' | 'service_record'
                trackingCode: string | null
                version: number
                window: string | null
              }
            }
          }
        }
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
  '/api/v1/callbacks/voice/auto/answer': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * The automated line: the call was answered
     * @description A signed webhook of the telephony provider; answers a call script.
     */
    post: {
      parameters: {
        query: {
          a?: string
          attempt: number
          q?: number
          retry?: number
          task: string
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
  '/api/v1/callbacks/voice/auto/consent': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * The automated line: the consent keys
     * @description A signed webhook of the telephony provider; answers a call script.
     */
    post: {
      parameters: {
        query: {
          a?: string
          attempt: number
          q?: number
          retry?: number
          task: string
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
  '/api/v1/callbacks/voice/auto/question': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * The automated line: a question's keys
     * @description A signed webhook of the telephony provider; answers a call script.
     */
    post: {
      parameters: {
        query: {
          a?: string
          attempt: number
          q?: number
          retry?: number
          task: string
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
  '/api/v1/callbacks/voice/auto/status': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * The automated line: status callbacks of its calls
     * @description A signed webhook of the telephony provider; answers a call script.
     */
    post: {
      parameters: {
        query: {
          a?: string
          attempt: number
          q?: number
          retry?: number
          task: string
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
  '/api/v1/callbacks/voice/bridge': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * A staff callback: the officer answered; the script dials the citizen
     * @description A signed webhook of the telephony provider; answers a call script.
     */
    post: {
      parameters: {
        query?: {
          attempt?: number
          q?: number
          retry?: number
          task?: string
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
  '/api/v1/callbacks/voice/dial-result': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * A staff callback's citizen leg ended
     * @description A signed webhook of the telephony provider; answers a call script.
     */
    post: {
      parameters: {
        query?: {
          attempt?: number
          q?: number
          retry?: number
          task?: string
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
  '/api/v1/callbacks/voice/status': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Status callbacks of a staff callback call
     * @description A signed webhook of the telephony provider; answers a call script.
     */
    post: {
      parameters: {
        query?: {
          attempt?: number
          q?: number
          retry?: number
          task?: string
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
