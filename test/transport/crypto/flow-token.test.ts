import { createHmac } from "node:crypto";
import { Redacted } from "effect";
import { describe, expect, it } from "vitest";
import {
  createFlowToken,
  validateFlowToken,
  type FlowTokenValidation,
} from "../../../src/transport/index.js";

const secret = Redacted.make("flow-token-secret");
const start = Date.UTC(2026, 2, 1, 9, 30, 0);
let clock = start;
const now = (): number => clock;

function problem(check: FlowTokenValidation): string | undefined {
  return check.valid ? undefined : check.error.problem;
}

describe("createFlowToken", () => {
  it("makes 128-bit URL-safe random tokens that never repeat", async () => {
    const tokens = await Promise.all(Array.from({ length: 2000 }, () => createFlowToken()));
    expect(new Set(tokens).size).toBe(tokens.length);
    for (const token of tokens) {
      expect(token).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(Buffer.from(token, "base64url")).toHaveLength(16);
    }
  });

  it("spreads bits evenly (each bit set in roughly half of the tokens)", async () => {
    const tokens = await Promise.all(Array.from({ length: 2000 }, () => createFlowToken()));
    const counts = new Array<number>(128).fill(0);
    for (const token of tokens) {
      const bytes = Buffer.from(token, "base64url");
      for (let bit = 0; bit < 128; bit++)
        counts[bit] = (counts[bit] as number) + (((bytes[bit >> 3] as number) >> (bit & 7)) & 1);
    }
    // Binomial(2000, 0.5): mean 1000, sd ~22; 1000 +- 150 fails with probability < 1e-10 per bit.
    for (const count of counts) expect(Math.abs(count - 1000)).toBeLessThan(150);
  });

  it("signs a token with an independently checkable HMAC-SHA256", async () => {
    const token = await createFlowToken({ secret, expiresInSeconds: 60, now });
    const [nonce, expiry, mac] = token.split(".");
    expect(nonce).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(Number(expiry)).toBe(start / 1000 + 60);
    const expected = createHmac("sha256", "flow-token-secret")
      .update(`flowmachine-flow-token-v1:${nonce}.${expiry}`)
      .digest("base64url");
    expect(mac).toBe(expected);
    expect(token).toMatch(/^[A-Za-z0-9_.-]+$/);
  });

  it.each([
    ["an expiry without a secret", { expiresInSeconds: 60 }, /pass `secret`/],
    ["a zero expiry", { secret, expiresInSeconds: 0 }, /positive number/],
    ["an infinite expiry", { secret, expiresInSeconds: Infinity }, /positive number/],
    ["an empty secret", { secret: Redacted.make("") }, /empty/],
  ])("rejects %s", async (_name, options, message) => {
    const outcome = createFlowToken(options);
    await expect(outcome).rejects.toMatchObject({ _tag: "CryptoConfigError" });
    await expect(outcome).rejects.toThrow(message);
  });
});

describe("validateFlowToken", () => {
  it("accepts a signed token until it expires, reporting when it does", async () => {
    clock = start;
    const token = await createFlowToken({ secret, expiresInSeconds: 3600, now });
    const fresh = await validateFlowToken(token, { secret, now });
    expect(fresh).toEqual({ valid: true, expiresAt: new Date(start + 3600_000) });
    clock = start + 3600_000 - 1;
    expect((await validateFlowToken(token, { secret, now })).valid).toBe(true);
    clock = start + 3600_000;
    const late = await validateFlowToken(token, { secret, now });
    expect(problem(late)).toBe("expired");
    expect(late.valid ? "" : late.error.message).toMatch(/expired.*new flow message/);
    expect(late.valid ? "" : late.error._tag).toBe("InvalidFlowTokenError");
  });

  it("accepts a signed token without expiry at any time", async () => {
    const token = await createFlowToken({ secret });
    expect(token.split(".")).toHaveLength(2);
    clock = start + 10 * 365 * 86400_000;
    expect(await validateFlowToken(token, { secret, now })).toEqual({ valid: true, expiresAt: undefined });
  });

  it("refuses a token signed with another secret, until that secret is listed (rotation)", async () => {
    const old = Redacted.make("old-secret");
    const token = await createFlowToken({ secret: old });
    expect(problem(await validateFlowToken(token, { secret }))).toBe("bad-signature");
    expect((await validateFlowToken(token, { secret: [secret, old] })).valid).toBe(true);
  });

  it("signs with the first secret of a list", async () => {
    const token = await createFlowToken({ secret: [secret, Redacted.make("old-secret")] });
    expect((await validateFlowToken(token, { secret })).valid).toBe(true);
  });

  it("calls a pushed-back expiry a bad signature, not a valid token", async () => {
    clock = start;
    const token = await createFlowToken({ secret, expiresInSeconds: 10, now });
    const [nonce, expiry, mac] = token.split(".");
    const forged = `${nonce}.${Number(expiry) + 86400}.${mac}`;
    expect(problem(await validateFlowToken(forged, { secret, now }))).toBe("bad-signature");
  });

  it.each([
    ["an unsigned token", "Q2hlY2tpbmcgdG9rZW5zISE"],
    ["an empty string", ""],
    ["too many parts", "a.b.c.d"],
    ["a short nonce", `AAAA.${"A".repeat(43)}`],
    ["a MAC that is not base64url", `${"A".repeat(22)}.${"!".repeat(43)}`],
    ["a non-numeric expiry", `${"A".repeat(22)}.soon.${"A".repeat(43)}`],
    ["an expiry with a leading zero", `${"A".repeat(22)}.0123.${"A".repeat(43)}`],
    ["a non-string", 42 as unknown as string],
  ])("calls %s malformed", async (_name, token) => {
    expect(problem(await validateFlowToken(token, { secret, now }))).toBe("malformed");
  });
});
