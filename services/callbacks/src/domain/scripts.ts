// Survey scripts per service type: the questions in order, in Chinese and English for the officer's
// screen, and the keypad prompt the automated line reads. A type without its own script gets the default
// (the five questions and the free text). Pure.
import type { AnswerKey } from './answers.ts'

export interface ScriptQuestion {
  key: AnswerKey
  text: { zh: string; en: string }
  /** What the automated line reads (zh-CN), with the keys to press; null: not asked on the keypad line. */
  keypad: string | null
}

export interface Script {
  serviceType: string
  /** A line the officer opens with. */
  intro: { zh: string; en: string }
  questions: ScriptQuestion[]
}

export const DEFAULT_SCRIPT_TYPE = 'default'

const DEFAULT_QUESTIONS: ScriptQuestion[] = [
  {
    key: 'feeCorrect',
    text: {
      zh: '办理时是否按公示标准收费？（是 / 否 / 您实际支付的金额）',
      en: 'Were you charged the posted fee? (yes / no / the amount you paid)',
    },
    keypad: '办理时是否按公示标准收费？是请按1，否请按2。',
  },
  {
    key: 'amountPaid',
    text: { zh: '您实际支付了多少元？', en: 'How much did you pay, in yuan?' },
    // the automated line asks it only after a "no" to the fee question
    keypad: '您实际支付了多少元？请输入金额，以井号键结束。',
  },
  {
    key: 'attitude',
    text: {
      zh: '您对工作人员的服务态度打几分？（1 至 5 分，5 分最好）',
      en: 'How did the staff treat you? (1 to 5, 5 is best)',
    },
    keypad: '请为工作人员的服务态度打分，1到5分，5分最好，请按对应数字键。',
  },
  {
    key: 'promiseKept',
    text: {
      zh: '是否在承诺时限内办结？',
      en: 'Was it done within the promised time?',
    },
    keypad: '是否在承诺时限内办结？是请按1，否请按2。',
  },
  {
    key: 'satisfaction',
    text: {
      zh: '您的总体评价：非常满意、满意、基本满意、不满意、非常不满意？',
      en: 'Overall: very satisfied, satisfied, basically satisfied, dissatisfied or very dissatisfied?',
    },
    keypad: '您的总体评价：非常满意请按1，满意请按2，基本满意请按3，不满意请按4，非常不满意请按5。',
  },
  {
    key: 'comment',
    text: { zh: '您还有其他意见或建议吗？', en: 'Anything else you would like to tell us?' },
    keypad: null,
  },
]

export function defaultScript(serviceType: string): Script {
  return {
    serviceType,
    intro: {
      zh: '您好，这里是公安厅服务质量回访。耽误您一分钟，想了解一下您近期办理业务的情况。',
      en: "Hello, this is the public-security department's service callback. May we take a minute to ask about your recent visit?",
    },
    questions: DEFAULT_QUESTIONS.map((q) => ({ ...q, text: { ...q.text } })),
  }
}

/** The script in force for a service type: its own, or the default one. */
export function scriptFor(stored: Script | null | undefined, serviceType: string): Script {
  return stored ?? defaultScript(serviceType)
}
