// Routes kafkajs's own log lines to the bus logger, keeping only fields that cannot hold event data.
import type { Logger } from '@tingjian/bus'
import { type LogEntry, type logCreator, logLevel } from 'kafkajs'

/** Fields of kafkajs log entries that are ids, addresses and counters, never message contents. */
const SAFE_FIELDS = [
  'broker',
  'clientId',
  'groupId',
  'memberId',
  'generationId',
  'topic',
  'partition',
  'retryCount',
  'retryTime',
  'correlationId',
  'error',
] as const

/**
 * Our publisher bounds kafkajs's retries on purpose and retries the same batch itself (see
 * publisher.ts), so kafkajs's warning about limited idempotent retries is expected and dropped.
 */
const EXPECTED = new Set(['Limiting retries for the idempotent producer may invalidate EoS guarantees'])

export function kafkaLogCreator(logger: Logger): logCreator {
  return () =>
    ({ namespace, level, log }: LogEntry) => {
      if (EXPECTED.has(log.message)) return
      const fields: Record<string, unknown> = { kafkajs: namespace }
      for (const key of SAFE_FIELDS) {
        const value: unknown = log[key]
        if (value !== undefined) fields[key] = value instanceof Error ? value.message : value
      }
      const message = `kafkajs: ${log.message}`
      if (level === logLevel.ERROR || level === logLevel.WARN) logger.warn(fields, message)
      else logger.debug(fields, message)
    }
}
