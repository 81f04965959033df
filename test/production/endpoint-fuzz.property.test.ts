/**
 * Random requests against `serve --store redis://... --workers 2 --app-secret-env ...` over HTTP: every
 * one validly encrypted and signed, with random actions, screens, tokens (most from a small pool, so
 * sessions build up and requests race on them), data (the flow's own example payloads mixed with random
 * JSON) and extra fields. At least 10,000 cases per run, by several fast-check runners at once (each
 * prints its seed and path when it fails).
 *
 * Every answer is 200 or 427 with a body that decrypts to a reply of the right shape; no process dies
 * (/healthz is ok after, no worker was replaced); and afterwards every token that was used either moves
 * on with one more request or is refused with 427 because its flow is finished, never failing because
 * its stored session cannot be restored (no `SnapshotInvalid` anywhere in the server's log).
 */
import { performance } from "node:perf_hooks";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSignInFlow } from "../../examples/sign-in/flow.js";
import { exampleUser } from "../../examples/sign-in/users.js";
import { transitionPaths } from "../../src/testing/index.js";
import { createRedisSessionStore } from "../../src/transport/redis.js";
import { createFlowClient, sendOverHttp, type FlowClient } from "../helpers/flow-client.js";
import { useRedisServer } from "../helpers/redis-server.js";
import { errorTagCounts, requestLog } from "../helpers/session-audit.js";
import {
  killCliChildren,
  seededFlowModule,
  startServe,
  tempFolder,
  type ServeChild,
} from "../helpers/serve-process.js";
import { classifyContinuation, wrongPasswordStep } from "../helpers/sign-in-journeys.js";

const utf8 = new TextEncoder();
const CASES = 10_000;
const RUNNERS = 16;
const TOKEN_POOL = 48;
const appSecret = "fuzz-app-secret";

const redis = useRedisServer();
let server: ServeChild;
let client: FlowClient;

beforeAll(async () => {
  server = await startServe(
    [
      seededFlowModule,
      ...["--store", `${redis().url}/0`, "--workers", "2", "--app-secret-env", "FUZZ_APP_SECRET"],
    ],
    { cwd: tempFolder("production-fuzz"), env: { FUZZ_APP_SECRET: appSecret } },
  );
  client = createFlowClient({
    publicKeyPem: server.publicKeyPem,
    appSecret,
    send: sendOverHttp(server.flowUrl),
  });
});
afterAll(killCliChildren);

const flow = createSignInFlow();
const screens = Object.keys(flow.screens);
/** The payloads the flow's paths send (sign-ups, resets, sign-ins, the completion among them). */
const examples = transitionPaths(flow).paths.flatMap((path) =>
  path.requests.map(({ request }) => request.data ?? {}),
);

const pooledToken = fc.integer({ min: 0, max: TOKEN_POOL - 1 }).map((index) => `fuzz-${index}`);
const token = fc.oneof(
  { weight: 12, arbitrary: pooledToken },
  { weight: 1, arbitrary: fc.string({ maxLength: 40, unit: "binary" }) },
  { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 20, unit: "grapheme" }) },
);
const action = fc.oneof(
  { weight: 10, arbitrary: fc.constantFrom("INIT", "data_exchange", "BACK", "ping") },
  { weight: 1, arbitrary: fc.constantFrom("init", "navigate", "complete", "") },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
);
const screen = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...screens) },
  { weight: 1, arbitrary: fc.constantFrom("SUCCESS", "", "sign_in") },
  { weight: 1, arbitrary: fc.string({ maxLength: 16, unit: "binary" }) },
);
const credentials = fc.record({
  email: fc.oneof(fc.constant(exampleUser.email), fc.emailAddress(), fc.string({ maxLength: 30 })),
  password: fc.oneof(fc.constant(exampleUser.password), fc.string({ maxLength: 30 })),
});
const data = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...examples) },
  { weight: 3, arbitrary: credentials },
  {
    weight: 2,
    arbitrary: fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 6 }),
  },
  { weight: 1, arbitrary: fc.record({ error: fc.string({ maxLength: 20 }), error_message: fc.string() }) },
  { weight: 1, arbitrary: fc.oneof(fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }), fc.string()) },
);
/** `arbitrary` in one case out of `every`, else absent (left out of the JSON). */
const rarely = <T>(arbitrary: fc.Arbitrary<T>, every: number) =>
  fc.oneof({ weight: every - 1, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary });
