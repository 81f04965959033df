import { describe, expect, it } from "vitest";
import { createRestartLimiter } from "../../../src/cli/serve/restart-limiter.js";

describe("createRestartLimiter", () => {
  it("allows maxRestarts within the window, refuses the next, and allows again once old ones age out", () => {
    let now = 0;
    const limiter = createRestartLimiter({ maxRestarts: 3, windowMs: 1_000 }, () => now);
    expect([limiter.record(), limiter.record(), limiter.record()]).toEqual([
      { allowed: true, recent: 1 },
      { allowed: true, recent: 2 },
      { allowed: true, recent: 3 },
    ]);
    now = 500;
    expect(limiter.record()).toEqual({ allowed: false, recent: 4 });
    now = 1_000; // the three at t=0 left the window
    expect(limiter.record()).toEqual({ allowed: true, recent: 2 });
  });

  it("never refuses restarts spread wider than the window", () => {
    let now = 0;
    const limiter = createRestartLimiter({ maxRestarts: 1, windowMs: 100 }, () => now);
    for (let index = 0; index < 50; index += 1) {
      now += 100;
      expect(limiter.record().allowed).toBe(true);
    }
  });
});
