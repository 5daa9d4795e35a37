// Generated from the identity service's OpenAPI document by services/web/scripts/api-types.ts — do not
// edit: run `pnpm --filter @tingjian/web api-types` after changing a route's schema.
export interface paths {
  '/api/v1/auth/login': {
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
        path?: never
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            password: string
            username: string
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
              /** @description JWT (EdDSA), valid for expiresIn seconds */
              accessToken: string
              /** @description seconds until the access token expires */
              expiresIn: number
              user: {
                departmentId: string | null
                displayName: string
                id: string
                roles: (
                  | 'admin'
                  | 'dispatcher'
                  | 'handler'
                  | 'dept_lead'
                  | 'supervisor'
                  | 'callback_agent'
                  | 'discipline_officer'
                  | 'hotline_operator'
                  | 'poll_manager'
                )[]
                username: string
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
            'application/json': components['schemas']['def-0']
          }
        }
        /** @description RFC 9457 problem details */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['def-0']
          }
        }
        /** @description RFC 9457 problem details */
        429: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['def-0']
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
  '/api/v1/auth/logout': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** @description Ends the session of the `tj_refresh` cookie and voids the user's access tokens issued before now (no body; header X-Requested-With: tingjian). */
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
            'application/json': components['schemas']['def-0']
          }
        }
        /** @description RFC 9457 problem details */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['def-0']
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
  '/api/v1/auth/refresh': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** @description Rotates the refresh token of the `tj_refresh` cookie (no body; header X-Requested-With: tingjian). */
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
              /** @description JWT (EdDSA), valid for expiresIn seconds */
              accessToken: string
              /** @description seconds until the access token expires */
              expiresIn: number
              user: {
                departmentId: string | null
                displayName: string
                id: string
                roles: (
                  | 'admin'
                  | 'dispatcher'
                  | 'handler'
                  | 'dept_lead'
                  | 'supervisor'
                  | 'callback_agent'
                  | 'discipline_officer'
                  | 'hotline_operator'
                  | 'poll_manager'
                )[]
                username: string
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
            'application/json': components['schemas']['def-0']
          }
        }
        /** @description RFC 9457 problem details */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['def-0']
          }
        }
        /** @description RFC 9457 problem details */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['def-0']
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
  '/api/v1/departments': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get: {
      parameters: {
        query?: {
          active?: boolean
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
                active: boolean
                code: string
                /** Format: date-time */
                createdAt: string
                id: string
                name: string
                nameEn: string | null
                parentId: string | null
                /** Format: date-time */
                updatedAt: string
                version: number
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
            'application/json': components['schemas']['def-0']
          }
        }
        /** @description RFC 9457 problem details */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['def-0']
          }
        }
        /** @description RFC 9457 problem details */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['def-0']
          }
        }
      }
    }
    put?: never
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
            /** @description stable short name, lowercase: office, exit-entry */
            code: string
            /**
             * Format: one-line
             * @description Chinese name
             */
            name: string
            /** Format: one-line */
            nameEn?: string
            parentId?: string | null
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
              active: boolean
              code: string
              /** Format: date-time */
              createdAt: string
              id: string
              name: string
              nameEn: string | null
              parentId: string | null
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
            'application/json': components['schemas']['def-0']
          }
        }
        /** @description RFC 9457 problem details */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['def-0']
          }
        }
        /** @description RFC 9457 problem details */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['def-0']
          }
        }
        /** @description RFC 9457 problem details */
        409: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['def-0']
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
  '/api/v1/departments/{id}': {
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
              active: boolean
              code: string
              /** Format: date-time */
              createdAt: string
              id: string
              name: string
              nameEn: string | null
              parentId: string | null
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
            'application/json': components['schemas']['def-0']
          }
        }
        /** @description RFC 9457 problem details */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['def-0']
          }
        }
        /** @description RFC 9457 problem details */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['def-0']
          }
        }
        /** @description RFC 9457 problem details */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['def-0']
          }
        }
      }
    }
    put?: never
    post?: never
    /** @description Deactivates the department (departments are never deleted: cases refer to them). */
    delete: {
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
              active: boolean
              code: string
              /** Format: date-time */
              createdAt: string
              id: string
              name: string
              nameEn: string | null
              parentId: string | null
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
            'application/json': components['schemas']['def-0']
          }
        }
        /** @description RFC 9457 problem details */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['def-0']
          }
        }
        /** @description RFC 9457 problem details */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['def-0']
          }
        }
        /** @description RFC 9457 problem details */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['def-0']
          }
        }
        /** @description RFC 9457 problem details */
        409: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['def-0']
          }
        }
      }
    }
    options?: never
    head?: never
    patch: {
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
            active?: boolean
            /** @description stable short name, lowercase: office, exit-entry */
            code?: string
            /**
             * Format: one-line
             * @description Chinese name
             */
            name?: string
            nameEn?: string | null
            parentId?: string | null
            /** @description the version you saw; a stale one is refused with 409 */
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
              active: boolean
              code: string
              /** Format: date-time */
              createdAt: string
              id: string
              name: string
              nameEn: string | null
              parentId: string | null
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
            'application/json': components['schemas']['def-0']
          }
        }
        /** @description RFC 9457 problem details */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['def-0']
          }
        }
        /** @description RFC 9457 problem details */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['def-0']
          }
        }
        /** @description RFC 9457 problem details */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['def-0']
          }
        }
        /** @description RFC 9457 problem details */
        409: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['def-0']
          }
        }
      }
    }
    trace?: never
  }
  '/api/v1/me': {
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
              active: boolean
              /** Format: date-time */
              createdAt: string
              departmentId: string | null
              displayName: string
              email: string | null
              id: string
              roles: (
                | 'admin'
                | 'dispatcher'
                | 'handler'
                | 'dept_lead'
                | 'supervisor'
                | 'callback_agent'
                | 'discipline_officer'
                | 'hotline_operator'
                | 'poll_manager'
              )[]
              /** Format: date-time */
              updatedAt: string
              username: string
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
            'application/json': components['schemas']['def-0']
          }
        }
        /** @description RFC 9457 problem details */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['def-0']
          }
        }
        /** @description RFC 9457 problem details */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['def-0']
          }
        }
        /** @description RFC 9457 problem details */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['def-0']
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
  '/api/v1/users': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get: {
      parameters: {
        query?: {
          active?: boolean
          cursor?: string
          departmentId?: string
          limit?: number
          role?:
            | 'admin'
            | 'dispatcher'
            | 'handler'
            | 'dept_lead'
            | 'supervisor'
            | 'callback_agent'
            | 'discipline_officer'
            | 'hotline_operator'
            | 'poll_manager'
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
                active: boolean
                /** Format: date-time */
                createdAt: string
                departmentId: string | null
                displayName: string
                email: string | null
                id: string
                roles: (
                  | 'admin'
                  | 'dispatcher'
                  | 'handler'
                  | 'dept_lead'
                  | 'supervisor'
                  | 'callback_agent'
                  | 'discipline_officer'
                  | 'hotline_operator'
                  | 'poll_manager'
                )[]
                /** Format: date-time */
                updatedAt: string
                username: string
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
            'application/json': components['schemas']['def-0']
          }
        }
        /** @description RFC 9457 problem details */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['def-0']
          }
        }
        /** @description RFC 9457 problem details */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['def-0']
          }
        }
      }
    }
    put?: never
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
            departmentId?: string | null
            /** Format: one-line */
            displayName: string
            email?: string | null
            password: string
            roles: (
              | 'admin'
              | 'dispatcher'
              | 'handler'
              | 'dept_lead'
              | 'supervisor'
              | 'callback_agent'
              | 'discipline_officer'
              | 'hotline_operator'
              | 'poll_manager'
            )[]
            /**
             * Format: one-line
             * @description 2–64 of a-z 0-9 . _ - (lowercase), starting with a letter or digit
             */
            username: string
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
              active: boolean
              /** Format: date-time */
              createdAt: string
              departmentId: string | null
              displayName: string
              email: string | null
              id: string
              roles: (
                | 'admin'
                | 'dispatcher'
                | 'handler'
                | 'dept_lead'
                | 'supervisor'
                | 'callback_agent'
                | 'discipline_officer'
                | 'hotline_operator'
                | 'poll_manager'
              )[]
              /** Format: date-time */
              updatedAt: string
              username: string
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
            'application/json': components['schemas']['def-0']
          }
        }
        /** @description RFC 9457 problem details */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['def-0']
          }
        }
        /** @description RFC 9457 problem details */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['def-0']
          }
        }
        /** @description RFC 9457 problem details */
        409: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['def-0']
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
  '/api/v1/users/{id}': {
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
              active: boolean
              /** Format: date-time */
              createdAt: string
              departmentId: string | null
              displayName: string
              email: string | null
              id: string
              roles: (
                | 'admin'
                | 'dispatcher'
                | 'handler'
                | 'dept_lead'
                | 'supervisor'
                | 'callback_agent'
                | 'discipline_officer'
                | 'hotline_operator'
                | 'poll_manager'
              )[]
              /** Format: date-time */
              updatedAt: string
              username: string
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
            'application/json': components['schemas']['def-0']
          }
        }
        /** @description RFC 9457 problem details */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['def-0']
          }
        }
        /** @description RFC 9457 problem details */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['def-0']
          }
        }
        /** @description RFC 9457 problem details */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['def-0']
          }
        }
      }
    }
    put?: never
    post?: never
    /** @description Deactivates the account and ends its sessions (accounts are kept: timelines name them). */
    delete: {
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
              active: boolean
              /** Format: date-time */
              createdAt: string
              departmentId: string | null
              displayName: string
              email: string | null
              id: string
              roles: (
                | 'admin'
                | 'dispatcher'
                | 'handler'
                | 'dept_lead'
                | 'supervisor'
                | 'callback_agent'
                | 'discipline_officer'
                | 'hotline_operator'
                | 'poll_manager'
              )[]
              /** Format: date-time */
              updatedAt: string
              username: string
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
            'application/json': components['schemas']['def-0']
          }
        }
        /** @description RFC 9457 problem details */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['def-0']
          }
        }
        /** @description RFC 9457 problem details */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['def-0']
          }
        }
        /** @description RFC 9457 problem details */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['def-0']
          }
        }
        /** @description RFC 9457 problem details */
        409: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['def-0']
          }
        }
      }
    }
    options?: never
    head?: never
    patch: {
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
            active?: boolean
            departmentId?: string | null
            /** Format: one-line */
            displayName?: string
            email?: string | null
            roles?: (
              | 'admin'
              | 'dispatcher'
              | 'handler'
              | 'dept_lead'
              | 'supervisor'
              | 'callback_agent'
              | 'discipline_officer'
              | 'hotline_operator'
              | 'poll_manager'
            )[]
            /** @description the version you saw; a stale one is refused with 409 */
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
              active: boolean
              /** Format: date-time */
              createdAt: string
              departmentId: string | null
              displayName: string
              email: string | null
              id: string
              roles: (
                | 'admin'
                | 'dispatcher'
                | 'handler'
                | 'dept_lead'
                | 'supervisor'
                | 'callback_agent'
                | 'discipline_officer'
                | 'hotline_operator'
                | 'poll_manager'
              )[]
              /** Format: date-time */
              updatedAt: string
              username: string
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
            'application/json': components['schemas']['def-0']
          }
        }
        /** @description RFC 9457 problem details */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['def-0']
          }
        }
        /** @description RFC 9457 problem details */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['def-0']
          }
        }
        /** @description RFC 9457 problem details */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['def-0']
          }
        }
        /** @description RFC 9457 problem details */
        409: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['def-0']
          }
        }
      }
    }
    trace?: never
  }
  '/api/v1/users/{id}/password': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** @description Sets a new password (an admin's reset) and ends the user's sessions. */
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
            password: string
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
            'application/json': components['schemas']['def-0']
          }
        }
        /** @description RFC 9457 problem details */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['def-0']
          }
        }
        /** @description RFC 9457 problem details */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['def-0']
          }
        }
        /** @description RFC 9457 problem details */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['def-0']
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
