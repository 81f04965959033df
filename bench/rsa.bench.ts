/**
 * The RSA ceiling: RSA-2048 OAEP-SHA-256 private decryptions per second, which bound every encrypted
 * request. One core: sequential calls (concurrency 1, so WebCrypto's thread pool adds no cores), with
 * WebCrypto `subtle.decrypt` (the ceiling the endpoint is compared with), `subtle.unwrapKey` (what the
 * endpoint calls) and node:crypto `privateDecrypt` (synchronous, for reference). All cores: one
 * worker thread per CPU, each sequential, all at once.
 */
import { availableParallelism } from "node:os";
import type { Worker } from "node:worker_threads";
import type { BenchContext, BenchModule, Figure } from "./bench-module.js";
import { measureRate, type RateResult } from "./rate.js";
import { createRsaFixture, rsaOperation, type RsaFixture, type RsaMethod } from "./rsa-operations.js";
import type { RsaWorkerPhase } from "./rsa-worker.js";
import { startTsWorker } from "./ts-worker.js";

const TOPIC = "rsa";
/** The name of the one-core `subtle.decrypt` figure, which other modules take ratios to. */
export const RSA_ONE_CORE = "RSA-2048 OAEP-SHA256 subtle.decrypt, 1 core";

interface Timing {
  readonly warmup: number;
  readonly durationMs: number;
}

function timing(smoke: boolean): Timing {
  return smoke ? { warmup: 2, durationMs: 50 } : { warmup: 200, durationMs: 2500 };
}

function oneCoreFigure(name: string, rate: RateResult, note: string): Figure {
  return {
    topic: TOPIC,
    name,
    value: rate.opsPerSecond,
    unit: "ops/s",
    p50Ms: rate.p50Ms,
    p99Ms: rate.p99Ms,
    note,
  };
}

function once<T>(worker: Worker, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const fail = (error: Error) => reject(new Error(`RSA worker ${what}: ${error.message}`));
    worker.once("error", fail);
    worker.once("message", (message: T) => {
      worker.off("error", fail);
      resolve(message);
    });
  });
}

/** Runs `method` in every worker at once and returns each worker's rate. */
async function allWorkers(workers: readonly Worker[], phase: RsaWorkerPhase): Promise<RateResult[]> {
  const results = workers.map((worker) => once<RateResult>(worker, phase.method));
  for (const worker of workers) worker.postMessage(phase);
  return Promise.all(results);
}

async function allCores(fixture: RsaFixture, smoke: boolean): Promise<Figure[]> {
  const count = availableParallelism();
  const workers = Array.from({ length: count }, () =>
    startTsWorker(new URL("./rsa-worker.ts", import.meta.url), fixture),
  );
  try {
    await Promise.all(workers.map((worker) => once<string>(worker, "start")));
    const figures: Figure[] = [];
    const methods: readonly [RsaMethod, string][] = [
      ["subtle.decrypt", `RSA-2048 OAEP-SHA256 subtle.decrypt, ${count} workers`],
      ["privateDecrypt", `RSA-2048 OAEP-SHA256 privateDecrypt sync, ${count} workers`],
    ];
    for (const [method, name] of methods) {
      const rates = await allWorkers(workers, { method, ...timing(smoke) });
      const total = rates.reduce((sum, rate) => sum + rate.opsPerSecond, 0);
      figures.push({
        topic: TOPIC,
        name,
        value: total,
        unit: "ops/s",
        note: `one worker_thread per CPU, each sequential; per worker ${rates.map((rate) => rate.opsPerSecond.toFixed(0)).join(" + ")}`,
      });
    }
    return figures;
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

async function run({ smoke, log }: BenchContext): Promise<Figure[]> {
  const fixture = createRsaFixture(64);
  log("RSA one core");
  const figures = [
    oneCoreFigure(
      RSA_ONE_CORE,
      await measureRate(await rsaOperation("subtle.decrypt", fixture), timing(smoke)),
      "the ceiling: sequential, WebCrypto (thread pool, one call at a time)",
    ),
    oneCoreFigure(
      "RSA-2048 OAEP-SHA256 subtle.unwrapKey, 1 core",
      await measureRate(await rsaOperation("subtle.unwrapKey", fixture), timing(smoke)),
      "what the endpoint calls: decrypt + AES key import",
    ),
    oneCoreFigure(
      "RSA-2048 OAEP-SHA256 privateDecrypt sync, 1 core",
      await measureRate(await rsaOperation("privateDecrypt", fixture), timing(smoke)),
      "node:crypto, KeyObject, for reference",
    ),
  ];
  log("RSA all cores");
  return [...figures, ...(await allCores(fixture, smoke))];
}

export const rsaModule: BenchModule = { topic: TOPIC, run };
