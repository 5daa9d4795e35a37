// The staff call through the telephony simulator: the officer's own phone rings first, its answer
// webhook dials the citizen's number from the sealed field (never in a URL), the call and the citizen
// leg's outcome are on the task's record; reveal only for the holder (or a supervisor), on the record;
// a forged webhook changes nothing; no number in any log line. Embedded adapter (the webhooks are HTTP;
// the store's behaviour is covered by the other tests on both).
import { createHash } from 'node:crypto'
import t from 'tap'
import { API, callbacks, sh } from './helpers.ts'

const taskIdOf = (caseId: string) =>
  `cbt_${createHash('sha256').update(`case:${caseId}:0`).digest('hex').slice(0, 32)}`

t.test('call: the officer first, then the citizen; reveal on the record; no number logged', async (t) => {
  const h = await callbacks(t, 'embedded', { start: sh('2026-03-02T10:00:00').toISOString() })
  const op1 = await h.officer('op1')
  const op2 = await h.officer('op2')
  const c = await h.publishDue({ category: 'complaint' })
  const id = taskIdOf(c.caseId)
  await h.waitTask(id)
  const phone = c.phoneClear as string

  const call = () => h.app.inject({ method: 'POST', url: `${API}/tasks/${id}/call`, headers: op1 })
  t.equal((await call()).statusCode, 409, 'claim first')
  t.equal(
    (await h.app.inject({ method: 'POST', url: `${API}/tasks/${id}/claim`, headers: op1 })).statusCode,
    200,
  )
  t.equal(
    (await h.app.inject({ method: 'POST', url: `${API}/tasks/${id}/claim`, headers: op2 })).statusCode,
    404,
    "another officer's claimed task is not theirs to see",
  )

  // the view shows the masked number only
  const view = await h.app.inject({ url: `${API}/tasks/${id}`, headers: op1 })
  t.equal(view.json().task.phoneMasked, `${phone.slice(0, 3)}****${phone.slice(-4)}`)
  t.notOk(view.body.includes(phone), 'no number in the task view')

  const placed = await call()
  t.equal(placed.statusCode, 202, placed.body)
  const callId = placed.json().callId as string
  t.notOk(placed.body.includes(phone), 'no number in the answer')
  await h.simulator.idle()
  const officerLeg = h.simulator.call(callId)
  t.equal(officerLeg?.to, 'client:op1', "the officer's own phone rings first")
  t.ok(
    officerLeg?.transcript.some((l) => l.kind === 'dial' && l.text.includes(`+86${phone}`)),
    "then the citizen's number is dialled",
  )
  t.ok(
    h.simulator.calls().every((x) => x.transcript.every((l) => l.kind === 'dial' || !l.text.includes(phone))),
    'the number appears in no URL or other step',
  )
  const citizenLeg = h.simulator.calls().find((x) => x.parentCallId === callId)
  t.equal(citizenLeg?.to, `+86${phone}`)
  await h.simulator.hangup(callId)
  await h.simulator.idle()
  const task = await h.tasks.get(id)
  t.match(task?.calls, [{ by: 'op1', callId, attempt: 1, dialStatus: 'completed' }])

  // reveal: not for another officer; for the holder, on the record
  t.equal(
    (await h.app.inject({ method: 'POST', url: `${API}/tasks/${id}/reveal`, headers: op2 })).statusCode,
    404,
  )
  const revealed = await h.app.inject({ method: 'POST', url: `${API}/tasks/${id}/reveal`, headers: op1 })
  t.equal(revealed.statusCode, 200)
  t.equal(revealed.json().phone, phone)
  const bySupervisor = await h.app.inject({
    method: 'POST',
    url: `${API}/tasks/${id}/reveal`,
    headers: h.supervisor,
  })
  t.equal(bySupervisor.statusCode, 200)
  t.same(
    (await h.tasks.get(id))?.reveals.map((r) => [r.by, r.at]),
    [
      ['op1', h.clock.now().toISOString()],
      ['sup-1', h.clock.now().toISOString()],
    ],
  )

  // a forged webhook: 403 and nothing dialled
  const forged = await h.app.inject({
    method: 'POST',
    url: `/api/v1/callbacks/voice/bridge?task=${id}&attempt=1`,
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': 'AAAA' },
    payload: 'CallSid=CA00000000000000000000000000000000&CallStatus=in-progress',
  })
  t.equal(forged.statusCode, 403)
  t.notOk(forged.body.includes(phone))

  // outside calling hours no call is placed
  h.clock.set(sh('2026-03-02T12:30:00'))
  t.equal((await call()).statusCode, 409)

  // no officer phone: 409
  const op3 = h.as('op3', ['callback_agent'])
  const c2 = await h.publishDue({ category: 'complaint' })
  const id2 = taskIdOf(c2.caseId)
  await h.waitTask(id2)
  h.clock.set(sh('2026-03-02T15:00:00'))
  await h.app.inject({ method: 'POST', url: `${API}/tasks/${id2}/claim`, headers: op3 })
  const noPhone = await h.app.inject({ method: 'POST', url: `${API}/tasks/${id2}/call`, headers: op3 })
  t.equal(noPhone.statusCode, 409)
  t.equal(noPhone.json().code, 'TJ_NO_ENDPOINT')

  const logs = h.lines.join('\n')
  for (const p of [phone, c2.phoneClear as string]) {
    t.notOk(logs.includes(p), 'no number in the logs')
    t.notOk(logs.includes(`${p.slice(0, 3)}****${p.slice(-4)}`), 'not even masked')
  }
})
