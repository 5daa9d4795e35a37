// Survey scripts per service type (回访话术): the opening line and the questions in order, in Chinese and
// English for the officer's screen, with the keypad prompt the automated line reads. A type without its
// own script uses the default one (the five questions and the free text). Supervisors edit;
// callback officers read.
import { type FormEvent, useEffect, useState } from 'react'
import {
  ANSWER_KEYS,
  type AnswerKey,
  CB,
  type ScriptBody,
  type ScriptList,
  type ScriptView,
} from '../../../api/callbacks.ts'
import { staffApi } from '../../../api/client.ts'
import type { SessionUser } from '../../../api/types.ts'
import { Badge, PageHeading } from '../../../components/bits.tsx'
import { AsyncView, ErrorMessage, Notice, useAsync } from '../../../components/feedback.tsx'
import { type FieldError, SelectField, TextArea, TextField } from '../../../components/fields.tsx'
import { hasRole } from '../../../components/layout.tsx'
import { useI18n, useTitle } from '../../../i18n/i18n.tsx'
import { isPlainText } from '../../../lib/validate.ts'
import { useServiceType } from './shared.tsx'

const TYPE = /^[a-z_]{1,40}$/

interface Draft {
  introZh: string
  introEn: string
  questions: Array<{ key: AnswerKey; zh: string; en: string; keypad: string }>
}

const toDraft = (s: ScriptView): Draft => ({
  introZh: s.intro.zh,
  introEn: s.intro.en,
  questions: s.questions.map((q) => ({ key: q.key, zh: q.text.zh, en: q.text.en, keypad: q.keypad ?? '' })),
})

const toBody = (d: Draft): ScriptBody => ({
  intro: { zh: d.introZh.trim(), en: d.introEn.trim() },
  questions: d.questions.map((q) => ({
    key: q.key,
    text: { zh: q.zh.trim(), en: q.en.trim() },
    keypad: q.keypad.trim() ? q.keypad.trim() : null,
  })),
})

function check(d: Draft): Record<string, FieldError> {
  const e: Record<string, FieldError> = {}
  const text = (id: string, v: string, max: number) => {
    if (!v.trim()) e[id] = { key: 'v.required' }
    else if (v.length > max) e[id] = { key: 'v.textLength', params: { min: 1, max } }
    else if (!isPlainText(v)) e[id] = { key: 'v.controlChars' }
  }
  text('introZh', d.introZh, 1000)
  text('introEn', d.introEn, 1000)
  if (!d.questions.length) e.questions = { key: 'v.required' }
  if (d.questions.length > 6) e.questions = { key: 'cb.v.tooManyQuestions' }
  const seen = new Set<string>()
  d.questions.forEach((q, i) => {
    text(`q${i}-zh`, q.zh, 500)
    text(`q${i}-en`, q.en, 500)
    if (q.keypad.length > 300 || /[\r\n]/.test(q.keypad))
      e[`q${i}-keypad`] = { key: 'v.textLength', params: { min: 1, max: 300 } }
    if (seen.has(q.key)) e[`q${i}-key`] = { key: 'cb.v.duplicateQuestion' }
    seen.add(q.key)
  })
  return e
}

