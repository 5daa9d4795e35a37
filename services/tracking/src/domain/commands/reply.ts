// 答复 and 审核: a handler drafts the reply; the department lead approves it (it reaches the citizen) or
// sends it back.
import { type Handler, publishReply, refuse } from './handler.ts'

export const draftReply: Handler<'reply'> = (_c, command, x) => ({
  set: {
    status: 'reply_review',
    draftReply: {
      text: command.text,
      public: command.public ?? true,
      by: x.actorId,
      at: x.at,
      finding: command.finding ?? null,
    },
  },
  action: 'reply_drafted',
  entries: [{ action: 'reply_drafted', note: null, public: false }],
  events: [],
})

export const approveReply: Handler<'reply/approve'> = (c, _command, x) => {
  const draft = c.draftReply
  if (!draft) return refuse('invalid_state', 'there is no draft reply') // (permission checked it)
  // the finding travels with the draft to the approval (审核), which publishes both
  const reply = publishReply(c, x, draft.text, draft.public, c.departmentId, draft.finding ?? null)
  return {
    set: { status: 'replied', ...reply.set },
    action: 'replied',
    entries: [{ action: 'replied', note: null, public: true }],
    events: reply.events,
  }
}

export const sendBackReply: Handler<'reply/send-back'> = (_c, command) => ({
  set: { status: 'in_progress' },
  action: 'reply_sent_back',
  entries: [{ action: 'reply_sent_back', note: command.reason, public: false }],
  events: [],
})
