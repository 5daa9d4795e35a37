// Scripts (the port's Verbs) rendered as TwiML, the XML a Twilio voice webhook answers with. The simulator
// renders with this too, so both sides of a test speak exactly what Twilio would receive.
import twilio from 'twilio'
import { DIAL_LEG_EVENTS, type DialLegStatus, type Language, type Script, type Verb } from '../port.ts'

type VoiceResponse = InstanceType<typeof twilio.twiml.VoiceResponse>
type Gather = ReturnType<VoiceResponse['gather']>
type Prompt = Extract<Verb, { verb: 'say' | 'play' | 'pause' }>

// Twilio's default voice speaks zh-CN and en-US; only the language needs to be named.
const DEFAULT_LANGUAGE: Language = 'zh-CN'

/** The TwiML document for a script (`<?xml …?><Response>…</Response>`). */
export function renderTwiml(script: Script): string {
  const response = new twilio.twiml.VoiceResponse()
  for (const verb of script) renderVerb(response, verb)
  return response.toString()
}

function renderPrompt(parent: VoiceResponse | Gather, verb: Prompt): void {
  switch (verb.verb) {
    case 'say':
      parent.say(
        {
          language: verb.language ?? DEFAULT_LANGUAGE,
          ...(verb.loop === undefined ? {} : { loop: verb.loop }),
        },
        verb.text,
      )
      return
    case 'play':
      parent.play(verb.loop === undefined ? {} : { loop: verb.loop }, verb.url)
      return
    case 'pause':
      parent.pause({ length: verb.seconds })
      return
  }
}

/** The dialled leg's status callback attributes of a `<Number>` or `<Client>` noun (none without a URL). */
function legStatus(target: DialLegStatus) {
  const events = [...new Set(target.statusEvents ?? DIAL_LEG_EVENTS)]
  if (target.statusUrl === undefined || events.length === 0) return {}
  return {
    statusCallback: target.statusUrl,
    statusCallbackMethod: 'POST',
    // Twilio's default without the attribute is `completed` only; the port's default is every moment
    statusCallbackEvent: events,
  }
}

function renderVerb(response: VoiceResponse, verb: Verb): void {
  switch (verb.verb) {
    case 'say':
    case 'play':
    case 'pause':
      renderPrompt(response, verb)
      return
    case 'enqueue':
      response.enqueue(
        {
          waitUrl: verb.waitUrl,
          waitUrlMethod: 'POST',
          ...(verb.action === undefined ? {} : { action: verb.action, method: 'POST' }),
        },
        verb.queue,
      )
      return
    case 'dial': {
      const dial = response.dial({
        ...(verb.callerId === undefined ? {} : { callerId: verb.callerId }),
        ...(verb.timeoutSeconds === undefined ? {} : { timeout: verb.timeoutSeconds }),
        ...(verb.action === undefined ? {} : { action: verb.action, method: 'POST' }),
        ...(verb.record
          ? {
              record: 'record-from-answer-dual' as const,
              ...(verb.recordingStatusUrl === undefined
                ? {}
                : {
                    recordingStatusCallback: verb.recordingStatusUrl,
                    recordingStatusCallbackMethod: 'POST',
                  }),
            }
          : {}),
      })
      const target = verb.target
      if (target.kind === 'number') dial.number(legStatus(target), target.number)
      else if (target.kind === 'client') dial.client(legStatus(target), target.identity)
      else dial.queue(target.queue)
      return
    }
    case 'record':
      response.record({
        maxLength: verb.maxLengthSeconds,
        action: verb.action,
        method: 'POST',
        ...(verb.recordingStatusUrl === undefined
          ? {}
          : { recordingStatusCallback: verb.recordingStatusUrl, recordingStatusCallbackMethod: 'POST' }),
        ...(verb.playBeep === undefined ? {} : { playBeep: verb.playBeep }),
        ...(verb.finishOnKey === undefined ? {} : { finishOnKey: verb.finishOnKey }),
        ...(verb.timeoutSeconds === undefined ? {} : { timeout: verb.timeoutSeconds }),
      })
      return
    case 'gather': {
      const gather = response.gather({
        input: ['dtmf'],
        action: verb.action,
        method: 'POST',
        ...(verb.numDigits === undefined ? {} : { numDigits: verb.numDigits }),
        ...(verb.timeoutSeconds === undefined ? {} : { timeout: verb.timeoutSeconds }),
        ...(verb.finishOnKey === undefined ? {} : { finishOnKey: verb.finishOnKey }),
      })
      for (const prompt of verb.prompt ?? []) renderPrompt(gather, prompt)
      return
    }
    case 'redirect':
      response.redirect({ method: 'POST' }, verb.url)
      return
    case 'leave':
      response.leave()
      return
    case 'hangup':
      response.hangup()
      return
  }
}
