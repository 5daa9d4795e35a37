// The operations to fuzz, walked from the app's OpenAPI document (with `x-access` for who may call).
import { type App, ROLES, type Role } from '@tingjian/kit'

export type Schema = { readonly [key: string]: unknown }
export type Access = 'public' | 'staff' | readonly Role[]

export interface Param {
  in: 'path' | 'query' | 'header'
  name: string
  required: boolean
  schema: Schema
}

export interface Operation {
  /** `METHOD /path/{param}` */
  id: string
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  path: string
  params: Param[]
  body?: Schema
  access: Access
}

export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)
export const own = (o: object, key: string) => Object.hasOwn(o, key)
export const get = (o: Schema, key: string): unknown => (own(o, key) ? o[key] : undefined)

interface Doc {
  paths?: Record<string, Record<string, unknown>>
  components?: { schemas?: Record<string, Schema> }
}

/** A schema with its `$ref`s to components followed. */
export type Resolve = (s: unknown) => Schema

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const

/** Every operation of the document (the app must be ready). */
export function operationsOf(app: App): { operations: Operation[]; resolve: (s: unknown) => Schema } {
  const doc = app.swagger() as Doc
  const components = doc.components?.schemas ?? {}
  const resolve = (s: unknown): Schema => {
    let current = s
    for (let i = 0; i < 20 && isObject(current) && typeof current.$ref === 'string'; i++) {
      const ref: string = current.$ref
      const name = ref.startsWith('#/components/schemas/') ? ref.slice('#/components/schemas/'.length) : ref
      current = own(components, name) ? components[name] : {}
    }
    return isObject(current) ? current : {}
  }
  const operations: Operation[] = []
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const m of METHODS) {
      const op = item[m]
      if (!isObject(op)) continue
      const params: Param[] = []
      for (const p of Array.isArray(op.parameters) ? op.parameters : []) {
        if (!isObject(p) || typeof p.name !== 'string') continue
        if (p.in !== 'path' && p.in !== 'query' && p.in !== 'header') continue
        params.push({ in: p.in, name: p.name, required: p.required === true, schema: resolve(p.schema) })
      }
      const content = isObject(op.requestBody) ? op.requestBody.content : undefined
      const json = isObject(content) ? content['application/json'] : undefined
      const access = op['x-access']
      const operation: Operation = {
        id: `${m.toUpperCase()} ${path}`,
        method: m.toUpperCase() as Operation['method'],
        path,
        params,
        access:
          access === 'staff' || access === 'public'
            ? access
            : Array.isArray(access)
              ? access.filter((r): r is Role => (ROLES as readonly string[]).includes(r))
              : 'public',
      }
      if (isObject(json)) operation.body = resolve(json.schema)
      operations.push(operation)
    }
  }
  return { operations, resolve }
}
