/**
 * `endpoint.handle()` in-process on one core (concurrency 1): the sign-in flow with a memory store,
 * signature checked, over many distinct flow tokens (INIT, wrong password, right password), all
 * requests encrypted before timing. Reported as requests per second and as a ratio to the one-core
 * RSA ceiling, since every request costs one RSA private decryption.
 *
 * To show where the rest of the time goes, two parts of the request are measured on their own: the
 * constant-reply path (signature, decryption, encryption: the endpoint minus machine and store) and
 * the machine step with the memory store (no crypto). All four are measured in interleaved slices, so
 * that they see the same machine load.
 */
import { Redacted } from "effect";
import { defaultStepTimeoutMs } from "../src/machine/index.js";
import { createFlowEndpoint } from "../src/transport/endpoint/index.js";
import { runSessionStep } from "../src/transport/endpoint/session-step.js";
import { createMemorySessionStore } from "../src/transport/store/memory-session-store.js";
import { target, type BenchContext, type BenchModule, type Figure } from "./bench-module.js";
import { createConstantReplyHandler } from "./constant-reply-handler.js";
import { measureRate, mergeRates, type RateResult } from "./rate.js";
import { RSA_ONE_CORE } from "./rsa.bench.js";
import { createRsaFixture, rsaOperation } from "./rsa-operations.js";
import signInBenchFlow from "../test/helpers/sign-in-seeded-flow.js";
import {
  BENCH_APP_SECRET,
  BENCH_PRIVATE_KEY_PEM,
  checkSignInReply,
  encryptSignInFlows,
  REQUESTS_PER_FLOW,
  signInPayloads,
} from "./sign-in-traffic.js";

const TOPIC = "endpoint";
/** The ratio to the RSA ceiling the endpoint should reach. */
export const ENDPOINT_RATIO_TARGET = 0.85;
/** The endpoint's default session TTL (24 h). */
const SESSION_TTL_MS = 24 * 60 * 60 * 1000;

/** How the measurement is sliced: rounds of RSA calls, endpoint flows, constant replies and steps. */
function plan(smoke: boolean) {
  return smoke
    ? { warmupFlows: 2, rounds: 2, flowsPerRound: 2, rsaPerRound: 5 }
    : { warmupFlows: 300, rounds: 4, flowsPerRound: 400, rsaPerRound: 400 };
}

type Operation = (index: number) => Promise<unknown>;

/** Runs each operation for its count per round, round after round, and merges each one's slices. */
async function interleave(
  rounds: number,
  parts: readonly { readonly operation: Operation; readonly perRound: number; readonly start: number }[],
): Promise<RateResult[]> {
  const slices: RateResult[][] = parts.map(() => []);
  for (let round = 0; round < rounds; round++) {
    for (const [position, part] of parts.entries()) {
      const offset = part.start + round * part.perRound;
      slices[position]?.push(
        await measureRate((index) => part.operation(offset + index), {
          warmup: 0,
          iterations: part.perRound,
        }),
      );
    }
  }
  return slices.map(mergeRates);
}

