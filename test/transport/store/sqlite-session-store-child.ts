/**
 * A separate process that writes to a SQLite session store, for the tests that need more than one
 * process: `durable <path> <token> <synchronous>` writes forever and prints each version once its
 * write resolved (the parent SIGKILLs it); `increment <path> <token> <count>` adds 1 to a counter
 * `count` times, re-reading and retrying whenever another process won the compare-and-set.
 */
import { createSqliteSessionStore } from "../../../src/transport/store/sqlite-session-store.js";

const [mode, path, token, arg] = process.argv.slice(2) as [string, string, string, string];
if (process.argv.length !== 6) throw new Error("usage: durable|increment <path> <token> <synchronous|count>");
const synchronous = mode === "durable" && arg === "normal" ? "normal" : "full";
const store = createSqliteSessionStore({ path, synchronous });
const ttlMs = 600_000;

async function increment(): Promise<number> {
  for (;;) {
    const current = await store.get(token);
    const count = current === undefined ? 0 : (JSON.parse(current.value) as { count: number }).count;
    const result = await store.compareAndSet(token, current?.version, {
      value: JSON.stringify({ count: count + 1 }),
      ttlMs,
    });
    if (result.ok) return result.version;
  }
}

if (mode === "durable") {
  for (;;) process.stdout.write(`${await increment()}\n`);
} else if (mode === "increment") {
  for (let i = 0; i < Number(arg); i += 1) await increment();
  await store.close();
  process.stdout.write("done\n");
} else {
  throw new Error(`unknown mode ${mode}`);
}
