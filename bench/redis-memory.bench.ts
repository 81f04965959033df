/**
 * Bytes per idle sign-in session in Redis: 100 000 sessions written through the Redis session store's
 * compare-and-set, each as a real flow leaves it (the snapshot persisted after INIT, then the one after
 * a wrong-password data_exchange), many writes in flight at once. `INFO memory` before and after gives
 * the bytes each session costs; the snapshot's JSON size is printed next to it.
 */
import { Redacted } from "effect";
import { createClient } from "redis";
import { createFlowEndpoint } from "../src/transport/endpoint/index.js";
import { createMemorySessionStore } from "../src/transport/store/memory-session-store.js";
import {
  createRedisSessionStore,
  type RedisCommandClient,
} from "../src/transport/store/redis-session-store.js";
import { startRedisServer } from "../test/helpers/redis-server.js";
import { target, type BenchContext, type BenchModule, type Figure } from "./bench-module.js";
import signInBenchFlow from "../test/helpers/sign-in-seeded-flow.js";
import { BENCH_APP_SECRET, BENCH_PRIVATE_KEY_PEM, encryptSignInFlows } from "./sign-in-traffic.js";

const TOPIC = "redis";
/** The endpoint's default session TTL (24 h): every key carries it. */
const SESSION_TTL_MS = 24 * 60 * 60 * 1000;
/** Compare-and-sets in flight at once (node-redis pipelines them on its one connection). */
const IN_FLIGHT = 256;
const utf8 = new TextEncoder();

/** The persisted snapshots of one sign-in flow: after INIT, and after a wrong password. */
async function signInSnapshots(): Promise<{ readonly afterInit: string; readonly afterExchange: string }> {
  const store = createMemorySessionStore();
  const endpoint = createFlowEndpoint({
    flow: signInBenchFlow,
    privateKey: Redacted.make(BENCH_PRIVATE_KEY_PEM),
    appSecret: Redacted.make(BENCH_APP_SECRET),
    store,
    logger: () => undefined,
  });
  const [flow] = encryptSignInFlows(1, { tokenPrefix: "snapshot" });
  const [init, wrongPassword] = flow ?? [];
  if (init === undefined || wrongPassword === undefined) throw new Error("no sign-in requests");
  const token = "snapshot-0";
  const stepAndRead = async (request: typeof init): Promise<string> => {
    const answer = await endpoint.handle(request.body, request.headers);
    const stored = await store.get(token);
    if (answer.status !== 200 || stored === undefined)
      throw new Error(`the sign-in step answered ${answer.status}`);
    return stored.value;
  };
  const afterInit = await stepAndRead(init);
  const afterExchange = await stepAndRead(wrongPassword);
  await store.close();
  return { afterInit, afterExchange };
}

async function usedMemory(client: RedisCommandClient): Promise<number> {
  const info = await client.sendCommand(["INFO", "memory"]);
  const match = /^used_memory:(\d+)/m.exec(typeof info === "string" ? info : String(info));
  if (match?.[1] === undefined) throw new Error("INFO memory has no used_memory line");
  return Number(match[1]);
}

/** Runs `work(index)` for 0..count-1 with at most `inFlight` calls pending. */
async function runConcurrently(count: number, inFlight: number, work: (index: number) => Promise<void>) {
  let next = 0;
  const lane = async () => {
    while (next < count) await work(next++);
  };
  await Promise.all(Array.from({ length: Math.min(inFlight, count) }, lane));
}

async function run({ smoke, log }: BenchContext): Promise<Figure[]> {
  const sessions = smoke ? 200 : 100_000;
  const { afterInit, afterExchange } = await signInSnapshots();
  const server = await startRedisServer();
  const client = createClient({ url: server.url });
  try {
    await client.connect();
    const store = await createRedisSessionStore({ client, commandTimeoutMs: 10_000 });
    const write = async (token: string) => {
      const first = await store.compareAndSet(token, undefined, { value: afterInit, ttlMs: SESSION_TTL_MS });
      if (!first.ok) throw new Error(`session ${token} already existed`);
      const second = await store.compareAndSet(token, first.version, {
        value: afterExchange,
        ttlMs: SESSION_TTL_MS,
      });
      if (!second.ok) throw new Error(`session ${token} changed under the benchmark`);
    };
    // One session first, deleted again: loads the Lua script so that it is not counted below.
    await write("warm-up");
    await store.delete("warm-up");
    const before = await usedMemory(client);
    log(`writing ${sessions} sessions to Redis`);
    const started = performance.now();
    await runConcurrently(sessions, IN_FLIGHT, (index) => write(`idle-session-${index}`));
    const seconds = (performance.now() - started) / 1000;
    const after = await usedMemory(client);
    const keyBytes = Number(
      await client.sendCommand(["MEMORY", "USAGE", `${store.keyPrefix}{idle-session-0}`]),
    );
    const perSession = (after - before) / sessions;
    return [
      {
        topic: TOPIC,
        name: "Redis bytes per idle sign-in session",
        value: perSession,
        unit: "bytes",
        targets: [target("bytes/session", perSession, "<", 2048)],
        note:
          `INFO used_memory ${before} -> ${after} for ${sessions} sessions (hash v/d/c/e with a 24 h TTL); ` +
          `MEMORY USAGE of one key: ${keyBytes} bytes`,
      },
      {
        topic: TOPIC,
        name: "persisted snapshot after INIT",
        value: utf8.encode(afterInit).length,
        unit: "bytes",
        note: "JSON of the machine's persisted snapshot, as stored",
      },
      {
        topic: TOPIC,
        name: "persisted snapshot after data_exchange",
        value: utf8.encode(afterExchange).length,
        unit: "bytes",
        note: "after a wrong password: the idle session's value",
      },
      {
        topic: TOPIC,
        name: "Redis compare-and-set writes",
        value: (2 * sessions) / seconds,
        unit: "writes/s",
        note: `${IN_FLIGHT} in flight on one connection, EVALSHA; ${sessions} sessions x 2 writes in ${seconds.toFixed(1)} s`,
      },
    ];
  } finally {
    await client.close();
    await server.close();
  }
}

export const redisMemoryModule: BenchModule = { topic: TOPIC, run };
