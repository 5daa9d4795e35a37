// Survey scripts: the questions in order (zh and en for the officer's screen, the keypad prompt for the
// automated line).
import { OneLine } from '@tingjian/kit'
import Type, { type Static } from 'typebox'
import { ANSWER_KEYS } from '../domain/answers.ts'
import { Nullable, Text } from './common.ts'

const Bilingual = (maxLength: number) =>
  Type.Object({ zh: Text(maxLength), en: Text(maxLength) }, { additionalProperties: false })

export const ScriptQuestionSchema = Type.Object(
  {
    key: Type.Enum(ANSWER_KEYS),
    text: Bilingual(500),
    keypad: Type.Optional(Nullable(OneLine({ minLength: 1, maxLength: 300 }))),
  },
  { additionalProperties: false },
)

export const ScriptBody = Type.Object(
  {
    intro: Bilingual(1000),
    questions: Type.Array(ScriptQuestionSchema, { minItems: 1, maxItems: 6 }),
  },
  { additionalProperties: false },
)
export type ScriptBody = Static<typeof ScriptBody>

export const ScriptView = Type.Object({
  serviceType: Type.String(),
  /** false: the default script (no script of its own for this type). */
  custom: Type.Boolean(),
  intro: Type.Object({ zh: Type.String(), en: Type.String() }),
  questions: Type.Array(
    Type.Object({
      key: Type.Enum(ANSWER_KEYS),
      text: Type.Object({ zh: Type.String(), en: Type.String() }),
      keypad: Nullable(Type.String()),
    }),
  ),
})
export type ScriptView = Static<typeof ScriptView>

export const ScriptList = Type.Object({ items: Type.Array(ScriptView) })
