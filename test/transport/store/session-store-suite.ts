/**
 * The one test suite every SessionStore must pass: the guarantees the data endpoint relies on
 * (only-if-absent, versions, compare-and-set races, TTL, tombstones, failures leaving state
 * intact, closing). Each store's test file calls `describeSessionStore` with a factory.
 */
import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SessionStore, SessionWrite } from "../../../src/transport/store/index.js";

/** A store opened for one test, with its clock when the store takes an injected one. */
export interface SessionStoreUnderTest {
  readonly store: SessionStore;
  /** Moves the store's clock forward by `ms`; without it the suite waits in real time. */
  readonly advance?: (ms: number) => void;
  /** Removes what the store left behind (files, keys), after `close()`. */
  readonly cleanup?: () => Promise<void>;
}

const LONG_TTL = 60_000;
/** Short enough for a quick test, long enough to be a real TTL on every backend. */
const SHORT_TTL = 80;

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A token no other test (or concurrent test run against the same Redis) uses. */
export function freshToken(label = "t"): string {
  return `${label}-${randomUUID()}`;
}

/** Resolves with the settled outcome of `promise`, for asserting on rejections by tag and reason. */
export async function settle<T>(
  promise: Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; error: unknown }> {
  try {
    return { ok: true, value: await promise };
  } catch (error) {
    return { ok: false, error };
  }
}

/** Asserts that `promise` rejects with a SessionStoreError of `reason` whose message matches. */
export async function expectStoreError(
  promise: Promise<unknown>,
  reason: string,
  message: RegExp,
): Promise<void> {
  const outcome = await settle(promise);
  expect(outcome.ok).toBe(false);
  const error = (outcome as { error: unknown }).error;
  expect(error).toBeInstanceOf(Error);
  expect(error).toMatchObject({ _tag: "SessionStoreError", reason });
  expect((error as Error).message).toMatch(message);
}

