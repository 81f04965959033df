import { describe, expect, it } from "vitest";
import { createRetryPolicy, parseRetryAfter } from "../../src/graph-api/retry-policy.js";

describe("retry policy", () => {
  it("draws each delay in [0, min(max, base * 2^(n-1))] and stops after maxAttempts", () => {
    const high = createRetryPolicy({
      random: () => 0.999,
      baseDelayMs: 100,
      maxDelayMs: 350,
      maxAttempts: 5,
    });
    expect([1, 2, 3, 4].map((attempt) => high.delayBeforeRetry(attempt, undefined))).toEqual([
      99, 199, 349, 349,
    ]);
    expect(high.delayBeforeRetry(5, undefined)).toBeUndefined();
    const low = createRetryPolicy({ random: () => 0 });
    expect(low.delayBeforeRetry(1, undefined)).toBe(0);
  });

  it("follows Retry-After up to maxRetryAfterMs", () => {
    const policy = createRetryPolicy({ maxRetryAfterMs: 5000 });
    expect(policy.delayBeforeRetry(1, 4000)).toBe(4000);
    expect(policy.delayBeforeRetry(1, 6000)).toBeUndefined();
  });

  it("reads Retry-After as seconds or an HTTP date", () => {
    const now = Date.parse("2024-01-01T00:00:00Z");
    expect(parseRetryAfter("120", now)).toBe(120_000);
    expect(parseRetryAfter("Mon, 01 Jan 2024 00:00:30 GMT", now)).toBe(30_000);
    expect(parseRetryAfter("Sun, 31 Dec 2023 23:00:00 GMT", now)).toBe(0);
    expect(parseRetryAfter("soon", now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});
