// Reads the TwiML a service answers with into the instructions the simulator follows, as Twilio reads it:
// verbs are case-sensitive, URLs are resolved against the document that named them, defaults are Twilio's.
import { XMLParser, XMLValidator } from 'fast-xml-parser'

export type Prompt =
  | { verb: 'say'; text: string; loop: number }
  | { verb: 'play'; url: string; loop: number }
  | { verb: 'pause'; seconds: number }

/** A `<Number>` or `<Client>` noun's status callback of the leg it rings. */
export interface LegStatusCallback {
  statusCallback?: string
  /** The moments posted; Twilio's default with a statusCallback is `completed` only. */
  statusCallbackEvents?: LegEvent[]
}
export type LegEvent = 'initiated' | 'ringing' | 'answered' | 'completed'
const LEG_EVENTS: readonly string[] = ['initiated', 'ringing', 'answered', 'completed']

export type DialNoun =
  | ({ kind: 'number'; number: string } & LegStatusCallback)
  | ({ kind: 'client'; identity: string } & LegStatusCallback)
  | { kind: 'queue'; queue: string }

export interface EnqueueInstruction {
  verb: 'enqueue'
  queue: string
  action?: string
  waitUrl?: string
}
export interface DialInstruction {
  verb: 'dial'
  targets: DialNoun[]
  action?: string
  timeoutSeconds: number
  callerId?: string
  record: boolean
  recordingStatusCallback?: string
}
export interface RecordInstruction {
  verb: 'record'
  action: string
  maxLengthSeconds: number
  finishOnKey: string
  playBeep: boolean
  recordingStatusCallback?: string
}
export interface GatherInstruction {
  verb: 'gather'
  action: string
  numDigits?: number
  finishOnKey: string
  timeoutSeconds: number
  prompt: Prompt[]
}

export type Instruction =
  | Prompt
  | EnqueueInstruction
  | DialInstruction
  | RecordInstruction
  | GatherInstruction
  | { verb: 'redirect'; url: string }
  | { verb: 'leave' }
  | { verb: 'hangup' }
  | { verb: 'reject'; reason: 'busy' | 'rejected' }

/** A TwiML document that Twilio would refuse (its error 12100, document parse failure). */
export class TwimlError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'TwimlError'
  }
}

type XmlNode = Record<string, unknown>

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
})

const tagOf = (node: XmlNode): string | undefined =>
  Object.keys(node).find((k) => k !== ':@' && k !== '#text')
const childrenOf = (node: XmlNode, tag: string): XmlNode[] => (node[tag] as XmlNode[] | undefined) ?? []
const attrsOf = (node: XmlNode): Record<string, string> => (node[':@'] as Record<string, string>) ?? {}

function textOf(nodes: XmlNode[]): string {
  let text = ''
  for (const node of nodes) {
    if (typeof node['#text'] === 'string' || typeof node['#text'] === 'number') text += String(node['#text'])
    const tag = tagOf(node)
    if (tag) text += textOf(childrenOf(node, tag))
  }
  return text.trim()
}

function integer(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback
  if (!/^\d{1,6}$/.test(value.trim())) throw new TwimlError(`${name} is not a whole number`)
  return Number(value.trim())
}

function bool(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined) return fallback
  return value.trim().toLowerCase() === 'true'
}

function url(value: string | undefined, base: string, name: string): string | undefined {
  if (value === undefined || value.trim() === '') return undefined
  try {
    return new URL(value.trim(), base).toString()
  } catch {
    throw new TwimlError(`${name} is not a URL`)
  }
}

function prompt(tag: string, node: XmlNode, base: string): Prompt | undefined {
  const attrs = attrsOf(node)
  const children = childrenOf(node, tag)
  if (tag === 'Say') return { verb: 'say', text: textOf(children), loop: integer(attrs.loop, 1, 'Say loop') }
  if (tag === 'Play') {
    const target = url(textOf(children), base, 'Play URL')
    // <Play digits="…"/> plays tones and has no URL
    return {
      verb: 'play',
      url: target ?? `digits:${attrs.digits ?? ''}`,
      loop: integer(attrs.loop, 1, 'Play loop'),
    }
  }
  if (tag === 'Pause') return { verb: 'pause', seconds: integer(attrs.length, 1, 'Pause length') }
  return undefined
}

/** The leg's status callback attributes of a noun; unknown event names are skipped, as Twilio warns and goes on. */
function legStatusCallback(attrs: Record<string, string>, base: string, tag: string): LegStatusCallback {
  const statusCallback = url(attrs.statusCallback, base, `${tag} statusCallback`)
  if (!statusCallback) return {}
  const named = (attrs.statusCallbackEvent ?? '').split(/[\s,]+/).filter((e) => LEG_EVENTS.includes(e))
  const statusCallbackEvents = named.length ? [...new Set(named as LegEvent[])] : ['completed' as const]
  return { statusCallback, statusCallbackEvents }
}

