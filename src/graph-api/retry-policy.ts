/**
 * When and how long the Graph API client waits before trying a request again: exponential backoff with
 * full jitter, `Retry-After` honoured, a bounded number of attempts.
 */
import { GraphApiConfigError } from "./errors.js";

/**
 * Retry settings of the Graph API client.
 *
 * @example
 * createGraphApiClient({ accessToken, retry: { maxAttempts: 5, baseDelayMs: 250 } });
 */
export interface RetryOptions {
  /** Tries in all, the first included (default 4; 1 turns retries off). */
  readonly maxAttempts?: number;
  /** Backoff of the first retry before jitter (default 500 ms); doubles on each retry. */
  readonly baseDelayMs?: number;
  /** Upper bound of one backoff (default 8000 ms). */
  readonly maxDelayMs?: number;
  /** A `Retry-After` longer than this ends the retries instead of waiting (default 60000 ms). */
  readonly maxRetryAfterMs?: number;
  /**
   * Also retry requests that create something (a flow, a message, a template, a migration) after a 5xx,
   * a network error or a timeout. Off by default: Meta has no idempotency key, so such a request may
   * already have been applied and a retry could send a message twice. A 429 is always retried.
   */
  readonly replayUnsafeRequests?: boolean;
  /** Source of randomness for the jitter, in [0, 1) (default `Math.random`). */
  readonly random?: () => number;
  /** How to wait (default `setTimeout`); tests inject one that does not wait. */
  readonly sleep?: (ms: number) => Promise<void>;
}

/** The resolved policy used by the transport. */
export interface RetryPolicy {
  readonly maxAttempts: number;
  readonly replayUnsafeRequests: boolean;
  /**
   * The wait before attempt `failedAttempt + 1`, or `undefined` to give up (attempts used up, or the
   * server asked for a longer pause than `maxRetryAfterMs`).
   */
  readonly delayBeforeRetry: (failedAttempt: number, retryAfterMs: number | undefined) => number | undefined;
  readonly sleep: (ms: number) => Promise<void>;
}

function positiveInteger(
  value: number | undefined,
  fallback: number,
  option: string,
  minimum: number,
): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < minimum) {
    throw new GraphApiConfigError({ option, message: `${option} must be an integer >= ${minimum}.` });
  }
  return value;
}

/**
 * Resolves {@link RetryOptions} into a policy; the delay of retry n is a uniform draw in
 * [0, min(maxDelayMs, baseDelayMs * 2^(n-1))], or exactly `Retry-After` when the server sent one.
 *
 * @example
 * const policy = createRetryPolicy({ random: () => 0.5 });
 * policy.delayBeforeRetry(1, undefined); // 250
 */
export function createRetryPolicy(options: RetryOptions = {}): RetryPolicy {
  const maxAttempts = positiveInteger(options.maxAttempts, 4, "retry.maxAttempts", 1);
  const baseDelayMs = positiveInteger(options.baseDelayMs, 500, "retry.baseDelayMs", 0);
  const maxDelayMs = positiveInteger(options.maxDelayMs, 8000, "retry.maxDelayMs", 0);
  const maxRetryAfterMs = positiveInteger(options.maxRetryAfterMs, 60_000, "retry.maxRetryAfterMs", 0);
  const random = options.random ?? Math.random;
  return {
    maxAttempts,
    replayUnsafeRequests: options.replayUnsafeRequests ?? false,
    delayBeforeRetry: (failedAttempt, retryAfterMs) => {
      if (failedAttempt >= maxAttempts) return undefined;
      if (retryAfterMs !== undefined) return retryAfterMs > maxRetryAfterMs ? undefined : retryAfterMs;
      const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** (failedAttempt - 1));
      return Math.floor(random() * ceiling);
    },
    sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
  };
}

/**
 * Reads a `Retry-After` header (delay in seconds, or an HTTP date) as milliseconds from `now`; `undefined`
 * when absent or unreadable, 0 for a date in the past.
 *
 * @example
 * parseRetryAfter("3", Date.now()); // 3000
 * @see https://www.rfc-editor.org/rfc/rfc9110#field.retry-after
 */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}
