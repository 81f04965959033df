/**
 * The Redis connection behind the Redis session store: URL and credential handling, the client's
 * fail-fast and reconnect settings, and the masking that keeps passwords out of every error.
 * `redis` is an optional peer dependency, loaded here with a dynamic `import()` only when the
 * store opens its own connection.
 */
import { Redacted } from "effect";
import type * as Redis from "redis";
import { SessionStoreError, type SessionStoreFailure, type SessionStoreOperation } from "./errors.js";
import { positiveIntegerOption } from "./session-store-input.js";

/**
 * The part of a node-redis client the store uses. A client from `createClient()` of the `redis`
 * package (v5) fits; a cluster client does not (its `sendCommand` takes a routing key first).
 */
export interface RedisCommandClient {
  sendCommand(args: ReadonlyArray<string>, options?: { readonly timeout?: number }): Promise<unknown>;
}

/** How to reach Redis when the store opens its own connection. */
export interface RedisConnectionOptions {
  /** `redis://[user[:password]@]host[:port][/db]`, or `rediss://` for TLS (default `redis://127.0.0.1:6379`). */
  readonly url?: string;
  /** ACL user name; overrides the URL's. */
  readonly username?: string;
  /** Password (`requirepass` or ACL); overrides the URL's. Pass it `Redacted` to keep it out of logs. */
  readonly password?: string | Redacted.Redacted<string>;
  /** Bound on the first connection, in milliseconds (default 5 000); the store fails to open after it. */
  readonly connectTimeoutMs?: number;
  /** Longest wait between two reconnection attempts while Redis is down (default 1 000 ms). */
  readonly maxReconnectDelayMs?: number;
  /** Connection problems the client reports in the background (masked); default: ignored. */
  readonly onError?: (error: SessionStoreError) => void;
}

/** An open connection, its masked address for messages, and how to mask any text. */
export interface RedisConnection {
  readonly client: RedisCommandClient;
  /** The URL with the password replaced by `***`, safe for logs. */
  readonly target: string;
  /** Replaces every occurrence of a known secret in `text` by `***`. */
  mask(text: string): string;
  close(): Promise<void>;
}

const DEFAULT_URL = "redis://127.0.0.1:6379";
const UNAVAILABLE = new Set([
  "ClientOfflineError",
  "ClientClosedError",
  "SocketClosedUnexpectedlyError",
  "DisconnectsClientError",
  "ConnectionTimeoutError",
]);
const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EHOSTUNREACH",
]);

function misconfigured(message: string): SessionStoreError {
  return new SessionStoreError({ store: "redis", operation: "open", reason: "misconfigured", message });
}

/**
 * Builds the function that replaces secrets (raw and URL-encoded) in a text by `***`.
 *
 * @example
 * maskSecrets(["hunter2"])("AUTH failed for hunter2"); // "AUTH failed for ***"
 */
export function maskSecrets(secrets: ReadonlyArray<string>): (text: string) => string {
  const forms = [...new Set(secrets.flatMap((secret) => [secret, encodeURIComponent(secret)]))]
    .filter((form) => form.length > 0)
    .sort((a, b) => b.length - a.length);
  return (text) => forms.reduce((masked, form) => masked.split(form).join("***"), text);
}

/**
 * A store call took longer than `commandTimeoutMs`. node-redis's own `timeout` command option
 * only bounds the wait before a command is written, not the wait for its reply (a hung server),
 * so the store keeps its own deadline per call.
 */
export class RedisDeadlineExceeded extends Error {}

/**
 * Settles like `work`, or rejects with {@link RedisDeadlineExceeded} after `ms` milliseconds; a
 * late outcome of `work` is then ignored.
 *
 * @example
 * const reply = await withDeadline(client.sendCommand(["PING"]), 1_000);
 */
export async function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  const bound = sleep(ms);
  try {
    return await Promise.race([
      work,
      bound.done.then(() => {
        throw new RedisDeadlineExceeded(`no answer within ${ms} ms`);
      }),
    ]);
  } finally {
    bound.cancel();
  }
}

function errorDetail(error: unknown, mask: (text: string) => string): string {
  if (!(error instanceof Error)) return mask(String(error));
  return mask(error.message || error.constructor.name);
}