export function describeSessionStore(name: string, open: () => Promise<SessionStoreUnderTest>): void {
  describe(`${name}: the SessionStore contract`, () => {
    let subject: SessionStoreUnderTest;
    let store: SessionStore;

    beforeEach(async () => {
      subject = await open();
      store = subject.store;
    });
    afterEach(async () => {
      await store.close();
      await subject.cleanup?.();
    });

    /** Lets `token`'s session (written with `ttlMs`) expire, by the injected clock or by waiting. */
    async function letExpire(token: string, ttlMs: number): Promise<void> {
      if (subject.advance !== undefined) {
        subject.advance(ttlMs);
        return;
      }
      await sleep(ttlMs);
      const deadline = Date.now() + 10_000;
      while ((await store.get(token)) !== undefined) {
        if (Date.now() > deadline)
          throw new Error(`the session written with a ${ttlMs} ms TTL never expired`);
        await sleep(20);
      }
    }

    const write = (value: string, extra: Partial<SessionWrite> = {}): SessionWrite => ({
      value,
      ttlMs: LONG_TTL,
      ...extra,
    });

    it("reads an unknown token as undefined", async () => {
      expect(await store.get(freshToken())).toBeUndefined();
    });

    it("creates a session only if absent, at version 1, with its TTL", async () => {
      const token = freshToken();
      const before = Date.now();
      expect(await store.compareAndSet(token, undefined, write('{"screen":"A"}'))).toEqual({
        ok: true,
        version: 1,
      });
      const after = Date.now();
      const session = await store.get(token);
      expect(session).toMatchObject({ version: 1, value: '{"screen":"A"}', completed: false });
      if (subject.advance === undefined) {
        expect(session?.expiresAt).toBeGreaterThanOrEqual(before + LONG_TTL - 5);
        expect(session?.expiresAt).toBeLessThanOrEqual(after + LONG_TTL + 5);
      }
      const second = await store.compareAndSet(token, undefined, write('{"screen":"B"}'));
      expect(second).toEqual({ ok: false, current: session });
      expect(await store.get(token)).toEqual(session);
    });

    it("increments the version on every successful write", async () => {
      const token = freshToken();
      let version: number | undefined;
      for (let step = 1; step <= 4; step += 1) {
        const result = await store.compareAndSet(token, version, write(`{"step":${step}}`));
        expect(result).toEqual({ ok: true, version: step });
        version = step;
      }
      expect(await store.get(token)).toMatchObject({ version: 4, value: '{"step":4}' });
    });

    it("lets a stale writer lose, returns the current state, and changes nothing", async () => {
      const token = freshToken();
      await store.compareAndSet(token, undefined, write("v1"));
      await store.compareAndSet(token, 1, write("v2"));
      const stale = await store.compareAndSet(token, 1, write("stale"));
      expect(stale).toMatchObject({ ok: false, current: { version: 2, value: "v2", completed: false } });
      expect(await store.compareAndSet(token, 7, write("future"))).toMatchObject({
        ok: false,
        current: { version: 2 },
      });
      expect(await store.get(token)).toMatchObject({ version: 2, value: "v2" });
    });

    it("refuses a write that expects a version of an absent session, creating nothing", async () => {
      const token = freshToken();
      expect(await store.compareAndSet(token, 1, write("x"))).toEqual({ ok: false, current: undefined });
      expect(await store.get(token)).toBeUndefined();
    });

    it("lets exactly one of many concurrent writers with the same expected version win", async () => {
      const token = freshToken();
      const creators = await Promise.all(
        Array.from({ length: 16 }, (_, i) => store.compareAndSet(token, undefined, write(`creator-${i}`))),
      );
      expect(creators.filter((result) => result.ok)).toHaveLength(1);
      const writers = await Promise.all(
        Array.from({ length: 24 }, (_, i) => store.compareAndSet(token, 1, write(`writer-${i}`))),
      );
      const winners = writers.flatMap((result, i) => (result.ok ? [i] : []));
      expect(winners).toHaveLength(1);
      const winnerValue = `writer-${winners[0]}`;
      for (const result of writers) {
        if (!result.ok) expect(result.current).toMatchObject({ version: 2, value: winnerValue });
      }
      expect(await store.get(token)).toMatchObject({ version: 2, value: winnerValue });
    });

    it("expires a session after its TTL: absent to get, to stale writers, and free to create again", async () => {
      const token = freshToken();
      await store.compareAndSet(token, undefined, write("short", { ttlMs: SHORT_TTL }));
      await letExpire(token, SHORT_TTL);
      expect(await store.get(token)).toBeUndefined();
      expect(await store.compareAndSet(token, 1, write("late"))).toEqual({ ok: false, current: undefined });
      expect(await store.compareAndSet(token, undefined, write("again"))).toEqual({ ok: true, version: 1 });
      expect(await store.get(token)).toMatchObject({ version: 1, value: "again" });
    });

    it("sets the TTL from each write, not from the first one", async () => {
      const token = freshToken();
      await store.compareAndSet(token, undefined, write("long"));
      expect(await store.compareAndSet(token, 1, write("short", { ttlMs: SHORT_TTL }))).toEqual({
        ok: true,
        version: 2,
      });
      await letExpire(token, SHORT_TTL);
      expect(await store.get(token)).toBeUndefined();
    });

    it("keeps a completed session as a readable tombstone until its TTL", async () => {
      const token = freshToken();
      await store.compareAndSet(token, undefined, write('{"screen":"A"}'));
      const done = await store.compareAndSet(token, 1, write('{"final":true}', { completed: true }));
      expect(done).toEqual({ ok: true, version: 2 });
      const tombstone = await store.get(token);
      expect(tombstone).toMatchObject({ version: 2, value: '{"final":true}', completed: true });
      expect(await store.compareAndSet(token, undefined, write("restart"))).toEqual({
        ok: false,
        current: tombstone,
      });
      await store.compareAndSet(token, 2, write('{"final":true}', { completed: true, ttlMs: SHORT_TTL }));
      await letExpire(token, SHORT_TTL);
      expect(await store.get(token)).toBeUndefined();
    });

    it("deletes a session (tombstones too), and deleting an absent one is fine", async () => {
      const token = freshToken();
      await store.compareAndSet(token, undefined, write("x", { completed: true }));
      await store.delete(token);
      expect(await store.get(token)).toBeUndefined();
      await store.delete(token);
      expect(await store.compareAndSet(token, undefined, write("y"))).toEqual({ ok: true, version: 1 });
    });

    it("round-trips Unicode, empty and 100 KB values, and keeps odd tokens apart", async () => {
      const unicode = 'héllo ✓ 😀 中文 𝄞 👩‍👩‍👧 "quoted" \\ \n\t \u00a0 \u200b';
      const large = JSON.stringify({
        rows: Array.from({ length: 2_500 }, (_, i) => `row ${i} ünïcødé 😀 ${"x".repeat(20)}`),
      });
      expect(large.length).toBeGreaterThan(100_000);
      const values = [unicode, "", large];
      const tokens = ["a}b", "a{b}", "fm:x", "tok 🙂", "a"].map((label) => freshToken(label));
      for (const [i, token] of tokens.entries()) {
        const value = values[i % values.length] ?? "";
        await store.compareAndSet(token, undefined, write(value));
        expect(await store.get(token)).toMatchObject({ version: 1, value });
        const loser = await store.compareAndSet(token, undefined, write("other"));
        expect(loser).toMatchObject({ ok: false, current: { value } });
      }
    });

    it("rejects invalid input with a tagged error and leaves the session intact", async () => {
      const token = freshToken();
      await store.compareAndSet(token, undefined, write("kept"));
      for (const ttlMs of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
        await expectStoreError(
          store.compareAndSet(token, 1, { value: "bad", ttlMs }),
          "invalid-argument",
          /ttlMs/,
        );
      }
      await expectStoreError(
        store.compareAndSet(token, 0, write("bad")),
        "invalid-argument",
        /expected version/,
      );
      await expectStoreError(
        store.compareAndSet(token, 1.5, write("bad")),
        "invalid-argument",
        /expected version/,
      );
      await expectStoreError(store.get(""), "invalid-argument", /non-empty flow_token/);
      await expectStoreError(
        store.compareAndSet("", undefined, write("x")),
        "invalid-argument",
        /flow_token/,
      );
      expect(await store.get(token)).toMatchObject({ version: 1, value: "kept" });
    });

    it("rejects every call with the tagged `closed` error once closed", async () => {
      const token = freshToken();
      await store.compareAndSet(token, undefined, write("x"));
      await store.close();
      await expectStoreError(store.get(token), "closed", /session store is closed/);
      await expectStoreError(store.compareAndSet(token, 1, write("y")), "closed", /create a new store/);
      await expectStoreError(store.delete(token), "closed", /closed/);
      await store.close();
    });
  });
}
