// Generated from the calendar service's OpenAPI document by services/web/scripts/api-types.ts — do not
// edit: run `pnpm --filter @tingjian/web api-types` after changing a route's schema.
export interface paths {
  '/api/v1/calendar/coverage': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** The covered years, and whether next year is covered */
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
              /** @description the clock's year in Asia/Shanghai */
              currentYear: number
              currentYearCovered: boolean
              /** @description first covered day */
              from: string
              nextYear: number
              nextYearCovered: boolean
              /** @description last covered day */
              to: string
              /** @description from 1 November while next year has no table: staff consoles warn administrators and supervisors */
              warning: boolean
              /** @description the years with a national table */
              years: number[]
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
  '/api/v1/calendar/years': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** The years with a table: published ones and the built-in defaults */
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
                builtIn: boolean
                publishedAt: string | null
                revision: number
                source: string
                year: number
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
  '/api/v1/calendar/years/{year}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** A year's whole table (a built-in year is served with revision 0) */
    get: {
      parameters: {
        query?: never
        header?: never
        path: {
          year: number
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
              /** @description served from the built-in data (nobody published this year) */
              builtIn: boolean
              holidays: {
                /** @description YYYY-MM-DD */
                from: string
                /** @description Saturdays or Sundays worked instead (调休) */
                makeUpWorkdays?: string[]
                /** @description the name, Chinese first */
                name: {
                  /** Format: one-line */
                  en: string
                  /** Format: one-line */
                  zh: string
                }
                /** @description inclusive */
                to: string
              }[]
              publishedAt: string | null
              publishedBy: string | null
              regions: {
                [key: string]: {
                  /** @description extra days off */
                  holidays?: {
                    /** @description YYYY-MM-DD */
                    from: string
                    /** @description the name, Chinese first */
                    name: {
                      /** Format: one-line */
                      en: string
                      /** Format: one-line */
                      zh: string
                    }
                    /** @description inclusive; default from */
                    to?: string
                  }[]
                  /** @description the name, Chinese first */
                  name?: {
                    /** Format: one-line */
                    en: string
                    /** Format: one-line */
                    zh: string
                  }
                  /** @description e.g. the GB/T 2260 division code */
                  parent?: string
                  /** @description extra working days */
                  workingDays?: {
                    /** @description YYYY-MM-DD */
                    from: string
                    /** @description the name, Chinese first */
                    name: {
                      /** Format: one-line */
                      en: string
                      /** Format: one-line */
                      zh: string
                    }
                    /** @description inclusive; default from */
                    to?: string
                  }[]
                }
              }
              /** @description 0: the built-in table, never published */
              revision: number
              source: string
              year: number
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
    /**
     * Publish a year's national table (administrators)
     * @description Judged whole by the calendar validator: a 422 `/problems/invalid-calendar` names each fault and nothing is saved. The same table again is no new revision. The year keeps its regional overrides.
     */
    put: {
      parameters: {
        query?: never
        header?: never
        path: {
          year: number
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            holidays: {
              /** @description YYYY-MM-DD */
              from: string
              /** @description Saturdays or Sundays worked instead (调休) */
              makeUpWorkdays?: string[]
              /** @description the name, Chinese first */
              name: {
                /** Format: one-line */
                en: string
                /** Format: one-line */
                zh: string
              }
              /** @description inclusive */
              to: string
            }[]
            /**
             * Format: one-line
             * @description the notice: title, number, date
             */
            source: string
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
              /** @description served from the built-in data (nobody published this year) */
              builtIn: boolean
              holidays: {
                /** @description YYYY-MM-DD */
                from: string
                /** @description Saturdays or Sundays worked instead (调休) */
                makeUpWorkdays?: string[]
                /** @description the name, Chinese first */
                name: {
                  /** Format: one-line */
                  en: string
                  /** Format: one-line */
                  zh: string
                }
                /** @description inclusive */
                to: string
              }[]
              publishedAt: string | null
              publishedBy: string | null
              regions: {
                [key: string]: {
                  /** @description extra days off */
                  holidays?: {
                    /** @description YYYY-MM-DD */
                    from: string
                    /** @description the name, Chinese first */
                    name: {
                      /** Format: one-line */
                      en: string
                      /** Format: one-line */
                      zh: string
                    }
                    /** @description inclusive; default from */
                    to?: string
                  }[]
                  /** @description the name, Chinese first */
                  name?: {
                    /** Format: one-line */
                    en: string
                    /** Format: one-line */
                    zh: string
                  }
                  /** @description e.g. the GB/T 2260 division code */
                  parent?: string
                  /** @description extra working days */
                  workingDays?: {
                    /** @description YYYY-MM-DD */
                    from: string
                    /** @description the name, Chinese first */
                    name: {
                      /** Format: one-line */
                      en: string
                      /** Format: one-line */
                      zh: string
                    }
                    /** @description inclusive; default from */
                    to?: string
                  }[]
                }
              }
              /** @description 0: the built-in table, never published */
              revision: number
              source: string
              year: number
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
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/calendar/years/{year}/preview': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** Judge a national table without saving it, and show every day of the year under it */
    post: {
      parameters: {
        query?: {
          /** @description the grid of this region's calendar */
          region?: string
        }
        header?: never
        path: {
          year: number
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            holidays: {
              /** @description YYYY-MM-DD */
              from: string
              /** @description Saturdays or Sundays worked instead (调休) */
              makeUpWorkdays?: string[]
              /** @description the name, Chinese first */
              name: {
                /** Format: one-line */
                en: string
                /** Format: one-line */
                zh: string
              }
              /** @description inclusive */
              to: string
            }[]
            /**
             * Format: one-line
             * @description the notice: title, number, date
             */
            source: string
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
              /** @description every day of the year under the table (empty when it has faults) */
              days: {
                date: string
                /** @enum {unknown} */
                kind: 'workday' | 'weekend' | 'holiday' | 'adjusted-workday'
                name?: {
                  en: string
                  zh: string
                }
                working: boolean
              }[]
              /** @description empty: the table would be accepted */
              faults: {
                message: string
                path: string
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
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/calendar/years/{year}/regions/{code}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** A region's overrides of the year */
    get: {
      parameters: {
        query?: never
        header?: never
        path: {
          /** @description e.g. the GB/T 2260 division code */
          code: string
          year: number
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
              /** @description extra days off */
              holidays?: {
                /** @description YYYY-MM-DD */
                from: string
                /** @description the name, Chinese first */
                name: {
                  /** Format: one-line */
                  en: string
                  /** Format: one-line */
                  zh: string
                }
                /** @description inclusive; default from */
                to?: string
              }[]
              /** @description the name, Chinese first */
              name?: {
                /** Format: one-line */
                en: string
                /** Format: one-line */
                zh: string
              }
              /** @description e.g. the GB/T 2260 division code */
              parent?: string
              /** @description extra working days */
              workingDays?: {
                /** @description YYYY-MM-DD */
                from: string
                /** @description the name, Chinese first */
                name: {
                  /** Format: one-line */
                  en: string
                  /** Format: one-line */
                  zh: string
                }
                /** @description inclusive; default from */
                to?: string
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
    /**
     * Set a region's overrides of the year (administrators)
     * @description The whole year is judged again with the new overrides (422 naming each fault, nothing saved) and published as a new revision; a year with only the built-in table gets its first published revision.
     */
    put: {
      parameters: {
        query?: never
        header?: never
        path: {
          /** @description e.g. the GB/T 2260 division code */
          code: string
          year: number
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            /** @description extra days off */
            holidays?: {
              /** @description YYYY-MM-DD */
              from: string
              /** @description the name, Chinese first */
              name: {
                /** Format: one-line */
                en: string
                /** Format: one-line */
                zh: string
              }
              /** @description inclusive; default from */
              to?: string
            }[]
            /** @description the name, Chinese first */
            name?: {
              /** Format: one-line */
              en: string
              /** Format: one-line */
              zh: string
            }
            /** @description e.g. the GB/T 2260 division code */
            parent?: string
            /** @description extra working days */
            workingDays?: {
              /** @description YYYY-MM-DD */
              from: string
              /** @description the name, Chinese first */
              name: {
                /** Format: one-line */
                en: string
                /** Format: one-line */
                zh: string
              }
              /** @description inclusive; default from */
              to?: string
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
              /** @description served from the built-in data (nobody published this year) */
              builtIn: boolean
              holidays: {
                /** @description YYYY-MM-DD */
                from: string
                /** @description Saturdays or Sundays worked instead (调休) */
                makeUpWorkdays?: string[]
                /** @description the name, Chinese first */
                name: {
                  /** Format: one-line */
                  en: string
                  /** Format: one-line */
                  zh: string
                }
                /** @description inclusive */
                to: string
              }[]
              publishedAt: string | null
              publishedBy: string | null
              regions: {
                [key: string]: {
                  /** @description extra days off */
                  holidays?: {
                    /** @description YYYY-MM-DD */
                    from: string
                    /** @description the name, Chinese first */
                    name: {
                      /** Format: one-line */
                      en: string
                      /** Format: one-line */
                      zh: string
                    }
                    /** @description inclusive; default from */
                    to?: string
                  }[]
                  /** @description the name, Chinese first */
                  name?: {
                    /** Format: one-line */
                    en: string
                    /** Format: one-line */
                    zh: string
                  }
                  /** @description e.g. the GB/T 2260 division code */
                  parent?: string
                  /** @description extra working days */
                  workingDays?: {
                    /** @description YYYY-MM-DD */
                    from: string
                    /** @description the name, Chinese first */
                    name: {
                      /** Format: one-line */
                      en: string
                      /** Format: one-line */
                      zh: string
                    }
                    /** @description inclusive; default from */
                    to?: string
                  }[]
                }
              }
              /** @description 0: the built-in table, never published */
              revision: number
              source: string
              year: number
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
    post?: never
    /** Remove a region's overrides of the year (administrators) */
    delete: {
      parameters: {
        query?: never
        header?: never
        path: {
          /** @description e.g. the GB/T 2260 division code */
          code: string
          year: number
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
              /** @description served from the built-in data (nobody published this year) */
              builtIn: boolean
              holidays: {
                /** @description YYYY-MM-DD */
                from: string
                /** @description Saturdays or Sundays worked instead (调休) */
                makeUpWorkdays?: string[]
                /** @description the name, Chinese first */
                name: {
                  /** Format: one-line */
                  en: string
                  /** Format: one-line */
                  zh: string
                }
                /** @description inclusive */
                to: string
              }[]
              publishedAt: string | null
              publishedBy: string | null
              regions: {
                [key: string]: {
                  /** @description extra days off */
                  holidays?: {
                    /** @description YYYY-MM-DD */
                    from: string
                    /** @description the name, Chinese first */
                    name: {
                      /** Format: one-line */
                      en: string
                      /** Format: one-line */
                      zh: string
                    }
                    /** @description inclusive; default from */
                    to?: string
                  }[]
                  /** @description the name, Chinese first */
                  name?: {
                    /** Format: one-line */
                    en: string
                    /** Format: one-line */
                    zh: string
                  }
                  /** @description e.g. the GB/T 2260 division code */
                  parent?: string
                  /** @description extra working days */
                  workingDays?: {
                    /** @description YYYY-MM-DD */
                    from: string
                    /** @description the name, Chinese first */
                    name: {
                      /** Format: one-line */
                      en: string
                      /** Format: one-line */
                      zh: string
                    }
                    /** @description inclusive; default from */
                    to?: string
                  }[]
                }
              }
              /** @description 0: the built-in table, never published */
              revision: number
              source: string
              year: number
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