function Editor({
  script,
  canEdit,
  onSaved,
}: {
  script: ScriptView
  canEdit: boolean
  onSaved(s: ScriptView): void
}) {
  const { t, tx } = useI18n()
  const [draft, setDraft] = useState<Draft>(() => toDraft(script))
  const [errors, setErrors] = useState<Record<string, FieldError>>({})
  const [failure, setFailure] = useState<unknown>(null)
  const [saved, setSaved] = useState(false)
  const [busy, setBusy] = useState(false)
  const setQ = (i: number, patch: Partial<Draft['questions'][number]>) =>
    setDraft((d) => ({ ...d, questions: d.questions.map((q, j) => (j === i ? { ...q, ...patch } : q)) }))
  const move = (i: number, by: number) =>
    setDraft((d) => {
      const qs = [...d.questions]
      const [q] = qs.splice(i, 1)
      if (q) qs.splice(Math.max(0, Math.min(qs.length, i + by)), 0, q)
      return { ...d, questions: qs }
    })
  const unused = ANSWER_KEYS.filter((k) => !draft.questions.some((q) => q.key === k))
  const save = async (e: FormEvent) => {
    e.preventDefault()
    setFailure(null)
    setSaved(false)
    const errs = check(draft)
    setErrors(errs)
    if (Object.values(errs).some(Boolean)) return
    setBusy(true)
    try {
      onSaved(
        await staffApi<ScriptView>(`${CB}/scripts/${encodeURIComponent(script.serviceType)}`, {
          method: 'PUT',
          body: toBody(draft),
        }),
      )
      setSaved(true)
    } catch (err) {
      setFailure(err)
    } finally {
      setBusy(false)
    }
  }
  return (
    <form className="card" onSubmit={save} noValidate data-testid="cb-script-form">
      <h2>
        {tx('cb.type', script.serviceType)}{' '}
        {!script.custom && <Badge tone="muted">{t('cb.scripts.default')}</Badge>}
      </h2>
      <TextArea
        id="cb-script-introZh"
        label={t('cb.scripts.introZh')}
        rows={2}
        required
        readOnly={!canEdit}
        value={draft.introZh}
        onChange={(e) => setDraft((d) => ({ ...d, introZh: e.target.value }))}
        error={errors.introZh}
      />
      <TextArea
        id="cb-script-introEn"
        label={t('cb.scripts.introEn')}
        rows={2}
        required
        readOnly={!canEdit}
        value={draft.introEn}
        onChange={(e) => setDraft((d) => ({ ...d, introEn: e.target.value }))}
        error={errors.introEn}
      />
      <ol className="cb-script-questions">
        {draft.questions.map((q, i) => (
          <li key={q.key} className="card cb-script-question" data-question={q.key}>
            <SelectField
              id={`cb-q${i}-key`}
              label={t('cb.scripts.key')}
              value={q.key}
              disabled={!canEdit}
              onChange={(e) => setQ(i, { key: e.target.value as AnswerKey })}
              error={errors[`q${i}-key`]}
            >
              {[q.key, ...unused].map((k) => (
                <option key={k} value={k}>
                  {tx('cb.q', k)}
                </option>
              ))}
            </SelectField>
            <TextField
              id={`cb-q${i}-zh`}
              label={t('cb.scripts.textZh')}
              required
              readOnly={!canEdit}
              value={q.zh}
              onChange={(e) => setQ(i, { zh: e.target.value })}
              error={errors[`q${i}-zh`]}
            />
            <TextField
              id={`cb-q${i}-en`}
              label={t('cb.scripts.textEn')}
              required
              readOnly={!canEdit}
              value={q.en}
              onChange={(e) => setQ(i, { en: e.target.value })}
              error={errors[`q${i}-en`]}
            />
            <TextField
              id={`cb-q${i}-keypad`}
              label={t('cb.scripts.keypad')}
              hint={t('cb.scripts.keypadHint')}
              readOnly={!canEdit}
              value={q.keypad}
              onChange={(e) => setQ(i, { keypad: e.target.value })}
              error={errors[`q${i}-keypad`]}
            />
            {canEdit && (
              <div className="row-actions">
                <button
                  type="button"
                  className="btn btn-ghost btn-small"
                  onClick={() => move(i, -1)}
                  disabled={i === 0}
                >
                  {t('cb.scripts.up')}
                </button>
                <button
                  type="button"
                  className="btn btn-ghost btn-small"
                  onClick={() => move(i, 1)}
                  disabled={i === draft.questions.length - 1}
                >
                  {t('cb.scripts.down')}
                </button>
                <button
                  type="button"
                  className="btn btn-ghost btn-small"
                  onClick={() =>
                    setDraft((d) => ({ ...d, questions: d.questions.filter((_, j) => j !== i) }))
                  }
                  disabled={draft.questions.length <= 1}
                >
                  {t('cb.scripts.remove')}
                </button>
              </div>
            )}
          </li>
        ))}
      </ol>
      {errors.questions && <p className="field-error">{t('cb.v.tooManyQuestions')}</p>}
      {canEdit && (
        <div className="row-actions">
          {unused[0] && (
            <button
              type="button"
              className="btn btn-secondary"
              onClick={() =>
                setDraft((d) => ({
                  ...d,
                  questions: [...d.questions, { key: unused[0] as AnswerKey, zh: '', en: '', keypad: '' }],
                }))
              }
            >
              {t('cb.scripts.add')}
            </button>
          )}
          <button type="submit" className="btn btn-primary" disabled={busy} data-testid="cb-script-save">
            {busy ? t('common.saving') : t('common.save')}
          </button>
        </div>
      )}
      {saved && <Notice kind="success">{t('cb.scripts.saved')}</Notice>}
      {failure ? <ErrorMessage error={failure} /> : null}
    </form>
  )
}