function dialNouns(node: XmlNode, base: string): DialNoun[] {
  const children = childrenOf(node, 'Dial')
  const nouns: DialNoun[] = []
  for (const child of children) {
    const tag = tagOf(child)
    if (!tag) continue
    const text = textOf(childrenOf(child, tag))
    if (tag === 'Number')
      nouns.push({ kind: 'number', number: text, ...legStatusCallback(attrsOf(child), base, tag) })
    else if (tag === 'Client') {
      // <Client>alice</Client> or <Client><Identity>alice</Identity>…</Client>
      const identity = childrenOf(child, tag).find((c) => tagOf(c) === 'Identity')
      nouns.push({
        kind: 'client',
        identity: identity ? textOf(childrenOf(identity, 'Identity')) : text,
        ...legStatusCallback(attrsOf(child), base, tag),
      })
    } else if (tag === 'Queue') nouns.push({ kind: 'queue', queue: text })
    else throw new TwimlError(`<Dial><${tag}> is not supported by the simulator`)
  }
  // <Dial>+8613…</Dial>: the number as the verb's text
  const bare = children
    .filter((c) => typeof c['#text'] === 'string' || typeof c['#text'] === 'number')
    .map((c) => String(c['#text']).trim())
    .join('')
  if (bare) nouns.push({ kind: 'number', number: bare })
  return nouns
}

/** The instructions of a TwiML document fetched from `base`; throws TwimlError when Twilio would refuse it. */
export function readTwiml(xml: string, base: string): Instruction[] {
  if (xml.trim() === '') throw new TwimlError('the document is empty')
  const valid = XMLValidator.validate(xml)
  if (valid !== true) throw new TwimlError(`the document is not well-formed XML (line ${valid.err.line})`)
  const roots = (parser.parse(xml) as XmlNode[]).filter((n) => tagOf(n))
  const root = roots[0]
  if (roots.length !== 1 || !root || tagOf(root) !== 'Response')
    throw new TwimlError('the root is not <Response>')
  const instructions: Instruction[] = []
  for (const node of childrenOf(root, 'Response')) {
    const tag = tagOf(node)
    if (!tag) {
      if (String(node['#text'] ?? '').trim()) throw new TwimlError('text outside a verb')
      continue
    }
    const attrs = attrsOf(node)
    const simple = prompt(tag, node, base)
    if (simple) {
      instructions.push(simple)
      continue
    }
    switch (tag) {
      case 'Enqueue': {
        const queue = textOf(childrenOf(node, tag))
        if (!queue) throw new TwimlError('<Enqueue> names no queue')
        const action = url(attrs.action, base, 'Enqueue action')
        const waitUrl = url(attrs.waitUrl, base, 'Enqueue waitUrl')
        instructions.push({
          verb: 'enqueue',
          queue,
          ...(action ? { action } : {}),
          ...(waitUrl ? { waitUrl } : {}),
        })
        break
      }
      case 'Dial': {
        const targets = dialNouns(node, base)
        if (targets.length === 0) throw new TwimlError('<Dial> has nothing to dial')
        const action = url(attrs.action, base, 'Dial action')
        const recordingStatusCallback = url(
          attrs.recordingStatusCallback,
          base,
          'Dial recordingStatusCallback',
        )
        instructions.push({
          verb: 'dial',
          targets,
          timeoutSeconds: integer(attrs.timeout, 30, 'Dial timeout'),
          record: (attrs.record ?? 'do-not-record').startsWith('record-from'),
          ...(action ? { action } : {}),
          ...(attrs.callerId ? { callerId: attrs.callerId } : {}),
          ...(recordingStatusCallback ? { recordingStatusCallback } : {}),
        })
        break
      }
      case 'Record': {
        const recordingStatusCallback = url(
          attrs.recordingStatusCallback,
          base,
          'Record recordingStatusCallback',
        )
        instructions.push({
          verb: 'record',
          // without an action Twilio posts to the document's own URL
          action: url(attrs.action, base, 'Record action') ?? base,
          maxLengthSeconds: integer(attrs.maxLength, 3600, 'Record maxLength'),
          finishOnKey: attrs.finishOnKey ?? '1234567890*#',
          playBeep: bool(attrs.playBeep, true),
          ...(recordingStatusCallback ? { recordingStatusCallback } : {}),
        })
        break
      }
      case 'Gather': {
        const prompts: Prompt[] = []
        for (const child of childrenOf(node, tag)) {
          const childTag = tagOf(child)
          if (!childTag) continue
          const p = prompt(childTag, child, base)
          if (!p) throw new TwimlError(`<Gather> cannot hold <${childTag}>`)
          prompts.push(p)
        }
        const numDigits =
          attrs.numDigits === undefined ? undefined : integer(attrs.numDigits, 1, 'Gather numDigits')
        instructions.push({
          verb: 'gather',
          action: url(attrs.action, base, 'Gather action') ?? base,
          finishOnKey: attrs.finishOnKey ?? '#',
          timeoutSeconds: integer(attrs.timeout, 5, 'Gather timeout'),
          prompt: prompts,
          ...(numDigits === undefined ? {} : { numDigits }),
        })
        break
      }
      case 'Redirect': {
        const target = url(textOf(childrenOf(node, tag)), base, 'Redirect URL')
        if (!target) throw new TwimlError('<Redirect> names no URL')
        instructions.push({ verb: 'redirect', url: target })
        break
      }
      case 'Leave':
        instructions.push({ verb: 'leave' })
        break
      case 'Hangup':
        instructions.push({ verb: 'hangup' })
        break
      case 'Reject':
        instructions.push({ verb: 'reject', reason: attrs.reason === 'busy' ? 'busy' : 'rejected' })
        break
      default:
        throw new TwimlError(`<${tag}> is not a TwiML voice verb the simulator knows`)
    }
  }
  return instructions
}
