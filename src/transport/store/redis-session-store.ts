/**
 * The Redis session store (Node, on the official `redis` client v5): many `serve` processes on
 * many hosts share one Redis. Import it from `flowmachine/transport/redis`; `redis` is an optional
 * peer dependency, loaded with a dynamic `import()` only when the store opens its own connection,
 * so `flowmachine/transport` works without it.
 */
import { createHash } from "node:crypto";
import { SessionStoreError, sessionStoreClosedError, type SessionStoreOperation } from "./errors.js";
import {
  openRedisConnection,
  redisStoreError,
  withDeadline,
  type RedisCommandClient,
  type RedisConnection,
  type RedisConnectionOptions,
} from "./redis-connection.js";
import { checkCompareAndSet, checkSessionToken, positiveIntegerOption } from "./session-store-input.js";
import type { CompareAndSetResult, SessionStore, StoredSession } from "./session-store.js";

export type { RedisCommandClient, RedisConnectionOptions } from "./redis-connection.js";

/** Options of {@link createRedisSessionStore}: a connection to open, or a client you own. */
export interface RedisSessionStoreOptions extends RedisConnectionOptions {
  /**
   * A connected node-redis client to use instead of opening one (`url`, `username` and
   * `password` must then be absent). The store never closes it. Its own offline-queue setting
   * applies; `commandTimeoutMs` still bounds every call.
   */
  readonly client?: RedisCommandClient;
  /** Prepended to every key (default `"fm:"`); must not contain `{` or `}`. */
  readonly keyPrefix?: string;
  /** Every call rejects with reason `timeout` after this many milliseconds without an answer (default 1 000). */
  readonly commandTimeoutMs?: number;
}

/** The Redis store; `keyPrefix` is there for logs and for finding its keys with `redis-cli`. */
export interface RedisSessionStore extends SessionStore {
  readonly kind: "redis";
  readonly keyPrefix: string;
}

/**
 * The one Redis key holding a session: a hash with fields `v` (version), `d` (the value), `c`
 * (`1` for a tombstone) and `e` (expiry, epoch ms), with a TTL equal to the session's. The token
 * sits inside a hash tag, so on Redis Cluster everything about one session lives in one slot.
 *
 * @example
 * redisSessionKey("fm:", "tok-42"); // "fm:{tok-42}"
 */
export function redisSessionKey(keyPrefix: string, token: string): string {
  return `${keyPrefix}{${token}}`;
}

/**
 * Compare-and-set, run atomically by the server. KEYS[1] is the session key; ARGV holds the
 * expected version ("" for only-if-absent), the value, "1"/"0" for completed, and the TTL in ms.
 * The expiry is computed from the server's clock, the same clock that expires the key.
 */
const COMPARE_AND_SET_SCRIPT = `
local current = redis.call('HMGET', KEYS[1], 'v', 'd', 'c', 'e')
if current[1] then
  if ARGV[1] ~= current[1] then
    return {0, current[1], current[2], current[3], current[4]}
  end
elseif ARGV[1] ~= '' then
  return {0}
end
local version = (tonumber(current[1]) or 0) + 1
local time = redis.call('TIME')
local expiresAt = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000) + tonumber(ARGV[4])
redis.call('HSET', KEYS[1], 'v', tostring(version), 'd', ARGV[2], 'c', ARGV[3], 'e', string.format('%.0f', expiresAt))
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return {1, version}
`;
const COMPARE_AND_SET_SHA = createHash("sha1").update(COMPARE_AND_SET_SCRIPT).digest("hex");

function text(reply: unknown): string | undefined {
  if (typeof reply === "string") return reply;
  if (reply instanceof Uint8Array) return new TextDecoder().decode(reply);
  return undefined;
}

function foreignData(operation: SessionStoreOperation): SessionStoreError {
  return new SessionStoreError({
    store: "redis",
    operation,
    reason: "failed",
    message:
      "A session key holds data the Redis session store did not write; give the store a keyPrefix no other application uses.",
  });
}

/** Decodes the fields v, d, c, e (in that order) of a session hash; `undefined` when absent. */
function decodeSession(
  fields: ReadonlyArray<unknown>,
  operation: SessionStoreOperation,
): StoredSession | undefined {
  const [version, value, completed, expiresAt] = fields.map(text);
  if (version === undefined) return undefined;
  if (value === undefined || (completed !== "0" && completed !== "1") || expiresAt === undefined) {
    throw foreignData(operation);
  }
  const session = {
    version: Number(version),
    value,
    completed: completed === "1",
    expiresAt: Number(expiresAt),
  };
  if (!Number.isSafeInteger(session.version) || !Number.isSafeInteger(session.expiresAt))
    throw foreignData(operation);
  return session;
}

function checkKeyPrefix(keyPrefix: string): void {
  if (!/[{}]/.test(keyPrefix)) return;
  throw new SessionStoreError({
    store: "redis",
    operation: "open",
    reason: "misconfigured",
    message:
      "The Redis keyPrefix must not contain { or }: the store puts the token in a hash tag of its own.",
  });
}

