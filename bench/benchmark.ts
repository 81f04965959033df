/**
 * The shape of a benchmark module and the timing loop: warm-up, then many timed iterations with
 * `performance.now()`, reported as median and p95 in milliseconds. A module exports `benchmarks`; register
 * it in `run.ts`.
 *
 * @example
 * export const benchmarks: Benchmark[] = [{ name: "compile 100 screens", iterations: 200, run: () => compileFlow(flow) }];
 */

/** One measured operation. */
export interface Benchmark {
  readonly name: string;
  /** Timed iterations (default 100). */
  readonly iterations?: number;
  /** Untimed iterations first (default 10). */
  readonly warmup?: number;
  /** Optional target in milliseconds for the median; the report marks it met or missed. */
  readonly targetMs?: number;
  /** A figure worth printing next to the timing (e.g. how many paths were enumerated). */
  readonly detail?: () => string;
  readonly run: () => unknown;
}

/** What one benchmark measured. */
export interface BenchmarkResult {
  readonly name: string;
  readonly iterations: number;
  readonly medianMs: number;
  readonly p95Ms: number;
  readonly targetMs?: number;
  readonly detail?: string;
}

/** Runs one benchmark (synchronously, awaiting nothing: async work is not measured here). */
export function measure(benchmark: Benchmark): BenchmarkResult {
  const iterations = benchmark.iterations ?? 100;
  for (let index = 0; index < (benchmark.warmup ?? 10); index++) benchmark.run();
  const samples: number[] = [];
  for (let index = 0; index < iterations; index++) {
    const start = performance.now();
    benchmark.run();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const at = (quantile: number): number =>
    samples[Math.min(samples.length - 1, Math.floor(quantile * samples.length))] ?? 0;
  return {
    name: benchmark.name,
    iterations,
    medianMs: at(0.5),
    p95Ms: at(0.95),
    ...(benchmark.targetMs === undefined ? {} : { targetMs: benchmark.targetMs }),
    ...(benchmark.detail === undefined ? {} : { detail: benchmark.detail() }),
  };
}

/** One report line. */
export function formatResult(result: BenchmarkResult): string {
  const target =
    result.targetMs === undefined
      ? ""
      : `  target < ${result.targetMs} ms: ${result.medianMs < result.targetMs ? "met" : "MISSED"}`;
  const detail = result.detail === undefined ? "" : `  (${result.detail})`;
  return `${result.name.padEnd(48)} median ${result.medianMs.toFixed(2).padStart(8)} ms  p95 ${result.p95Ms.toFixed(2).padStart(8)} ms  n=${result.iterations}${target}${detail}`;
}
