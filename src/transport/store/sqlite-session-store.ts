/**
 * The SQLite session store (Node only, on better-sqlite3): the CLI's default. A restart loses
 * nothing, and several processes (node:cluster workers, or `serve` processes on one host) can
 * share one file.
 */
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import Database from "better-sqlite3";
import { SessionStoreError, sessionStoreClosedError, type SessionStoreOperation } from "./errors.js";
import { checkCompareAndSet, checkSessionToken, positiveIntegerOption } from "./session-store-input.js";
import type { CompareAndSetResult, SessionStore, SessionWrite, StoredSession } from "./session-store.js";

/** Options of {@link createSqliteSessionStore}. */
export interface SqliteSessionStoreOptions {
  /** The database file; its folder is created when missing. */
  readonly path: string;
  /**
   * How long a call waits for another process's write lock before failing with reason `timeout`
   * (default 5 000 ms). better-sqlite3 is synchronous, so the wait blocks this process's event loop;
   * writes hold the lock for well under a millisecond, so real waits are short.
   */
  readonly busyTimeoutMs?: number;
  /**
   * `"full"` (default) syncs the write-ahead log on every commit: a write that resolved survives a
   * killed process and a power cut. `"normal"` is faster and still survives a killed process, but
   * a power cut may lose the last writes.
   */
  readonly synchronous?: "full" | "normal";
  /** How often expired sessions are deleted (default 60 000 ms; the timer never keeps the process alive). */
  readonly sweepIntervalMs?: number;
  /** Most rows one sweep deletes (default 500), so a sweep never holds the write lock for long. */
  readonly sweepBatchSize?: number;
  /** The clock, in epoch milliseconds (default `Date.now`); tests inject their own. */
  readonly now?: () => number;
  /** Called when a background sweep fails (default: ignored; the next sweep tries again). */
  readonly onSweepError?: (error: SessionStoreError) => void;
}

/** The SQLite store, with a `sweep()` that runs one bounded cleanup now. */
export interface SqliteSessionStore extends SessionStore {
  readonly kind: "sqlite";
  /** The absolute path of the database file. */
  readonly path: string;
  /** Deletes up to `sweepBatchSize` expired sessions and resolves with how many went. */
  sweep(): Promise<number>;
}

interface SessionRow {
  readonly version: number;
  readonly value: string;
  readonly completed: number;
  readonly expires_at: number;
}

const TABLE = "flowmachine_sessions";
const SCHEMA = `
  CREATE TABLE IF NOT EXISTS ${TABLE} (
    token TEXT PRIMARY KEY NOT NULL,
    version INTEGER NOT NULL,
    value TEXT NOT NULL,
    completed INTEGER NOT NULL DEFAULT 0,
    expires_at INTEGER NOT NULL
  );
  CREATE INDEX IF NOT EXISTS ${TABLE}_expires_at ON ${TABLE} (expires_at);
`;

function toStoredSession(row: SessionRow): StoredSession {
  return {
    version: row.version,
    value: row.value,
    completed: row.completed === 1,
    expiresAt: row.expires_at,
  };
}

function describeFailure(path: string, error: unknown): Pick<SessionStoreError, "reason" | "message"> {
  const code = typeof error === "object" && error !== null && "code" in error ? String(error.code) : "";
  const detail = error instanceof Error ? `${code ? `${code}: ` : ""}${error.message}` : String(error);
  if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED")) {
    return {
      reason: "timeout",
      message: `Another process held the write lock on ${path} for longer than busyTimeoutMs (${detail}); look for a stuck writer or raise busyTimeoutMs.`,
    };
  }
  if (code === "SQLITE_FULL") {
    return { reason: "failed", message: `The disk holding ${path} is full (${detail}); free some space.` };
  }
  return {
    reason: "failed",
    message: `SQLite failed on ${path} (${detail}); check that the file and its folder are writable, on a healthy local disk (not a network share), with free space.`,
  };
}

/**
 * Creates a session store in a SQLite file, opened in WAL mode with a busy timeout so that
 * several processes can read and write it at once.
 *
 * Every compare-and-set runs in one `BEGIN IMMEDIATE` transaction (read the version, then write),
 * so it is atomic across processes; a write that resolved is on disk, and a failed one changed
 * nothing. Expired rows stay invisible to `get` and are deleted by a periodic bounded sweep.
 * Opening is synchronous and throws a `SessionStoreError` (operation `open`) when the file
 * cannot be created or opened.
 *
 * @example
 * import { createSqliteSessionStore } from "flowmachine/transport/sqlite";
 * const store = createSqliteSessionStore({ path: ".flowmachine/sessions.db" });
 * const result = await store.compareAndSet(flowToken, undefined, { value: "{}", ttlMs: 900_000 });
 */
