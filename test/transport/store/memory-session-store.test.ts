import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createMemorySessionStore } from "../../../src/transport/store/index.js";
import { repoRoot } from "../../helpers/shared-path.js";
import { describeSessionStore, expectStoreError } from "./session-store-suite.js";

/** A clock that only moves when told. */
function manualClock(start = 1_700_000_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => void (now += ms) };
}

describeSessionStore("memory", async () => {
  const clock = manualClock();
  return { store: createMemorySessionStore({ now: clock.now }), advance: clock.advance };
});

describeSessionStore("memory (real clock)", async () => ({ store: createMemorySessionStore() }));

describe("memory session store", () => {
  const ttl = { ttlMs: 1_000 };

  it("evicts the least recently written session beyond maxSessions", async () => {
    const clock = manualClock();
    const store = createMemorySessionStore({ maxSessions: 2, now: clock.now });
    await store.compareAndSet("a", undefined, { value: "a1", ...ttl });
    await store.compareAndSet("b", undefined, { value: "b1", ...ttl });
    await store.compareAndSet("a", 1, { value: "a2", ...ttl });
    await store.compareAndSet("c", undefined, { value: "c1", ...ttl });
    expect(store.size).toBe(2);
    expect(await store.get("b")).toBeUndefined();
    expect(await store.get("a")).toMatchObject({ version: 2, value: "a2" });
    expect(await store.get("c")).toMatchObject({ version: 1 });
  });

  it("drops expired sessions before evicting live ones", async () => {
    const clock = manualClock();
    const store = createMemorySessionStore({ maxSessions: 2, now: clock.now });
    await store.compareAndSet("old", undefined, { value: "x", ttlMs: 10 });
    await store.compareAndSet("live", undefined, { value: "y", ttlMs: 10_000 });
    clock.advance(10);
    await store.compareAndSet("new", undefined, { value: "z", ...ttl });
    expect(await store.get("live")).toMatchObject({ value: "y" });
    expect(await store.get("new")).toMatchObject({ value: "z" });
  });

  it("sweeps a bounded batch of expired sessions per call", async () => {
    const clock = manualClock();
    const store = createMemorySessionStore({ sweepBatchSize: 2, now: clock.now });
    for (const token of ["a", "b", "c", "d", "e"])
      await store.compareAndSet(token, undefined, { value: "", ttlMs: 5 });
    await store.compareAndSet("live", undefined, { value: "", ttlMs: 10_000 });
    clock.advance(5);
    expect([await store.sweep(), await store.sweep(), await store.sweep(), await store.sweep()]).toEqual([
      2, 2, 1, 0,
    ]);
    expect(store.size).toBe(1);
  });

  it("lets a write sweep expired sessions once per sweep interval", async () => {
    const clock = manualClock();
    const store = createMemorySessionStore({ sweepIntervalMs: 1_000, now: clock.now });
    await store.compareAndSet("gone", undefined, { value: "", ttlMs: 10 });
    clock.advance(500);
    await store.compareAndSet("w1", undefined, { value: "", ...ttl });
    expect(store.size).toBe(2);
    clock.advance(500);
    await store.compareAndSet("w2", undefined, { value: "", ...ttl });
    expect(store.size).toBe(2);
  });

  it("returns sessions the caller cannot change", async () => {
    const store = createMemorySessionStore();
    await store.compareAndSet("t", undefined, { value: "v", ...ttl });
    const session = await store.get("t");
    expect(() => Object.assign(session ?? {}, { version: 99 })).toThrow(TypeError);
    expect(await store.get("t")).toMatchObject({ version: 1 });
  });

  it("rejects options that cannot work", () => {
    for (const maxSessions of [0, -1, 2.5]) {
      expect(() => createMemorySessionStore({ maxSessions })).toThrow(
        expect.objectContaining({ _tag: "SessionStoreError", reason: "misconfigured" }) as Error,
      );
    }
    expect(createMemorySessionStore({ maxSessions: Number.POSITIVE_INFINITY }).kind).toBe("memory");
  });

  it("rejects a closed store's sweep too", async () => {
    const store = createMemorySessionStore();
    await store.close();
    await expectStoreError(store.sweep(), "closed", /closed/);
  });

  it("imports no node:* module, so it runs on Workers", () => {
    for (const file of [
      "memory-session-store.ts",
      "session-store.ts",
      "session-store-input.ts",
      "errors.ts",
    ]) {
      const source = readFileSync(`${repoRoot}/src/transport/store/${file}`, "utf8");
      expect(source, file).not.toMatch(/from "node:|require\(/);
      expect(source, file).not.toMatch(/\bsetInterval\(|\bsetTimeout\(/);
    }
  });
});
