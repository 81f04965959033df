import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createSqliteSessionStore } from "../../../src/transport/sqlite.js";
import { describeSessionStore, expectStoreError, freshToken } from "./session-store-suite.js";

const CHILD = fileURLToPath(new URL("./sqlite-session-store-child.ts", import.meta.url));

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "flowmachine-sqlite-"));
}

function manualClock(start = 1_700_000_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => void (now += ms) };
}

describeSessionStore("sqlite", async () => {
  const dir = tempDir();
  const clock = manualClock();
  return {
    store: createSqliteSessionStore({ path: join(dir, "sessions.db"), now: clock.now }),
    advance: clock.advance,
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
});

describeSessionStore("sqlite (real clock)", async () => {
  const dir = tempDir();
  return {
    store: createSqliteSessionStore({ path: join(dir, "sessions.db") }),
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
});

/** Runs the child script; `onLine` sees each stdout line and may kill the child. */
function runChild(args: string[], onLine: (line: string, kill: () => void) => void = () => undefined) {
  const child = spawn(process.execPath, ["--import", "tsx", CHILD, ...args], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  let pending = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout.on("data", (chunk: Buffer) => {
    const lines = (pending + chunk.toString()).split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) onLine(line, () => child.kill("SIGKILL"));
  });
  return new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>(
    (resolve, reject) => {
      child.once("error", reject);
      child.once("close", (code, signal) => resolve({ code, signal, stderr }));
    },
  );
}

describe("sqlite session store", () => {
  let dir: string;
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it("creates the parent folder, the schema, and opens the file in WAL mode", async () => {
    const path = join(dir, "nested", "deeper", "sessions.db");
    const store = createSqliteSessionStore({ path });
    await store.compareAndSet("t", undefined, { value: "v", ttlMs: 1_000 });
    const db = new Database(path, { readonly: true });
    try {
      expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
      const columns = db.pragma("table_info(flowmachine_sessions)") as { name: string; pk: number }[];
      expect(columns.map((column) => column.name)).toEqual([
        "token",
        "version",
        "value",
        "completed",
        "expires_at",
      ]);
      expect(columns.find((column) => column.pk === 1)?.name).toBe("token");
    } finally {
      db.close();
      await store.close();
    }
  });

  it("sweeps expired rows in bounded batches and keeps live ones", async () => {
    const clock = manualClock();
    const store = createSqliteSessionStore({ path: join(dir, "s.db"), now: clock.now, sweepBatchSize: 3 });
    for (let i = 0; i < 7; i += 1) await store.compareAndSet(`old-${i}`, undefined, { value: "", ttlMs: 10 });
    await store.compareAndSet("live", undefined, { value: "kept", ttlMs: 10_000 });
    clock.advance(10);
    expect([await store.sweep(), await store.sweep(), await store.sweep(), await store.sweep()]).toEqual([
      3, 3, 1, 0,
    ]);
    expect(await store.get("live")).toMatchObject({ value: "kept" });
    await store.close();
    await expectStoreError(store.sweep(), "closed", /closed/);
  });

  it("shares one file between two stores: writes are seen and compare-and-set conflicts across them", async () => {
    const path = join(dir, "shared.db");
    const first = createSqliteSessionStore({ path });
    const second = createSqliteSessionStore({ path });
    const token = freshToken();
    expect(await first.compareAndSet(token, undefined, { value: "from first", ttlMs: 60_000 })).toEqual({
      ok: true,
      version: 1,
    });
    expect(await second.get(token)).toMatchObject({ version: 1, value: "from first" });
    expect(await second.compareAndSet(token, 1, { value: "from second", ttlMs: 60_000 })).toEqual({
      ok: true,
      version: 2,
    });
    expect(await first.compareAndSet(token, 1, { value: "stale", ttlMs: 60_000 })).toMatchObject({
      ok: false,
      current: { version: 2, value: "from second" },
    });
    await Promise.all([first.close(), second.close()]);
  });

  it("counts exactly under compare-and-set races between three processes", async () => {
    const path = join(dir, "race.db");
    const token = freshToken();
    const runs = await Promise.all([1, 2, 3].map(() => runChild(["increment", path, token, "25"])));
    for (const run of runs) expect(run, run.stderr).toMatchObject({ code: 0 });
    const store = createSqliteSessionStore({ path });
    const session = await store.get(token);
    expect(session?.version).toBe(75);
    expect(JSON.parse(session?.value ?? "{}")).toEqual({ count: 75 });
    await store.close();
  });

  it.each(["full", "normal"])(
    "loses no acknowledged write when the writing process is SIGKILLed (synchronous=%s)",
    async (synchronous) => {
      const path = join(dir, "durable.db");
      const token = freshToken();
      let acknowledged = 0;
      const run = await runChild(["durable", path, token, synchronous], (line, kill) => {
        acknowledged = Number(line);
        if (acknowledged >= 40) kill();
      });
      expect(run.signal, run.stderr).toBe("SIGKILL");
      const store = createSqliteSessionStore({ path });
      const session = await store.get(token);
      expect(session?.version).toBeGreaterThanOrEqual(acknowledged);
      expect(JSON.parse(session?.value ?? "{}")).toEqual({ count: session?.version });
      await store.close();
    },
  );

  it("fails to open with a tagged error that names the file and what to check", () => {
    const path = join(dir, "is-a-folder");
    mkdirSync(path);
    expect(() => createSqliteSessionStore({ path })).toThrow(
      expect.objectContaining({
        _tag: "SessionStoreError",
        operation: "open",
        reason: "failed",
        message: expect.stringMatching(
          /is-a-folder.*check that the file and its folder are writable/,
        ) as string,
      }) as Error,
    );
    expect(() => createSqliteSessionStore({ path: "" })).toThrow(
      expect.objectContaining({
        reason: "misconfigured",
        message: expect.stringMatching(/needs `path`/) as string,
      }) as Error,
    );
  });

  it("reports a write it could not make as a tagged error and keeps the previous state", async () => {
    const path = join(dir, "locked.db");
    const store = createSqliteSessionStore({ path, busyTimeoutMs: 50 });
    const token = freshToken();
    await store.compareAndSet(token, undefined, { value: "before", ttlMs: 60_000 });
    const holder = new Database(path);
    holder.exec("BEGIN IMMEDIATE");
    try {
      await expectStoreError(
        store.compareAndSet(token, 1, { value: "after", ttlMs: 60_000 }),
        "timeout",
        /held the write lock.*raise busyTimeoutMs/,
      );
    } finally {
      holder.exec("ROLLBACK");
      holder.close();
    }
    expect(await store.get(token)).toMatchObject({ version: 1, value: "before" });
    await store.close();
  });
});
