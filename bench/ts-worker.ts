/**
 * Starts a `worker_threads` worker on a TypeScript module. Workers do not inherit the tsx loader on
 * Node 20, so the worker's first script registers it (through `tsx/esm/api`) and imports the module.
 *
 * @example
 * const worker = startTsWorker(new URL("./rsa-worker.ts", import.meta.url), { privateKeyPem });
 * worker.on("message", (message) => console.log(message));
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";

// The ESM build of tsx's API, next to the CommonJS one that `require.resolve` finds.
const tsxApi = pathToFileURL(
  join(dirname(createRequire(import.meta.url).resolve("tsx/esm/api")), "index.mjs"),
).href;

/** Runs `entry` (a `.ts` file URL) in a new worker thread with `workerData`. */
export function startTsWorker(entry: URL, workerData: unknown): Worker {
  const script = `import(${JSON.stringify(tsxApi)}).then((api) => api.tsImport(${JSON.stringify(entry.href)}, ${JSON.stringify(entry.href)}));`;
  return new Worker(script, { eval: true, workerData });
}
