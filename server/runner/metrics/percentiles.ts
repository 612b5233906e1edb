import type { MetricsFigures } from '../../protocol/trace';

type Percentiles = NonNullable<MetricsFigures['latencyMs']>;

/** Nearest-rank percentiles (p50, p95, p99) and the maximum; undefined without samples. */
export function percentiles(samples: readonly number[]): Percentiles | undefined {
  if (samples.length === 0) return undefined;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
  return {
    samples: sorted.length,
    p50: rank(50),
    p95: rank(95),
    p99: rank(99),
    max: sorted[sorted.length - 1]!,
  };
}
