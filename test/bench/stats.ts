/** Percentile of a list of numbers (nearest-rank). */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

export interface Series {
  name: string;
  samplesMs: number[];
}

/** Runs `call` n times one after another and records each latency in milliseconds. */
export async function measure(name: string, n: number, call: () => Promise<void>): Promise<Series> {
  const samplesMs: number[] = [];
  for (let i = 0; i < n; i += 1) {
    const started = process.hrtime.bigint();
    await call();
    samplesMs.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return { name, samplesMs };
}

export function report(series: Series[], baseline: string): string {
  const base = series.find((s) => s.name === baseline)!;
  const rows = series.map((s) => {
    const p50 = percentile(s.samplesMs, 50);
    const p99 = percentile(s.samplesMs, 99);
    return `| ${s.name} | ${s.samplesMs.length} | ${p50.toFixed(2)} | ${p99.toFixed(2)} | ${(p50 / percentile(base.samplesMs, 50)).toFixed(2)}× | ${(p99 / percentile(base.samplesMs, 99)).toFixed(2)}× |`;
  });
  return ['| call | n | p50 ms | p99 ms | p50 vs baseline | p99 vs baseline |', '|---|---|---|---|---|---|', ...rows].join('\n');
}
