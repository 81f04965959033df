/**
 * One `flowmachine serve` process, alone or as a cluster worker: load the flow, the key and the store,
 * build the data endpoint, listen, and on a stop request let the requests in flight finish before the
 * store is closed. Alone it prints the banner and handles SIGINT/SIGTERM itself; as a worker it reports
 * to the primary over IPC and also stops on the primary's `drain` or when the primary goes away.
 *
 * @example
 * // flowmachine serve examples/sign-in/flow.ts
 * const status = await runServeProcess(options, io, "single");
 */
import type { AddressInfo } from "node:net";
import { resolve } from "node:path";
import type { Flow } from "../../machine/index.js";
import { createFlowEndpoint, type EndpointLogger } from "../../transport/endpoint/index.js";
import { SessionStoreError } from "../../transport/store/errors.js";
import type { SessionStore } from "../../transport/store/session-store.js";
import type { CommandIo } from "../command.js";
import { loadFlow, ModuleLoadError } from "../load-module.js";
import { createServeHttpServer } from "./http-server.js";
import { formatServeBanner, originOf } from "./serve-banner.js";
import { DEV_FOLDER, ensureDevFolder, prepareServeKey, ServeKeyError, type ServeKey } from "./serve-key.js";
import type { ServeOptions } from "./serve-options.js";
import { onStopSignals } from "./stop-signals.js";
import { DEFAULT_SQLITE_FILE, describeStore, openSessionStore } from "./store-from-url.js";
import { isDrainMessage, type WorkerMessage } from "./worker-messages.js";

/** How long a stop waits for requests in flight (WhatsApp gives up after 10 s anyway). */
export const DRAIN_TIMEOUT_MS = 15_000;

/** Whether this process serves alone or as a worker of a `--workers` cluster. */
export type ServeRole = "single" | "worker";

interface Started {
  readonly flow: Flow;
  readonly key: ServeKey;
  readonly address: AddressInfo;
}

/** What differs between a lone process and a worker: where messages go, and what asks it to stop. */
interface Reporter {
  ready(started: Started): void;
  /** Reports why the process cannot serve; resolves with the exit status once the report is out. */
  fatal(message: string, exitCode: number): Promise<number>;
  warning(message: string): void;
  /** Resolves on the first stop request; `dispose` removes the listeners. */
  readonly stopRequested: Promise<void>;
  stopping(inFlight: number): void;
  stopped(): void;
  dispose(): void;
}

function singleReporter(options: ServeOptions, io: CommandIo): Reporter {
  const pending: string[] = [];
  let started = false;
  let stop = (): void => undefined;
  const stopRequested = new Promise<void>((resolve) => (stop = resolve));
  const dispose = onStopSignals(() => stop(), io.stderr);
  const warn = (message: string) => io.stderr(`flowmachine serve: warning: ${message}\n`);
  return {
    ready({ flow, key, address }) {
      io.stdout(
        formatServeBanner({
          flowId: flow.id,
          module: options.module,
          origin: originOf(address.address, address.port),
          path: options.path,
          key,
          store: describeStore(options.store),
          appSecretEnv: options.appSecret?.env,
          quiet: options.quiet,
          cwd: io.cwd,
        }),
      );
      started = true;
      for (const message of pending.splice(0)) warn(message);
    },
    async fatal(message, exitCode) {
      io.stderr(`flowmachine serve: ${message}\n`);
      return exitCode;
    },
    warning(message) {
      if (started) warn(message);
      else pending.push(message);
    },
    stopRequested,
    stopping(inFlight) {
      io.stdout(`Stopping: finishing ${inFlight} request(s) in flight, then closing the store\n`);
    },
    stopped: () => io.stdout("Stopped.\n"),
    dispose,
  };
}

