// The main path on the distributed adapters (Kafka, FerretDB): a call queued, answered, logged as a case.
import t from 'tap'
import { hotline, published } from './helpers.ts'

const API = '/api/v1/hotline'

t.test('on Kafka and FerretDB: queued, answered, logged, events published', async (t) => {
  const h = await hotline(t, 'distributed')
  const headers = await h.operator('op1')
  const call = await h.dial()
  const answered = await h.app.inject({ method: 'POST', url: `${API}/queue/answer-next`, headers })
  t.equal(answered.statusCode, 200, answered.body)
  await h.simulator.idle()
  await h.simulator.hangup(call.providerCallId)
  await h.simulator.idle()
  const logged = await h.app.inject({
    method: 'POST',
    url: `${API}/calls/${call.callId}/log`,
    headers,
    payload: {
      outcome: 'answered_on_spot',
      category: 'consultation',
      subject: '办证咨询',
      summary: '询问身份证办理时间。',
      answer: '工作日可办理。',
    },
  })
  t.equal(logged.statusCode, 201, logged.body)
  const types = (await published(h.events, (e) => e.subject === call.callId, 3)).map((e) => e.type)
  t.same(types, ['hotline.call-received', 'hotline.call-ended', 'hotline.call-logged'])
})
