/**
 * The continuous percentile of a sample (linear interpolation between the closest ranks), the
 * same definition as PostgreSQL's percentile_cont, so figures computed here and in SQL agree.
 * Null for an empty sample.
 */
export function percentileCont(values: readonly number[], fraction: number): number | null {
  if (fraction < 0 || fraction > 1)
    throw new RangeError(`percentile fraction ${fraction} is not within 0..1`);
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = fraction * (sorted.length - 1);
  const lower = Math.floor(rank);
  const upper = Math.ceil(rank);
  return sorted[lower]! + (sorted[upper]! - sorted[lower]!) * (rank - lower);
}