export function ScriptsPage({ user }: { user: SessionUser }) {
  const { t } = useI18n()
  useTitle(t('cb.scripts.title'))
  const canEdit = hasRole(user, 'supervisor')
  const type = useServiceType()
  const list = useAsync((signal) => staffApi<ScriptList>(`${CB}/scripts`, { signal }), [])
  const [chosen, setChosen] = useState<string>('')
  const [other, setOther] = useState('')
  const [otherError, setOtherError] = useState<FieldError>(null)
  const items = list.data?.items ?? []
  useEffect(() => {
    if (!chosen && items[0]) setChosen(items[0].serviceType)
  }, [chosen, items])
  const one = useAsync(
    (signal) =>
      chosen
        ? staffApi<ScriptView>(`${CB}/scripts/${encodeURIComponent(chosen)}`, { signal })
        : Promise.resolve(undefined),
    [chosen],
  )
  return (
    <>
      <PageHeading lead={t('cb.scripts.intro')}>{t('cb.scripts.title')}</PageHeading>
      <AsyncView state={list}>
        {(data) => (
          <div className="card filters">
            <SelectField
              id="cb-script-type"
              label={t('cb.col.type')}
              value={chosen}
              onChange={(e) => setChosen(e.target.value)}
            >
              {data.items.map((s) => (
                <option key={s.serviceType} value={s.serviceType}>
                  {type(s.serviceType)}
                  {s.custom ? '' : ` (${t('cb.scripts.default')})`}
                </option>
              ))}
              {chosen && !data.items.some((s) => s.serviceType === chosen) && (
                <option value={chosen}>{type(chosen)}</option>
              )}
            </SelectField>
            {canEdit && (
              <form
                className="filters"
                noValidate
                onSubmit={(e) => {
                  e.preventDefault()
                  if (!TYPE.test(other.trim())) return setOtherError({ key: 'cb.v.serviceType' })
                  setOtherError(null)
                  setChosen(other.trim())
                  setOther('')
                }}
              >
                <TextField
                  id="cb-script-new"
                  label={t('cb.scripts.newType')}
                  hint={t('cb.queue.typeHint')}
                  value={other}
                  onChange={(e) => setOther(e.target.value)}
                  error={otherError}
                />
                <div className="filters-actions">
                  <button type="submit" className="btn btn-secondary">
                    {t('cb.scripts.open')}
                  </button>
                </div>
              </form>
            )}
          </div>
        )}
      </AsyncView>
      {chosen && (
        <AsyncView state={one}>
          {(script) =>
            script ? (
              <Editor
                key={`${script.serviceType}-${script.custom}`}
                script={script}
                canEdit={canEdit}
                onSaved={(s) => {
                  one.set(s)
                  list.reload()
                }}
              />
            ) : null
          }
        </AsyncView>
      )}
    </>
  )
}
