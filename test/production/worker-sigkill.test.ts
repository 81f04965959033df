/**
 * `serve --workers 2` under steady load (16 users, each request on its own connection so both workers
 * take turns) loses one worker to SIGKILL. Only the requests in flight on that worker may fail, and only
 * with a broken connection; every other request gets its expected reply; the primary starts a
 * replacement, which then answers requests; and every session in the store (Redis, then SQLite)
 * restores: each flow continues afterwards.
 */
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, describe, expect, it } from "vitest";
import { createRedisSessionStore } from "../../src/transport/redis.js";
import { createSqliteSessionStore } from "../../src/transport/sqlite.js";
import type { SessionStore } from "../../src/transport/store/session-store.js";
import { createFlowClient } from "../helpers/flow-client.js";
import { countOutcomes, runFlowLoad } from "../helpers/flow-load.js";
import { bannerWorkerPids, writtenBytes } from "../helpers/process-stats.js";
import { useRedisServer } from "../helpers/redis-server.js";
import { auditSessions, errorTagCounts } from "../helpers/session-audit.js";
import {
  killCliChildren,
  seededFlowModule,
  sendOnFreshConnection,
  startServe,
  tempFolder,
} from "../helpers/serve-process.js";

const redis = useRedisServer({ appendOnly: true, appendFsync: "always" });
afterAll(killCliChildren);

interface StoreCase {
  readonly kind: "redis" | "sqlite";
  /** The `--store` value and a connection of the test's own, for a working folder. */
  readonly setup: (cwd: string) => { readonly arg: string; readonly open: () => Promise<SessionStore> };
}

const stores: readonly StoreCase[] = [
  {
    kind: "redis",
    setup: () => {
      const url = `${redis().url}/0`;
      return { arg: url, open: () => createRedisSessionStore({ url }) };
    },
  },
  {
    kind: "sqlite",
    setup: (cwd) => {
      const path = join(cwd, "sessions.sqlite");
      return { arg: `sqlite:${path}`, open: async () => createSqliteSessionStore({ path }) };
    },
  },
];

describe.each(stores)("a worker killed with SIGKILL under load ($kind store)", ({ kind, setup }) => {
  it(
    "fails only the requests in flight on it, is replaced, and leaves every session restorable",
    { timeout: 60_000 },
    async () => {
      const cwd = tempFolder(`production-sigkill-${kind}`);
      const store = setup(cwd);
      const server = await startServe([seededFlowModule, "--store", store.arg, "--workers", "2"], { cwd });
      const [victim] = bannerWorkerPids(server.stdout(), 2) as [number, number];
      const client = createFlowClient({
        publicKeyPem: server.publicKeyPem,
        send: sendOnFreshConnection(server.flowUrl),
      });

      const stop = new AbortController();
      const load = runFlowLoad({
        client,
        concurrency: 16,
        tokenPrefix: `sigkill-${kind}`,
        signal: stop.signal,
      });
      await sleep(2_000);
      const killedAt = performance.now();
      process.kill(victim, "SIGKILL");
      await server.waitForOutput(new RegExp(`Worker pid ${victim} exited unexpectedly \\(signal SIGKILL\\)`));
      const exitSeenAt = performance.now();
      const [, replacementPid] = (await server.waitForOutput(/Replacement worker pid (\d+) ready/)) as [
        string,
        string,
      ];
      const replacement = Number(replacementPid);
      const replacementReadyAt = performance.now();
      const writtenAtStart = writtenBytes(replacement);
      await sleep(2_000);
      stop.abort();
      const { requests, tokens } = await load;

      const counts = countOutcomes(requests);
      const broken = requests.filter((entry) => entry.outcome === "connection-error");
      console.log(
        `[sigkill ${kind}] ${requests.length} requests: ${JSON.stringify(counts)}; ` +
          `worker exit seen after ${(exitSeenAt - killedAt).toFixed(0)} ms, replacement ready after ` +
          `${(replacementReadyAt - killedAt).toFixed(0)} ms`,
      );
      expect(requests.filter((entry) => entry.outcome === "unexpected")).toEqual([]);
      expect(counts["failure-reply"]).toBe(0);
      expect(counts["no-answer"]).toBe(0);
      // Broken connections: only requests that were on their way when the worker died, at most one per user.
      expect(broken.length).toBeLessThanOrEqual(16);
      for (const entry of broken) {
        expect(entry.error).toMatch(/ECONNRESET|socket hang up|ECONNREFUSED|EPIPE/);
        expect(entry.started).toBeLessThanOrEqual(exitSeenAt);
        expect(entry.started + entry.durationMs).toBeGreaterThanOrEqual(killedAt);
      }
      // The surviving worker kept answering while the replacement started, and the replacement took its share.
      const answeredMeanwhile = requests.filter(
        (entry) => entry.outcome === "ok" && entry.started > exitSeenAt && entry.started < replacementReadyAt,
      );
      expect(answeredMeanwhile.length).toBeGreaterThan(0);
      expect(
        requests.filter((entry) => entry.outcome === "ok" && entry.started > replacementReadyAt).length,
      ).toBeGreaterThan(20);
      expect(writtenBytes(replacement)).toBeGreaterThan(writtenAtStart);

      const own = await store.open();
      try {
        const audit = await auditSessions({ store: own, client, tallies: tokens.values() });
        expect(audit.problems).toEqual([]);
        expect(audit.checked).toBe(tokens.size);
        expect(audit.completed).toBeGreaterThan(0);
        expect(audit.continued).toBeGreaterThan(0);
      } finally {
        await own.close();
      }
      expect(errorTagCounts(server.stdout())).not.toHaveProperty("SnapshotInvalid");

      server.signal("SIGTERM");
      expect(await server.exited()).toEqual({ code: 0, signal: null });
    },
  );
});
