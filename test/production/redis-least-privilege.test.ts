/**
 * The least-privilege Redis ACL that docs/production.md recommends is enough for the session store: as
 * that user, it creates, reads, updates (after a script-cache flush too, through its EVAL fallback) and
 * deletes sessions. A database other than 0 needs `+select` as well, and without it the store fails to open
 * with a clear message.
 */
import { createClient } from "redis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRedisSessionStore } from "../../src/transport/redis.js";
import { useRedisServer } from "../helpers/redis-server.js";

/** The rules from docs/production.md, "Credentials: a least-privilege ACL user". */
const DOCUMENTED_RULES = ["~fm:*", "+hmget", "+evalsha", "+eval", "+del", "+hset", "+pexpire", "+time"];
const PASSWORD = "least-privilege-password";

const redis = useRedisServer();
let admin: ReturnType<typeof createClient>;

beforeAll(async () => {
  admin = createClient({ url: redis().url });
  await admin.connect();
});
afterAll(() => admin.destroy());

async function defineUser(name: string, extraRules: readonly string[]): Promise<string> {
  await admin.sendCommand([
    "ACL",
    "SETUSER",
    name,
    "reset",
    "on",
    `>${PASSWORD}`,
    ...DOCUMENTED_RULES,
    ...extraRules,
  ]);
  return `redis://${name}:${PASSWORD}@${redis().host}:${redis().port}`;
}

async function exerciseStore(url: string): Promise<void> {
  const store = await createRedisSessionStore({ url });
  try {
    const write = { value: '{"screen":"SIGN_IN"}', ttlMs: 60_000 };
    expect(await store.compareAndSet("acl-token", undefined, write)).toEqual({ ok: true, version: 1 });
    expect(await store.get("acl-token")).toMatchObject({ version: 1, value: write.value, completed: false });
    await admin.sendCommand(["SCRIPT", "FLUSH"]);
    expect(await store.compareAndSet("acl-token", 1, { ...write, completed: true })).toEqual({
      ok: true,
      version: 2,
    });
    await store.delete("acl-token");
    expect(await store.get("acl-token")).toBeUndefined();
  } finally {
    await store.close();
  }
}

describe("the documented least-privilege Redis user", () => {
  it("is enough for every store operation on database 0", async () => {
    await exerciseStore(`${await defineUser("flowmachine", [])}/0`);
  });

  it("needs +select for another database, and the store says so when it is missing", async () => {
    await expect(
      createRedisSessionStore({ url: `${await defineUser("no-select", [])}/3` }),
    ).rejects.toMatchObject({
      _tag: "SessionStoreError",
      reason: "failed",
      message: expect.stringContaining("NOPERM") as unknown as string,
    });
    await exerciseStore(`${await defineUser("with-select", ["+select"])}/3`);
  });
});
