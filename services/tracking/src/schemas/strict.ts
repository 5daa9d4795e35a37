// A validator compiler without type coercion, for request parts that are JSON or plain strings.
// The kit's Ajv coerces (`coerceTypes: 'array'`), which query strings need but which would turn a body's
// `["satisfied"]` into `"satisfied"` or `true` into `"true"`: a wrong type must be a 400, not a guess.
import type { FastifySchemaCompiler } from 'fastify'
import type { TSchema } from 'typebox'
import { Compile } from 'typebox/compile'

export const strictValidator: FastifySchemaCompiler<TSchema> = ({ schema }) => {
  const validator = Compile(schema)
  const validate = (data: unknown) => {
    if (validator.Check(data)) return { value: data }
    const errors = validator.Errors(data).map((e) => ({
      keyword: e.keyword,
      instancePath: e.instancePath,
      schemaPath: e.schemaPath,
      params: e.params,
      message: e.message,
    }))
    return { error: Object.assign(new Error('The request is invalid; see errors'), { validation: errors }) }
  }
  return validate
}
