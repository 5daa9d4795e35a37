// The confirmation: the tracking code and the access key, shown this once (held in memory only), with copy
// and print. A reload or a later visit says they cannot be shown again.
import { useEffect, useState } from 'react'
import { CopyButton, Fact, Facts, PageHeading } from '../../components/bits.tsx'
import { Notice } from '../../components/feedback.tsx'
import { useI18n, useTitle } from '../../i18n/i18n.tsx'
import { Link, navigate } from '../../lib/router.tsx'
import { followHandoff, receiptStore } from './receipt-store.ts'

export function DonePage() {
  const { t, tx, dateTime } = useI18n()
  const [receipt] = useState(() => receiptStore.peek())
  useTitle(receipt ? t('done.title') : t('done.gone.title'))
  // forget the key as soon as this page goes away
  useEffect(() => () => receiptStore.clear(), [])

  if (!receipt) {
    return (
      <>
        <PageHeading>{t('done.gone.title')}</PageHeading>
        <Notice kind="warning">{t('done.gone.text')}</Notice>
        <p className="actions-row">
          <Link to="/follow" className="btn btn-primary">
            {t('done.followNow')}
          </Link>
          <Link to="/write" className="btn btn-secondary">
            {t('done.writeAnother')}
          </Link>
        </p>
      </>
    )
  }

  const days = receipt.category === 'consultation' ? 3 : 7
  return (
    <>
      <PageHeading lead={t('done.lead')}>{t('done.title')}</PageHeading>
      <section className="card receipt" aria-labelledby="receipt-h" data-testid="receipt">
        <h2 id="receipt-h" className="print-only">
          {t('done.print.title')}
        </h2>
        <div className="secret-row">
          <span className="secret-label" id="code-label">
            {t('done.code')}
          </span>
          <output className="secret" aria-labelledby="code-label" data-testid="tracking-code">
            {receipt.trackingCode}
          </output>
          <CopyButton value={receipt.trackingCode} label={t('done.copyCode')} />
        </div>
        <div className="secret-row">
          <span className="secret-label" id="key-label">
            {t('done.key')}
          </span>
          <output className="secret secret-key" aria-labelledby="key-label" data-testid="access-key">
            {receipt.accessKey}
          </output>
          <CopyButton value={receipt.accessKey} label={t('done.copyKey')} />
        </div>
        <Notice kind="warning">
          <strong>{t('done.warning')}</strong>
        </Notice>
        <Facts>
          <Fact term={t('done.submittedAt')}>{dateTime(receipt.submittedAt)}</Fact>
          <Fact term={t('write.category')}>{tx('category', receipt.category)}</Fact>
        </Facts>
        <p>{t('done.limit', { n: days })}</p>
        {receipt.emailGiven && <p>{t('done.email')}</p>}
      </section>
      <p className="actions-row no-print">
        <button type="button" className="btn btn-secondary" onClick={() => window.print()}>
          {t('common.print')}
        </button>
        <button
          type="button"
          className="btn btn-primary"
          onClick={() => {
            followHandoff.put({ trackingCode: receipt.trackingCode, accessKey: receipt.accessKey })
            navigate('/follow')
          }}
        >
          {t('done.followNow')}
        </button>
        <Link to="/write" className="btn btn-ghost">
          {t('done.writeAnother')}
        </Link>
      </p>
    </>
  )
}
