// 退回: the lead department returns the case to the dispatcher, who assigns it again.
import type { Handler } from './handler.ts'

export const returnCase: Handler<'return'> = (c, command, x) => ({
  set: {
    status: 'received',
    departmentId: null,
    supportingDepartmentIds: [],
    departmentIds: [],
    assigneeId: null,
    signDueAt: null,
    extension: null,
    returned: { departmentId: c.departmentId, reason: command.reason, at: x.at },
  },
  action: 'returned',
  entries: [{ action: 'returned', note: command.reason, public: false }],
  events: [],
})
