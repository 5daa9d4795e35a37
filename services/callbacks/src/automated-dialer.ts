// The automated line's dialler, run by each scheduler pass: inside calling hours it places calls, with
// answering-machine detection, for due tasks of the line (open, mode automated, available now), due
// soonest first, at most `settings.automatedBatch` a pass. Each task is claimed first by a unique insert
// into the claims collection (`<taskId>:<generation>`, by `automated`), as an officer's claim is, so that
// two passes (or two replicas) never dial it twice; the call is then on the task's record. The webhooks
// (./routes/automated.ts) take it from there.
//
// Restart-safe: a call placed and never reported (no webhook recorded its attempt for STALE_MS) gets an
// attempt `no_answer`, so the task goes to the staff; a claim taken and no call recorded after STALE_MS
// (a crash between the two) is given back (the generation moves on) and the task is dialled again.
// A provider that refuses the number (invalid_number) is a wrong number; any other failure gives the
// claim back for the next pass. Logs carry task and call ids, never a number.
import { type Logger as KitLogger, toE164 } from '@tingjian/kit'
import { isConflict, type Stored, withRetry } from '@tingjian/store'
import { TelephonyError } from '@tingjian/telephony'
import type { CallbacksContext, TaskDoc } from './collections.ts'
import { isCallingTime } from './domain/calling-hours.ts'
import { loadPolicy } from './domain/policy.ts'
import { claimIdOf, isClosed, openField } from './domain/task.ts'
import { AUTOMATED, autoUrl, recordAutomatedAttempt } from './routes/automated.ts'

type Logger = Pick<KitLogger, 'info' | 'warn'>

/** A call (or a claim) of the line older than this with nothing reported is given up. */
export const STALE_MS = 60 * 60_000
/** Tasks looked at per pass beyond the batch (some are in a call already). */
const LOOK_AHEAD = 50

export interface DialReport {
  /** Calls placed this pass. */
  placed: number
  /** Tasks whose call or claim went stale and was given up. */
  recovered: number
}

/** The attempt a task's next call is for, and whether a call of the line for it is recorded already. */
const nextAttempt = (task: Pick<TaskDoc, 'attempts'>) => task.attempts.length + 1
const callFor = (task: Pick<TaskDoc, 'attempts' | 'calls'>) =>
  task.calls.find((c) => c.by === AUTOMATED && c.attempt === nextAttempt(task))

/** Gives a claim of the line back without an attempt: the next pass claims the next generation. */
async function giveBack(ctx: CallbacksContext, taskId: string, generation: number): Promise<void> {
  await withRetry(async () => {
    const task = await ctx.tasks.get(taskId)
    if (!task || task.generation !== generation || isClosed(task)) return
    const { _id, version, createdAt, updatedAt, ...fields } = task
    await ctx.tasks.update(
      taskId,
      version,
      { ...fields, generation: generation + 1 },
      { now: ctx.clock.now() },
    )
  })
}

/** Records the placed call on the task, for the attempt it was placed for. */
async function callPlaced(ctx: CallbacksContext, taskId: string, callId: string, attempt: number) {
  await withRetry(async () => {
    const task = await ctx.tasks.get(taskId)
    if (!task || task.calls.some((c) => c.callId === callId)) return
    const { _id, version, createdAt, updatedAt, ...fields } = task
    const call = { by: AUTOMATED, at: ctx.clock.now().toISOString(), callId, attempt, dialStatus: null }
    await ctx.tasks.update(
      taskId,
      version,
      { ...fields, calls: [...fields.calls, call] },
      { now: ctx.clock.now() },
    )
  })
}

/** A task in a call already, or claimed and stale: recovered when stale; true when it is busy. */
async function inFlight(
  ctx: CallbacksContext,
  log: Logger,
  task: Stored<TaskDoc>,
): Promise<'busy' | 'recovered' | 'free'> {
  const now = ctx.clock.now().getTime()
  const call = callFor(task)
  if (call) {
    if (now - Date.parse(call.at) < STALE_MS) return 'busy'
    const recorded = await recordAutomatedAttempt(
      ctx,
      log,
      task._id,
      nextAttempt(task),
      'no_answer',
      call.callId,
    )
    if (recorded)
      log.warn({ taskId: task._id, callId: call.callId }, 'automated call never reported: given up')
    return 'recovered'
  }
  const claim = await ctx.claims.get(claimIdOf(task._id, task.generation))
  if (!claim) return 'free'
  if (now - Date.parse(claim.at) < STALE_MS) return 'busy'
  await giveBack(ctx, task._id, task.generation)
  log.warn({ taskId: task._id }, 'automated claim without a call: given back')
  return 'recovered'
}

/** One pass of the automated line: places calls for due automated tasks inside calling hours. */
export async function dialDueAutomated(ctx: CallbacksContext, log: Logger): Promise<DialReport> {
  const report: DialReport = { placed: 0, recovered: 0 }
  const now = ctx.clock.now()
  const policy = await loadPolicy(ctx)
  if (!isCallingTime(now, policy.callingHours, ctx.calendar)) return report
  const batch = Math.max(0, ctx.settings.automatedBatch)
  if (batch === 0) return report
  const page = await ctx.tasks.find(
    { status: 'open', mode: 'automated', availableAt: { $lte: now.toISOString() } },
    {
      sort: [
        ['availableAt', 1],
        ['createdAt', 1],
      ],
      limit: batch + LOOK_AHEAD,
    },
  )
  for (const task of page.items) {
    if (report.placed >= batch) break
    const state = await inFlight(ctx, log, task)
    if (state === 'recovered') report.recovered++
    if (state !== 'free') continue
    const generation = task.generation
    try {
      await ctx.claims.insert(claimIdOf(task._id, generation), {
        taskId: task._id,
        by: AUTOMATED,
        at: now.toISOString(),
        generation,
      })
    } catch (err) {
      if (isConflict(err, 'duplicate')) continue // another pass has it
      throw err
    }
    const attempt = nextAttempt(task)
    const number = toE164(openField(task.phone, ctx.cipher))
    if (!number) {
      await recordAutomatedAttempt(ctx, log, task._id, attempt, 'wrong_number', null)
      continue
    }
    try {
      const { callId } = await ctx.telephony.voice.placeCall({
        to: number,
        from: ctx.lineNumber,
        answerUrl: autoUrl(ctx, 'answer', { task: task._id, attempt }),
        statusUrl: autoUrl(ctx, 'status', { task: task._id, attempt }),
        timeoutSeconds: ctx.settings.ringSeconds,
        machineDetection: true,
      })
      await callPlaced(ctx, task._id, callId, attempt)
      report.placed++
      log.info({ taskId: task._id, callId, attempt }, 'automated callback placed')
    } catch (err) {
      if (!(err instanceof TelephonyError)) throw err
      log.warn({ taskId: task._id, code: err.code, status: err.status ?? null }, 'automated call not placed')
      if (err.code === 'invalid_number')
        await recordAutomatedAttempt(ctx, log, task._id, attempt, 'wrong_number', null)
      else await giveBack(ctx, task._id, generation)
    }
  }
  return report
}
