/**
 * The primary of `flowmachine serve --workers N`: it prepares what workers must not race on (the
 * development key pair, the store's file or connection), forks N workers (node:cluster) that each build
 * the endpoint and listen on the same port, prints the banner once all listen, replaces a worker that
 * exits while nobody asked it to (at most `maxRestarts` per `windowMs`, so a crash loop stops instead of
 * spinning), and on SIGINT/SIGTERM tells every worker to drain and exits when all have exited.
 *
 * A worker that cannot start (module, key, store) reports why; the primary then stops the others and
 * exits with that worker's status. Stopping one worker with SIGTERM recycles it: it finishes its requests
 * and the primary starts a fresh one.
 *
 * @example
 * // flowmachine serve flow.ts --workers auto
 * const status = await superviseServeWorkers(options, args, io);
 */
import cluster, { type Worker } from "node:cluster";
import { dirname, extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { SessionStoreError } from "../../transport/store/errors.js";
import type { CommandIo } from "../command.js";
import { formatServeBanner, originOf } from "./serve-banner.js";
import { createRestartLimiter, DEFAULT_RESTART_POLICY, type RestartPolicy } from "./restart-limiter.js";
import { prepareServeKey, ServeKeyError, type ServeKey } from "./serve-key.js";
import type { ServeOptions } from "./serve-options.js";
import { DRAIN_TIMEOUT_MS, openServeStore } from "./serve-process.js";
import { onStopSignals } from "./stop-signals.js";
import { describeStore } from "./store-from-url.js";
import {
  isWorkerMessage,
  SERVE_WORKER_ENV,
  type DrainMessage,
  type WorkerMessage,
} from "./worker-messages.js";

/** Extra time, beyond the workers' own drain deadline, before the primary kills a worker that hangs. */
const KILL_MARGIN_MS = 5_000;

/** The script forked workers run: next to this file, `.ts` when running from source. */
function workerEntry(): string {
  const here = fileURLToPath(import.meta.url);
  return join(dirname(here), `serve-worker-entry${extname(here)}`);
}

function describeExit(code: number | null, signal: string | null): string {
  return signal === null ? `exit status ${code ?? "unknown"}` : `signal ${signal}`;
}

/** Prepares, forks and supervises the workers; resolves with the exit status once all have exited. */
export async function superviseServeWorkers(
  options: ServeOptions,
  args: readonly string[],
  io: CommandIo,
  policy: RestartPolicy = DEFAULT_RESTART_POLICY,
): Promise<number> {
  let key: ServeKey;
  try {
    key = await prepareServeKey({
      cwd: io.cwd,
      ...(options.privateKeyFile === undefined ? {} : { privateKeyFile: options.privateKeyFile }),
      ...(options.passphrase === undefined ? {} : { passphrase: options.passphrase }),
    });
    // Creates the SQLite file and schema (or checks Redis) once, before the workers open it together.
    await (await openServeStore(options, io.cwd)).close();
  } catch (error) {
    if (error instanceof ServeKeyError) return fail(io, error.message, 2);
    if (error instanceof SessionStoreError) {
      return fail(io, error.message, error.reason === "misconfigured" ? 2 : 1);
    }
    throw error;
  }
  // Workers accept connections themselves. With node's default round-robin the primary accepts them and
  // hands each one to a worker over IPC; a connection handed to a worker that has just died (SIGKILL, OOM)
  // is never answered nor closed, so its client hangs until its own timeout (WhatsApp's is 10 s).
  cluster.schedulingPolicy = cluster.SCHED_NONE;
  cluster.setupPrimary({ exec: workerEntry(), args: ["serve", ...args] });
  return new Promise<number>((resolveExit) => {
    const supervisor = createSupervisor(options, io, key, policy, resolveExit);
    for (let index = 0; index < options.workers; index += 1) supervisor.fork();
  });
}

function fail(io: CommandIo, message: string, status: number): number {
  io.stderr(`flowmachine serve: ${message}\n`);
  return status;
}

function createSupervisor(
  options: ServeOptions,
  io: CommandIo,
  key: ServeKey,
  policy: RestartPolicy,
  resolveExit: (status: number) => void,
) {
  const workers = new Map<Worker, { ready: boolean }>();
  let phase: "starting" | "running" | "stopping" = "starting";
  let status = 0;
  let killTimer: ReturnType<typeof setTimeout> | undefined;
  const restarts = createRestartLimiter(policy);
  const warnings = new Set<string>();
  const pendingWarnings: string[] = [];

  const warn = (message: string) => io.stderr(`flowmachine serve: warning: ${message}\n`);
  const disposeSignals = onStopSignals(
    (signal) => {
      io.stdout(`Stopping (${signal}): ${workers.size} worker(s) finish their requests in flight\n`);
      stopAll();
    },
    io.stderr,
    () => {
      for (const worker of workers.keys()) worker.process.kill("SIGKILL");
    },
  );

  function fork(): void {
    const worker = cluster.fork({ [SERVE_WORKER_ENV]: "1" });
    workers.set(worker, { ready: false });
    worker.on("message", (message: unknown) => {
      if (isWorkerMessage(message)) onMessage(worker, message);
    });
    worker.on("exit", (code: number | null, signal: string | null) => onExit(worker, code, signal));
    // IPC to a worker that is exiting fails with EPIPE; its exit is handled above, nothing else to do.
    worker.on("error", () => undefined);
  }

  function onMessage(worker: Worker, message: WorkerMessage): void {
    const entry = workers.get(worker);
    switch (message.type) {
      case "ready":
        if (entry !== undefined) entry.ready = true;
        if (phase === "starting" && [...workers.values()].every((each) => each.ready)) {
          phase = "running";
          printBanner(message);
        } else if (phase === "running") {
          io.stdout(`Replacement worker pid ${worker.process.pid ?? "?"} ready\n`);
        }
        return;
      case "fatal":
        if (phase === "stopping") return;
        io.stderr(`flowmachine serve: ${message.message}\n`);
        status = message.exitCode;
        stopAll();
        return;
      case "warning":
        if (warnings.has(message.message)) return;
        warnings.add(message.message);
        if (phase === "starting") pendingWarnings.push(message.message);
        else warn(message.message);
        return;
    }
  }

  function printBanner(ready: Extract<WorkerMessage, { type: "ready" }>): void {
    io.stdout(
      formatServeBanner({
        flowId: ready.flowId,
        module: options.module,
        origin: originOf(ready.host, ready.port),
        path: options.path,
        key,
        store: describeStore(options.store),
        appSecretEnv: options.appSecret?.env,
        quiet: options.quiet,
        workerPids: [...workers.keys()].map((worker) => worker.process.pid ?? 0),
        cwd: io.cwd,
      }),
    );
    for (const message of pendingWarnings.splice(0)) warn(message);
  }

  function onExit(worker: Worker, code: number | null, signal: string | null): void {
    const entry = workers.get(worker);
    workers.delete(worker);
    const pid = worker.process.pid ?? "?";
    if (phase === "stopping") {
      if (workers.size === 0) finish();
      return;
    }
    if (phase === "starting" && entry?.ready !== true) {
      io.stderr(
        `flowmachine serve: worker pid ${pid} exited during start-up (${describeExit(code, signal)})\n`,
      );
      status = 1;
      stopAll();
      return;
    }
    const { allowed, recent } = restarts.record();
    if (!allowed) {
      io.stderr(
        `flowmachine serve: workers exited ${recent} times within ${policy.windowMs / 1000} s; ` +
          "giving up instead of restarting them in a loop (see the errors above)\n",
      );
      status = 1;
      stopAll();
      return;
    }
    io.stdout(
      `Worker pid ${pid} exited unexpectedly (${describeExit(code, signal)}); starting a replacement ` +
        `(restart ${recent} of at most ${policy.maxRestarts} per ${policy.windowMs / 1000} s)\n`,
    );
    fork();
  }

  function stopAll(): void {
    if (phase === "stopping") return;
    phase = "stopping";
    if (workers.size === 0) return finish();
    const drain: DrainMessage = { type: "drain" };
    for (const worker of workers.keys()) {
      if (worker.isConnected()) worker.send(drain, undefined, () => undefined);
      else worker.process.kill("SIGTERM");
    }
    killTimer = setTimeout(() => {
      for (const worker of workers.keys()) worker.process.kill("SIGKILL");
    }, DRAIN_TIMEOUT_MS + KILL_MARGIN_MS);
    killTimer.unref();
  }

  function finish(): void {
    clearTimeout(killTimer);
    disposeSignals();
    if (status === 0) io.stdout("Stopped.\n");
    resolveExit(status);
  }

  return { fork };
}
