/**
 * `flowmachine serve --store redis://127.0.0.1:PORT/0 --workers 2`: the sign-in example end to end on
 * a real cluster and a real Redis. Every request goes out on its own connection, so the two workers
 * take turns and each flow's session moves between them through Redis.
 */
import { createClient } from "redis";
import { afterAll, describe, expect, it } from "vitest";
import { createRedisSessionStore } from "../../src/transport/redis.js";
import { createFlowClient } from "../helpers/flow-client.js";
import { bannerWorkerPids, writtenBytes } from "../helpers/process-stats.js";
import { useRedisServer } from "../helpers/redis-server.js";
import {
  killCliChildren,
  seededFlowModule,
  sendOnFreshConnection,
  startServe,
  tempFolder,
} from "../helpers/serve-process.js";
import { checkSignInPaths } from "../helpers/sign-in-paths-over-http.js";

const redis = useRedisServer();
afterAll(killCliChildren);

describe("serve --store redis://... --workers 2", () => {
  it("serves every path of the sign-in flow from both workers, with the sessions in Redis", async () => {
    const url = `${redis().url}/0`;
    const server = await startServe([seededFlowModule, "--store", url, "--workers", "2", "--quiet"], {
      cwd: tempFolder("production-redis"),
    });
    expect(server.stdout()).toContain(`Store:       redis ${url}`);
    const workers = bannerWorkerPids(server.stdout(), 2);
    const health = await fetch(`${server.origin}/healthz`);
    expect([health.status, await health.json()]).toEqual([200, { status: "ok", store: "redis" }]);

    const before = workers.map(writtenBytes);
    const client = createFlowClient({
      publicKeyPem: server.publicKeyPem,
      send: sendOnFreshConnection(server.flowUrl),
    });
    const result = await checkSignInPaths([client], "redis-cluster");
    expect(result.mismatches).toEqual([]);
    expect(result.paths).toBeGreaterThanOrEqual(10);
    expect(result.completedTokens.length).toBeGreaterThan(0);
    // Both workers answered requests (each wrote encrypted replies to its sockets).
    workers.forEach((pid, index) =>
      expect(writtenBytes(pid), `worker ${pid}`).toBeGreaterThan(before[index] ?? 0),
    );

    const store = await createRedisSessionStore({ url });
    const raw = createClient({ url });
    await raw.connect();
    try {
      for (const token of result.tokens) {
        const session = await store.get(token);
        expect(session, token).toBeDefined();
        expect(session?.completed, token).toBe(result.completedTokens.includes(token));
        // One key per session, the token in a hash tag (one Redis Cluster slot), expiring with the session.
        const ttl = await raw.pTTL(`fm:{${token}}`);
        expect(ttl).toBeGreaterThan(86_300_000);
        expect(ttl).toBeLessThanOrEqual(86_400_000);
      }
    } finally {
      await store.close();
      raw.destroy();
    }

    server.signal("SIGTERM");
    expect(await server.exited()).toEqual({ code: 0, signal: null });
  });
});