async function connect(options: RedisSessionStoreOptions): Promise<{
  readonly client: RedisCommandClient;
  readonly connection: Pick<RedisConnection, "target" | "mask">;
  readonly close: () => Promise<void>;
}> {
  if (options.client === undefined) {
    const connection = await openRedisConnection(options);
    return { client: connection.client, connection, close: () => connection.close() };
  }
  if (options.url !== undefined || options.username !== undefined || options.password !== undefined) {
    throw new SessionStoreError({
      store: "redis",
      operation: "open",
      reason: "misconfigured",
      message: "Give the Redis session store either `client` or `url`/`username`/`password`, not both.",
    });
  }
  return {
    client: options.client,
    connection: { target: "the Redis server of the given client", mask: (value) => value },
    close: async () => undefined,
  };
}

/**
 * Creates a session store on Redis, connecting to `url` (or using `client`).
 *
 * Compare-and-set is one Lua script run by the server (EVALSHA, falling back to EVAL after a
 * restart emptied the script cache), so concurrent writers from any number of processes see
 * exactly one winner. Every key carries a TTL (a session and its tombstone vanish on their own),
 * keys are `<keyPrefix>{<token>}` so Redis Cluster keeps a session in one slot, and passwords are
 * masked in every error.
 *
 * Connection behaviour (when the store opens the connection): opening waits at most
 * `connectTimeoutMs` for Redis, then rejects. Later, while Redis is unreachable, the client keeps
 * reconnecting in the background (backoff doubling from 50 ms up to `maxReconnectDelayMs`) and
 * has no offline queue: each call rejects at once with reason `unavailable` instead of waiting.
 * Every call is also bounded by `commandTimeoutMs` (reason `timeout`), which covers a server that
 * hangs with its connection open; a silently dead peer is then found by TCP keep-alive, which
 * node-redis turns on. When Redis is back the same store works again; nothing needs recreating.
 *
 * @example
 * import { createRedisSessionStore } from "flowmachine/transport/redis";
 * const store = await createRedisSessionStore({ url: "rediss://cache.internal:6380", password: redisPassword });
 * const result = await store.compareAndSet(flowToken, undefined, { value: "{}", ttlMs: 900_000 });
 */
export async function createRedisSessionStore(
  options: RedisSessionStoreOptions = {},
): Promise<RedisSessionStore> {
  const keyPrefix = options.keyPrefix ?? "fm:";
  checkKeyPrefix(keyPrefix);
  const commandTimeoutMs = positiveIntegerOption(
    "redis",
    "commandTimeoutMs",
    options.commandTimeoutMs,
    1_000,
  );
  const { client, connection, close } = await connect(options);
  let closed = false;

  const send = (args: ReadonlyArray<string>) => client.sendCommand(args, { timeout: commandTimeoutMs });
  const call = async <T>(operation: SessionStoreOperation, body: () => Promise<T>): Promise<T> => {
    if (closed) throw sessionStoreClosedError("redis", operation);
    try {
      return await withDeadline(body(), commandTimeoutMs);
    } catch (error) {
      throw redisStoreError(operation, error, connection, commandTimeoutMs);
    }
  };
  const runCompareAndSet = async (args: ReadonlyArray<string>): Promise<unknown> => {
    try {
      return await send(["EVALSHA", COMPARE_AND_SET_SHA, "1", ...args]);
    } catch (error) {
      if (!(error instanceof Error && error.message.startsWith("NOSCRIPT"))) throw error;
      return send(["EVAL", COMPARE_AND_SET_SCRIPT, "1", ...args]);
    }
  };

  return {
    kind: "redis",
    keyPrefix,
    async get(token) {
      return call("get", async () => {
        checkSessionToken("redis", "get", token);
        const reply = await send(["HMGET", redisSessionKey(keyPrefix, token), "v", "d", "c", "e"]);
        if (!Array.isArray(reply)) throw foreignData("get");
        return decodeSession(reply, "get");
      });
    },
    async compareAndSet(token, expectedVersion, write): Promise<CompareAndSetResult> {
      return call("compareAndSet", async () => {
        checkCompareAndSet("redis", token, expectedVersion, write);
        const reply = await runCompareAndSet([
          redisSessionKey(keyPrefix, token),
          expectedVersion === undefined ? "" : String(expectedVersion),
          write.value,
          write.completed === true ? "1" : "0",
          String(write.ttlMs),
        ]);
        if (!Array.isArray(reply)) throw foreignData("compareAndSet");
        const [won, ...rest] = reply as unknown[];
        if (won === 1 && typeof rest[0] === "number") return { ok: true, version: rest[0] };
        return { ok: false, current: decodeSession(rest, "compareAndSet") };
      });
    },
    async delete(token) {
      await call("delete", async () => {
        checkSessionToken("redis", "delete", token);
        await send(["DEL", redisSessionKey(keyPrefix, token)]);
      });
    },
    async close() {
      if (closed) return;
      closed = true;
      await close();
    },
  };
}
