// Published replies (GET /api/v1/public/replies): newest first, a page at a time (cursor), searched on
// the server by words of the letter's subject and by type.
import { type FormEvent, useCallback, useEffect, useState } from 'react'
import { publicApi } from '../../api/client.ts'
import { CATEGORIES, type Page, type PublicReply } from '../../api/types.ts'
import { PageHeading, UserText } from '../../components/bits.tsx'
import { ErrorMessage, Loading } from '../../components/feedback.tsx'
import { SelectField, TextField } from '../../components/fields.tsx'
import { useI18n, useTitle } from '../../i18n/i18n.tsx'

const PAGE_SIZE = 20

interface Filters {
  q: string
  category: string
}

export function RepliesPage() {
  const { t, tx, date } = useI18n()
  useTitle(t('replies.title'))
  const [items, setItems] = useState<PublicReply[]>([])
  const [cursor, setCursor] = useState<string | null>(null)
  const [done, setDone] = useState(false)
  const [loading, setLoading] = useState(false)
  const [failure, setFailure] = useState<unknown>(null)
  const [q, setQ] = useState('')
  const [filters, setFilters] = useState<Filters>({ q: '', category: '' })

  const load = useCallback(async (applied: Filters, from: string | null) => {
    setLoading(true)
    setFailure(null)
    try {
      const page = await publicApi<Page<PublicReply>>('/public/replies', {
        query: {
          limit: PAGE_SIZE,
          cursor: from,
          q: applied.q || null,
          category: applied.category || null,
        },
      })
      setItems((prev) => (from ? [...prev, ...page.items] : page.items))
      setCursor(page.nextCursor)
      setDone(!page.nextCursor)
    } catch (err) {
      setFailure(err)
    } finally {
      setLoading(false)
    }
  }, [])

  useEffect(() => {
    void load(filters, null)
  }, [load, filters])

  const search = (e: FormEvent) => {
    e.preventDefault()
    setFilters((f) => ({ ...f, q: q.trim() }))
  }
  const searching = filters.q !== '' || filters.category !== ''

  return (
    <>
      <PageHeading lead={t('replies.intro')}>{t('replies.title')}</PageHeading>
      <search className="card" aria-label={t('common.search')}>
        <form onSubmit={search} className="filters">
          <TextField
            id="replies-q"
            type="search"
            label={t('replies.search')}
            hint={t('replies.search.hint')}
            value={q}
            maxLength={100}
            onChange={(e) => setQ(e.target.value)}
          />
          <SelectField
            id="replies-category"
            label={t('replies.category')}
            value={filters.category}
            onChange={(e) => setFilters((f) => ({ ...f, category: e.target.value }))}
          >
            <option value="">{t('common.all')}</option>
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {tx('category', c)}
              </option>
            ))}
          </SelectField>
          <div className="filters-actions">
            <button type="submit" className="btn btn-primary">
              {t('common.search')}
            </button>
          </div>
        </form>
      </search>
      <p className="muted small" role="status" aria-live="polite">
        {t('replies.shown', { n: items.length })}
      </p>
      {items.length === 0 && !loading && !failure && (
        <p className="empty">{searching ? t('common.noResults') : t('replies.empty')}</p>
      )}
      <ul className="reply-list">
        {items.map((r, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a reply has no id of its own in the public list
          <li key={`${r.repliedAt}-${i}`} className="card reply-item">
            <article aria-labelledby={`reply-${i}`}>
              <p className="meta">
                <span className="badge tone-new">{tx('category', r.category)}</span>
                <span>
                  {t('replies.department')}: {r.department ?? '—'}
                </span>
                <span>
                  {t('replies.date')}: <time dateTime={r.repliedAt}>{date(r.repliedAt)}</time>
                </span>
              </p>
              <h2 id={`reply-${i}`} className="reply-subject">
                <UserText text={r.subject} inline />
              </h2>
              <h3 className="sr-only">{t('replies.answer')}</h3>
              <UserText text={r.reply} className="reply-text" />
            </article>
          </li>
        ))}
      </ul>
      {loading && <Loading />}
      {failure ? <ErrorMessage error={failure} onRetry={() => void load(filters, cursor)} /> : null}
      {!done && !loading && !failure && (
        <p className="center">
          <button type="button" className="btn btn-secondary" onClick={() => void load(filters, cursor)}>
            {t('common.more')}
          </button>
        </p>
      )}
    </>
  )
}
