import { randomUUID } from "node:crypto";
import { Redacted } from "effect";
import { createClient } from "redis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRedisSessionStore, redisSessionKey, type SessionStore } from "../../../src/transport/redis.js";
import { startRedisServer, useRedisServer, type RedisServer } from "../../helpers/redis-server.js";
import { describeSessionStore, expectStoreError, freshToken, settle, sleep } from "./session-store-suite.js";

const PASSWORD = "s3cr3t:p@ss/word";

/** A raw client for looking at what the store wrote. */
async function rawClient(url: string) {
  const client = createClient({ url });
  client.on("error", () => undefined);
  await client.connect();
  return client;
}

/** Adds 1 to a JSON counter `times` times, re-reading and retrying whenever another writer won. */
async function increment(store: SessionStore, token: string, times: number): Promise<void> {
  for (let done = 0; done < times;) {
    const current = await store.get(token);
    const count = current === undefined ? 0 : (JSON.parse(current.value) as { count: number }).count;
    const result = await store.compareAndSet(token, current?.version, {
      value: JSON.stringify({ count: count + 1 }),
      ttlMs: 60_000,
    });
    if (result.ok) done += 1;
  }
}

describe("redis session store", () => {
  const redis = useRedisServer();

  describeSessionStore("redis", async () => ({
    store: await createRedisSessionStore({ url: redis().url, keyPrefix: `suite-${randomUUID()}:` }),
  }));

  it("keeps each session in one hash key <prefix>{<token>} with a TTL, tombstones included", async () => {
    const keyPrefix = `keys-${randomUUID()}:`;
    const store = await createRedisSessionStore({ url: redis().url, keyPrefix });
    const raw = await rawClient(redis().url);
    const tokens = [freshToken("a"), freshToken("b}c"), freshToken("done")];
    for (const token of tokens) await store.compareAndSet(token, undefined, { value: "{}", ttlMs: 30_000 });
    await store.compareAndSet(tokens[2] ?? "", 1, { value: "{}", completed: true, ttlMs: 20_000 });
    const keys = await raw.keys(`${keyPrefix}*`);
    expect(keys.sort()).toEqual(tokens.map((token) => `${keyPrefix}{${token}}`).sort());
    for (const token of tokens) {
      const key = redisSessionKey(keyPrefix, token);
      expect(await raw.type(key)).toBe("hash");
      const pttl = await raw.pTTL(key);
      expect(pttl).toBeGreaterThan(0);
      expect(pttl).toBeLessThanOrEqual(30_000);
    }
    expect(await raw.hGet(redisSessionKey(keyPrefix, tokens[2] ?? ""), "c")).toBe("1");
    expect(redisSessionKey("fm:", "tok")).toBe("fm:{tok}");
    await store.close();
    await raw.close();
  });

  it("counts exactly when two connections race with compare-and-set", async () => {
    const url = redis().url;
    const [first, second] = await Promise.all([
      createRedisSessionStore({ url }),
      createRedisSessionStore({ url }),
    ]);
    const token = freshToken();
    await Promise.all([first, second, first, second].map((store) => increment(store, token, 15)));
    const session = await first.get(token);
    expect(session?.version).toBe(60);
    expect(JSON.parse(session?.value ?? "{}")).toEqual({ count: 60 });
    await Promise.all([first.close(), second.close()]);
  });

  it("re-sends the script when the server's script cache was flushed", async () => {
    const store = await createRedisSessionStore({ url: redis().url });
    const raw = await rawClient(redis().url);
    const token = freshToken();
    await store.compareAndSet(token, undefined, { value: "1", ttlMs: 60_000 });
    await raw.scriptFlush();
    expect(await store.compareAndSet(token, 1, { value: "2", ttlMs: 60_000 })).toEqual({
      ok: true,
      version: 2,
    });
    await Promise.all([store.close(), raw.close()]);
  });

  it("refuses to read a key some other application wrote under its prefix", async () => {
    const keyPrefix = `foreign-${randomUUID()}:`;
    const store = await createRedisSessionStore({ url: redis().url, keyPrefix });
    const raw = await rawClient(redis().url);
    const token = freshToken();
    await raw.set(redisSessionKey(keyPrefix, token), "not a session");
    await expectStoreError(store.get(token), "failed", /WRONGTYPE.*no other application writes under/);
    const other = freshToken();
    await raw.hSet(redisSessionKey(keyPrefix, other), { v: "1", d: "x", c: "maybe", e: "1" });
    await expectStoreError(store.get(other), "failed", /keyPrefix no other application uses/);
    await Promise.all([store.close(), raw.close()]);
  });

  it("uses a client it is given and leaves it open on close", async () => {
    const client = await rawClient(redis().url);
    const store = await createRedisSessionStore({ client });
    const token = freshToken();
    expect(await store.compareAndSet(token, undefined, { value: "x", ttlMs: 60_000 })).toEqual({
      ok: true,
      version: 1,
    });
    await store.close();
    expect(client.isOpen).toBe(true);
    expect(await client.hGet(redisSessionKey("fm:", token), "d")).toBe("x");
    await expectStoreError(
      createRedisSessionStore({ client, url: redis().url }),
      "misconfigured",
      /either `client` or `url`/,
    );
    await expectStoreError(
      createRedisSessionStore({ client, keyPrefix: "a{b" }),
      "misconfigured",
      /keyPrefix/,
    );
    await client.close();
  });

  it("rejects bad URLs without repeating them", async () => {
    const secret = "hunter2-leak";
    for (const url of [
      `redis://:${secret}@@@:port`,
      `http://:${secret}@127.0.0.1:6379`,
      `redis://:${secret}@h/x`,
    ]) {
      const outcome = await settle(createRedisSessionStore({ url }));
      expect(outcome).toMatchObject({
        ok: false,
        error: { _tag: "SessionStoreError", reason: "misconfigured" },
      });
      const error = (outcome as { error: Error }).error;
      expect(error.message).toMatch(/redis:\/\/|rediss:\/\//);
      expect(`${error.message} ${String(error.cause)}`).not.toContain(secret);
    }
  });

  it("fails to open within connectTimeoutMs when nothing listens, naming the masked URL", async () => {
    const probe = await startRedisServer();
    const port = probe.port;
    await probe.close();
    const outcome = await settle(
      createRedisSessionStore({
        url: `redis://app:${encodeURIComponent(PASSWORD)}@127.0.0.1:${port}`,
        connectTimeoutMs: 300,
      }),
    );
    expect(outcome).toMatchObject({
      ok: false,
      error: { _tag: "SessionStoreError", operation: "open", reason: "unavailable" },
    });
    const error = (outcome as { error: Error }).error;
    expect(error.message).toContain(`redis://app:***@127.0.0.1:${port}`);
    expect(error.message).toMatch(/within 300 ms.*check that Redis is running/);
    expect(error.message).not.toContain(PASSWORD);
    expect(error.message).not.toContain(encodeURIComponent(PASSWORD));
  });
});

describe("redis session store with a password, taken down and brought back", () => {
  let server: RedisServer;
  beforeAll(async () => {
    server = await startRedisServer({ password: PASSWORD, appendOnly: true });
  });
  afterAll(async () => {
    await server.close();
  });
  const bareUrl = () => `redis://127.0.0.1:${server.port}`;

  it("authenticates with the URL's password or a Redacted option, and masks a wrong one", async () => {
    const viaUrl = await createRedisSessionStore({ url: server.url });
    const viaOption = await createRedisSessionStore({ url: bareUrl(), password: Redacted.make(PASSWORD) });
    const token = freshToken();
    await viaUrl.compareAndSet(token, undefined, { value: "x", ttlMs: 60_000 });
    expect(await viaOption.get(token)).toMatchObject({ value: "x" });
    await Promise.all([viaUrl.close(), viaOption.close()]);

    const wrong = "wrong-Pa55";
    const outcome = await settle(
      createRedisSessionStore({ url: `redis://:${wrong}@127.0.0.1:${server.port}`, connectTimeoutMs: 1_000 }),
    );
    expect(outcome).toMatchObject({ ok: false, error: { _tag: "SessionStoreError", reason: "failed" } });
    const error = (outcome as { error: Error }).error;
    expect(error.message).toMatch(/redis:\/\/:\*\*\*@127\.0\.0\.1.*(WRONGPASS|invalid).*password/);
    expect(`${error.message} ${String(error.cause)}`).not.toContain(wrong);
  });

  it("rejects each call fast while Redis is down, keeps the state, and recovers without a new store", async () => {
    const reported: Error[] = [];
    const store = await createRedisSessionStore({
      url: server.url,
      onError: (error) => reported.push(error),
    });
    const token = freshToken();
    await store.compareAndSet(token, undefined, { value: "before", ttlMs: 600_000 });

    await server.stop();
    const calls: [string, () => Promise<unknown>][] = [
      ["get", () => store.get(token)],
      ["compareAndSet", () => store.compareAndSet(token, 1, { value: "during", ttlMs: 600_000 })],
      ["delete", () => store.delete(token)],
    ];
    for (const [operation, call] of calls) {
      // A hang shows up as "still pending" after the bound instead of a rejection.
      const outcome = await Promise.race([settle(call()), sleep(3_000).then(() => "still pending" as const)]);
      expect(outcome).toMatchObject({
        ok: false,
        error: { _tag: "SessionStoreError", operation, reason: "unavailable" },
      });
      const message = (outcome as { error: Error }).error.message;
      expect(message).toContain(`redis://:***@127.0.0.1:${server.port}`);
      expect(message).not.toContain(PASSWORD);
    }

    await server.start();
    const deadline = Date.now() + 15_000;
    let session = await settle(store.get(token));
    while (!session.ok && Date.now() < deadline) {
      await sleep(100);
      session = await settle(store.get(token));
    }
    expect(session).toMatchObject({ ok: true, value: { version: 1, value: "before" } });
    expect(await store.compareAndSet(token, 1, { value: "after", ttlMs: 600_000 })).toEqual({
      ok: true,
      version: 2,
    });
    expect(reported.length).toBeGreaterThan(0);
    for (const error of reported) {
      expect(error).toMatchObject({ _tag: "SessionStoreError", operation: "connect" });
      expect(`${error.message} ${String((error as { cause?: unknown }).cause)}`).not.toContain(PASSWORD);
    }
    await store.close();
  });

  it("rejects with `timeout` after commandTimeoutMs when Redis hangs, then works again", async () => {
    const store = await createRedisSessionStore({ url: server.url, commandTimeoutMs: 300 });
    const token = freshToken();
    await store.compareAndSet(token, undefined, { value: "before", ttlMs: 600_000 });
    server.pause();
    try {
      const outcome = await Promise.race([
        settle(store.compareAndSet(token, 1, { value: "maybe", ttlMs: 600_000 })),
        sleep(3_000).then(() => "still pending" as const),
      ]);
      expect(outcome).toMatchObject({ ok: false, error: { _tag: "SessionStoreError", reason: "timeout" } });
      expect((outcome as { error: Error }).error.message).toMatch(
        /within 300 ms.*may or may not have been applied/,
      );
    } finally {
      server.resume();
    }
    // The timed-out write ran once the server woke up: the next compare-and-set tells.
    const session = await store.get(token);
    expect(session).toMatchObject({ version: 2, value: "maybe" });
    expect(await store.compareAndSet(token, 1, { value: "stale", ttlMs: 600_000 })).toMatchObject({
      ok: false,
    });
    await store.close();
  });
});
