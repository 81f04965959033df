/**
 * Redis crashes (SIGKILL) under steady load on `serve --store redis://... --workers 2`, stays down for
 * three seconds, and comes back on the same port and data folder.
 *
 * - While it is down every request is answered within 1 s (measured): 200, the screen the request came
 *   from (the entry screen for INIT) and the snackbar telling the user to try again. The store has no
 *   offline queue, so nothing waits for Redis; nothing gets near WhatsApp's 10 s.
 * - When it is back, requests succeed again without restarting `serve` (the client reconnects in the
 *   background) and /healthz turns from 503 back to 200.
 * - Redis runs with `appendonly yes` and `appendfsync always`: every write Redis acknowledged is on disk
 *   before the reply, so even a crash loses no committed step. The audit checks each token's stored
 *   version against the steps its user saw committed, and continues every flow.
 */
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, describe, expect, it } from "vitest";
import { defaultEndpointMessages } from "../../src/transport/endpoint/index.js";
import { createRedisSessionStore } from "../../src/transport/redis.js";
import { createFlowClient, sendOverHttp } from "../helpers/flow-client.js";
import { countOutcomes, runFlowLoad, type RequestRecord } from "../helpers/flow-load.js";
import { bannerWorkerPids } from "../helpers/process-stats.js";
import { useRedisServer } from "../helpers/redis-server.js";
import { auditSessions, errorTagCounts } from "../helpers/session-audit.js";
import {
  isAlive,
  killCliChildren,
  seededFlowModule,
  startServe,
  tempFolder,
} from "../helpers/serve-process.js";
import { ENTRY_SCREEN, readReply } from "../helpers/sign-in-journeys.js";

const redis = useRedisServer({ appendOnly: true, appendFsync: "always" });
afterAll(killCliChildren);

const OUTAGE_MS = 3_000;

async function health(origin: string): Promise<[number, unknown]> {
  const response = await fetch(`${origin}/healthz`);
  return [response.status, await response.json()];
}

/** Resolves once `check` holds, polling every 20 ms; rejects after `timeoutMs`. */
async function until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await sleep(20);
  }
}

describe("Redis stopped under load and started again", () => {
  it(
    "answers within 1 s with the screen and a message, recovers without a restart, and loses no committed step",
    { timeout: 90_000 },
    async () => {
      const url = `${redis().url}/0`;
      const server = await startServe([seededFlowModule, "--store", url, "--workers", "2"], {
        cwd: tempFolder("production-outage"),
      });
      const workers = bannerWorkerPids(server.stdout(), 2);
      const client = createFlowClient({
        publicKeyPem: server.publicKeyPem,
        send: sendOverHttp(server.flowUrl),
      });

      let upAt = Number.POSITIVE_INFINITY;
      let recoveredAt = Number.POSITIVE_INFINITY;
      const stop = new AbortController();
      const load = runFlowLoad({
        client,
        concurrency: 16,
        tokenPrefix: "outage",
        signal: stop.signal,
        retryDelayMs: 100,
        onRecord: (entry) => {
          if (entry.outcome === "ok" && entry.started > upAt)
            recoveredAt = Math.min(recoveredAt, entry.started + entry.durationMs);
        },
      });
      await sleep(2_000);
      await redis().crash();
      const downAt = performance.now();
      await sleep(300);
      const healthDown = await health(server.origin);
      await sleep(OUTAGE_MS - 300);
      const restartAt = performance.now();
      await redis().start();
      upAt = performance.now();
      await until(
        () => recoveredAt < Number.POSITIVE_INFINITY,
        10_000,
        "a request succeeding after Redis came back",
      );
      const healthUp = await health(server.origin);
      await sleep(1_500);
      stop.abort();
      const { requests, tokens } = await load;

      const during = requests.filter(
        (entry) => entry.started >= downAt && entry.started + entry.durationMs <= restartAt,
      );
      const slowest = (entries: readonly RequestRecord[]) =>
        Math.max(0, ...entries.map((entry) => entry.durationMs));
      console.log(
        `[redis outage] ${requests.length} requests ${JSON.stringify(countOutcomes(requests))}; ` +
          `${during.length} while Redis was down, slowest ${slowest(during).toFixed(1)} ms ` +
          `(slowest overall ${slowest(requests).toFixed(1)} ms); first success ` +
          `${(recoveredAt - upAt).toFixed(0)} ms after Redis was back (start took ${(upAt - restartAt).toFixed(0)} ms)`,
      );

      expect(during.length).toBeGreaterThan(100);
      for (const entry of during) {
        const { screen, errorMessage } = readReply(entry.reply);
        expect({ status: entry.status, screen, errorMessage }).toEqual({
          status: 200,
          screen: entry.screen ?? ENTRY_SCREEN,
          errorMessage: defaultEndpointMessages.unavailable,
        });
        expect(entry.durationMs).toBeLessThan(1_000);
      }
      // INIT too: the entry screen with the message, since the session cannot even be looked up.
      expect(during.some((entry) => entry.action === "INIT")).toBe(true);
      expect(during.some((entry) => entry.action === "data_exchange")).toBe(true);
      expect(slowest(requests)).toBeLessThan(1_000);
      const counts = countOutcomes(requests);
      expect([counts.unexpected, counts["connection-error"], counts["no-answer"]]).toEqual([0, 0, 0]);

      expect(healthDown).toEqual([503, { status: "unavailable", store: "redis", reason: "unavailable" }]);
      expect(healthUp).toEqual([200, { status: "ok", store: "redis" }]);
      expect(recoveredAt - upAt).toBeLessThan(5_000);
      expect(
        requests.filter((entry) => entry.outcome === "ok" && entry.started > recoveredAt).length,
      ).toBeGreaterThan(50);
      // Same processes throughout: nothing was restarted.
      expect(server.stdout()).not.toContain("exited unexpectedly");
      expect([server.pid, ...workers].every(isAlive)).toBe(true);

      const store = await createRedisSessionStore({ url });
      try {
        const audit = await auditSessions({ store, client, tallies: tokens.values() });
        expect(audit.problems).toEqual([]);
        expect(audit.completed).toBeGreaterThan(0);
        expect(audit.continued).toBeGreaterThan(0);
      } finally {
        await store.close();
      }
      const errors = errorTagCounts(server.stdout());
      expect(errors).not.toHaveProperty("SnapshotInvalid");
      expect(errors["SessionStoreError"]).toBeGreaterThanOrEqual(during.length);

      server.signal("SIGTERM");
      expect(await server.exited()).toEqual({ code: 0, signal: null });
    },
  );
});
