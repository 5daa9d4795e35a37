// The event catalogue: every (type, version) with the schema of its data. One source for runtime
// validation on produce and consume, for the TypeScript types and for the published documentation.
import Type, { type Static, type TSchema } from 'typebox'
import { Compile, type Validator } from 'typebox/compile'
import { createEvent, type EventEnvelope as Envelope, EventEnvelope, type NewEvent } from './envelope.ts'
import type { Source } from './topics.ts'

export interface EventDefinition<S extends TSchema = TSchema> {
  readonly type: string
  readonly version: number
  readonly source: Source
  readonly description: string
  readonly data: S
  /** Builds a valid envelope of this event (validated: a bad payload throws before it is saved). */
  create(e: Omit<NewEvent<Static<S>>, 'type' | 'version' | 'source'>): Envelope<Static<S>>
  /** Narrows an envelope to this event when type and version match. */
  is(e: Envelope): e is Envelope<Static<S>>
}

export interface ValidationIssue {
  path: string
  message: string
}

export class InvalidEventError extends Error {
  readonly code = 'TJ_INVALID_EVENT'
  constructor(
    message: string,
    readonly issues: ValidationIssue[],
  ) {
    super(`${message}: ${issues.map((i) => `${i.path || '/'} ${i.message}`).join('; ')}`)
    this.name = 'InvalidEventError'
  }
}

const envelopeValidator = Compile(EventEnvelope)

function issuesOf(v: Validator, value: unknown, prefix = ''): ValidationIssue[] {
  return v.Errors(value).map((e) => ({ path: prefix + e.instancePath, message: e.message }))
}

/**
 * Holds the event definitions. The platform's catalogue is `catalogue` (see events.ts); tests may
 * make their own.
 */
export class EventCatalogue {
  readonly #defs = new Map<string, { def: EventDefinition; validator: Validator }>()

  define<S extends TSchema>(d: {
    type: string
    version: number
    source: Source
    description: string
    data: S
  }): EventDefinition<S> {
    const key = `${d.type}@${d.version}`
    if (this.#defs.has(key)) throw new Error(`event ${key} is defined twice`)
    if (!d.type.startsWith(`${d.source}.`))
      throw new Error(`event ${d.type} must start with its source ${d.source}.`)
    const def: EventDefinition<S> = {
      ...d,
      create: (e) => {
        const event = createEvent({ ...e, type: d.type, version: d.version, source: d.source })
        this.assertValid(event)
        return event
      },
      is: (e): e is Envelope<Static<S>> => e.type === d.type && e.version === d.version,
    }
    this.#defs.set(key, { def, validator: Compile(d.data) })
    return def
  }

  get(type: string, version: number): EventDefinition | undefined {
    return this.#defs.get(`${type}@${version}`)?.def
  }

  list(): EventDefinition[] {
    return [...this.#defs.values()].map((v) => v.def)
  }

  /**
   * Checks the envelope and, when the (type, version) is known, its data. An unknown type passes the
   * envelope check only when `allowUnknown` (consumers skip types they don't know; producers may not).
   */
  validate(value: unknown, opts: { allowUnknown?: boolean } = {}): ValidationIssue[] {
    if (!envelopeValidator.Check(value)) return issuesOf(envelopeValidator, value)
    const entry = this.#defs.get(`${value.type}@${value.version}`)
    if (!entry) {
      return opts.allowUnknown
        ? []
        : [{ path: '/type', message: `unknown event ${value.type}@${value.version}` }]
    }
    return entry.validator.Check(value.data) ? [] : issuesOf(entry.validator, value.data, '/data')
  }

  assertValid(value: unknown, opts: { allowUnknown?: boolean } = {}): asserts value is Envelope {
    const issues = this.validate(value, opts)
    if (issues.length > 0) throw new InvalidEventError('invalid event', issues)
  }

  /** JSON Schema documentation of every event, for the published event catalogue. */
  document(): { envelope: unknown; events: Array<Omit<EventDefinition, 'create' | 'is'>> } {
    return {
      envelope: EventEnvelope,
      events: this.list().map(({ type, version, source, description, data }) => ({
        type,
        version,
        source,
        description,
        data,
      })),
    }
  }
}

export { Type }
