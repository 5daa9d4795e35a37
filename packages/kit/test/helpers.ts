// Test helpers: a logger whose lines are captured, and Ed25519 keys for tokens.
import { generateKeyPairSync } from 'node:crypto'
import { Writable } from 'node:stream'
import { createLogger, type Logger } from '../src/index.ts'

export function capturedLogger(level = 'debug'): { logger: Logger; lines: string[] } {
  const lines: string[] = []
  const destination = new Writable({
    write(chunk, _enc, cb) {
      lines.push(...chunk.toString().split('\n').filter(Boolean))
      cb()
    },
  })
  return { logger: createLogger({ level, destination }), lines }
}

export function keyPair(type: 'ed25519' | 'ec' = 'ed25519') {
  const { publicKey, privateKey } =
    type === 'ec' ? generateKeyPairSync('ec', { namedCurve: 'P-256' }) : generateKeyPairSync('ed25519')
  return {
    publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  }
}