async function run({ smoke, log }: BenchContext): Promise<Figure[]> {
  const { warmupFlows, rounds, flowsPerRound, rsaPerRound } = plan(smoke);
  const flows = warmupFlows + rounds * flowsPerRound;
  log(`encrypting ${flows} sign-in flows`);
  const requests = encryptSignInFlows(flows, { tokenPrefix: `in-process-${Date.now()}` }).flat();
  const plainRequests = Array.from({ length: flows }, (_, index) =>
    signInPayloads(`step-only-${index}`),
  ).flat();
  const privateKey = Redacted.make(BENCH_PRIVATE_KEY_PEM);
  const appSecret = Redacted.make(BENCH_APP_SECRET);
  const endpoint = createFlowEndpoint({
    flow: signInBenchFlow,
    privateKey,
    appSecret,
    store: createMemorySessionStore(),
    logger: () => undefined,
  });
  const stepStore = createMemorySessionStore();
  const constantReply = await createConstantReplyHandler({ privateKeyPem: BENCH_PRIVATE_KEY_PEM, appSecret });
  const rsa = await rsaOperation("subtle.decrypt", createRsaFixture(64));
  await endpoint.ready;

  const at = <T>(list: readonly T[], index: number): T => {
    const item = list[index];
    if (item === undefined) throw new Error(`no prepared request ${index}`);
    return item;
  };
  const handle: Operation = async (index) => {
    const request = at(requests, index);
    const answer = await endpoint.handle(request.body, request.headers);
    if (answer.status !== 200) throw new Error(`request ${index} answered ${answer.status}`);
    // The first flow's replies are decrypted and checked (during warm-up, so untimed).
    if (index < REQUESTS_PER_FLOW) {
      const problem = checkSignInReply(index, request.decryptResponse(answer.body));
      if (problem !== undefined) throw new Error(problem);
    }
  };
  const replyConstant: Operation = async (index) => {
    const request = at(requests, index);
    const answer = await constantReply.handle(request.body, request.headers);
    if (answer.status !== 200) throw new Error(`constant reply ${index} answered ${answer.status}`);
  };
  const stepOnly: Operation = async (index) => {
    const stepOptions = { timeoutMs: defaultStepTimeoutMs };
    const request = at(plainRequests, index);
    const outcome = await runSessionStep({
      flow: signInBenchFlow,
      store: stepStore,
      request,
      ttlMs: SESSION_TTL_MS,
      stepOptions,
    });
    if (outcome.type !== "replied") throw new Error(`step ${index} gave ${outcome.type}`);
  };

  try {
    const warmupRequests = warmupFlows * REQUESTS_PER_FLOW;
    for (let index = 0; index < warmupRequests; index++) {
      await handle(index);
      await replyConstant(index);
      await stepOnly(index);
    }
    for (let index = 0; index < rsaPerRound; index++) await rsa(index);
    log(`endpoint.handle, concurrency 1, ${rounds} rounds interleaved with its parts and subtle.decrypt`);
    const perRound = flowsPerRound * REQUESTS_PER_FLOW;
    const [rsaRate, endpointRate, constantRate, stepRate] = await interleave(rounds, [
      { operation: rsa, perRound: rsaPerRound, start: 0 },
      { operation: handle, perRound, start: warmupRequests },
      { operation: replyConstant, perRound, start: warmupRequests },
      { operation: stepOnly, perRound, start: warmupRequests },
    ]);
    if (!rsaRate || !endpointRate || !constantRate || !stepRate) throw new Error("a slice is missing");
    const ceiling = rsaRate.opsPerSecond;
    const ratioTo = `${RSA_ONE_CORE} measured interleaved (${ceiling.toFixed(0)} ops/s)`;
    const ratio = endpointRate.opsPerSecond / ceiling;
    const micros = (rate: RateResult) => `${(1e6 / rate.opsPerSecond).toFixed(0)} µs per request`;
    return [
      {
        topic: TOPIC,
        name: "endpoint.handle sign-in, memory store, 1 core",
        value: endpointRate.opsPerSecond,
        unit: "req/s",
        p50Ms: endpointRate.p50Ms,
        p99Ms: endpointRate.p99Ms,
        ratio,
        ratioTo,
        targets: [target("ratio", ratio, ">=", ENDPOINT_RATIO_TARGET)],
        note:
          `${micros(endpointRate)}; ${rounds * flowsPerRound} flows x INIT, wrong password, right password ` +
          "(completes); X-Hub-Signature-256 checked; logger off (the default one writes a JSON line per request)",
      },
      {
        topic: TOPIC,
        name: "part: signature + decrypt + encrypt constant reply",
        value: constantRate.opsPerSecond,
        unit: "req/s",
        p50Ms: constantRate.p50Ms,
        p99Ms: constantRate.p99Ms,
        ratio: constantRate.opsPerSecond / ceiling,
        ratioTo,
        note: `${micros(constantRate)}: the endpoint without machine and store (4 WebCrypto calls: HMAC, RSA unwrap, AES-GCM twice)`,
      },
      {
        topic: TOPIC,
        name: "part: machine step + memory store (runSessionStep)",
        value: stepRate.opsPerSecond,
        unit: "steps/s",
        p50Ms: stepRate.p50Ms,
        p99Ms: stepRate.p99Ms,
        note: `${micros(stepRate)}: the same flows in plain text, no crypto`,
      },
    ];
  } finally {
    await endpoint.close();
    await stepStore.close();
  }
}

export const endpointModule: BenchModule = { topic: TOPIC, run };
