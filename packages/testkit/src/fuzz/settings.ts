// Fuzz settings: how many requests, which seed, which operations; from the environment.

export interface FuzzSettings {
  /** Requests per operation. */
  runs: number
  seed: number
  /** Only operations whose `METHOD /path` contains this text. */
  only?: string
  /** A line per request (FUZZ_LOG=1). */
  log?: boolean
  /** Let fast-check shrink a failure (FUZZ_SHRINK=1). */
  shrink?: boolean
}

/**
 * Settings from FUZZ_RUNS (requests per operation), FUZZ_SEED, FUZZ_ONLY (operations whose id contains
 * it), FUZZ_LOG=1 (a line per request) and FUZZ_SHRINK=1. The defaults keep a service's run to seconds; a
 * test with few operations may ask for more runs each.
 */
export function fuzzSettings(
  env: NodeJS.ProcessEnv = process.env,
  defaults: { runs?: number; seed?: number } = {},
): FuzzSettings {
  const int = (name: string, fallback: number) => {
    const raw = env[name]
    if (raw === undefined || raw === '') return fallback
    const n = Number(raw)
    if (!Number.isSafeInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer`)
    return n
  }
  const settings: FuzzSettings = {
    runs: int('FUZZ_RUNS', defaults.runs ?? 40),
    seed: int('FUZZ_SEED', defaults.seed ?? 20260302),
  }
  if (env.FUZZ_ONLY) settings.only = env.FUZZ_ONLY
  if (env.FUZZ_LOG === '1') settings.log = true
  if (env.FUZZ_SHRINK === '1') settings.shrink = true
  return settings
}
