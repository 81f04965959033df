/**
 * Deadlines under slowness: `serve --store redis://...` talks to Redis through a TCP proxy that adds
 * latency, and serves the seeded sign-in flow's `slowSignIn` export, whose lookups of `slow...` e-mails
 * take longer than the step's deadline.
 *
 * - Latency below the store's 1 s command deadline only slows requests down; every reply is right.
 * - Replies held back beyond it: the request is answered at the deadline with the retry snackbar, and the
 *   session is untouched.
 * - A write delivered after the deadline: the user is told to retry, Redis applies the write late, and the
 *   session holds that state, whole (a write that timed out may or may not be applied; the next
 *   compare-and-set works from whichever state is stored).
 * - A handler slower than the step's deadline (5 s): answered at the deadline with the failure snackbar,
 *   the session keeps its last committed state, and other requests are not held up meanwhile.
 */
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exampleUser } from "../../examples/sign-in/users.js";
import { defaultStepTimeoutMs } from "../../src/machine/index.js";
import { defaultEndpointMessages } from "../../src/transport/endpoint/index.js";
import { createRedisSessionStore, type RedisSessionStore } from "../../src/transport/redis.js";
import { createFlowClient, sendOverHttp, type FlowClient } from "../helpers/flow-client.js";
import { countOutcomes, runFlowLoad } from "../helpers/flow-load.js";
import { startLatencyProxy, type LatencyProxy } from "../helpers/latency-proxy.js";
import { useRedisServer } from "../helpers/redis-server.js";
import { errorTagCounts } from "../helpers/session-audit.js";
import {
  killCliChildren,
  seededFlowModule,
  startServe,
  tempFolder,
  type ServeChild,
} from "../helpers/serve-process.js";
import { readReply, wrongPasswordStep } from "../helpers/sign-in-journeys.js";

/** The Redis session store's default command deadline. */
const STORE_DEADLINE_MS = 1_000;
/** Room for the request's own work (decryption, the step, encryption) on a busy CI machine. */
const MARGIN_MS = 600;

const redis = useRedisServer();
let proxy: LatencyProxy;
let server: ServeChild;
let client: FlowClient;
let store: RedisSessionStore;

beforeAll(async () => {
  proxy = await startLatencyProxy({ targetPort: redis().port });
  server = await startServe(
    [seededFlowModule, "--export", "slowSignIn", "--store", `redis://127.0.0.1:${proxy.port}/0`],
    { cwd: tempFolder("production-slow"), env: { SLOW_LOOKUP_MS: "8000" } },
  );
  client = createFlowClient({ publicKeyPem: server.publicKeyPem, send: sendOverHttp(server.flowUrl) });
  // The test's own connection goes straight to Redis, around the proxy.
  store = await createRedisSessionStore({ url: `${redis().url}/0` });
});
afterAll(async () => {
  await store.close();
  await killCliChildren();
  await proxy.close();
});

const send = (token: string, request: object) =>
  client.request({ version: "3.0", ...request, flow_token: token });

async function timed(token: string, request: object) {
  const started = performance.now();
  const answer = await send(token, request);
  return { ...answer, ms: performance.now() - started, ...readReply(answer.reply) };
}

/** Opens a session on SIGN_IN and sends one wrong password: two committed writes. */
async function sessionOnSignIn(token: string): Promise<void> {
  expect((await send(token, { action: "INIT", data: {} })).status).toBe(200);
  expect(readReply((await send(token, wrongPasswordStep.request)).reply).screen).toBe("SIGN_IN");
  expect((await store.get(token))?.version).toBe(2);
}

const signInRight = {
  action: "data_exchange",
  screen: "SIGN_IN",
  data: { email: exampleUser.email, password: exampleUser.password },
};

