// One-line text (a name, a subject, a title): what a person can see and type on one line. Refuses control
// characters, line and paragraph separators, zero-width and direction marks, the Arabic letter mark, the
// byte-order mark and bidi overrides (they hide or reorder text in staff screens and logs), and text with
// nothing visible in it. Declared as a TypeBox string with the `one-line` format, which the kit's one
// validator compiler checks.
import Type, { type TString, type TStringOptions } from 'typebox'
import Format from 'typebox/format'

export const ONE_LINE_FORMAT = 'one-line'

/**
 * C0 and C1 controls, U+061C, U+200B–U+200F, U+2028/U+2029, bidi embeddings and overrides U+202A–U+202E
 * and isolates U+2066–U+2069, U+FEFF.
 */
const FORBIDDEN = /[\p{Cc}\u061C\u200B-\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069\uFEFF]/u
/**
 * A character someone can see: not white space, not a format or control character, not a combining mark
 * alone, not one of the blank "letters" (Hangul fillers, the blank braille pattern).
 */
const VISIBLE = /[^\s\p{Cc}\p{Cf}\p{M}\p{Z}\u115F\u1160\u2800\u3164\uFFA0]/u

/** True when `s` is one line of text with at least one visible character and no forbidden one. */
export function isOneLine(s: string): boolean {
  return !FORBIDDEN.test(s) && VISIBLE.test(s)
}

// Registered once, when the kit is loaded: TypeBox passes a format it does not know, so it must be known
// before any route is compiled.
Format.Set(ONE_LINE_FORMAT, isOneLine)

/**
 * A one-line string field: `OneLine({ maxLength: 200 })`. Other string options (minLength, description…)
 * pass through; `format` is always `one-line`.
 */
export function OneLine(options: Omit<TStringOptions, 'format'> = {}): TString {
  return Type.String({ ...options, format: ONE_LINE_FORMAT })
}