function workerReporter(io: CommandIo): Reporter {
  const send = (message: WorkerMessage): Promise<void> =>
    new Promise((resolve) => {
      if (!process.connected || process.send === undefined) return resolve();
      process.send(message, undefined, {}, () => resolve());
    });
  let stop = (): void => undefined;
  const stopRequested = new Promise<void>((resolve) => (stop = resolve));
  const onMessage = (message: unknown): void => {
    if (isDrainMessage(message)) stop();
  };
  process.on("message", onMessage);
  // The primary is gone (killed): nobody can replace or stop this worker, so it stops itself.
  process.once("disconnect", stop);
  const disposeSignals = onStopSignals(() => stop(), io.stderr);
  return {
    ready({ flow, address }) {
      void send({ type: "ready", flowId: flow.id, host: address.address, port: address.port });
    },
    async fatal(message, exitCode) {
      await send({ type: "fatal", message, exitCode });
      return exitCode;
    },
    warning(message) {
      void send({ type: "warning", message });
    },
    stopRequested,
    stopping: () => undefined,
    stopped: () => undefined,
    dispose() {
      disposeSignals();
      process.off("message", onMessage);
      process.off("disconnect", stop);
      if (process.connected) process.disconnect();
    },
  };
}

/** Serves until asked to stop; resolves with the exit status. */
export async function runServeProcess(
  options: ServeOptions,
  io: CommandIo,
  role: ServeRole,
): Promise<number> {
  const reporter = role === "single" ? singleReporter(options, io) : workerReporter(io);
  try {
    return await serve(options, io, reporter);
  } finally {
    reporter.dispose();
  }
}

async function serve(options: ServeOptions, io: CommandIo, reporter: Reporter): Promise<number> {
  let flow: Flow;
  let key: ServeKey;
  try {
    flow = await loadFlow(options.module, {
      cwd: io.cwd,
      ...(options.exportName === undefined ? {} : { exportName: options.exportName }),
    });
    key = await prepareServeKey({
      cwd: io.cwd,
      ...(options.privateKeyFile === undefined ? {} : { privateKeyFile: options.privateKeyFile }),
      ...(options.passphrase === undefined ? {} : { passphrase: options.passphrase }),
    });
  } catch (error) {
    if (error instanceof ModuleLoadError || error instanceof ServeKeyError) {
      return reporter.fatal(error.message, 2);
    }
    throw error;
  }
  let store: SessionStore;
  try {
    store = await openServeStore(options, io.cwd);
  } catch (error) {
    if (!(error instanceof SessionStoreError)) throw error;
    return reporter.fatal(error.message, error.reason === "misconfigured" ? 2 : 1);
  }
  const logger: EndpointLogger = (entry) => {
    if (entry.kind === "warning") reporter.warning(entry.message);
    else if (!options.quiet) io.stdout(`${JSON.stringify({ time: new Date().toISOString(), ...entry })}\n`);
  };
  const endpoint = createFlowEndpoint({
    flow,
    privateKey: key.privateKey,
    store,
    logger,
    ...(options.appSecret === undefined ? {} : { appSecret: options.appSecret.value }),
    ...(options.sessionTtlMs === undefined ? {} : { sessionTtlMs: options.sessionTtlMs }),
  });
  try {
    await endpoint.ready;
  } catch (error) {
    await store.close();
    return reporter.fatal(`the private key cannot be used: ${(error as Error).message}`, 2);
  }
  const http = createServeHttpServer({ handler: endpoint, path: options.path, store });
  let address: AddressInfo;
  try {
    address = await http.listen(options.port, options.host);
  } catch (error) {
    await store.close();
    return reporter.fatal(listenProblem(error, options), 1);
  }
  reporter.ready({ flow, key, address });
  await reporter.stopRequested;
  reporter.stopping(http.inFlight);
  await http.drain(DRAIN_TIMEOUT_MS);
  await endpoint.close();
  await store.close();
  reporter.stopped();
  return 0;
}

/** Opens the store; the default SQLite file's folder gets its `.gitignore` first. */
export async function openServeStore(options: ServeOptions, cwd: string): Promise<SessionStore> {
  if (options.store.kind === "sqlite" && options.store.file === DEFAULT_SQLITE_FILE) {
    await ensureDevFolder(resolve(cwd, DEV_FOLDER));
  }
  return openSessionStore(options.store, cwd);
}

function listenProblem(error: unknown, options: ServeOptions): string {
  const code = (error as { code?: unknown }).code;
  const where = `${options.host}:${options.port}`;
  if (code === "EADDRINUSE") return `cannot listen on ${where}: the port is in use; pick another with --port`;
  if (code === "EADDRNOTAVAIL" || code === "ENOTFOUND") {
    return `cannot listen on ${where}: no such local address; check --host`;
  }
  if (code === "EACCES") return `cannot listen on ${where}: permission denied; use a port above 1023`;
  return `cannot listen on ${where}: ${error instanceof Error ? error.message : String(error)}`;
}
