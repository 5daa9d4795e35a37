// Staff hooks: the session as React state, and the department list (every staff member may read it),
// loaded once per session and shared by every page.
import { useEffect, useState, useSyncExternalStore } from 'react'
import { staffApi } from '../../api/client.ts'
import { session } from '../../api/session.ts'
import type { Department } from '../../api/types.ts'

export function useSession() {
  return useSyncExternalStore(session.subscribe, session.getSnapshot)
}

let departments: Promise<Department[]> | null = null
let departmentsOwner: string | null = null

/** Drops the cached list (after an admin changed a department). */
export function invalidateDepartments(): void {
  departments = null
}

function loadDepartments(): Promise<Department[]> {
  const owner = session.user?.id ?? null
  if (!departments || departmentsOwner !== owner) {
    departmentsOwner = owner
    departments = staffApi<{ items: Department[] }>('/departments').then(
      (r) => r.items,
      (err: unknown) => {
        departments = null
        throw err
      },
    )
  }
  return departments
}

export function useDepartments(): { list: Department[]; byId: Map<string, Department>; error: unknown } {
  const [list, setList] = useState<Department[]>([])
  const [error, setError] = useState<unknown>(null)
  useEffect(() => {
    let live = true
    loadDepartments().then(
      (l) => live && setList(l),
      (e: unknown) => live && setError(e),
    )
    return () => {
      live = false
    }
  }, [])
  return { list, byId: new Map(list.map((d) => [d.id, d])), error }
}
