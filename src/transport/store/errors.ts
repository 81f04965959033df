/**
 * The errors of the session stores. Every store failure (closed store, unreachable server, disk
 * error, invalid input) rejects with a {@link SessionStoreError}; its message says what to check
 * and never holds a secret (a Redis password is masked as `***`).
 */
import { Data } from "effect";

/** What the store was doing when it failed (`connect`: a background reconnection, reported to a callback). */
export type SessionStoreOperation =
  "open" | "connect" | "get" | "compareAndSet" | "delete" | "sweep" | "close";

/**
 * Why a store call failed:
 * - `closed`: `close()` was called; create a new store.
 * - `unavailable`: the server or file cannot be reached right now; the outcome of a write is
 *   "not applied" and the call may be retried later.
 * - `timeout`: the server or another process did not answer in time; a write may or may not have
 *   been applied, and the next compare-and-set settles it (its expected version tells).
 * - `invalid-argument`: the caller passed an empty token, a non-positive TTL, and so on.
 * - `misconfigured`: the options cannot work (bad URL, both `url` and `client`, ...).
 * - `driver-missing`: the optional driver package (`redis`, `better-sqlite3`) is not installed.
 * - `failed`: anything else the backend reported (disk full, read-only replica, wrong password).
 */
export type SessionStoreFailure =
  "closed" | "unavailable" | "timeout" | "invalid-argument" | "misconfigured" | "driver-missing" | "failed";

/**
 * A session store call failed; the previous state of the session is unchanged unless `reason` is
 * `timeout` (see {@link SessionStoreFailure}).
 *
 * The message is meant for an operator: it names the store, the operation and what to check. It
 * never contains a password or a flow token (a token is a bearer credential for its session).
 *
 * @example
 * try {
 *   await store.get(flowToken);
 * } catch (error) {
 *   if (error instanceof SessionStoreError && error.reason === "unavailable") {
 *     // answer the request with a retryable failure and page the operator
 *   }
 *   throw error;
 * }
 */
export class SessionStoreError extends Data.TaggedError("SessionStoreError")<{
  /** The store's `kind`: `"memory"`, `"sqlite"` or `"redis"`. */
  readonly store: string;
  readonly operation: SessionStoreOperation;
  readonly reason: SessionStoreFailure;
  readonly message: string;
  /** The driver's own error, with any secret masked; kept for logs. */
  readonly cause?: unknown;
}> {}

/**
 * The error every store returns once `close()` has been called.
 *
 * @example
 * await store.close();
 * await store.get("t").catch((error: SessionStoreError) => error.reason); // "closed"
 */
export function sessionStoreClosedError(store: string, operation: SessionStoreOperation): SessionStoreError {
  return new SessionStoreError({
    store,
    operation,
    reason: "closed",
    message: `The ${store} session store is closed; create a new store instead of reusing one after close().`,
  });
}
