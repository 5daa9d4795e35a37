// Order numbers: `ZG<yyyy>-<5 digits>` per year of issue (Asia/Shanghai). A counter document proposes the
// next number; the unique index on `number` is what guarantees uniqueness (FerretDB does not apply
// versioned updates atomically across connections), so a duplicate insert takes the next one.
export const NUMBER_PATTERN = /^ZG\d{4}-\d{5,}$/

export function orderNumber(year: string, n: number): string {
  return `ZG${year}-${String(n).padStart(5, '0')}`
}

export const counterId = (year: string): string => `orders-${year}`
