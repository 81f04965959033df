/**
 * What `npm run bench` runs: modules that each measure one topic and return figures (a value with its
 * unit, optional latency quantiles, a ratio to a reference figure and targets met or missed). The
 * runner prints every figure of one run in one table and writes them to `bench/results/latest.json`.
 *
 * @example
 * export const rsaModule: BenchModule = {
 *   topic: "rsa",
 *   run: async ({ smoke }) => [{ topic: "rsa", name: "subtle.decrypt, 1 core", value: 3000, unit: "ops/s" }],
 * };
 */
import { measure, type Benchmark } from "./benchmark.js";

/** A target and whether the run met it, e.g. `{ label: "ratio >= 0.85", met: false }`. */
export interface Target {
  readonly label: string;
  readonly met: boolean;
}

/** One measured figure. */
export interface Figure {
  readonly topic: string;
  readonly name: string;
  readonly value: number;
  /** `ops/s`, `req/s`, `ms`, `bytes`, ... */
  readonly unit: string;
  readonly p50Ms?: number;
  readonly p95Ms?: number;
  readonly p99Ms?: number;
  /** `value` divided by the value of the figure named in `ratioTo`. */
  readonly ratio?: number;
  readonly ratioTo?: string;
  readonly targets?: readonly Target[];
  /** What else is worth knowing to read the figure (load generator CPU, errors, limits). */
  readonly note?: string;
}

/** What a module gets from the runner. */
export interface BenchContext {
  /** Tiny counts and durations, so that a test can run the module in seconds (figures are meaningless). */
  readonly smoke: boolean;
  /** The figures of the modules that ran before, for ratios to them. */
  readonly figures: readonly Figure[];
  /** Progress lines while the module runs. */
  readonly log: (line: string) => void;
}

/** One topic of the benchmark run. */
export interface BenchModule {
  readonly topic: string;
  run(context: BenchContext): Promise<Figure[]>;
}

/** A target of the form `value >= bound` (or `>` / `<=` / `<`), labelled for the table. */
export function target(
  what: string,
  value: number,
  comparison: ">=" | ">" | "<=" | "<",
  bound: number,
  unit = "",
): Target {
  const met =
    comparison === ">="
      ? value >= bound
      : comparison === ">"
        ? value > bound
        : comparison === "<="
          ? value <= bound
          : value < bound;
  return { label: `${what} ${comparison} ${bound}${unit}`, met };
}

/** Finds an earlier figure by topic and name. */
export function findFigure(figures: readonly Figure[], topic: string, name: string): Figure | undefined {
  return figures.find((figure) => figure.topic === topic && figure.name === name);
}

/**
 * Wraps synchronous {@link Benchmark}s (compile, paths) as a module: each becomes a figure whose value is
 * the median in milliseconds. In smoke mode each runs once, without warm-up or detail.
 */
export function benchmarkModule(topic: string, benchmarks: readonly Benchmark[]): BenchModule {
  return {
    topic,
    run: async ({ smoke }) =>
      benchmarks.map((benchmark) => {
        // In smoke mode: one timed call, no warm-up, and no detail (which runs the operation again).
        const { detail: _detail, ...once } = benchmark;
        const result = measure(smoke ? { ...once, iterations: 1, warmup: 0 } : benchmark);
        return {
          topic,
          name: result.name,
          value: result.medianMs,
          unit: "ms (median)",
          p50Ms: result.medianMs,
          p95Ms: result.p95Ms,
          ...(result.targetMs === undefined
            ? {}
            : { targets: [target("median", result.medianMs, "<", result.targetMs, " ms")] }),
          note: [`n=${result.iterations}`, result.detail].filter(Boolean).join(", "),
        };
      }),
  };
}
