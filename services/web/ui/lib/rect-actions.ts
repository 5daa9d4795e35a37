// Which order actions the page offers a user at an order's status, from the design's table of who may do
// what (the service decides again: a stale or wrong action is its 409 or 403). Pure.

export const ORDER_ACTIONS = [
  'acknowledge',
  'plan',
  'evidence',
  'verify',
  'send-back',
  'close',
  'recheck',
] as const
export type OrderAction = (typeof ORDER_ACTIONS)[number]

interface Who {
  roles: readonly string[]
  departmentId?: string | null
}

interface OrderState {
  status: string
  departmentId: string
  /** When the re-check (回头看) is due; null when none is set or it is done. */
  recheckAt: string | null
}

const has = (who: Who, role: string) => who.roles.includes(role)
const ownDepartment = (who: Who, o: { departmentId: string }) =>
  Boolean(who.departmentId) && who.departmentId === o.departmentId

/** The actions this user may take on the order now, in the order the page shows them. */
export function orderActions(order: OrderState, who: Who): OrderAction[] {
  const out: OrderAction[] = []
  const lead = has(who, 'dept_lead') && ownDepartment(who, order)
  const handler = has(who, 'handler') && ownDepartment(who, order)
  const officer = has(who, 'discipline_officer')
  switch (order.status) {
    case 'issued':
      if (lead) out.push('acknowledge')
      break
    case 'acknowledged':
      if (lead || handler) out.push('plan')
      break
    case 'planned':
      if (lead || handler) out.push('evidence')
      break
    case 'evidence_submitted':
      if (officer) out.push('verify', 'send-back')
      break
    case 'verified':
      if (officer) out.push('close')
      break
    case 'closed':
      if (officer && order.recheckAt) out.push('recheck')
      break
  }
  return out
}

/** Whether this user may appeal a problem of this department (its lead, once, while not withdrawn). */
export function mayAppeal(problem: { departmentId: string; withdrawn: unknown }, who: Who): boolean {
  return has(who, 'dept_lead') && ownDepartment(who, problem) && !problem.withdrawn
}

/** What the department owes next, for its view: an order waiting on it. */
export function owedByDepartment(status: string): boolean {
  return status === 'issued' || status === 'acknowledged' || status === 'planned'
}
