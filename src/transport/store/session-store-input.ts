/**
 * The argument checks every store runs before touching its backend, so all stores reject the same
 * bad input with the same error.
 */
import { SessionStoreError, type SessionStoreOperation } from "./errors.js";
import type { SessionWrite } from "./session-store.js";

function invalid(store: string, operation: SessionStoreOperation, message: string): SessionStoreError {
  return new SessionStoreError({ store, operation, reason: "invalid-argument", message });
}

/**
 * Throws unless `token` is a non-empty string.
 *
 * @example
 * checkSessionToken("redis", "get", flowToken);
 */
export function checkSessionToken(store: string, operation: SessionStoreOperation, token: unknown): void {
  if (typeof token !== "string" || token.length === 0) {
    throw invalid(store, operation, `The ${store} session store needs a non-empty flow_token string.`);
  }
}

/**
 * Throws unless the arguments of a compare-and-set are usable: a non-empty token, an expected
 * version that is `undefined` or a positive integer, a string value and a positive integer TTL.
 *
 * @example
 * checkCompareAndSet("sqlite", token, 3, { value: "{}", ttlMs: 60_000 });
 */
export function checkCompareAndSet(
  store: string,
  token: unknown,
  expectedVersion: unknown,
  write: SessionWrite,
): void {
  checkSessionToken(store, "compareAndSet", token);
  if (
    expectedVersion !== undefined &&
    !(Number.isSafeInteger(expectedVersion) && Number(expectedVersion) > 0)
  ) {
    throw invalid(
      store,
      "compareAndSet",
      `The expected version must be undefined (write only if absent) or a positive integer read from get(); got ${typeof expectedVersion === "number" ? expectedVersion : typeof expectedVersion}.`,
    );
  }
  if (typeof write !== "object" || write === null || typeof write.value !== "string") {
    throw invalid(
      store,
      "compareAndSet",
      "A session write needs `value` as a string (the serialised snapshot).",
    );
  }
  if (!Number.isSafeInteger(write.ttlMs) || write.ttlMs <= 0) {
    throw invalid(
      store,
      "compareAndSet",
      `A session write needs \`ttlMs\` as a positive integer number of milliseconds; got ${String(write.ttlMs)}.`,
    );
  }
  if (write.completed !== undefined && typeof write.completed !== "boolean") {
    throw invalid(store, "compareAndSet", "A session write's `completed` must be a boolean when given.");
  }
}

/**
 * The value of a numeric store option: `fallback` when absent, else a positive integer (or
 * `Infinity` where `allowInfinity` says so); anything else throws a `misconfigured` error.
 *
 * @example
 * const busyTimeoutMs = positiveIntegerOption("sqlite", "busyTimeoutMs", options.busyTimeoutMs, 5_000);
 */
export function positiveIntegerOption(
  store: string,
  name: string,
  value: number | undefined,
  fallback: number,
  allowInfinity = false,
): number {
  if (value === undefined) return fallback;
  if ((Number.isSafeInteger(value) && value > 0) || (allowInfinity && value === Number.POSITIVE_INFINITY)) {
    return value;
  }
  throw new SessionStoreError({
    store,
    operation: "open",
    reason: "misconfigured",
    message: `The ${store} session store option \`${name}\` must be a positive integer; got ${String(value)}.`,
  });
}
