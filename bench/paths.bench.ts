/**
 * Enumerating the bounded paths of the generated 100-screen flow: shortest paths to every session state,
 * transition-covering paths, simple paths (each under the default bounds; `truncated` is reported).
 */
import { shortestPaths, simplePaths, transitionPaths, type FlowPaths } from "../src/testing/index.js";
import { buildFlow, generateFlowSpec } from "../test/helpers/random-flow.js";
import type { Benchmark } from "./benchmark.js";

const flow = buildFlow(generateFlowSpec(100, 20_250_101), "bench-100");

function describe(paths: FlowPaths): string {
  return `${paths.paths.length} paths${paths.truncated ? ", bounds hit" : ""}`;
}

export const benchmarks: Benchmark[] = [
  {
    name: "shortest paths, 100 screens",
    iterations: 10,
    warmup: 2,
    detail: () => describe(shortestPaths(flow)),
    run: () => shortestPaths(flow),
  },
  {
    name: "transition paths, 100 screens",
    iterations: 10,
    warmup: 2,
    detail: () => describe(transitionPaths(flow)),
    run: () => transitionPaths(flow),
  },
  {
    name: "simple paths, 100 screens",
    iterations: 10,
    warmup: 2,
    detail: () => describe(simplePaths(flow)),
    run: () => simplePaths(flow),
  },
];
