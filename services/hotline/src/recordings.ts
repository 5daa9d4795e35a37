// The retention sweep: audio of voicemails and call recordings older than the retention period is
// deleted at the provider; the metadata stays on the call, marked deleted (the routes answer 404).
import type { Clock, Logger } from '@tingjian/kit'
import type { Telephony } from '@tingjian/telephony'
import { TelephonyError } from '@tingjian/telephony'
import { type Calls, changeCall } from './calls-store.ts'
import { expiredRecordings } from './domain/call.ts'

export interface SweepDeps {
  calls: Calls
  telephony: Telephony
  clock: Clock
  retentionDays: number
  logger: Logger
}

/** One pass: deletes what has expired; returns how many recordings were deleted. */
export async function sweepRecordings(deps: SweepDeps): Promise<number> {
  const now = deps.clock.now()
  const before = new Date(now.getTime() - deps.retentionDays * 86_400_000).toISOString()
  let deleted = 0
  let cursor: string | null = null
  do {
    const page = await deps.calls.find(
      {
        receivedAt: { $lte: before },
        $or: [
          { 'voicemail.recordingId': { $exists: true }, 'voicemail.deletedAt': null },
          { 'recording.recordingId': { $exists: true }, 'recording.deletedAt': null },
        ],
      },
      { sort: [['receivedAt', 1]], limit: 100, cursor },
    )
    for (const call of page.items) {
      for (const kind of expiredRecordings(call, now, deps.retentionDays)) {
        const meta = call[kind]
        if (!meta) continue
        try {
          await deps.telephony.voice.deleteRecording(meta.recordingId)
        } catch (err) {
          // gone already at the provider: mark it deleted all the same; anything else waits for the next pass
          if (!(err instanceof TelephonyError && err.status === 404)) {
            deps.logger.warn(
              { callId: call.callId, kind, code: err instanceof TelephonyError ? err.code : 'error' },
              'recording not deleted',
            )
            continue
          }
        }
        await changeCall(
          deps.calls,
          call.callId,
          (c) => {
            const m = c[kind]
            return m && !m.deletedAt ? { ...c, [kind]: { ...m, deletedAt: now.toISOString() } } : null
          },
          now,
        )
        deleted++
      }
    }
    cursor = page.nextCursor
  } while (cursor)
  if (deleted) deps.logger.info({ deleted }, 'expired recordings deleted')
  return deleted
}

/** Runs the sweep every `intervalMs` (one pass at a time); `stop` waits for a pass in progress. */
export function recordingSweeper(deps: SweepDeps, intervalMs: number) {
  let timer: NodeJS.Timeout | null = null
  let running: Promise<unknown> = Promise.resolve()
  const tick = () => {
    running = running.then(() =>
      sweepRecordings(deps).catch((err: unknown) =>
        deps.logger.error(
          { err: err instanceof Error ? err.message : String(err) },
          'recording sweep failed',
        ),
      ),
    )
  }
  return {
    start() {
      if (intervalMs > 0 && !timer) {
        tick()
        timer = setInterval(tick, intervalMs)
      }
    },
    async stop() {
      if (timer) clearInterval(timer)
      timer = null
      await running
    },
  }
}
