import fc from "fast-check";
import { Redacted } from "effect";
import { describe, expect, it } from "vitest";
import { createFlowToken, validateFlowToken } from "../../../src/transport/index.js";

const secret = Redacted.make("property-secret");
const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.";

describe("signed flow tokens", () => {
  it("validate as made, and any single-character change makes them invalid", async () => {
    const now = (): number => Date.UTC(2026, 0, 1);
    await fc.assert(
      fc.asyncProperty(
        fc.option(fc.integer({ min: 1, max: 10 ** 7 }), { nil: undefined }),
        fc.nat(),
        fc.constantFrom(...alphabet),
        async (expiresInSeconds, at, replacement) => {
          const token = await createFlowToken({
            secret,
            now,
            ...(expiresInSeconds === undefined ? {} : { expiresInSeconds }),
          });
          expect((await validateFlowToken(token, { secret, now })).valid).toBe(true);
          const i = at % token.length;
          fc.pre(token[i] !== replacement);
          const changed = token.slice(0, i) + replacement + token.slice(i + 1);
          const check = await validateFlowToken(changed, { secret, now });
          expect(check.valid).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });
});