/**
 * Turns anything a Redis call threw into a reason and an operator-facing message (masked).
 *
 * @example
 * describeRedisFailure(new Error("connect ECONNREFUSED"), "redis://127.0.0.1:6379", (t) => t, 1000);
 */
export function describeRedisFailure(
  error: unknown,
  target: string,
  mask: (text: string) => string,
  commandTimeoutMs: number,
): { readonly reason: SessionStoreFailure; readonly message: string } {
  const kind = error instanceof Error ? error.constructor.name : typeof error;
  const code = typeof error === "object" && error !== null && "code" in error ? String(error.code) : "";
  const detail = errorDetail(error, mask);
  if (error instanceof RedisDeadlineExceeded || kind === "TimeoutError" || kind === "SocketTimeoutError") {
    return {
      reason: "timeout",
      message: `Redis at ${target} did not answer within ${commandTimeoutMs} ms; a write may or may not have been applied (the next compare-and-set settles it). Check the server's load and latency.`,
    };
  }
  if (UNAVAILABLE.has(kind) || NETWORK_CODES.has(code)) {
    return {
      reason: "unavailable",
      message: `Redis at ${target} is unreachable (${detail}); check that Redis is running and reachable. The client keeps reconnecting in the background.`,
    };
  }
  return {
    reason: "failed",
    message: `Redis at ${target} refused the command (${detail}); check the credentials, that the server is a writable primary with memory to spare, and that no other application writes under the store's key prefix.`,
  };
}

/**
 * The cause to attach to an error: the original when it holds no secret, else a plain Error with
 * the masked message (URL parse errors, for one, carry the whole URL in `input`).
 */
export function maskedCause(error: unknown, mask: (text: string) => string): unknown {
  if (!(error instanceof Error)) return error;
  const masked = mask(error.message);
  const hasInput = "input" in error;
  if (masked === error.message && !hasInput) return error;
  const copy = new Error(masked);
  copy.name = error.name;
  return copy;
}

interface ParsedTarget {
  readonly url: string;
  readonly target: string;
  readonly username: string | undefined;
  readonly password: string | undefined;
}

function parseTarget(options: RedisConnectionOptions): ParsedTarget {
  let parsed: URL;
  try {
    parsed = new URL(options.url ?? DEFAULT_URL);
  } catch {
    // The parse error holds the URL, password included: never pass it on.
    throw misconfigured(
      "The Redis URL is not a valid URL; expected redis://[user[:password]@]host[:port][/db] or rediss://... for TLS (percent-encode special characters in the password).",
    );
  }
  if (parsed.protocol !== "redis:" && parsed.protocol !== "rediss:") {
    throw misconfigured(
      `The Redis URL must start with redis:// or rediss:// (TLS); got ${parsed.protocol}//.`,
    );
  }
  if (parsed.pathname.length > 1 && !/^\/\d+$/.test(parsed.pathname)) {
    throw misconfigured("The Redis URL's path must be a database number, as in redis://host:6379/0.");
  }
  const username = options.username ?? (parsed.username ? decodeURIComponent(parsed.username) : undefined);
  const optionPassword =
    options.password === undefined || typeof options.password === "string"
      ? options.password
      : Redacted.value(options.password);
  const password = optionPassword ?? (parsed.password ? decodeURIComponent(parsed.password) : undefined);
  parsed.username = "";
  parsed.password = "";
  const credentials =
    username !== undefined || password !== undefined
      ? `${username === undefined ? "" : encodeURIComponent(username)}${password === undefined ? "" : ":***"}@`
      : "";
  const target = `${parsed.protocol}//${credentials}${parsed.host}${parsed.pathname.length > 1 ? parsed.pathname : ""}`;
  return { url: parsed.href, target, username, password };
}

async function loadRedis(): Promise<typeof Redis> {
  try {
    return await import("redis");
  } catch (error) {
    throw new SessionStoreError({
      store: "redis",
      operation: "open",
      reason: "driver-missing",
      message: "The Redis session store needs the `redis` package (v5): run `npm install redis`.",
      cause: error,
    });
  }
}

/** Whether `error` is a reply from the server (as opposed to a network or client-side failure). */
function isErrorReply(error: unknown): boolean {
  for (
    let proto: unknown = error;
    proto !== null && typeof proto === "object";
    proto = Object.getPrototypeOf(proto)
  ) {
    if ((proto as { constructor?: { name?: string } }).constructor?.name === "ErrorReply") return true;
  }
  return false;
}

