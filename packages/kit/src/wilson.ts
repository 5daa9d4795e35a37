// The Wilson score interval of a proportion: a rate from a sample is shown with it, so that 100 % of 1
// never looks like 100 % of 1,000 (ARCHITECTURE: KPIs). Pure.

/** z of a two-sided 95 % interval. */
export const Z95 = 1.959963984540054

/** The interval [low, high] for `successes` out of `n` (null when n is 0). */
export function wilson(successes: number, n: number, z = Z95): { low: number; high: number } | null {
  if (n <= 0) return null
  if (successes < 0 || successes > n) throw new RangeError('successes must be between 0 and n')
  const p = successes / n
  const z2 = z * z
  const denominator = 1 + z2 / n
  const centre = (p + z2 / (2 * n)) / denominator
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) }
}
