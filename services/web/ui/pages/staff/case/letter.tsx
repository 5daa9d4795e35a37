// The letter as the citizen wrote it (contact data masked by the API as the caller's role requires), and
// the reply: the one sent, or the draft waiting for the lead's approval.
import type { CaseView } from '../../../api/types.ts'
import { Badge, Fact, Facts, UserText } from '../../../components/bits.tsx'
import { useI18n } from '../../../i18n/i18n.tsx'

export function LetterCard({ c }: { c: CaseView }) {
  const { t, tx, dateTime } = useI18n()
  const citizen = c.citizen
  return (
    <section className="card" aria-labelledby="letter-h">
      <h2 id="letter-h">{t('case.letter')}</h2>
      <h3 className="case-subject" data-testid="case-subject">
        <UserText text={c.subject} inline />
      </h3>
      <Facts>
        <Fact term={t('case.category')}>{tx('category', c.category)}</Fact>
        <Fact term={t('case.channel')}>{tx('channel', c.channel)}</Fact>
        <Fact term={t('case.submittedAt')}>{dateTime(c.submittedAt)}</Fact>
        <Fact term={t('case.consent')}>{c.consentToPublish ? t('common.yes') : t('common.no')}</Fact>
      </Facts>
      <UserText text={c.body} className="letter-body" />
      <h3>{t('case.citizen')}</h3>
      {c.anonymous ? (
        <p>
          <Badge tone="muted">{t('case.anonymous')}</Badge>
          {citizen.email && <span> {citizen.email}</span>}
        </p>
      ) : (
        <Facts>
          <Fact term={t('case.name')}>{citizen.name ?? '—'}</Fact>
          <Fact term={t('case.phone')}>{citizen.phone ?? '—'}</Fact>
          {citizen.email && <Fact term={t('case.email')}>{citizen.email}</Fact>}
          {citizen.idNumber && <Fact term={t('case.idNumber')}>{citizen.idNumber}</Fact>}
        </Facts>
      )}
    </section>
  )
}

/** The reply sent to the citizen, else the draft under review, else nothing. */
export function ReplyCard({ c }: { c: CaseView }) {
  const { t, tx, dateTime } = useI18n()
  const reply = c.reply
    ? { title: t('case.reply'), at: c.reply.repliedAt, atLabel: t('follow.repliedAt'), ...c.reply }
    : c.draftReply
      ? { title: t('case.draftReply'), atLabel: t('case.submittedAt'), ...c.draftReply }
      : null
  if (!reply) return null
  return (
    <section className="card" aria-labelledby="reply-h">
      <h2 id="reply-h">{reply.title}</h2>
      <Facts>
        <Fact term={reply.atLabel}>{dateTime(reply.at)}</Fact>
        <Fact term={t('case.replyPublic')}>{reply.public ? t('common.yes') : t('common.no')}</Fact>
        {reply.finding && (
          <Fact term={t('case.finding')}>
            <span data-testid="case-finding">{tx('finding', reply.finding)}</span>
          </Fact>
        )}
      </Facts>
      <UserText text={reply.text} className="reply-text" />
    </section>
  )
}
