// 即时办结: answered on the spot by the dispatcher or a hotline operator.
import { type Handler, publishReply } from './handler.ts'

export const answer: Handler<'answer'> = (c, command, x) => {
  const reply = publishReply(
    c,
    x,
    command.text,
    command.public ?? true,
    c.departmentId,
    command.finding ?? null,
  )
  return {
    set: { status: 'replied', acceptedAt: c.acceptedAt ?? x.at, ...reply.set },
    action: 'answered',
    entries: [{ action: 'answered', note: null, public: true }],
    events: reply.events,
  }
}
