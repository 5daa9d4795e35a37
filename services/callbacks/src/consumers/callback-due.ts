// tracking.callback-due → a callback task, per policy: complaints and reports always, a rework after a
// dissatisfied rating always, the rest by the department's seeded sample; never without a phone or when
// the citizen declined contact. Every eligible case counts once in its stratum's population (the KPIs'
// weights); a redelivered event is the same draw and the same task (duplicate inserts are "done").
import type { TrackingEvents } from '@tingjian/contracts'
import { type Logger, normalisePhone } from '@tingjian/kit'
import { isConflict, upsert } from '@tingjian/store'
import type { CallbacksContext } from '../collections.ts'
import { monthOf } from '../domain/calling-hours.ts'
import { caseRate, loadPolicy, sampled } from '../domain/policy.ts'
import { newTask, openField, subjectKey, taskIdFor } from '../domain/task.ts'
import { stratumId } from '../records.ts'

type CallbackDue = ReturnType<typeof TrackingEvents.callbackDue.create>['data']

export async function onCallbackDue(ctx: CallbacksContext, data: CallbackDue, log: Logger): Promise<void> {
  const caseId = data.caseId
  if (!data.phone || data.contactDeclined) {
    log.info({ caseId, reason: data.phone ? 'declined' : 'no_phone' }, 'case not eligible for a callback')
    return
  }
  if (!data.departmentId) {
    log.warn({ caseId }, 'case not eligible for a callback: no department')
    return
  }
  const phone = normalisePhone(openField(data.phone, ctx.cipher))
  if (!phone) {
    log.warn({ caseId }, 'case not eligible for a callback: the number is not a mainland number')
    return
  }
  const policy = await loadPolicy(ctx)
  const { rate, stratum } = caseRate(policy, {
    category: data.category,
    departmentId: data.departmentId,
    previousRating: data.previousRating,
  })
  const subject = { kind: 'case' as const, caseId, reworkCount: data.reworkCount }
  const key = subjectKey(subject)
  const taskId = taskIdFor(subject)
  const repliedAt = new Date(data.repliedAt)
  const month = monthOf(repliedAt)

  // the draw, once: a redelivery finds it and repeats nothing that was done
  let draw = await ctx.caseDraws.get(key)
  if (!draw) {
    try {
      draw = await ctx.caseDraws.insert(key, {
        taskId,
        month,
        stratum,
        rate,
        sampled: sampled(policy.seed, key, rate),
        counted: false,
      })
    } catch (err) {
      if (!isConflict(err, 'duplicate')) throw err
      draw = await ctx.caseDraws.get(key)
    }
  }
  if (!draw) throw new Error('the case draw vanished')
  if (!draw.counted) {
    const d = draw
    await upsert(
      ctx.strata,
      stratumId(d.month, d.stratum),
      () => ({
        month: d.month,
        stratum: d.stratum,
        kind: 'case' as const,
        population: 1,
        sampled: d.sampled ? 1 : 0,
        rate: d.rate,
      }),
      (s) => ({ ...s, population: s.population + 1, sampled: s.sampled + (d.sampled ? 1 : 0), rate: d.rate }),
    )
    await ctx.caseDraws.update(key, d.version, { ...stripMeta(d), counted: true })
  }
  if (!draw.sampled) {
    log.info({ caseId, stratum }, 'case not drawn for a callback')
    return
  }
  const { id, task } = newTask(
    {
      subjectKind: 'case',
      caseId,
      trackingCode: data.trackingCode,
      serviceRecord: null,
      serviceType: 'case',
      departmentId: data.departmentId,
      office: data.office,
      window: data.window,
      staffNumber: data.staffNumber,
      phone,
      applicantName: null,
      samplingRate: draw.rate,
      stratum: draw.stratum,
      feeSchedule: null,
      reworkCount: data.reworkCount,
      subjectAt: repliedAt,
    },
    { policy, calendar: ctx.calendar, cipher: ctx.cipher },
  )
  try {
    await ctx.tasks.insert(id, task, { now: ctx.clock.now() })
    log.info({ caseId, taskId: id, mode: task.mode }, 'callback task created')
  } catch (err) {
    if (!isConflict(err, 'duplicate')) throw err
    log.debug({ caseId, taskId: id }, 'callback task exists')
  }
}

const stripMeta = <T extends { _id: string; version: number; createdAt: string; updatedAt: string }>(
  d: T,
) => {
  const { _id, version, createdAt, updatedAt, ...rest } = d
  return rest
}
