/**
 * A bounded soak: 60 seconds of real sign-in flows over HTTP from 32 concurrent users against
 * `serve --store redis://... --workers 2`, with the request log on, as in production. The resident memory
 * of the primary and both workers (`/proc/PID/status` VmRSS) is sampled every second and printed, with the
 * least-squares slope of each after a 10-second warm-up; an upward trend of the workers' sum (they answer
 * the requests; the primary only supervises) beyond 100 KB/s fails the test. Every request must get its expected reply. This is the only long test of the suite.
 *
 * `serve` runs as it should in production, with V8's old space capped (`NODE_OPTIONS=--max-old-space-size`,
 * which the workers inherit). Uncapped, V8 sizes its heap from the machine's memory and, under a high
 * allocation rate, lets it grow for minutes before it compacts, so resident memory climbs whether or not
 * anything leaks. Capped, garbage is collected within the cap and resident memory tracks what is live: a
 * leak shows as a rising slope, then as a worker running out of memory (failed requests, a replaced worker).
 */
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, describe, expect, it } from "vitest";
import { createFlowClient, sendOverHttp } from "../helpers/flow-client.js";
import { countOutcomes, runFlowLoad } from "../helpers/flow-load.js";
import { bannerWorkerPids, residentBytes } from "../helpers/process-stats.js";
import { useRedisServer } from "../helpers/redis-server.js";
import { killCliChildren, seededFlowModule, startServe, tempFolder } from "../helpers/serve-process.js";

const DURATION_S = 60;
const WARM_UP_S = 10;
const CONCURRENCY = 32;
/** Bytes per second of resident-memory growth tolerated after the warm-up. */
const MAX_SLOPE = 100 * 1024;
/**
 * V8's old-space cap for `serve`, in MB. A worker under this load runs with 64 MB and cannot start with 48
 * (it loads its TypeScript through tsx); 96 leaves room, and the heap reaches it within the warm-up.
 */
const OLD_SPACE_MB = 96;

const redis = useRedisServer();
afterAll(killCliChildren);

interface Sample {
  readonly seconds: number;
  /** Resident bytes per process: primary first, then the workers. */
  readonly rss: readonly number[];
}

/** The least-squares slope of `y` over `x`. */
function leastSquaresSlope(points: ReadonlyArray<readonly [number, number]>): number {
  const n = points.length;
  const meanX = points.reduce((sum, [x]) => sum + x, 0) / n;
  const meanY = points.reduce((sum, [, y]) => sum + y, 0) / n;
  let covariance = 0;
  let variance = 0;
  for (const [x, y] of points) {
    covariance += (x - meanX) * (y - meanY);
    variance += (x - meanX) ** 2;
  }
  return covariance / variance;
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

function percentile(sorted: readonly number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? 0;
}

describe("a 60-second soak at 32 concurrent users", () => {
  it(
    "answers every request as expected and shows no upward memory trend",
    { timeout: (DURATION_S + 60) * 1000 },
    async () => {
      const url = `${redis().url}/0`;
      const server = await startServe([seededFlowModule, "--store", url, "--workers", "2"], {
        cwd: tempFolder("production-soak"),
        env: { NODE_OPTIONS: `--max-old-space-size=${OLD_SPACE_MB}` },
      });
      const pids = [server.pid, ...bannerWorkerPids(server.stdout(), 2)];
      const client = createFlowClient({
        publicKeyPem: server.publicKeyPem,
        send: sendOverHttp(server.flowUrl),
      });

      const stop = new AbortController();
      const load = runFlowLoad({
        client,
        concurrency: CONCURRENCY,
        tokenPrefix: "soak",
        signal: stop.signal,
      });
      const samples: Sample[] = [];
      const started = performance.now();
      for (let second = 1; second <= DURATION_S; second += 1) {
        await sleep(started + second * 1000 - performance.now());
        samples.push({ seconds: (performance.now() - started) / 1000, rss: pids.map(residentBytes) });
      }
      stop.abort();
      const { requests, tokens } = await load;

      const total = (sample: Sample) => sample.rss.reduce((sum, bytes) => sum + bytes, 0);
      const workers = (sample: Sample) => total(sample) - (sample.rss[0] ?? 0);
      const steady = samples.filter((sample) => sample.seconds > WARM_UP_S);
      const slope = leastSquaresSlope(steady.map((sample) => [sample.seconds, workers(sample)] as const));
      const perProcess = pids.map((_, index) =>
        leastSquaresSlope(steady.map((sample) => [sample.seconds, sample.rss[index] ?? 0] as const)),
      );
      const durations = requests.map((entry) => entry.durationMs).sort((a, b) => a - b);
      console.log(
        [
          `[soak] ${requests.length} requests in ${DURATION_S} s (${(requests.length / DURATION_S).toFixed(0)}/s), ` +
            `${tokens.size} flows, ${JSON.stringify(countOutcomes(requests))}`,
          `[soak] latency p50 ${percentile(durations, 0.5).toFixed(1)} ms, p99 ${percentile(durations, 0.99).toFixed(1)} ms, ` +
            `max ${(durations.at(-1) ?? 0).toFixed(1)} ms`,
          `[soak] resident MB each second (primary+workers = total): ` +
            samples
              .map(
                (sample) =>
                  `${sample.seconds.toFixed(0)}s ${sample.rss.map(mb).join("+")}=${mb(total(sample))}`,
              )
              .join(", "),
          `[soak] slope after ${WARM_UP_S} s: ${(slope / 1024).toFixed(1)} KB/s for the workers together ` +
            `(${perProcess.map((each) => (each / 1024).toFixed(1)).join(", ")} KB/s for pids ${pids.join(", ")}); bound ${MAX_SLOPE / 1024} KB/s`,
        ].join("\n"),
      );

      const counts = countOutcomes(requests);
      expect(counts.ok).toBe(requests.length);
      expect(requests.length).toBeGreaterThan(DURATION_S * 50);
      expect(samples).toHaveLength(DURATION_S);
      expect(slope).toBeLessThan(MAX_SLOPE);
      expect(server.stdout()).not.toContain("exited unexpectedly");

      server.signal("SIGTERM");
      expect(await server.exited()).toEqual({ code: 0, signal: null });
    },
  );
});
