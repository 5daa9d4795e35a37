// The language of the app: Chinese first, English on request; the choice is kept in localStorage and set
// on <html lang>. Dates and numbers follow the language.
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react'
import { en } from './en.ts'
import { type MessageKey, zhCN } from './zh-CN.ts'

export type Lang = 'zh-CN' | 'en'
export type Params = Record<string, string | number>

const DICTIONARIES: Record<Lang, Record<MessageKey, string>> = { 'zh-CN': zhCN, en }
const STORAGE_KEY = 'tingjian.lang'

function initialLang(): Lang {
  try {
    const saved = localStorage.getItem(STORAGE_KEY)
    if (saved === 'en' || saved === 'zh-CN') return saved
  } catch {
    // storage disabled: Chinese
  }
  return 'zh-CN'
}

function format(template: string, params?: Params): string {
  if (!params) return template
  return template.replace(/\{(\w+)\}/g, (m, name: string) =>
    params[name] === undefined ? m : String(params[name]),
  )
}

export interface I18n {
  lang: Lang
  setLang(lang: Lang): void
  t(key: MessageKey, params?: Params): string
  /** A key built at run time (`status.${s}`); the raw value when the dictionary has no such key. */
  tx(prefix: string, value: string, params?: Params): string
  date(iso: string | null | undefined): string
  dateTime(iso: string | null | undefined): string
  number(n: number): string
  percent(ratio: number | null): string
  /** The name of a department in the current language. */
  deptName(d: { name: string; nameEn?: string | null } | undefined | null): string
}

const Context = createContext<I18n | null>(null)

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang)

  useEffect(() => {
    document.documentElement.lang = lang
  }, [lang])

  const setLang = useCallback((next: Lang) => {
    setLangState(next)
    try {
      localStorage.setItem(STORAGE_KEY, next)
    } catch {
      // not persisted: the choice lasts for this page
    }
  }, [])

  const value = useMemo<I18n>(() => {
    const dict = DICTIONARIES[lang]
    const dateFmt = new Intl.DateTimeFormat(lang, { year: 'numeric', month: '2-digit', day: '2-digit' })
    const dateTimeFmt = new Intl.DateTimeFormat(lang, {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hour12: false,
    })
    const numberFmt = new Intl.NumberFormat(lang)
    const percentFmt = new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 })
    const safe = (f: Intl.DateTimeFormat, iso: string | null | undefined) => {
      if (!iso) return '—'
      const d = new Date(iso)
      return Number.isNaN(d.getTime()) ? iso : f.format(d)
    }
    return {
      lang,
      setLang,
      t: (key, params) => format(dict[key] ?? key, params),
      tx: (prefix, v, params) => {
        const key = `${prefix}.${v}` as MessageKey
        return key in dict ? format(dict[key], params) : v
      },
      date: (iso) => safe(dateFmt, iso),
      dateTime: (iso) => safe(dateTimeFmt, iso),
      number: (n) => numberFmt.format(n),
      percent: (r) => (r === null || !Number.isFinite(r) ? '—' : percentFmt.format(r)),
      deptName: (d) => (d ? (lang === 'en' && d.nameEn ? d.nameEn : d.name) : '—'),
    }
  }, [lang, setLang])

  return <Context.Provider value={value}>{children}</Context.Provider>
}

export function useI18n(): I18n {
  const ctx = useContext(Context)
  if (!ctx) throw new Error('useI18n outside I18nProvider')
  return ctx
}

/** Sets document.title for the page, in the current language. */
export function useTitle(title: string): void {
  const { t } = useI18n()
  const suffix = t('app.title.suffix')
  useEffect(() => {
    document.title = title ? `${title} · ${suffix}` : suffix
  }, [title, suffix])
}
