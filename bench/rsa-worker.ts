/**
 * A worker thread of the all-cores RSA benchmark: imports the key once, says `ready`, then for each
 * `{ method, warmup, durationMs }` message runs that operation sequentially and posts the rate back.
 *
 * @example
 * const worker = startTsWorker(new URL("./rsa-worker.ts", import.meta.url), fixture);
 * worker.postMessage({ method: "subtle.decrypt", warmup: 50, durationMs: 2000 });
 */
import { parentPort, workerData } from "node:worker_threads";
import { measureRate } from "./rate.js";
import { rsaOperation, type RsaFixture, type RsaMethod } from "./rsa-operations.js";

/** A phase the main thread asks for. */
export interface RsaWorkerPhase {
  readonly method: RsaMethod;
  readonly warmup: number;
  readonly durationMs: number;
}

const port = parentPort;
if (port === null) throw new Error("rsa-worker.ts runs as a worker thread (see rsa.bench.ts).");
const fixture = workerData as RsaFixture;
port.on("message", (phase: RsaWorkerPhase) => {
  void (async () => {
    const operation = await rsaOperation(phase.method, fixture);
    port.postMessage(await measureRate(operation, { warmup: phase.warmup, durationMs: phase.durationMs }));
  })();
});
port.postMessage("ready");
