import type { YearData } from '../types.ts'
import { CN_2025 } from './cn-2025.ts'
import { CN_2026 } from './cn-2026.ts'

export { CN_2025, CN_2026 }

/** The national year tables shipped with the package; add a year by adding a file and listing it here. */
export const NATIONAL_YEARS: readonly YearData[] = [CN_2025, CN_2026]
