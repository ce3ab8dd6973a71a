// The bench's output: one JSON figure per line on stdout (machine-readable, comparable between runs),
// progress on stderr, and the percentile helpers every scenario uses.

export interface Figure {
  name: string;
  unit: string;
  value: number;
  /** Customers in the database the figure was measured on. */
  n: number;
  p50?: number;
  p95?: number;
  /** A figure measured in the same run that this one is compared against, and value / baseline. */
  baseline?: number;
  ratio?: number;
  [detail: string]: unknown;
}

export function emit(figure: Figure): void {
  process.stdout.write(JSON.stringify(figure) + '\n');
}

export function note(message: string): void {
  process.stderr.write(message + '\n');
}

export interface Summary {
  count: number;
  p50: number;
  p95: number;
  max: number;
}

/** Nearest-rank percentile of an ascending list: the smallest sample with at least p% at or below it. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    max: sorted.at(-1) ?? Number.NaN,
  };
}

/** Milliseconds to three decimals: enough for sub-millisecond queries, short enough to read. */
export function ms(value: number): number {
  return Math.round(value * 1000) / 1000;
}

export function ratio(value: number, baseline: number): number {
  return Math.round((value / baseline) * 100) / 100;
}

export async function timed<T>(body: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await body();
  return { ms: performance.now() - started, value };
}
