import t from 'tap'
import { ConfigError, loadConfig, Type } from '../src/index.ts'

const Schema = Type.Object({
  PORT: Type.Integer({ minimum: 1, maximum: 65535, default: 3000 }),
  KAFKA_BROKERS: Type.String({ minLength: 1, description: 'comma-separated host:port list' }),
  LOG_LEVEL: Type.Union([Type.Literal('info'), Type.Literal('debug')], { default: 'info' }),
  VERBOSE: Type.Boolean({ default: false }),
})

t.test('parses, converts and applies defaults', async (t) => {
  const c = loadConfig(Schema, { KAFKA_BROKERS: 'a:1,b:2', PORT: '8080', VERBOSE: 'true', OTHER: 'x' })
  t.same(c, { PORT: 8080, KAFKA_BROKERS: 'a:1,b:2', LOG_LEVEL: 'info', VERBOSE: true })
})

t.test('names every missing or invalid variable at once', async (t) => {
  const err = t.throws(() => loadConfig(Schema, { PORT: 'abc', LOG_LEVEL: 'loud' })) as unknown
  t.ok(err instanceof ConfigError)
  const names = (err as ConfigError).problems.map((p) => p.variable).sort()
  t.same(names, ['KAFKA_BROKERS', 'LOG_LEVEL', 'PORT'])
  t.match((err as ConfigError).message, /KAFKA_BROKERS is required \(comma-separated host:port list\)/)
})

t.test('an empty value counts as missing', async (t) => {
  t.throws(() => loadConfig(Schema, { KAFKA_BROKERS: '' }), ConfigError)
})
