/**
 * `endpoint.handle()` in-process on one core (concurrency 1): the sign-in flow with a memory store,
 * signature checked, over many distinct flow tokens (INIT, wrong password, right password), all
 * requests encrypted before timing. Reported as requests per second and as a ratio to the one-core
 * RSA ceiling, since every request costs one RSA private decryption. The ceiling is measured again
 * here, in slices interleaved with the endpoint's, so that both figures see the same machine load.
 */
import { Redacted } from "effect";
import { createFlowEndpoint } from "../src/transport/endpoint/index.js";
import { createMemorySessionStore } from "../src/transport/store/memory-session-store.js";
import { target, type BenchContext, type BenchModule, type Figure } from "./bench-module.js";
import { measureRate, mergeRates, type RateResult } from "./rate.js";
import { RSA_ONE_CORE } from "./rsa.bench.js";
import { createRsaFixture, rsaOperation } from "./rsa-operations.js";
import signInBenchFlow from "./sign-in-bench-flow.js";
import {
  BENCH_APP_SECRET,
  BENCH_PRIVATE_KEY_PEM,
  checkSignInReply,
  encryptSignInFlows,
  REQUESTS_PER_FLOW,
} from "./sign-in-traffic.js";

const TOPIC = "endpoint";
/** The ratio to the RSA ceiling the endpoint should reach. */
export const ENDPOINT_RATIO_TARGET = 0.85;

/** How the measurement is sliced: rounds of RSA calls, then endpoint flows, so both see the same load. */
function plan(smoke: boolean) {
  return smoke
    ? { warmupFlows: 2, rounds: 2, flowsPerRound: 2, rsaPerRound: 5 }
    : { warmupFlows: 300, rounds: 5, flowsPerRound: 400, rsaPerRound: 400 };
}

async function run({ smoke, log }: BenchContext): Promise<Figure[]> {
  const { warmupFlows, rounds, flowsPerRound, rsaPerRound } = plan(smoke);
  const timedFlows = rounds * flowsPerRound;
  log(`encrypting ${warmupFlows + timedFlows} sign-in flows`);
  const requests = encryptSignInFlows(warmupFlows + timedFlows, {
    tokenPrefix: `in-process-${Date.now()}`,
  }).flat();
  const endpoint = createFlowEndpoint({
    flow: signInBenchFlow,
    privateKey: Redacted.make(BENCH_PRIVATE_KEY_PEM),
    appSecret: Redacted.make(BENCH_APP_SECRET),
    store: createMemorySessionStore(),
    logger: () => undefined,
  });
  const rsa = await rsaOperation("subtle.decrypt", createRsaFixture(64));
  await endpoint.ready;
  const handle = async (index: number) => {
    const request = requests[index];
    if (request === undefined) throw new Error(`no pre-encrypted request ${index}`);
    const answer = await endpoint.handle(request.body, request.headers);
    if (answer.status !== 200) throw new Error(`request ${index} answered ${answer.status}`);
    // The first flow's replies are decrypted and checked (during warm-up, so untimed).
    if (index < REQUESTS_PER_FLOW) {
      const problem = checkSignInReply(index, request.decryptResponse(answer.body));
      if (problem !== undefined) throw new Error(problem);
    }
  };
  log(`endpoint.handle, concurrency 1, ${rounds} rounds interleaved with subtle.decrypt`);
  try {
    let next = warmupFlows * REQUESTS_PER_FLOW;
    for (let index = 0; index < next; index++) await handle(index);
    for (let index = 0; index < rsaPerRound; index++) await rsa(index);
    const endpointSlices: RateResult[] = [];
    const rsaSlices: RateResult[] = [];
    for (let round = 0; round < rounds; round++) {
      rsaSlices.push(await measureRate(rsa, { warmup: 0, iterations: rsaPerRound }));
      const offset = next;
      endpointSlices.push(
        await measureRate((index) => handle(offset + index), {
          warmup: 0,
          iterations: flowsPerRound * REQUESTS_PER_FLOW,
        }),
      );
      next += flowsPerRound * REQUESTS_PER_FLOW;
    }
    const rate = mergeRates(endpointSlices);
    const ceiling = mergeRates(rsaSlices).opsPerSecond;
    const ratio = rate.opsPerSecond / ceiling;
    return [
      {
        topic: TOPIC,
        name: "endpoint.handle sign-in, memory store, 1 core",
        value: rate.opsPerSecond,
        unit: "req/s",
        p50Ms: rate.p50Ms,
        p99Ms: rate.p99Ms,
        ratio,
        ratioTo: `${RSA_ONE_CORE} measured interleaved with it (${ceiling.toFixed(0)} ops/s)`,
        targets: [target("ratio", ratio, ">=", ENDPOINT_RATIO_TARGET)],
        note:
          `${timedFlows} flows x INIT, wrong password, right password (completes); ` +
          "X-Hub-Signature-256 checked; logger off (the default one writes a JSON line per request)",
      },
    ];
  } finally {
    await endpoint.close();
  }
}

export const endpointModule: BenchModule = { topic: TOPIC, run };
