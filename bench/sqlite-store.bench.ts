/**
 * What one session write costs the SQLite store, whose calls are synchronous (better-sqlite3): each
 * compare-and-set blocks the process's event loop for as long as the commit takes. Measured with
 * `synchronous = FULL` (the store's default, which `serve` uses: the write-ahead log is synced on
 * every commit) and `NORMAL` (no sync per commit), in interleaved slices. It explains the SQLite
 * figures of the HTTP benchmark.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createSqliteSessionStore } from "../src/transport/store/sqlite-session-store.js";
import type { BenchContext, BenchModule, Figure } from "./bench-module.js";
import { measureRate, mergeRates, type RateResult } from "./rate.js";

const TOPIC = "sqlite";
const SESSION_TTL_MS = 24 * 60 * 60 * 1000;
/** The size of the sign-in flow's persisted snapshot (see the Redis figures). */
const SNAPSHOT = JSON.stringify({ padding: "x".repeat(160) });

async function run({ smoke, log }: BenchContext): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), "flowmachine-bench-sqlite-"));
  const modes = ["full", "normal"] as const;
  const stores = modes.map((synchronous) =>
    createSqliteSessionStore({ path: join(dir, `${synchronous}.db`), synchronous }),
  );
  const rounds = smoke ? 1 : 4;
  const perSlice = smoke ? 5 : 1_000;
  try {
    log("SQLite compare-and-set, synchronous FULL and NORMAL");
    const slices: RateResult[][] = modes.map(() => []);
    for (let round = 0; round < rounds; round++) {
      for (const [position, store] of stores.entries()) {
        // Every write is a session's first (INIT): insert with only-if-absent.
        const offset = round * perSlice;
        const rate = await measureRate(
          async (index) => {
            const written = await store.compareAndSet(`session-${offset + index}`, undefined, {
              value: SNAPSHOT,
              ttlMs: SESSION_TTL_MS,
            });
            if (!written.ok) throw new Error("the session already existed");
          },
          { warmup: 0, iterations: perSlice },
        );
        slices[position]?.push(rate);
      }
    }
    return modes.map((synchronous, position) => {
      const rate = mergeRates(slices[position] ?? []);
      return {
        topic: TOPIC,
        name: `SQLite compare-and-set, synchronous ${synchronous.toUpperCase()}`,
        value: rate.opsPerSecond,
        unit: "writes/s",
        p50Ms: rate.p50Ms,
        p99Ms: rate.p99Ms,
        note:
          `${(1e6 / rate.opsPerSecond).toFixed(0)} µs per write, event loop blocked throughout` +
          (synchronous === "full"
            ? "; the store's default and serve's setting"
            : "; WAL synced at checkpoints only"),
      };
    });
  } finally {
    for (const store of stores) await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export const sqliteStoreModule: BenchModule = { topic: TOPIC, run };
