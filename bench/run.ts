/**
 * `npm run bench`: runs every registered benchmark module once, prints the machine, then one table of
 * all figures, and writes them to `bench/results/latest.json` (git-ignored). `--smoke` runs every
 * module with tiny counts (for the smoke test; its figures mean nothing), `--only TOPIC[,TOPIC]` a few.
 * To add a module, write `bench/<topic>.bench.ts` exporting a `BenchModule` (or `Benchmark[]` wrapped
 * with `benchmarkModule`) and add it below.
 */
import { pathToFileURL } from "node:url";
import { benchmarkModule, type BenchModule, type Figure } from "./bench-module.js";
import { benchmarks as compile } from "./compile.bench.js";
import { endpointModule } from "./endpoint.bench.js";
import { httpModule } from "./http.bench.js";
import { benchmarks as paths } from "./paths.bench.js";
import { describeMachine, formatFigures, formatMachine, writeResults, type BenchResults } from "./report.js";
import { redisMemoryModule } from "./redis-memory.bench.js";
import { rsaModule } from "./rsa.bench.js";
import { sqliteStoreModule } from "./sqlite-store.bench.js";

/** Every module, in the order they run (later modules take ratios to earlier figures). */
export const modules: readonly BenchModule[] = [
  benchmarkModule("compile", compile),
  benchmarkModule("paths", paths),
  rsaModule,
  endpointModule,
  redisMemoryModule,
  sqliteStoreModule,
  httpModule,
];

/** Options of {@link runBenchmarks}. */
export interface RunOptions {
  readonly smoke: boolean;
  /** Topics to run; all when absent. */
  readonly only?: readonly string[];
  /** Where progress lines go (stderr by default, so the table stays readable on stdout). */
  readonly log?: (line: string) => void;
}

/** Runs the modules in order and collects their figures. */
export async function runBenchmarks(options: RunOptions): Promise<BenchResults> {
  const started = new Date();
  const machine = describeMachine();
  const log = options.log ?? ((line: string) => process.stderr.write(`  ${line}\n`));
  const figures: Figure[] = [];
  for (const module of modules) {
    if (options.only !== undefined && !options.only.includes(module.topic)) continue;
    log(`[${module.topic}]`);
    figures.push(...(await module.run({ smoke: options.smoke, figures, log })));
  }
  return {
    machine,
    startedAt: started.toISOString(),
    durationMs: Date.now() - started.getTime(),
    smoke: options.smoke,
    figures,
  };
}

function parseArgs(argv: readonly string[]): RunOptions {
  const onlyAt = argv.indexOf("--only");
  const only = onlyAt === -1 ? undefined : argv[onlyAt + 1]?.split(",");
  return { smoke: argv.includes("--smoke"), ...(only === undefined ? {} : { only }) };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const options = parseArgs(process.argv.slice(2));
  const machine = describeMachine();
  console.log(
    `flowmachine benchmarks, ${new Date().toISOString()}${options.smoke ? " (smoke: figures mean nothing)" : ""}`,
  );
  console.log(formatMachine(machine));
  const results = await runBenchmarks(options);
  console.log(`\n${formatFigures(results.figures)}`);
  const file = new URL("./results/latest.json", import.meta.url);
  writeResults(file, results);
  console.log(
    `\n${results.figures.length} figures in ${(results.durationMs / 1000).toFixed(1)} s; JSON in bench/results/latest.json`,
  );
}