describe("a slow store and a slow handler", () => {
  it("only slows requests down while Redis answers within the deadline", async () => {
    proxy.setDelay(() => 100);
    const stop = new AbortController();
    const load = runFlowLoad({ client, concurrency: 4, tokenPrefix: "slow-store", signal: stop.signal });
    await sleep(3_000);
    stop.abort();
    const { requests } = await load;
    proxy.setDelay(() => 0);
    const durations = requests.map((entry) => entry.durationMs);
    console.log(
      `[slow store, 100 ms each way] ${requests.length} requests, ` +
        `${Math.min(...durations).toFixed(0)}-${Math.max(...durations).toFixed(0)} ms`,
    );
    expect(countOutcomes(requests).ok).toBe(requests.length);
    expect(requests.length).toBeGreaterThan(8);
    // A read and a compare-and-set, each a round trip through the proxy: at least 400 ms.
    expect(Math.min(...durations)).toBeGreaterThanOrEqual(390);
    expect(Math.max(...durations)).toBeLessThan(STORE_DEADLINE_MS + MARGIN_MS);
  });

  it("answers at the store's deadline when replies come too late, and leaves the session as it was", async () => {
    const tokens = ["late-reply-0", "late-reply-1", "late-reply-2"];
    for (const token of tokens) await sessionOnSignIn(token);
    proxy.setDelay(({ direction }) => (direction === "reply" ? 1_500 : 0));
    const answers = await Promise.all(tokens.map((token) => timed(token, wrongPasswordStep.request)));
    proxy.setDelay(() => 0);
    for (const answer of answers) {
      expect([answer.status, answer.screen, answer.errorMessage]).toEqual([
        200,
        "SIGN_IN",
        defaultEndpointMessages.unavailable,
      ]);
      expect(answer.ms).toBeGreaterThanOrEqual(STORE_DEADLINE_MS - 50);
      expect(answer.ms).toBeLessThan(STORE_DEADLINE_MS + MARGIN_MS);
    }
    console.log(
      `[replies 1.5 s late] answered in ${answers.map((answer) => answer.ms.toFixed(0)).join(", ")} ms`,
    );
    await sleep(1_600);
    for (const token of tokens) {
      expect((await store.get(token))?.version).toBe(2);
      expect((await timed(token, signInRight)).screen).toBe("SUCCESS");
    }
  });

  it("answers at the deadline when a write arrives late, and the session holds that write, whole", async () => {
    const token = "late-write";
    await sessionOnSignIn(token);
    const before = await store.get(token);
    proxy.setDelay(({ direction, data }) => (direction === "request" && data.includes("EVAL") ? 1_500 : 0));
    const answer = await timed(token, wrongPasswordStep.request);
    expect([answer.status, answer.screen, answer.errorMessage]).toEqual([
      200,
      "SIGN_IN",
      defaultEndpointMessages.unavailable,
    ]);
    expect(answer.ms).toBeLessThan(STORE_DEADLINE_MS + MARGIN_MS);
    await sleep(1_000);
    proxy.setDelay(() => 0);
    // Redis applied the compare-and-set when it finally arrived: one more version, a snapshot that parses.
    const after = await store.get(token);
    expect(after?.version).toBe((before?.version ?? 0) + 1);
    expect(JSON.parse(after?.value ?? "")).toMatchObject({ flowId: "sign-in", status: "active" });
    // The user taps again: the same request works from the stored state, then the flow completes.
    const again = await timed(token, wrongPasswordStep.request);
    expect([again.status, again.screen, again.errorMessage]).toEqual([
      200,
      "SIGN_IN",
      wrongPasswordStep.expect.errorMessage,
    ]);
    expect((await timed(token, signInRight)).screen).toBe("SUCCESS");
    expect((await store.get(token))?.completed).toBe(true);
  });

  it(
    "answers a handler slower than the step's deadline at the deadline, keeping the last committed state",
    { timeout: 30_000 },
    async () => {
      const token = "slow-handler";
      await sessionOnSignIn(token);
      const slow = timed(token, {
        action: "data_exchange",
        screen: "SIGN_IN",
        data: { email: "slow@example.com", password: "Whatever#1" },
      });
      await server.waitForOutput(/slow lookup started/);
      // The process is not held up: another user's request is answered meanwhile.
      const other = "slow-handler-other";
      const meanwhile = await timed(other, { action: "INIT", data: {} });
      expect([meanwhile.status, meanwhile.screen]).toEqual([200, "SIGN_IN"]);
      expect(meanwhile.ms).toBeLessThan(1_000);
      const answer = await slow;
      console.log(
        `[slow handler] answered in ${answer.ms.toFixed(0)} ms (step deadline ${defaultStepTimeoutMs} ms)`,
      );
      expect([answer.status, answer.screen, answer.errorMessage]).toEqual([
        200,
        "SIGN_IN",
        defaultEndpointMessages.failure,
      ]);
      expect(answer.ms).toBeGreaterThanOrEqual(defaultStepTimeoutMs - 50);
      expect(answer.ms).toBeLessThan(defaultStepTimeoutMs + MARGIN_MS);
      expect((await store.get(token))?.version).toBe(2);
      expect(errorTagCounts(server.stdout())["HandlerTimedOut"]).toBe(1);
      expect((await timed(token, signInRight)).screen).toBe("SUCCESS");
    },
  );
});
