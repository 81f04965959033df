import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../../helpers/shared-path.js";

/** Imports `entry` in a fresh Node process and lists the driver packages that got loaded. */
function driversLoadedBy(entry: string, then = ""): string[] {
  const script = `
    import { createRequire } from "node:module";
    const module = await import(${JSON.stringify(entry)});
    ${then}
    const loaded = Object.keys(createRequire(import.meta.url).cache);
    console.log(JSON.stringify(loaded.filter((path) => /better-sqlite3|@redis|node_modules\\/redis\\//.test(path))));
  `;
  const run = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
    cwd: repoRoot,
    encoding: "utf8",
  });
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as string[];
}

describe("session store entry points", () => {
  it("load no driver from the runtime-neutral entry", () => {
    expect(driversLoadedBy("./src/transport/store/index.ts")).toEqual([]);
  });

  it("load `redis` only when a Redis store is created", () => {
    expect(driversLoadedBy("./src/transport/redis.ts")).toEqual([]);
    const create = `await module.createRedisSessionStore({ url: "redis://127.0.0.1:1", connectTimeoutMs: 50 }).catch(() => {});`;
    expect(driversLoadedBy("./src/transport/redis.ts", create).length).toBeGreaterThan(0);
  });
});
