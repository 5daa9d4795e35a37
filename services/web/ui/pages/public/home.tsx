// The portal's front page: the channels, the time limits and how a letter is handled.
import { PageHeading } from '../../components/bits.tsx'
import { useI18n, useTitle } from '../../i18n/i18n.tsx'
import type { MessageKey } from '../../i18n/zh-CN.ts'
import { Link } from '../../lib/router.tsx'

const CHANNELS: Array<{ to: string; title: MessageKey; desc: MessageKey; icon: string }> = [
  { to: '/write', title: 'home.write.title', desc: 'home.write.desc', icon: '✉' },
  { to: '/follow', title: 'home.follow.title', desc: 'home.follow.desc', icon: '⌕' },
  { to: '/replies', title: 'home.replies.title', desc: 'home.replies.desc', icon: '☰' },
  { to: '/stats', title: 'home.stats.title', desc: 'home.stats.desc', icon: '▥' },
]

export function HomePage() {
  const { t } = useI18n()
  useTitle(t('home.title'))
  return (
    <>
      <PageHeading lead={t('home.lead')}>{t('home.title')}</PageHeading>
      <section aria-labelledby="channels-h">
        <h2 id="channels-h" className="sr-only">
          {t('home.channels')}
        </h2>
        <ul className="channel-grid">
          {CHANNELS.map((c) => (
            <li key={c.to}>
              <Link to={c.to} className="channel-card">
                <span className="channel-icon" aria-hidden="true">
                  {c.icon}
                </span>
                <span className="channel-title">{t(c.title)}</span>
                <span className="channel-desc">{t(c.desc)}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
      <div className="two-col">
        <section className="card" aria-labelledby="limits-h">
          <h2 id="limits-h">{t('home.limits.title')}</h2>
          <p>{t('home.limits.intro')}</p>
          <ul className="limits">
            <li>
              <strong className="limit-days">3</strong>
              <span>{t('home.limits.consultation')}</span>
            </li>
            <li>
              <strong className="limit-days">7</strong>
              <span>{t('home.limits.others')}</span>
            </li>
          </ul>
          <ul className="bullets">
            <li>{t('home.limits.sign')}</li>
            <li>{t('home.limits.extension')}</li>
            <li>{t('home.limits.escalation')}</li>
          </ul>
        </section>
        <section className="card" aria-labelledby="process-h">
          <h2 id="process-h">{t('home.process.title')}</h2>
          <ol className="steps">
            {(
              [
                'home.process.1',
                'home.process.2',
                'home.process.3',
                'home.process.4',
                'home.process.5',
              ] as const
            ).map((k) => (
              <li key={k}>{t(k)}</li>
            ))}
          </ol>
        </section>
      </div>
      <section className="card notice" aria-labelledby="notice-h">
        <h2 id="notice-h">{t('home.notice.title')}</h2>
        <ul className="bullets">
          <li>
            <strong>{t('home.notice.emergency')}</strong>
          </li>
          <li>{t('home.notice.truth')}</li>
          <li>{t('home.notice.key')}</li>
        </ul>
      </section>
    </>
  )
}
