import fc from "fast-check";
import { Redacted } from "effect";
import { describe, expect, it } from "vitest";
import { verifyHubSignature } from "../../../src/transport/index.js";
import { signBody } from "../../helpers/whatsapp-client-crypto.js";

const secretText = fc.string({ minLength: 1, maxLength: 40, unit: "grapheme" });
const body = fc.uint8Array({ maxLength: 300 });

describe("verifyHubSignature accepts exactly the right secret", () => {
  it("accepts the signer's secret and refuses any other", async () => {
    await fc.assert(
      fc.asyncProperty(body, secretText, secretText, async (raw, secret, other) => {
        fc.pre(secret !== other);
        const headers = { "x-hub-signature-256": signBody(raw, secret) };
        expect(await verifyHubSignature(raw, headers, Redacted.make(secret))).toBe(true);
        expect(await verifyHubSignature(raw, headers, Redacted.make(other))).toBe(false);
        expect(await verifyHubSignature(raw, headers, [Redacted.make(other), Redacted.make(secret)])).toBe(
          true,
        );
      }),
      { numRuns: 200 },
    );
  });

  it("refuses any single-byte change to the body or the signature", async () => {
    const change = fc.record({
      raw: body.filter((raw) => raw.length > 0),
      secret: secretText,
      at: fc.nat(),
      delta: fc.integer({ min: 1, max: 255 }),
    });
    await fc.assert(
      fc.asyncProperty(change, async ({ raw, secret, at, delta }) => {
        const header = signBody(raw, secret);
        const changedBody = raw.slice();
        const i = at % raw.length;
        changedBody[i] = ((changedBody[i] as number) + delta) % 256;
        const key = Redacted.make(secret);
        expect(await verifyHubSignature(changedBody, { "x-hub-signature-256": header }, key)).toBe(false);
        const j = 7 + (at % 64);
        const hex = "0123456789abcdef";
        const swapped = hex[(hex.indexOf(header[j] as string) + 1 + (delta % 15)) % 16] as string;
        const changedHeader = header.slice(0, j) + swapped + header.slice(j + 1);
        expect(await verifyHubSignature(raw, { "x-hub-signature-256": changedHeader }, key)).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});
