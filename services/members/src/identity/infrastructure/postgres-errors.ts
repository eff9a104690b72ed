/** The constraint named by a PostgreSQL unique violation (SQLSTATE 23505), or null for any other error. */
export function uniqueViolationOf(error: unknown): string | null {
  const candidates = [error, (error as { driverError?: unknown } | null)?.driverError];
  for (const candidate of candidates) {
    const e = candidate as { code?: unknown; constraint?: unknown } | null | undefined;
    if (e && e.code === '23505') return typeof e.constraint === 'string' ? e.constraint : '';
  }
  return null;
}
