/**
 * The restart budget of the `serve` cluster primary: at most `maxRestarts` worker replacements within
 * any `windowMs`, so a worker that crashes at once every time stops the server instead of making it
 * fork forever.
 *
 * @example
 * const limiter = createRestartLimiter({ maxRestarts: 10, windowMs: 60_000 });
 * const { allowed, recent } = limiter.record();
 * if (!allowed) giveUp(`${recent} restarts in a minute`);
 */

/** How many unexpected worker exits are replaced within a time window. */
export interface RestartPolicy {
  readonly maxRestarts: number;
  readonly windowMs: number;
}

export const DEFAULT_RESTART_POLICY: RestartPolicy = { maxRestarts: 10, windowMs: 60_000 };

/** Counts restarts in a sliding window. */
export interface RestartLimiter {
  /** Records one exit; `allowed` is false once the window holds more than `maxRestarts`. */
  record(): { readonly allowed: boolean; readonly recent: number };
}

/** Creates a limiter on `now` (epoch milliseconds; injectable for tests). */
export function createRestartLimiter(policy: RestartPolicy, now: () => number = Date.now): RestartLimiter {
  const times: number[] = [];
  return {
    record() {
      const at = now();
      times.push(at);
      while (times.length > 0 && (times[0] as number) <= at - policy.windowMs) times.shift();
      return { allowed: times.length <= policy.maxRestarts, recent: times.length };
    },
  };
}
