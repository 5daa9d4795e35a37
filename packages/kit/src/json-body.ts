// The JSON body parser of every kit app. Text that is not well-formed Unicode (a lone surrogate) is
// refused: it is no one's letter, and MongoDB (UTF-8 BSON) could not keep it as sent. So is a body nested
// deeper, or holding more values, than any API needs: validators and the code behind them recurse (20,000
// brackets, 40 KB, overflow the stack), and listing what is wrong with 15,000 unknown properties takes a
// validator most of a second. The body is then validated once, strictly (validation.ts).
import createError from '@fastify/error'
import { registerAjvFormats } from '@fastify/type-provider-typebox'
import type { FastifyInstance, FastifyRequest } from 'fastify'

/** Deepest nesting of arrays and objects a JSON body may have (the deepest API body needs 3). */
export const MAX_JSON_DEPTH = 32
/** Most values (properties and items, at any depth) a JSON body may hold (the largest needs about 30). */
export const MAX_JSON_VALUES = 1000

export const IllFormedText = createError(
  'TJ_ILL_FORMED_TEXT',
  'The body holds text that is not well-formed Unicode (a lone surrogate)',
  400,
)
export const TooDeep = createError(
  'TJ_TOO_DEEP',
  `The body is nested deeper than ${MAX_JSON_DEPTH} levels`,
  400,
)
export const TooManyValues = createError(
  'TJ_TOO_MANY_VALUES',
  `The body holds more than ${MAX_JSON_VALUES} values`,
  400,
)

const LONE_SURROGATE = /\p{Cs}/u

/**
 * What is wrong with a parsed body's shape, if anything: too deep, too many values, or a lone surrogate in
 * a string or key.
 */
export function bodyShapeProblem(value: unknown): 'too-deep' | 'too-many-values' | 'ill-formed' | null {
  // iterative: the value may be nested far deeper than the stack allows
  const stack: Array<[unknown, number]> = [[value, 0]]
  let values = 0
  while (stack.length) {
    const [x, depth] = stack.pop() as [unknown, number]
    // the body itself is not one of its values
    if (++values > MAX_JSON_VALUES + 1) return 'too-many-values'
    if (typeof x === 'string') {
      if (LONE_SURROGATE.test(x)) return 'ill-formed'
    } else if (typeof x === 'object' && x !== null) {
      if (depth >= MAX_JSON_DEPTH) return 'too-deep'
      if (Array.isArray(x)) for (const item of x) stack.push([item, depth + 1])
      else
        for (const [k, v] of Object.entries(x)) {
          if (LONE_SURROGATE.test(k)) return 'ill-formed'
          stack.push([v, depth + 1])
        }
    }
  }
  return null
}

/** The JSON parser refuses ill-formed text, deep nesting and too many values. */
export function strictJsonBodies(app: FastifyInstance): void {
  // TypeBox checks formats (email, date-time, uuid…) the way Ajv's formats plugin does.
  registerAjvFormats()
  const parse = app.getDefaultJsonParser('error', 'error') as (
    request: FastifyRequest,
    body: string | Buffer,
    done: (err: Error | null, value?: unknown) => void,
  ) => void
  app.removeContentTypeParser('application/json')
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    parse(request, body, (err, value) => {
      const problem = err ? null : bodyShapeProblem(value)
      if (err) done(err, undefined)
      else if (problem === 'too-deep') done(new TooDeep(), undefined)
      else if (problem === 'too-many-values') done(new TooManyValues(), undefined)
      else if (problem === 'ill-formed') done(new IllFormedText(), undefined)
      else done(null, value)
    })
  })
}
