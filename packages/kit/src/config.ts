// Configuration: read once (in a service's server.ts) from the environment, validated against a schema,
// with an error that names every missing or invalid variable. Libraries receive the parsed object.
import Type, { type Static, type TObject } from 'typebox'
import { Compile } from 'typebox/compile'

export interface ConfigProblem {
  variable: string
  problem: string
}

export class ConfigError extends Error {
  readonly code = 'TJ_CONFIG_INVALID'
  constructor(readonly problems: ConfigProblem[]) {
    super(`invalid configuration: ${problems.map((p) => `${p.variable} ${p.problem}`).join('; ')}`)
    this.name = 'ConfigError'
  }
}

type Env = Record<string, string | undefined>

/**
 * Parses the variables named by the schema's properties. Values are converted to the schema's types
 * (numbers, booleans, comma lists) and defaults applied; unknown variables are ignored.
 */
export function loadConfig<S extends TObject>(schema: S, env: Env): Static<S> {
  const validator = Compile(schema)
  const raw: Record<string, unknown> = {}
  for (const key of Object.keys(schema.properties)) {
    const v = env[key]
    if (v !== undefined && v !== '') raw[key] = v
  }
  const value = validator.Default(validator.Convert(raw))
  const errors = validator.Errors(value)
  if (errors.length === 0) return value as Static<S>
  const problems = new Map<string, string>()
  for (const e of errors) {
    const missing = e.keyword === 'required'
    const names: string[] = missing
      ? ((e.params as { requiredProperties?: string[] }).requiredProperties ?? [])
      : [e.instancePath.split('/')[1] ?? '(root)']
    for (const name of names) {
      if (problems.has(name)) continue
      if (missing && raw[name] !== undefined) continue
      const description = (schema.properties[name] as { description?: string } | undefined)?.description
      problems.set(
        name,
        missing ? `is required${description ? ` (${description})` : ''}` : `is invalid: ${e.message}`,
      )
    }
  }
  throw new ConfigError([...problems].map(([variable, problem]) => ({ variable, problem })))
}

export { Type }
