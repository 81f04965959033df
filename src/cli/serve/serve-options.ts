/**
 * The arguments of `flowmachine serve`, checked before anything is opened: the module, the address, the
 * key, the secrets (read from the environment variables named on the command line, kept `Redacted`),
 * the store and the number of workers. Every problem is one line for the user, printed with the usage
 * and exit status 2.
 *
 * @example
 * const parsed = parseServeOptions(["examples/sign-in/flow.ts", "--port", "8080"], { env: process.env, cpus: 4 });
 * if (parsed.ok) parsed.options.port; // 8080
 */
import { parseArgs } from "node:util";
import { Redacted } from "effect";
import { parseStoreSpec, type StoreSpec } from "./store-from-url.js";

/** A secret read from an environment variable, and the variable's name (for messages). */
export interface EnvSecret {
  readonly env: string;
  readonly value: Redacted.Redacted<string>;
}

/** Everything `serve` was asked to do. */
export interface ServeOptions {
  /** The module exporting the flow, as given (relative to the working directory). */
  readonly module: string;
  readonly exportName?: string;
  readonly port: number;
  readonly host: string;
  /** The data endpoint's path, starting with `/`. */
  readonly path: string;
  /** A PEM file; without it a development key pair in `.flowmachine/` is used. */
  readonly privateKeyFile?: string;
  readonly passphrase?: EnvSecret;
  readonly appSecret?: EnvSecret;
  readonly store: StoreSpec;
  /** 1: one process, no cluster. */
  readonly workers: number;
  readonly sessionTtlMs?: number;
  /** No request log lines. */
  readonly quiet: boolean;
}

export type ServeOptionsResult =
  { readonly ok: true; readonly options: ServeOptions } | { readonly ok: false; readonly problem: string };

/** What parsing needs from the process. */
export interface ServeOptionsContext {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The number `--workers auto` stands for. */
  readonly cpus: number;
}

export const DEFAULT_PORT = 3000;
export const DEFAULT_HOST = "127.0.0.1";
export const DEFAULT_PATH = "/flow";
/** The health check's path; the data endpoint cannot use it. */
export const HEALTH_PATH = "/healthz";
const MAX_WORKERS = 512;

const optionSpec = {
  export: { type: "string" },
  port: { type: "string" },
  host: { type: "string" },
  path: { type: "string" },
  "private-key": { type: "string" },
  "passphrase-env": { type: "string" },
  "app-secret-env": { type: "string" },
  store: { type: "string" },
  workers: { type: "string" },
  "session-ttl": { type: "string" },
  quiet: { type: "boolean" },
} as const;

class Problem extends Error {}

function integer(name: string, text: string, min: number, max: number): number {
  const value = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new Problem(`--${name} must be a whole number from ${min} to ${max}; got '${text}'`);
  }
  return value;
}

function secretFrom(option: string, name: string | undefined, env: ServeOptionsContext["env"]) {
  if (name === undefined) return undefined;
  const value = env[name];
  if (value === undefined || value === "") {
    throw new Problem(
      `--${option} ${name}: environment variable ${name} is not set or empty; export it first`,
    );
  }
  return { env: name, value: Redacted.make(value) };
}

function workerCount(text: string | undefined, cpus: number): number {
  if (text === undefined) return 1;
  if (text === "auto") return Math.max(1, Math.min(cpus, MAX_WORKERS));
  return integer("workers", text, 1, MAX_WORKERS);
}

function endpointPath(text: string | undefined): string {
  const path = text ?? DEFAULT_PATH;
  if (!path.startsWith("/") || /[?#\s]/.test(path)) {
    throw new Problem(`--path must start with / and hold no query, fragment or space; got '${path}'`);
  }
  if (path === HEALTH_PATH)
    throw new Problem(`--path cannot be ${HEALTH_PATH}: the health check lives there`);
  return path;
}

/** Parses and checks `args` (everything after `serve`). */
export function parseServeOptions(args: readonly string[], context: ServeOptionsContext): ServeOptionsResult {
  try {
    const { values, positionals } = parseArgs({
      args: [...args],
      options: optionSpec,
      allowPositionals: true,
      strict: true,
    });
    if (positionals.length !== 1) {
      throw new Problem(
        positionals.length === 0
          ? "give the MODULE that exports the flow"
          : `give exactly one MODULE; got ${positionals.length}`,
      );
    }
    const store = parseStoreSpec(values.store, context.env);
    if (!store.ok) throw new Problem(store.problem);
    const workers = workerCount(values.workers, context.cpus);
    if (store.spec.kind === "memory" && workers > 1) {
      throw new Problem(
        `--store memory keeps sessions inside one process, so ${workers} workers would each see a different set; ` +
          "use the default SQLite store or redis:// with --workers",
      );
    }
    const host = values.host ?? DEFAULT_HOST;
    if (host === "") throw new Problem("--host needs a value");
    const ttl = values["session-ttl"];
    const passphrase = secretFrom("passphrase-env", values["passphrase-env"], context.env);
    const appSecret = secretFrom("app-secret-env", values["app-secret-env"], context.env);
    const options: ServeOptions = {
      module: positionals[0] as string,
      port: values.port === undefined ? DEFAULT_PORT : integer("port", values.port, 0, 65_535),
      host,
      path: endpointPath(values.path),
      store: store.spec,
      workers,
      quiet: values.quiet === true,
      ...(values.export === undefined ? {} : { exportName: values.export }),
      ...(values["private-key"] === undefined ? {} : { privateKeyFile: values["private-key"] }),
      ...(passphrase === undefined ? {} : { passphrase }),
      ...(appSecret === undefined ? {} : { appSecret }),
      ...(ttl === undefined ? {} : { sessionTtlMs: integer("session-ttl", ttl, 1, 30 * 24 * 3600) * 1000 }),
    };
    return { ok: true, options };
  } catch (error) {
    if (error instanceof Problem) return { ok: false, problem: error.message };
    // node:util parseArgs: unknown option, missing value, ...
    if (error instanceof TypeError && "code" in error) {
      return { ok: false, problem: error.message.replace(/\s*\n\s*/g, " ").replace(/\.$/, "") };
    }
    throw error;
  }
}
