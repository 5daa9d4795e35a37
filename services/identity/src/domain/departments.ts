// Departments form a tree. Pure checks of a proposed parent against the current tree.

export interface Department {
  code: string
  name: string
  nameEn: string | null
  parentId: string | null
  active: boolean
}

export type ParentProblem = 'unknown-parent' | 'inactive-parent' | 'cycle'

/**
 * Checks that `parentId` may be the parent of department `id` (undefined for a new one): the parent
 * exists and is active, and `id` is not the parent itself or one of its ancestors.
 */
export function checkParent(
  id: string | undefined,
  parentId: string | null,
  lookup: ReadonlyMap<string, Pick<Department, 'parentId' | 'active'>>,
): ParentProblem | null {
  if (parentId === null) return null
  const parent = lookup.get(parentId)
  if (!parent) return 'unknown-parent'
  if (!parent.active) return 'inactive-parent'
  if (id === undefined) return null
  const seen = new Set<string>()
  for (let at: string | null = parentId; at !== null; at = lookup.get(at)?.parentId ?? null) {
    if (at === id || seen.has(at)) return 'cycle'
    seen.add(at)
  }
  return null
}

/** Ids of the active direct children of `id`. */
export function activeChildren(
  id: string,
  all: ReadonlyMap<string, Pick<Department, 'parentId' | 'active'>>,
): string[] {
  return [...all].filter(([, d]) => d.parentId === id && d.active).map(([childId]) => childId)
}
