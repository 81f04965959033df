/**
 * `npm run bench`: runs every registered benchmark module and prints median and p95 per operation.
 * To add one, write `bench/<topic>.bench.ts` exporting `benchmarks: Benchmark[]` and add it below.
 */
import { formatResult, measure, type Benchmark } from "./benchmark.js";
import { benchmarks as compile } from "./compile.bench.js";
import { benchmarks as paths } from "./paths.bench.js";

const modules: ReadonlyArray<readonly [string, readonly Benchmark[]]> = [
  ["compile", compile],
  ["paths", paths],
];

console.log(`flowmachine benchmarks (node ${process.version}, ${new Date().toISOString()})`);
for (const [topic, benchmarks] of modules) {
  console.log(`\n[${topic}]`);
  for (const benchmark of benchmarks) console.log(formatResult(measure(benchmark)));
}
