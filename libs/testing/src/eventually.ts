/**
 * Retries `probe` until it stops throwing (its assertions pass) or the time is up; then
 * rethrows the last failure. For effects that arrive asynchronously through Kafka.
 */
export async function expectEventually<T>(
  probe: () => T | Promise<T>,
  { timeoutMs = 15000, intervalMs = 50 }: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      return await probe();
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) throw lastError;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
