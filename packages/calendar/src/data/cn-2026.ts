// National holidays and make-up working days of 2026, as announced by the State Council.
import type { YearData } from '../types.ts'

export const CN_2026: YearData = {
  year: 2026,
  source: '国务院办公厅关于2026年部分节假日安排的通知（2025-11-04，新华社发布）',
  holidays: [
    {
      name: { zh: '元旦', en: "New Year's Day" },
      from: '2026-01-01',
      to: '2026-01-03',
      makeUpWorkdays: ['2026-01-04'],
    },
    {
      name: { zh: '春节', en: 'Spring Festival' },
      from: '2026-02-15',
      to: '2026-02-23',
      makeUpWorkdays: ['2026-02-14', '2026-02-28'],
    },
    { name: { zh: '清明节', en: 'Qingming Festival' }, from: '2026-04-04', to: '2026-04-06' },
    {
      name: { zh: '劳动节', en: 'Labour Day' },
      from: '2026-05-01',
      to: '2026-05-05',
      makeUpWorkdays: ['2026-05-09'],
    },
    { name: { zh: '端午节', en: 'Dragon Boat Festival' }, from: '2026-06-19', to: '2026-06-21' },
    { name: { zh: '中秋节', en: 'Mid-Autumn Festival' }, from: '2026-09-25', to: '2026-09-27' },
    {
      name: { zh: '国庆节', en: 'National Day' },
      from: '2026-10-01',
      to: '2026-10-07',
      makeUpWorkdays: ['2026-09-20', '2026-10-10'],
    },
  ],
}
