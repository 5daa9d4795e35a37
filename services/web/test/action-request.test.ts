// The bodies the case page sends for each action, and what it refuses before sending: as tracking's action
// schemas take them (services/tracking/src/schemas/cases.ts) — the version seen, trimmed text, 1–15 days.
import t from 'tap'
import { type ActionValues, actionRequest } from '../ui/pages/staff/case/action-request.ts'

const empty: ActionValues = {
  departmentId: '',
  supportingDepartmentIds: [],
  assigneeId: '',
  note: '',
  reason: '',
  text: '',
  public: false,
  days: '',
  intoCode: '',
  finding: '',
  office: '',
  window: '',
  staffNumber: '',
}
const values = (v: Partial<ActionValues>): ActionValues => ({ ...empty, ...v })

t.test('every body carries the version the page shows', async (t) => {
  t.same(actionRequest('sign', empty, 7), { body: { version: 7 }, errors: {} })
  t.same(actionRequest('close', empty, 3), { body: { version: 3 }, errors: {} })
})

t.test('assign: a department is required; supporting ones exclude the lead; note trimmed', async (t) => {
  t.same(actionRequest('assign', empty, 1).errors, { departmentId: { key: 'v.required' } })
  t.same(
    actionRequest(
      'assign',
      values({
        departmentId: 'traffic',
        supportingDepartmentIds: ['traffic', 'patrol'],
        assigneeId: 'u-1',
        note: '  请核实  ',
      }),
      4,
    ),
    {
      body: {
        version: 4,
        departmentId: 'traffic',
        supportingDepartmentIds: ['patrol'],
        assigneeId: 'u-1',
        note: '请核实',
      },
      errors: {},
    },
  )
})

t.test('extension: whole working days from 1 to 15, with a reason', async (t) => {
  for (const days of ['0', '16', '', 'x', '2.5', '-1'])
    t.same(
      actionRequest('extension', values({ days, reason: '材料待补' }), 1).errors,
      { days: { key: 'v.days' } },
      days,
    )
  t.same(actionRequest('extension', values({ days: '15', reason: ' 材料待补 ' }), 2), {
    body: { version: 2, reason: '材料待补', days: 15 },
    errors: {},
  })
  t.same(actionRequest('extension', values({ days: '1' }), 2).errors, { reason: { key: 'v.required' } })
})

t.test('text fields: required, no control characters, at most their length', async (t) => {
  t.same(actionRequest('reply', values({ text: '  ' }), 1).errors, { text: { key: 'v.required' } })
  t.same(actionRequest('not-accept', values({ reason: 'a\u0000b' }), 1).errors, {
    reason: { key: 'v.controlChars' },
  })
  t.same(actionRequest('return', values({ reason: 'x'.repeat(2001) }), 1).errors, {
    reason: { key: 'v.textLength', params: { min: 1, max: 2000 } },
  })
  t.same(actionRequest('notes', values({ text: 'x'.repeat(5000) }), 1).errors, {})
  t.same(actionRequest('reply', values({ text: ' 已核实 ', public: true }), 9).body, {
    version: 9,
    text: '已核实',
    public: true,
  })
})

t.test('merge: only into a case that was found', async (t) => {
  t.same(actionRequest('merge', values({ intoCode: 'K7M2Q9XRT4' }), 1, null).errors, {
    intoCode: { key: 'f.intoCase.required' },
  })
  t.same(actionRequest('merge', values({ intoCode: 'K7M2Q9XRT4' }), 1, { id: 'c-2' }).body, {
    version: 1,
    intoCaseId: 'c-2',
  })
})

t.test('a reply or an answer carries the finding (核查结果) when one is chosen', async (t) => {
  t.same(actionRequest('reply', values({ text: '经核查属实', finding: 'substantiated' }), 4).body, {
    version: 4,
    text: '经核查属实',
    public: false,
    finding: 'substantiated',
  })
  t.same(actionRequest('answer', values({ text: '部分属实', finding: 'partly_substantiated' }), 1).body, {
    version: 1,
    text: '部分属实',
    public: false,
    finding: 'partly_substantiated',
  })
  t.notOk('finding' in actionRequest('reply', values({ text: '已答复' }), 1).body, 'none when not stated')
})

t.test(
  'concerns (被投诉对象): office ≤100, window ≤50, staff number 1–20 letters, digits, hyphens',
  async (t) => {
    t.same(
      actionRequest(
        'concerns',
        values({ office: ' 城东出入境办证大厅 ', window: '3号窗口', staffNumber: 'A-1024' }),
        5,
      ),
      {
        body: { version: 5, office: '城东出入境办证大厅', window: '3号窗口', staffNumber: 'A-1024' },
        errors: {},
      },
    )
    t.same(actionRequest('concerns', values({ window: '3号窗口' }), 2).body, {
      version: 2,
      office: null,
      window: '3号窗口',
      staffNumber: null,
    })
    t.same(actionRequest('concerns', values({ staffNumber: '警号 12' }), 1).errors, {
      staffNumber: { key: 'rect.v.staffNumber' },
    })
    t.same(actionRequest('concerns', values({ office: 'x'.repeat(101), window: 'y'.repeat(51) }), 1).errors, {
      office: { key: 'v.textLength', params: { min: 1, max: 100 } },
      window: { key: 'v.textLength', params: { min: 1, max: 50 } },
    })
    t.same(actionRequest('concerns', values({ window: '3号\n窗口' }), 1).errors, {
      window: { key: 'v.textLength', params: { min: 1, max: 50 } },
    })
  },
)
