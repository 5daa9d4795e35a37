// National holidays and make-up working days of 2025, as announced by the State Council.
import type { YearData } from '../types.ts'

export const CN_2025: YearData = {
  year: 2025,
  source: '国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号，2024-11-12）',
  holidays: [
    { name: { zh: '元旦', en: "New Year's Day" }, from: '2025-01-01', to: '2025-01-01' },
    {
      name: { zh: '春节', en: 'Spring Festival' },
      from: '2025-01-28',
      to: '2025-02-04',
      makeUpWorkdays: ['2025-01-26', '2025-02-08'],
    },
    { name: { zh: '清明节', en: 'Qingming Festival' }, from: '2025-04-04', to: '2025-04-06' },
    {
      name: { zh: '劳动节', en: 'Labour Day' },
      from: '2025-05-01',
      to: '2025-05-05',
      makeUpWorkdays: ['2025-04-27'],
    },
    { name: { zh: '端午节', en: 'Dragon Boat Festival' }, from: '2025-05-31', to: '2025-06-02' },
    {
      name: { zh: '国庆节、中秋节', en: 'National Day and Mid-Autumn Festival' },
      from: '2025-10-01',
      to: '2025-10-08',
      makeUpWorkdays: ['2025-09-28', '2025-10-11'],
    },
  ],
}
