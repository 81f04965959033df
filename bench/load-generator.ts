/**
 * The HTTP load generator, run in its own process by `http.bench.ts`: encrypts its sign-in flows first,
 * then `connections` virtual users, each on a keep-alive connection, run whole flows (INIT, wrong
 * password, right password that completes) on their own flow tokens for a warm-up and a timed window.
 * It prints one JSON line: request rate, latency quantiles, errors, and its own CPU use and the
 * machine's during the window, so that the figures can be read honestly.
 *
 * @example
 * // tsx bench/load-generator.ts '{"url":"http://127.0.0.1:3000/flow","connections":32,"warmupMs":1000,"durationMs":5000,"flows":6000,"check":"sign-in"}'
 */
import { Agent, request as httpRequest } from "node:http";
import { cpus } from "node:os";
import { pathToFileURL } from "node:url";
import { quantile } from "./rate.js";
import { checkSignInReply, encryptSignInFlows, type EncryptedRequest } from "./sign-in-traffic.js";

/** What the generator is asked to do (argv[2], JSON). */
export interface LoadOptions {
  readonly url: string;
  readonly connections: number;
  readonly warmupMs: number;
  readonly durationMs: number;
  /** Flows encrypted up front; the run stops early (and says so) when they run out. */
  readonly flows: number;
  /** `sign-in`: sampled replies are decrypted and checked; `status`: only the status (constant-reply baseline). */
  readonly check: "sign-in" | "status";
}

/** What the generator prints (stdout, one JSON line). */
export interface LoadResult {
  readonly requests: number;
  readonly windowMs: number;
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly flowsCompleted: number;
  /** Requests in the window that did not answer 200, or whose checked reply was wrong. */
  readonly errors: number;
  readonly firstError?: string;
  /** The generator's own CPU (user + system) over the window, in % of one core. */
  readonly generatorCpuPercent: number;
  /** All CPUs' busy time over the window, in % of one core (so 200 = two cores saturated). */
  readonly machineCpuPercent: number;
  /** The pre-encrypted flows ran out before the window ended. */
  readonly exhausted: boolean;
}

/** Replies of every n-th flow are decrypted and checked (the rest: status only, to spare the CPU). */
const CHECK_EVERY = 25;

function machineBusyMs(): number {
  return cpus().reduce(
    (sum, cpu) => sum + cpu.times.user + cpu.times.nice + cpu.times.sys + cpu.times.irq,
    0,
  );
}

function post(agent: Agent, url: URL, request: EncryptedRequest): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      {
        agent,
        method: "POST",
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        headers: { ...request.headers, "content-length": String(request.body.length) },
      },
      (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (body += chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
        response.on("error", reject);
      },
    );
    outgoing.on("error", reject);
    outgoing.end(request.body);
  });
}

/** Runs the load described by `options` and returns its figures. */
export async function generateLoad(options: LoadOptions): Promise<LoadResult> {
  const url = new URL(options.url);
  const flows = encryptSignInFlows(options.flows, { tokenPrefix: `load-${process.pid}-${Date.now()}` });
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections });
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  let flowsCompleted = 0;
  let nextFlow = 0;
  let exhausted = false;

  const started = performance.now();
  const windowStart = started + options.warmupMs;
  const windowEnd = windowStart + options.durationMs;
  let cpuAtStart = process.cpuUsage();
  let machineAtStart = machineBusyMs();
  let cpuInWindow: NodeJS.CpuUsage | undefined;
  let machineInWindow = 0;
  let lastDone = windowStart;
  const startTimer = setTimeout(() => {
    cpuAtStart = process.cpuUsage();
    machineAtStart = machineBusyMs();
  }, options.warmupMs);
  const endTimer = setTimeout(() => {
    cpuInWindow = process.cpuUsage(cpuAtStart);
    machineInWindow = machineBusyMs() - machineAtStart;
  }, options.warmupMs + options.durationMs);

  const fail = (problem: string, inWindow: boolean) => {
    if (!inWindow) return;
    errors += 1;
    firstError ??= problem;
  };
  const virtualUser = async () => {
    while (performance.now() < windowEnd) {
      const flowIndex = nextFlow++;
      const flow = flows[flowIndex];
      if (flow === undefined) {
        exhausted = true;
        return;
      }
      for (const [position, request] of flow.entries()) {
        const sent = performance.now();
        let answer: { status: number; body: string };
        try {
          answer = await post(agent, url, request);
        } catch (error) {
          const failed = performance.now();
          fail(
            error instanceof Error ? error.message : String(error),
            failed >= windowStart && failed <= windowEnd,
          );
          break;
        }
        const done = performance.now();
        // Counted by completion time: what the server finished inside the window.
        const inWindow = done >= windowStart && done <= windowEnd;
        if (inWindow) {
          latencies.push(done - sent);
          lastDone = done;
        }
        if (answer.status !== 200) {
          fail(`request ${position} of a flow answered ${answer.status}`, inWindow);
          break;
        }
        if (options.check === "sign-in" && flowIndex % CHECK_EVERY === 0) {
          const problem = checkSignInReply(position, request.decryptResponse(answer.body));
          if (problem !== undefined) fail(problem, inWindow);
        }
        if (position === flow.length - 1 && inWindow) flowsCompleted += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: options.connections }, virtualUser));
  clearTimeout(startTimer);
  clearTimeout(endTimer);
  agent.destroy();

  // When the flows ran out early, the window is cut where the last request ended.
  const windowMs = exhausted ? Math.max(1, lastDone - windowStart) : options.durationMs;
  const cpu = cpuInWindow ?? process.cpuUsage(cpuAtStart);
  const machine = cpuInWindow === undefined ? machineBusyMs() - machineAtStart : machineInWindow;
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    windowMs,
    requestsPerSecond: (latencies.length * 1000) / windowMs,
    p50Ms: quantile(latencies, 0.5),
    p99Ms: quantile(latencies, 0.99),
    flowsCompleted,
    errors,
    ...(firstError === undefined ? {} : { firstError }),
    generatorCpuPercent: ((cpu.user + cpu.system) / 1000 / windowMs) * 100,
    machineCpuPercent: (machine / windowMs) * 100,
    exhausted,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  if (process.argv[2] === undefined)
    throw new Error("load-generator.ts takes its options as one JSON argument.");
  const result = await generateLoad(JSON.parse(process.argv[2]) as LoadOptions);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
