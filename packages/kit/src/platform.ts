// Chooses and connects the bus and store adapters from configuration. The embedded adapters are the
// default (one machine, one SQLite file each); Kafka and MongoDB are chosen by their variables, and only
// the chosen adapter's variables are required. Adapters are imported on demand, so a service on the
// embedded adapters never loads kafkajs or the mongodb driver.
import { join } from 'node:path'
import type { BlobStore } from '@tingjian/blob'
import type { EventBus } from '@tingjian/bus'
import type { DocumentStore } from '@tingjian/store'
import Type, { type Static } from 'typebox'
import { ConfigError, type ConfigProblem, loadConfig } from './config.ts'
import type { ReadinessCheck } from './health.ts'
import type { Logger } from './logger.ts'

export const AdapterConfig = Type.Object({
  BUS_ADAPTER: Type.Optional(
    Type.Union([Type.Literal('embedded'), Type.Literal('kafka')], {
      description: 'default: kafka when KAFKA_BROKERS is set, else embedded',
    }),
  ),
  KAFKA_BROKERS: Type.Optional(Type.String({ description: 'comma-separated host:port list' })),
  STORE_ADAPTER: Type.Optional(
    Type.Union([Type.Literal('embedded'), Type.Literal('mongo')], {
      description: 'default: mongo when MONGO_URL is set, else embedded',
    }),
  ),
  MONGO_URL: Type.Optional(Type.String({ description: 'mongodb:// connection string' })),
  MONGO_DATABASE: Type.Optional(
    Type.String({ pattern: '^[A-Za-z0-9_-]{1,63}$', description: 'default tingjian-<service>' }),
  ),
  DATA_DIR: Type.String({
    default: '.data/platform',
    description: 'embedded adapters keep their SQLite files here',
  }),
  BUS_NAMESPACE: Type.String({ default: 'tingjian', pattern: '^[a-zA-Z0-9][a-zA-Z0-9_-]{0,80}$' }),
})
export type AdapterConfig = Static<typeof AdapterConfig>

export interface Adapters {
  bus: EventBus
  store: DocumentStore
  readiness: ReadinessCheck[]
}

/** The cross-field rules a schema alone cannot say: the chosen adapter's variables are required. */
function checkAdapterConfig(config: AdapterConfig): AdapterConfig {
  const problems: ConfigProblem[] = []
  if (config.BUS_ADAPTER === 'kafka' && !config.KAFKA_BROKERS) {
    problems.push({ variable: 'KAFKA_BROKERS', problem: 'is required when BUS_ADAPTER=kafka' })
  }
  if (config.STORE_ADAPTER === 'mongo' && !config.MONGO_URL) {
    problems.push({ variable: 'MONGO_URL', problem: 'is required when STORE_ADAPTER=mongo' })
  }
  if (problems.length) throw new ConfigError(problems)
  return config
}

/**
 * Reads the adapter variables alone. A server.ts that reads them with its own schema
 * (`...AdapterConfig.properties`, one loadConfig) gets the same cross-field checks from connectAdapters.
 */
export function loadAdapterConfig(env: Record<string, string | undefined>): AdapterConfig {
  return checkAdapterConfig(loadConfig(AdapterConfig, env))
}

const useKafka = (c: AdapterConfig) => (c.BUS_ADAPTER ?? (c.KAFKA_BROKERS ? 'kafka' : 'embedded')) === 'kafka'
const useMongo = (c: AdapterConfig) => (c.STORE_ADAPTER ?? (c.MONGO_URL ? 'mongo' : 'embedded')) === 'mongo'

/** The bus of the configured adapter. `clientId` names the process to the brokers. */
export async function connectBus(clientId: string, config: AdapterConfig, logger: Logger): Promise<EventBus> {
  if (useKafka(config)) {
    const { createKafkaBus } = await import('@tingjian/bus-kafka')
    const brokers = (config.KAFKA_BROKERS ?? '')
      .split(',')
      .map((b) => b.trim())
      .filter(Boolean)
    return createKafkaBus({
      brokers,
      clientId: `tingjian-${clientId}`,
      namespace: config.BUS_NAMESPACE,
      logger,
    })
  }
  const { createEmbeddedBus } = await import('@tingjian/bus-embedded')
  return createEmbeddedBus({
    path: join(config.DATA_DIR, 'bus.sqlite'),
    namespace: config.BUS_NAMESPACE,
    logger,
  })
}

/** The store of one service: each service owns its database (or SQLite file). */
export async function connectStore(
  service: string,
  config: AdapterConfig,
  logger: Logger,
): Promise<DocumentStore> {
  if (useMongo(config)) {
    const { createMongoStore } = await import('@tingjian/store-mongo')
    return createMongoStore({
      url: config.MONGO_URL ?? '',
      database: config.MONGO_DATABASE ?? `tingjian-${service}`,
      appName: `tingjian-${service}`,
      logger,
    })
  }
  const { createEmbeddedStore } = await import('@tingjian/store-embedded')
  return createEmbeddedStore({ path: join(config.DATA_DIR, `${service}.sqlite`), logger })
}

/**
 * The blob store of one service (uploaded files): GridFS in the service's own database when the store is
 * MongoDB, else files under `DATA_DIR/blobs/<service>` (one machine). `bucket` names the GridFS bucket.
 */
export async function connectBlobs(
  service: string,
  config: AdapterConfig,
  logger: Logger,
  options: { bucket: string; dir?: string },
): Promise<BlobStore> {
  if (useMongo(config)) {
    const { createGridFsBlobStore } = await import('@tingjian/blob-gridfs')
    return createGridFsBlobStore({
      url: config.MONGO_URL ?? '',
      database: config.MONGO_DATABASE ?? `tingjian-${service}`,
      bucket: options.bucket,
      appName: `tingjian-${service}`,
      logger,
    })
  }
  const { createFsBlobStore } = await import('@tingjian/blob-fs')
  return createFsBlobStore({ root: options.dir ?? join(config.DATA_DIR, 'blobs', service), logger })
}

export function readinessOf(bus: EventBus, store: DocumentStore): ReadinessCheck[] {
  return [
    { name: 'bus', check: () => bus.health() },
    { name: 'store', check: () => store.health() },
  ]
}

export async function connectAdapters(
  service: string,
  config: AdapterConfig,
  logger: Logger,
): Promise<Adapters> {
  checkAdapterConfig(config)
  const log = logger.child({ service })
  const bus = await connectBus(service, config, log)
  let store: DocumentStore
  try {
    store = await connectStore(service, config, log)
  } catch (err) {
    await bus.close()
    throw err
  }
  return { bus, store, readiness: readinessOf(bus, store) }
}
