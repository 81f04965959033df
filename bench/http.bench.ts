/**
 * Encrypted HTTP round trips per second at 32 concurrent connections, with p50/p99 latency: the bare
 * baseline (HTTP + signature + decryption + encryption of a constant reply) and the real server with
 * the memory, SQLite and Redis stores, in one process and with one worker per CPU. Every serve figure
 * is a ratio to the baseline with the same number of processes. The load generator runs on the same
 * machine in its own process, and reports its own CPU and the machine's.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startRedisServer } from "../test/helpers/redis-server.js";
import { target, type BenchContext, type BenchModule, type Figure, type Target } from "./bench-module.js";
import { freePort, startTsProcess, waitUntilServing, type TsProcess } from "./bench-process.js";
import type { LoadOptions, LoadResult } from "./load-generator.js";
import { BENCH_APP_SECRET, BENCH_PRIVATE_KEY_PEM } from "./sign-in-traffic.js";

const TOPIC = "http";
const HOST = "127.0.0.1";
const PATH = "/flow";
const APP_SECRET_ENV = "FLOWMACHINE_BENCH_APP_SECRET";
const CONNECTIONS = 32;

/** Files and services a scenario's server needs. */
interface ScenarioFiles {
  readonly dir: string;
  readonly privateKeyFile: string;
}

/** One server configuration under load. */
interface Scenario {
  readonly name: string;
  /** 1 for one process, else the worker count. */
  readonly processes: number;
  /** The baseline scenario this one is compared with (absent for baselines). */
  readonly baseline?: string;
  /** `status` for the constant-reply baseline, whose replies are not sign-in screens. */
  readonly check: LoadOptions["check"];
  /** Targets on the ratio to the baseline and on p99. */
  readonly targets: (result: LoadResult, ratio: number | undefined) => Target[];
  start(
    port: number,
    files: ScenarioFiles,
  ): Promise<{ readonly server: TsProcess; readonly cleanup?: () => Promise<void> }>;
}

function commonArgs(port: number, files: ScenarioFiles): string[] {
  return [
    "--port",
    String(port),
    "--host",
    HOST,
    "--path",
    PATH,
    "--private-key",
    files.privateKeyFile,
    "--app-secret-env",
    APP_SECRET_ENV,
  ];
}

const env = { [APP_SECRET_ENV]: BENCH_APP_SECRET };

function baseline(processes: number): Scenario {
  return {
    name: baselineName(processes),
    processes,
    check: "status",
    targets: () => [],
    start: async (port, files) => ({
      server: startTsProcess(
        new URL("./baseline-server.ts", import.meta.url),
        [...commonArgs(port, files), "--workers", String(processes)],
        { env },
      ),
    }),
  };
}

function baselineName(processes: number): string {
  return `baseline (constant reply), ${processLabel(processes)}`;
}

function processLabel(processes: number): string {
  return processes === 1 ? "1 process" : `${processes} workers`;
}

/** Targets on the ratio to the baseline, per store (from the issues). */
const RATIO_TARGETS: Readonly<Record<string, number>> = { SQLite: 0.9, Redis: 0.8 };

/**
 * `flowmachine serve` on the sign-in bench flow with `store` (the `--store` value), in one process or
 * with `--workers`. `prepare` starts what the store needs (a Redis server) and returns its `--store`.
 */
function serve(
  label: string,
  processes: number,
  prepare: (
    files: ScenarioFiles,
  ) => Promise<{ readonly store: string; readonly cleanup?: () => Promise<void> }>,
): Scenario {
  const minimum = RATIO_TARGETS[label];
  return {
    name: `serve ${label}, ${processLabel(processes)}`,
    processes,
    baseline: baselineName(processes),
    check: "sign-in",
    targets: (_, ratio) =>
      minimum === undefined || ratio === undefined ? [] : [target("ratio", ratio, ">=", minimum)],
    start: async (port, files) => {
      const { store, cleanup } = await prepare(files);
      const args = [SIGN_IN_MODULE, ...commonArgs(port, files), "--store", store, "--quiet"];
      if (processes > 1) args.push("--workers", String(processes));
      const server = startTsProcess(
        new URL("../test/helpers/run-cli.ts", import.meta.url),
        ["serve", ...args],
        {
          env,
        },
      );
      return { server, ...(cleanup === undefined ? {} : { cleanup }) };
    },
  };
}

