// The polls service's collections, their indexes and the context every route plugin gets.
import type { Clock } from '@tingjian/kit'
import type { Collection, DocumentStore, IndexSpec } from '@tingjian/store'
import type { Ballot } from './domain/ballot.ts'
import type { Poll } from './domain/poll.ts'
import type { Verification } from './domain/verification.ts'

// Renaming a collection needs a migration.
export const POLLS = 'polls'
/** Secret ballots: answers, the poll and the day; random `_id`s. */
export const BALLOTS = 'ballots'
/** The eligibility ledger: one entry per voter and poll, `_id` = `<pollId>.<keyed hash>`; no answers. */
export const LEDGER = 'ledger'
export const VERIFICATIONS = 'verifications'
export const INVITATIONS = 'invitations'

/** A ledger entry: that this voter voted in this poll. The nonce lets the settlement find its ballot. */
export interface LedgerEntry {
  pollId: string
  nonce: string
}

/** An invitee: the number's keyed hash (`_id` = `<pollId>.<hash>`) and the code's, never either in clear. */
export interface Invitation {
  pollId: string
  codeHash: string
  invitedBy: string
}

export const POLL_INDEXES: IndexSpec[] = [
  {
    name: 'status_closes_at',
    keys: [
      ['status', 1],
      ['closesAt', 1],
    ],
  },
]
export const BALLOT_INDEXES: IndexSpec[] = [
  {
    name: 'poll_state',
    keys: [
      ['pollId', 1],
      ['state', 1],
    ],
  },
]
export const LEDGER_INDEXES: IndexSpec[] = [{ name: 'poll', keys: [['pollId', 1]] }]
export const INVITATION_INDEXES: IndexSpec[] = [
  { name: 'code_hash', keys: [['codeHash', 1]], unique: true },
  { name: 'poll', keys: [['pollId', 1]] },
]

export interface PollsContext {
  polls: Collection<Poll>
  ballots: Collection<Ballot>
  ledger: Collection<LedgerEntry>
  verifications: Collection<Verification>
  invitations: Collection<Invitation>
  clock: Clock
  /** Keys every voter hash, code hash, claim and voting token (POLLS_SECRET). */
  secret: Buffer
  /** Seals the number and the code in `polls.code-requested` (the kit's FieldCipher). */
  cipher: { encrypt(plain: string): string }
}

export async function openCollections(store: DocumentStore) {
  const polls = store.collection<Poll>(POLLS)
  const ballots = store.collection<Ballot>(BALLOTS)
  const ledger = store.collection<LedgerEntry>(LEDGER)
  const verifications = store.collection<Verification>(VERIFICATIONS)
  const invitations = store.collection<Invitation>(INVITATIONS)
  await polls.ensureIndexes(POLL_INDEXES)
  await ballots.ensureIndexes(BALLOT_INDEXES)
  await ledger.ensureIndexes(LEDGER_INDEXES)
  await invitations.ensureIndexes(INVITATION_INDEXES)
  return { polls, ballots, ledger, verifications, invitations }
}
