/**
 * The in-process session store: the library default, for one process (tests, a single server, a
 * Worker isolate). Sessions are lost on restart; use the SQLite or Redis store to keep them.
 */
import { sessionStoreClosedError } from "./errors.js";
import { checkCompareAndSet, checkSessionToken, positiveIntegerOption } from "./session-store-input.js";
import type { CompareAndSetResult, SessionStore, SessionWrite, StoredSession } from "./session-store.js";

/** Options of {@link createMemorySessionStore}. */
export interface MemorySessionStoreOptions {
  /**
   * Most sessions kept at once (default 10 000; `Infinity` for no bound). When a new session would exceed it, expired
   * sessions go first, then the least recently written live ones (their flows then get 427).
   */
  readonly maxSessions?: number;
  /** The clock, in epoch milliseconds (default `Date.now`); tests inject their own. */
  readonly now?: () => number;
  /** At most one sweep of expired sessions per this many milliseconds, run by a write (default 60 000). */
  readonly sweepIntervalMs?: number;
  /** Sessions inspected per sweep (default 256), so no single write pays for a large cleanup. */
  readonly sweepBatchSize?: number;
}

/** The memory store, with two extras for tests and metrics. */
export interface MemorySessionStore extends SessionStore {
  readonly kind: "memory";
  /** Sessions currently held, expired ones not yet swept included. */
  readonly size: number;
  /** Removes expired sessions (up to `sweepBatchSize` inspected) and resolves with how many went. */
  sweep(): Promise<number>;
}

const DEFAULT_MAX_SESSIONS = 10_000;
const DEFAULT_SWEEP_INTERVAL_MS = 60_000;
const DEFAULT_SWEEP_BATCH_SIZE = 256;

/**
 * Creates a session store that keeps sessions in a `Map` inside this process.
 *
 * It runs on every runtime (no `node:*` import, no timer): expiry is checked on every access,
 * and writes sweep a bounded batch of expired sessions at most once per `sweepIntervalMs`, so the
 * store never keeps a process alive and never creates a timer at a Worker's global scope. Writes
 * are atomic because JavaScript runs one call at a time: the version check and the write happen
 * in the same synchronous step.
 *
 * @example
 * const store = createMemorySessionStore({ maxSessions: 50_000 });
 * await store.compareAndSet("tok-1", undefined, { value: JSON.stringify(snapshot), ttlMs: 900_000 });
 * const session = await store.get("tok-1"); // { version: 1, value: "...", completed: false, expiresAt }
 */
export function createMemorySessionStore(options: MemorySessionStoreOptions = {}): MemorySessionStore {
  const now = options.now ?? Date.now;
  const option = (name: string, value: number | undefined, fallback: number, allowInfinity = false) =>
    positiveIntegerOption("memory", name, value, fallback, allowInfinity);
  const maxSessions = option("maxSessions", options.maxSessions, DEFAULT_MAX_SESSIONS, true);
  const sweepIntervalMs = option("sweepIntervalMs", options.sweepIntervalMs, DEFAULT_SWEEP_INTERVAL_MS);
  const sweepBatchSize = option("sweepBatchSize", options.sweepBatchSize, DEFAULT_SWEEP_BATCH_SIZE);
  // Insertion order is write order: a write deletes and re-inserts, so the head is the oldest write.
  const sessions = new Map<string, StoredSession>();
  let lastSweepAt = now();
  let closed = false;

  function live(token: string, at: number): StoredSession | undefined {
    const session = sessions.get(token);
    if (session === undefined) return undefined;
    if (session.expiresAt > at) return session;
    sessions.delete(token);
    return undefined;
  }

  function sweepExpired(at: number): number {
    lastSweepAt = at;
    let inspected = 0;
    let removed = 0;
    for (const [token, session] of sessions) {
      if (inspected >= sweepBatchSize) break;
      inspected += 1;
      if (session.expiresAt <= at) {
        sessions.delete(token);
        removed += 1;
      }
    }
    return removed;
  }

  function evictOldest(at: number): void {
    if (sessions.size <= maxSessions) return;
    sweepExpired(at);
    for (const token of sessions.keys()) {
      if (sessions.size <= maxSessions) break;
      sessions.delete(token);
    }
  }

  function write(token: string, current: StoredSession | undefined, input: SessionWrite, at: number): number {
    const version = (current?.version ?? 0) + 1;
    sessions.delete(token);
    sessions.set(
      token,
      Object.freeze({
        version,
        value: input.value,
        completed: input.completed ?? false,
        expiresAt: at + input.ttlMs,
      }),
    );
    if (current === undefined) evictOldest(at);
    if (at - lastSweepAt >= sweepIntervalMs) sweepExpired(at);
    return version;
  }

  return {
    kind: "memory",
    get size() {
      return sessions.size;
    },
    async get(token) {
      if (closed) throw sessionStoreClosedError("memory", "get");
      checkSessionToken("memory", "get", token);
      return live(token, now());
    },
    async compareAndSet(token, expectedVersion, input): Promise<CompareAndSetResult> {
      if (closed) throw sessionStoreClosedError("memory", "compareAndSet");
      checkCompareAndSet("memory", token, expectedVersion, input);
      const at = now();
      const current = live(token, at);
      // `undefined === undefined` is the only-if-absent case; otherwise the versions must be equal.
      if (current?.version !== expectedVersion) return { ok: false, current };
      return { ok: true, version: write(token, current, input, at) };
    },
    async delete(token) {
      if (closed) throw sessionStoreClosedError("memory", "delete");
      checkSessionToken("memory", "delete", token);
      sessions.delete(token);
    },
    async sweep() {
      if (closed) throw sessionStoreClosedError("memory", "sweep");
      return sweepExpired(now());
    },
    async close() {
      closed = true;
      sessions.clear();
    },
  };
}