/** The sign-in example with its example user seeded (the tests serve it too). */
const SIGN_IN_MODULE = fileURLToPath(new URL("../test/helpers/sign-in-seeded-flow.ts", import.meta.url));
const memoryStore = async () => ({ store: "memory" });
const sqliteStore = async (files: ScenarioFiles) => ({
  store: `sqlite:${join(mkdtempSync(join(files.dir, "sqlite-")), "sessions.db")}`,
});
const redisStore = async () => {
  const redis = await startRedisServer();
  return { store: `${redis.url}/0`, cleanup: () => redis.close() };
};

/**
 * The scenarios in the order they run: each baseline before the serve runs compared with it. In
 * smoke mode, the one-process baseline and the memory store only.
 */
function scenarios(smoke: boolean): Scenario[] {
  const cores = availableParallelism();
  if (smoke) return [baseline(1), serve("memory", 1, memoryStore)];
  const oneProcess = [baseline(1), serve("memory", 1, memoryStore), serve("SQLite", 1, sqliteStore)];
  // On a one-CPU machine "every core" is the one process already measured.
  if (cores === 1) return oneProcess;
  return [
    ...oneProcess,
    baseline(cores),
    serve("SQLite", cores, sqliteStore),
    serve("Redis", cores, redisStore),
  ];
}

/** p99 targets: under 50 ms with one process, at most 15 ms with every core. */
function latencyTarget(result: LoadResult, processes: number): Target {
  return processes === 1
    ? target("p99", result.p99Ms, "<", 50, " ms")
    : target("p99", result.p99Ms, "<=", 15, " ms");
}

async function runLoad(url: string, check: LoadOptions["check"], smoke: boolean): Promise<LoadResult> {
  const options: LoadOptions = smoke
    ? { url, connections: 4, warmupMs: 100, durationMs: 300, flows: 200, check }
    : { url, connections: CONNECTIONS, warmupMs: 1_000, durationMs: 5_000, flows: 9_000, check };
  const generator = startTsProcess(new URL("./load-generator.ts", import.meta.url), [
    JSON.stringify(options),
  ]);
  const exit = await generator.exited;
  const line = generator.stdout().trim().split("\n").at(-1) ?? "";
  if (exit !== 0 || !line.startsWith("{")) {
    throw new Error(`the load generator failed (${exit}):\n${generator.output().slice(-2_000)}`);
  }
  return JSON.parse(line) as LoadResult;
}

function figureOf(scenario: Scenario, result: LoadResult, baselineResult: LoadResult | undefined): Figure {
  const ratio =
    baselineResult === undefined ? undefined : result.requestsPerSecond / baselineResult.requestsPerSecond;
  const problems = [
    result.errors > 0 ? `${result.errors} errors (first: ${result.firstError ?? "?"})` : undefined,
    result.exhausted
      ? `pre-encrypted flows ran out: window cut to ${result.windowMs.toFixed(0)} ms`
      : undefined,
  ].filter((part) => part !== undefined);
  return {
    topic: TOPIC,
    name: scenario.name,
    value: result.requestsPerSecond,
    unit: "req/s",
    p50Ms: result.p50Ms,
    p99Ms: result.p99Ms,
    ...(ratio === undefined || scenario.baseline === undefined ? {} : { ratio, ratioTo: scenario.baseline }),
    targets: [...scenario.targets(result, ratio), latencyTarget(result, scenario.processes)],
    note: [
      `load generator CPU ${result.generatorCpuPercent.toFixed(0)}% of a core, machine ${result.machineCpuPercent.toFixed(0)}% (of ${availableParallelism() * 100}%)`,
      `${result.requests} requests, ${result.flowsCompleted} flows completed in ${(result.windowMs / 1000).toFixed(1)} s`,
      ...problems,
    ].join("; "),
  };
}

async function run({ smoke, log }: BenchContext): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), "flowmachine-bench-http-"));
  const files: ScenarioFiles = { dir, privateKeyFile: join(dir, "private.pem") };
  writeFileSync(files.privateKeyFile, BENCH_PRIVATE_KEY_PEM, { mode: 0o600 });
  const results = new Map<string, LoadResult>();
  const figures: Figure[] = [];
  try {
    for (const scenario of scenarios(smoke)) {
      log(scenario.name);
      const port = await freePort();
      const { server, cleanup } = await scenario.start(port, files);
      try {
        const url = `http://${HOST}:${port}${PATH}`;
        await waitUntilServing(url, server);
        const result = await runLoad(url, scenario.check, smoke);
        results.set(scenario.name, result);
        figures.push(
          figureOf(
            scenario,
            result,
            scenario.baseline === undefined ? undefined : results.get(scenario.baseline),
          ),
        );
      } finally {
        await server.stop();
        await cleanup?.();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}

export const httpModule: BenchModule = { topic: TOPIC, run };
