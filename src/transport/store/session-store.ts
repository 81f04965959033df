/**
 * The contract between the data endpoint and wherever it keeps flow sessions. The endpoint loads
 * the session for a `flow_token`, runs one step of the machine, then writes the new snapshot with
 * {@link SessionStore.compareAndSet}, so two concurrent requests for one token never both apply:
 * the loser sees the winner's state and runs again on it.
 */

/**
 * One stored session: the persisted snapshot of a flow machine and its bookkeeping.
 *
 * A `completed` session is a tombstone: the flow finished, `value` still holds the final state,
 * and it stays readable until `expiresAt` so that late requests for the token can be answered
 * with "session expired" (427) instead of starting the flow again.
 *
 * @example
 * const session = await store.get(flowToken);
 * if (session === undefined || session.completed) return status427();
 * const snapshot = JSON.parse(session.value);
 */
export interface StoredSession {
  /** Starts at 1 on the first write and increases by at least 1 on every successful write. */
  readonly version: number;
  /** The serialised snapshot; opaque text to the store (any Unicode, any length the backend allows). */
  readonly value: string;
  /** True for a tombstone: the flow finished. */
  readonly completed: boolean;
  /** When the session stops existing, in epoch milliseconds (each write sets it to now + `ttlMs`). */
  readonly expiresAt: number;
}

/**
 * What one compare-and-set writes; every write replaces the whole session and restarts its TTL.
 *
 * @example
 * const write: SessionWrite = { value: JSON.stringify(snapshot), ttlMs: 15 * 60_000 };
 * const done: SessionWrite = { value: JSON.stringify(snapshot), completed: true, ttlMs: 15 * 60_000 };
 */
export interface SessionWrite {
  readonly value: string;
  /** Marks the session as a tombstone (default false). */
  readonly completed?: boolean;
  /** Time to live from now, in milliseconds: a positive integer. */
  readonly ttlMs: number;
}

/**
 * The outcome of {@link SessionStore.compareAndSet}: either the new version, or the state that
 * made the write lose (`undefined` when the session is absent or expired).
 *
 * @example
 * const result = await store.compareAndSet(token, session.version, write);
 * if (!result.ok) return retryOn(result.current);
 */
export type CompareAndSetResult =
  | { readonly ok: true; readonly version: number }
  | { readonly ok: false; readonly current: StoredSession | undefined };

/**
 * Where the data endpoint keeps one session per `flow_token`: memory (the library default), a
 * SQLite file (`flowmachine/transport/sqlite`) or Redis (`flowmachine/transport/redis`).
 *
 * Guarantees shared by every store (one test suite checks them all):
 * - an expired session reads as absent, and a write that expects it to exist loses;
 * - among concurrent compare-and-sets with the same expected version exactly one wins;
 * - a call that rejects left the stored session as it was (except a `timeout`, see
 *   {@link SessionStoreError}); every failure rejects with a `SessionStoreError`;
 * - after `close()` every call rejects with reason `closed`; `close()` itself may be repeated.
 *
 * Versions restart at 1 when a session is written again after it expired or was deleted.
 *
 * @example
 * const store = createMemorySessionStore();
 * const first = await store.compareAndSet(token, undefined, { value: "{}", ttlMs: 900_000 });
 * // first = { ok: true, version: 1 }
 * const again = await store.compareAndSet(token, undefined, { value: "{}", ttlMs: 900_000 });
 * // again = { ok: false, current: { version: 1, value: "{}", completed: false, expiresAt: ... } }
 * @see https://developers.facebook.com/docs/whatsapp/flows/guides/implementingyourflowendpoint
 */
export interface SessionStore {
  /** `"memory"`, `"sqlite"` or `"redis"`: for logs and the `serve` banner. */
  readonly kind: string;
  /** The live session for `token`, or `undefined` when there is none or it expired. */
  get(token: string): Promise<StoredSession | undefined>;
  /**
   * Writes `write` only if the stored version equals `expectedVersion`; with `undefined`, only if
   * no live session exists (absent or expired).
   */
  compareAndSet(
    token: string,
    expectedVersion: number | undefined,
    write: SessionWrite,
  ): Promise<CompareAndSetResult>;
  /** Removes the session (tombstone included); deleting an absent session is not an error. */
  delete(token: string): Promise<void>;
  /** Releases the store's resources (timers, file handles, connections it opened). */
  close(): Promise<void>;
}
