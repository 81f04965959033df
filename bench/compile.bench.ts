/**
 * Compiling a generated 100-screen flow (branching navigate and data_exchange edges, some returns):
 * screen graph from the machine, routing model, Flow JSON validation. Also defining it (building the
 * machine), which happens once per process.
 */
import { compileFlow } from "../src/compile/index.js";
import { buildFlow, generateFlowSpec } from "../test/helpers/random-flow.js";
import type { Benchmark } from "./benchmark.js";

const spec = generateFlowSpec(100, 20_250_101);
const flow = buildFlow(spec, "bench-100");

export const benchmarks: Benchmark[] = [
  {
    name: "compile + validate, 100 screens",
    iterations: 100,
    targetMs: 100,
    detail: () => {
      const { flowJson, diagnostics } = compileFlow(flow);
      const routes = Object.values(flowJson.routing_model ?? {}).reduce(
        (sum, targets) => sum + targets.length,
        0,
      );
      return `${routes} routes, ${diagnostics.length} diagnostics`;
    },
    run: () => compileFlow(flow),
  },
  {
    name: "define flow (build machine), 100 screens",
    iterations: 50,
    run: () => buildFlow(spec, "bench-100"),
  },
];