/** Tears the client down, ignoring "already closed" (a refused connection closes it itself). */
function destroyQuietly(client: { destroy(): void }): void {
  try {
    client.destroy();
  } catch {
    // The socket was closed already; nothing is left to release.
  }
}

function sleep(ms: number): { readonly done: Promise<void>; cancel(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const done = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
  });
  return { done, cancel: () => clearTimeout(timer) };
}

/**
 * Opens a node-redis client tuned for a request path: no offline queue (while Redis is down a
 * command rejects at once instead of waiting), reconnection forever with exponential backoff
 * capped at `maxReconnectDelayMs`, and a bounded first connection.
 *
 * @example
 * const connection = await openRedisConnection({ url: "rediss://:secret@cache.internal:6380" });
 * connection.target; // "rediss://:***@cache.internal:6380"
 */
export async function openRedisConnection(options: RedisConnectionOptions): Promise<RedisConnection> {
  const { url, target, username, password } = parseTarget(options);
  const mask = maskSecrets(password === undefined ? [] : [password]);
  const connectTimeoutMs = positiveIntegerOption(
    "redis",
    "connectTimeoutMs",
    options.connectTimeoutMs,
    5_000,
  );
  const maxReconnectDelayMs = positiveIntegerOption(
    "redis",
    "maxReconnectDelayMs",
    options.maxReconnectDelayMs,
    1_000,
  );
  const redis = await loadRedis();
  let established = false;
  const clientOptions: Redis.RedisClientOptions = {
    url,
    disableOfflineQueue: true,
    socket: {
      connectTimeout: connectTimeoutMs,
      // A refusal while opening (wrong password, unknown user) will not fix itself: fail at once.
      // Once open, keep trying forever: the store must come back when Redis does.
      reconnectStrategy: (retries, cause) =>
        !established && isErrorReply(cause)
          ? false
          : Math.min(50 * 2 ** retries, maxReconnectDelayMs) + Math.floor(Math.random() * 50),
    },
    ...(username === undefined ? {} : { username }),
    ...(password === undefined ? {} : { password }),
  };
  const client = redis.createClient(clientOptions);
  let lastError: unknown;
  client.on("error", (error: unknown) => {
    lastError = error;
    options.onError?.(
      new SessionStoreError({
        store: "redis",
        operation: "connect",
        ...describeRedisFailure(error, target, mask, connectTimeoutMs),
        cause: maskedCause(error, mask),
      }),
    );
  });

  const bound = sleep(connectTimeoutMs);
  const connected = await Promise.race([
    client.connect().then(() => true),
    bound.done.then(() => false),
  ]).catch((error: unknown) => {
    lastError = error;
    return false;
  });
  bound.cancel();
  if (!connected) {
    destroyQuietly(client);
    const detail = lastError === undefined ? "no answer" : errorDetail(lastError, mask);
    const refused = isErrorReply(lastError);
    throw new SessionStoreError({
      store: "redis",
      operation: "open",
      reason: refused ? "failed" : "unavailable",
      message: refused
        ? `Redis at ${target} refused the connection (${detail}); check the user name and password.`
        : `Could not connect to Redis at ${target} within ${connectTimeoutMs} ms (${detail}); check that Redis is running and reachable at that address.`,
      cause: maskedCause(lastError, mask),
    });
  }
  established = true;

  return {
    client,
    target,
    mask,
    async close() {
      const bounded = sleep(1_000);
      const closed = await Promise.race([client.close().then(() => true), bounded.done.then(() => false)]);
      bounded.cancel();
      if (!closed) destroyQuietly(client);
    },
  };
}

/** The error for a failed Redis call, with every secret masked. */
export function redisStoreError(
  operation: SessionStoreOperation,
  error: unknown,
  connection: Pick<RedisConnection, "target" | "mask">,
  commandTimeoutMs: number,
): SessionStoreError {
  if (error instanceof SessionStoreError) return error;
  return new SessionStoreError({
    store: "redis",
    operation,
    ...describeRedisFailure(error, connection.target, connection.mask, commandTimeoutMs),
    cause: maskedCause(error, connection.mask),
  });
}
