// The calendar topic as the deployment makes it (docker-compose.yml's calendar-topic job): compacted by
// key, so that it keeps every year's latest table for ever. The bus leaves an existing topic as it is and
// keys every event by its subject (a compacted topic refuses messages without a key), so publication
// works on it and a consumer that starts later gets the latest table of each year.
import { CalendarEvents, type EventEnvelope, topicName } from '@tingjian/contracts'
import { eventually, KAFKA_BROKERS } from '@tingjian/testkit'
import kafkajs from 'kafkajs'
import t from 'tap'
import type { YearPublished } from '../src/domain/year.ts'
import { calendarService, drained, table2027 } from './helpers.ts'

// kafkajs is CommonJS: ConfigResourceTypes is not among the names Node finds for an ESM import
const { ConfigResourceTypes, Kafka, logLevel } = kafkajs

t.test('on a compacted calendar topic a later consumer gets the latest table of every year', async (t) => {
  const h = await calendarService(t, 'distributed')
  const topic = topicName(h.namespace, 'calendar')
  const admin = new Kafka({
    clientId: 'calendar-topic-test',
    brokers: KAFKA_BROKERS.split(','),
    logLevel: logLevel.NOTHING,
  }).admin()
  await admin.connect()
  t.teardown(() => admin.disconnect())
  // what the compose job does, before the service publishes anything
  t.ok(
    await admin.createTopics({
      waitForLeaders: true,
      topics: [{ topic, numPartitions: 3, configEntries: [{ name: 'cleanup.policy', value: 'compact' }] }],
    }),
    'the topic is new: the service has not made it',
  )

  const admin1 = h.auth('admin')
  const put = (year: number, payload: object) =>
    h.app.inject({ method: 'PUT', url: `/api/v1/calendar/years/${year}`, payload, headers: admin1 })
  t.equal((await put(2027, table2027())).statusCode, 200)
  const corrected = { ...table2027(), source: `${table2027().source}, corrected` }
  t.equal((await put(2027, corrected)).json().revision, 2)
  const y2028 = {
    source: 'test fixture (not a State Council notice)',
    holidays: [{ name: { zh: '元旦', en: "New Year's Day" }, from: '2028-01-01', to: '2028-01-01' }],
  }
  t.equal((await put(2028, y2028)).json().revision, 1)
  await drained(h.store)

  const [described] = (
    await admin.describeConfigs({
      includeSynonyms: false,
      resources: [{ type: ConfigResourceTypes.TOPIC, name: topic, configNames: ['cleanup.policy'] }],
    })
  ).resources
  t.equal(described?.configEntries[0]?.configValue, 'compact', 'the bus left the topic compacted')

  const late = await h.subscriber('late')
  const latest = (events: EventEnvelope[]) => {
    const byYear: Record<string, [number, string]> = {}
    for (const e of events) {
      if (!CalendarEvents.yearPublished.is(e)) continue
      const data = e.data as YearPublished
      const known = byYear[data.year]
      if (!known || data.revision > known[0]) byYear[data.year] = [data.revision, data.source]
    }
    return byYear
  }
  await eventually(
    async () => Object.keys(latest(late)).length === 2 && latest(late)['2027']?.[0] === 2,
    60_000,
  )
  t.same(latest(late), { 2027: [2, corrected.source], 2028: [1, y2028.source] })
})
