// Process concerns for a service's server.ts: listen, and shut down gracefully on SIGTERM / SIGINT:
// stop taking requests, finish in-flight ones, then close consumers, the relay, the bus and the store.
import type { FastifyInstance } from 'fastify'
import type { Logger } from './logger.ts'

export interface Closeable {
  /** For the log line when closing fails. */
  name?: string
  close(): Promise<void>
}

/**
 * Closes the given resources one after another when the app closes, in the order given (consumers
 * first, then whatever they publish through, then storage), so that nothing is cut off mid-write.
 */
export function closeInOrder(app: FastifyInstance, resources: readonly Closeable[]): void {
  app.addHook('onClose', async (instance) => {
    for (const r of resources) {
      try {
        await r.close()
      } catch (err) {
        instance.log.error({ err, resource: r.name }, 'closing failed')
      }
    }
  })
}

export interface ServeOptions {
  host: string
  port: number
  logger: Logger
  /** Closed in this order after the app (and everything it closes) has closed: e.g. [bus, store]. */
  closeAfter?: readonly Closeable[]
  /** Longest a shutdown may take before the process exits anyway (default 25 s, inside Kubernetes' 30 s). */
  shutdownTimeoutMs?: number
}

export async function serve(app: FastifyInstance, options: ServeOptions): Promise<void> {
  const { logger } = options
  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    logger.info({ signal }, 'shutting down')
    const timer = setTimeout(() => {
      logger.error('shutdown timed out; exiting')
      process.exit(1)
    }, options.shutdownTimeoutMs ?? 25_000)
    timer.unref()
    try {
      await app.close()
      for (const r of options.closeAfter ?? []) {
        try {
          await r.close()
        } catch (err) {
          logger.error({ err, resource: r.name ?? 'resource' }, 'closing failed')
        }
      }
      logger.info('stopped')
      process.exitCode = 0
    } catch (err) {
      logger.error({ err }, 'shutdown failed')
      process.exitCode = 1
    }
  }
  process.once('SIGTERM', () => void stop('SIGTERM'))
  process.once('SIGINT', () => void stop('SIGINT'))
  await app.listen({ host: options.host, port: options.port })
}
