// The platform's pino logger: structured, with personal data redacted by key and scrubbed by pattern.
import { type DestinationStream, type Logger, type LoggerOptions, pino } from 'pino'
import { REDACT_PATHS, scrubLine } from './redact.ts'

export type { Logger }

export interface LoggerConfig {
  level?: string
  name?: string
  /** Where lines go (default stdout); tests pass a stream to capture them. */
  destination?: DestinationStream
}

export function loggerOptions(config: LoggerConfig = {}): LoggerOptions {
  return {
    level: config.level ?? 'info',
    name: config.name,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    // The scrub runs on the finished line, so it covers messages, error texts and stacks alike; the
    // request id and the response time are left as they are.
    hooks: {
      streamWrite: (line) => scrubLine(line),
    },
    serializers: {
      err: pino.stdSerializers.err,
      // The request line without the client address or the query string (which may carry a phone).
      req: (req: { method?: string; url?: string; id?: string }) => ({
        method: req.method,
        url: req.url?.split('?')[0],
      }),
    },
  }
}

export function createLogger(config: LoggerConfig = {}): Logger {
  return config.destination ? pino(loggerOptions(config), config.destination) : pino(loggerOptions(config))
}