const payload = fc.oneof(
  {
    weight: 30,
    arbitrary: fc.record({
      version: fc.oneof(fc.constant("3.0"), rarely(fc.string({ maxLength: 5 }), 2)),
      action,
      screen: fc.option(screen, { freq: 6, nil: undefined }),
      data: fc.option(data, { freq: 10, nil: undefined }),
      flow_token: fc.option(token, { freq: 40, nil: undefined }),
      // A random data API 4.0 signature is refused (427): rare, so most cases reach the flow.
      flow_token_signature: rarely(fc.string({ maxLength: 30 }), 20),
      extra: rarely(fc.jsonValue({ maxDepth: 1 }), 10),
    }),
  },
  // Any JSON at the top level (a string, a number, an array), sent as its exact bytes.
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }).map((value) => utf8.encode(JSON.stringify(value))) },
);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The reply has the shape its status calls for; throws (failing the case) otherwise. */
function checkAnswer(answer: { status: number; reply: unknown }): void {
  if (answer.status === 427) {
    if (!isObject(answer.reply) || typeof answer.reply["error_msg"] !== "string") {
      throw new Error(`427 without error_msg: ${JSON.stringify(answer.reply)}`);
    }
    return;
  }
  if (answer.status !== 200) throw new Error(`status ${answer.status}`);
  if (!isObject(answer.reply) || !isObject(answer.reply["data"])) {
    throw new Error(`200 without data: ${JSON.stringify(answer.reply)}`);
  }
  const shown = answer.reply["screen"];
  if (shown !== undefined && shown !== "SUCCESS" && !(typeof shown === "string" && screens.includes(shown))) {
    throw new Error(`200 with an unknown screen: ${JSON.stringify(answer.reply)}`);
  }
}

describe("random requests over HTTP", () => {
  it(
    `are answered 200 or 427 in ${CASES} cases, crash nothing and leave every session restorable`,
    { timeout: 180_000 },
    async () => {
      const touched = new Set<string>();
      const statuses = new Map<number, number>();
      const started = performance.now();
      const runner = () =>
        fc.assert(
          fc.asyncProperty(payload, async (request) => {
            const answer = await client.request(request);
            statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
            checkAnswer(answer);
            const used = isObject(request) ? request["flow_token"] : undefined;
            if (typeof used === "string" && used !== "") touched.add(used);
          }),
          { numRuns: CASES / RUNNERS },
        );
      await Promise.all(Array.from({ length: RUNNERS }, runner));
      const seconds = (performance.now() - started) / 1000;
      console.log(
        `[fuzz] ${CASES} cases in ${seconds.toFixed(1)} s (${(CASES / seconds).toFixed(0)}/s), ` +
          `statuses ${JSON.stringify(Object.fromEntries(statuses))}, ${touched.size} tokens touched`,
      );
      expect([...statuses.values()].reduce((sum, count) => sum + count, 0)).toBe(CASES);

      const health = await fetch(`${server.origin}/healthz`);
      expect([health.status, await health.json()]).toEqual([200, { status: "ok", store: "redis" }]);
      expect(server.stdout()).not.toContain("exited unexpectedly");

      const store = await createRedisSessionStore({ url: `${redis().url}/0` });
      const problems: string[] = [];
      try {
        for (const used of touched) {
          const before = await store.get(used);
          const answer = await client.request({
            version: "3.0",
            ...wrongPasswordStep.request,
            flow_token: used,
          });
          const outcome = classifyContinuation(answer);
          const expected = before?.completed === true ? "completed" : "continued";
          if (outcome !== expected)
            problems.push(`${JSON.stringify(used)}: ${outcome}, expected ${expected}`);
        }
      } finally {
        await store.close();
      }
      expect(problems).toEqual([]);
      const log = requestLog(server.stdout());
      expect(log.length).toBeGreaterThanOrEqual(CASES + touched.size);
      expect(new Set(log.map((entry) => entry["status"]))).toEqual(new Set([200, 427]));
      const errors = errorTagCounts(server.stdout());
      console.log(`[fuzz] logged errors: ${JSON.stringify(errors)}`);
      expect(errors).not.toHaveProperty("SnapshotInvalid");
    },
  );
});