export function createSqliteSessionStore(options: SqliteSessionStoreOptions): SqliteSessionStore {
  const option = (name: string, value: number | undefined, fallback: number) =>
    positiveIntegerOption("sqlite", name, value, fallback);
  if (typeof options.path !== "string" || options.path.length === 0) {
    throw new SessionStoreError({
      store: "sqlite",
      operation: "open",
      reason: "misconfigured",
      message:
        "The SQLite session store needs `path`, the database file (for example .flowmachine/sessions.db).",
    });
  }
  const path = options.path === ":memory:" ? options.path : resolve(options.path);
  const busyTimeoutMs = option("busyTimeoutMs", options.busyTimeoutMs, 5_000);
  const sweepIntervalMs = option("sweepIntervalMs", options.sweepIntervalMs, 60_000);
  const sweepBatchSize = option("sweepBatchSize", options.sweepBatchSize, 500);
  const synchronous = options.synchronous === "normal" ? "NORMAL" : "FULL";
  const now = options.now ?? Date.now;

  const fail = (operation: SessionStoreOperation, error: unknown): SessionStoreError =>
    error instanceof SessionStoreError
      ? error
      : new SessionStoreError({ store: "sqlite", operation, ...describeFailure(path, error), cause: error });

  let db: Database.Database;
  try {
    if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
    db = new Database(path, { timeout: busyTimeoutMs });
  } catch (error) {
    throw fail("open", error);
  }
  try {
    db.pragma("journal_mode = WAL");
    db.pragma(`synchronous = ${synchronous}`);
    db.exec(SCHEMA);
  } catch (error) {
    db.close();
    throw fail("open", error);
  }

  const select = db.prepare<[string], SessionRow>(
    `SELECT version, value, completed, expires_at FROM ${TABLE} WHERE token = ?`,
  );
  const upsert = db.prepare<[string, number, string, number, number]>(
    `INSERT INTO ${TABLE} (token, version, value, completed, expires_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (token) DO UPDATE SET version = excluded.version, value = excluded.value,
       completed = excluded.completed, expires_at = excluded.expires_at`,
  );
  const remove = db.prepare<[string]>(`DELETE FROM ${TABLE} WHERE token = ?`);
  const removeExpired = db.prepare<[number, number]>(
    `DELETE FROM ${TABLE} WHERE token IN (SELECT token FROM ${TABLE} WHERE expires_at <= ? LIMIT ?)`,
  );
  const liveRow = (token: string, at: number): SessionRow | undefined => {
    const row = select.get(token);
    return row !== undefined && row.expires_at > at ? row : undefined;
  };
  const compareAndSet = db.transaction(
    (token: string, expectedVersion: number | undefined, write: SessionWrite): CompareAndSetResult => {
      const at = now();
      const current = liveRow(token, at);
      // `undefined === undefined` is the only-if-absent case; otherwise the versions must be equal.
      if (current?.version !== expectedVersion) {
        return { ok: false, current: current === undefined ? undefined : toStoredSession(current) };
      }
      const version = (current?.version ?? 0) + 1;
      upsert.run(token, version, write.value, write.completed === true ? 1 : 0, at + write.ttlMs);
      return { ok: true, version };
    },
  );

  let closed = false;
  const run = <T>(operation: SessionStoreOperation, body: () => T): T => {
    if (closed) throw sessionStoreClosedError("sqlite", operation);
    try {
      return body();
    } catch (error) {
      throw fail(operation, error);
    }
  };
  const sweep = (): number => run("sweep", () => removeExpired.run(now(), sweepBatchSize).changes);

  const timer = setInterval(() => {
    try {
      sweep();
    } catch (error) {
      options.onSweepError?.(fail("sweep", error));
    }
  }, sweepIntervalMs);
  timer.unref();

  return {
    kind: "sqlite",
    path,
    async get(token) {
      return run("get", () => {
        checkSessionToken("sqlite", "get", token);
        const row = liveRow(token, now());
        return row === undefined ? undefined : toStoredSession(row);
      });
    },
    async compareAndSet(token, expectedVersion, write) {
      return run("compareAndSet", () => {
        checkCompareAndSet("sqlite", token, expectedVersion, write);
        return compareAndSet.immediate(token, expectedVersion, write);
      });
    },
    async delete(token) {
      run("delete", () => {
        checkSessionToken("sqlite", "delete", token);
        remove.run(token);
      });
    },
    async sweep() {
      return sweep();
    },
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(timer);
      try {
        db.close();
      } catch (error) {
        throw fail("close", error);
      }
    },
  };
}
