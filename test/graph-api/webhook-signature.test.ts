import { Redacted } from "effect";
import { describe, expect, it } from "vitest";
import { signWebhookBody, verifyWebhookSignature } from "../../src/graph-api/webhook-signature.js";
import { signature } from "../helpers/webhook-deliveries.js";

const body = new TextEncoder().encode('{"object":"whatsapp_business_account","entry":[]}');
const secrets = [Redacted.make("current-secret"), Redacted.make("previous-secret")];

describe("X-Hub-Signature-256", () => {
  it("signs like an independent HMAC-SHA256 over the raw bytes", async () => {
    expect(await signWebhookBody(body, secrets[0] as Redacted.Redacted<string>)).toBe(
      signature(Buffer.from(body), "current-secret"),
    );
  });

  it("accepts a signature by any configured secret, in upper or lower case hex", async () => {
    expect(await verifyWebhookSignature(body, signature(Buffer.from(body), "previous-secret"), secrets)).toBe(
      true,
    );
    const upper = `sha256=${signature(Buffer.from(body), "current-secret").slice("sha256=".length).toUpperCase()}`;
    expect(await verifyWebhookSignature(body, upper, secrets)).toBe(true);
  });

  it("refuses a missing, malformed, truncated or foreign signature", async () => {
    const good = signature(Buffer.from(body), "current-secret");
    for (const header of [
      undefined,
      "",
      good.slice(7),
      good.slice(0, -2),
      good.replace("sha256=", "sha1="),
      signature(Buffer.from(body), "other"),
    ]) {
      expect(await verifyWebhookSignature(body, header, secrets)).toBe(false);
    }
    expect(await verifyWebhookSignature(new TextEncoder().encode("tampered"), good, secrets)).toBe(false);
  });
});
