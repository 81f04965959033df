/**
 * Throughput of an async operation run sequentially (concurrency 1): untimed warm-up calls, then timed
 * calls until a count or a duration is reached, reported as operations per second with latency
 * quantiles. Sequential on purpose: the figure is what one request stream gets from one core.
 *
 * @example
 * const result = await measureRate((index) => subtle.decrypt(params, key, wrapped[index]), { warmup: 200, durationMs: 3000 });
 * console.log(result.opsPerSecond, result.p99Ms);
 */

/** How long to measure; at least one of `iterations` and `durationMs` must be given. */
export interface RateOptions {
  /** Untimed calls first (indices 0 .. warmup-1). */
  readonly warmup: number;
  /** Stop after this many timed calls. */
  readonly iterations?: number;
  /** Stop once this much time has passed (checked between calls). */
  readonly durationMs?: number;
}

/** What {@link measureRate} measured. */
export interface RateResult {
  readonly operations: number;
  readonly elapsedMs: number;
  readonly opsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Every timed call's duration, ascending. */
  readonly samplesMs: readonly number[];
}

/** The `q` quantile (0..1) of ascending `sorted` samples, 0 when there are none. */
export function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

/** Runs `operation(index)` sequentially: `warmup` untimed calls, then timed ones (indices continue). */
export async function measureRate(
  operation: (index: number) => Promise<unknown>,
  options: RateOptions,
): Promise<RateResult> {
  const { warmup, iterations, durationMs } = options;
  if (iterations === undefined && durationMs === undefined) {
    throw new TypeError("measureRate needs iterations or durationMs.");
  }
  let index = 0;
  for (; index < warmup; index++) await operation(index);
  const samples: number[] = [];
  const start = performance.now();
  const deadline = start + (durationMs ?? Number.POSITIVE_INFINITY);
  let now = start;
  while ((iterations === undefined || samples.length < iterations) && now < deadline) {
    await operation(index++);
    const done = performance.now();
    samples.push(done - now);
    now = done;
  }
  return rateOf(samples, now - start);
}

function rateOf(samples: number[], elapsedMs: number): RateResult {
  samples.sort((a, b) => a - b);
  return {
    operations: samples.length,
    elapsedMs,
    opsPerSecond: elapsedMs > 0 ? (samples.length * 1000) / elapsedMs : 0,
    p50Ms: quantile(samples, 0.5),
    p99Ms: quantile(samples, 0.99),
    samplesMs: samples,
  };
}

/**
 * One rate from several measured slices (e.g. interleaved with another operation, so that both see
 * the same machine load): operations and time add up, quantiles come from all samples.
 */
export function mergeRates(results: readonly RateResult[]): RateResult {
  return rateOf(
    results.flatMap((result) => result.samplesMs),
    results.reduce((sum, result) => sum + result.elapsedMs, 0),
  );
}
