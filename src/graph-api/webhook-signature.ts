/**
 * `X-Hub-Signature-256` of webhook deliveries: `sha256=` + hex HMAC-SHA256 of the raw body with the app
 * secret, checked in constant time against every secret still accepted (rotation).
 */
import { Redacted } from "effect";

const encoder = new TextEncoder();

function hexToBytes(hex: string): Uint8Array<ArrayBuffer> | undefined {
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) return undefined;
  const bytes = new Uint8Array(32);
  for (let index = 0; index < 32; index += 1)
    bytes[index] = Number.parseInt(hex.slice(index * 2, index * 2 + 2), 16);
  return bytes;
}

function importSecret(secret: Redacted.Redacted<string>, usage: "sign" | "verify"): Promise<CryptoKey> {
  return globalThis.crypto.subtle.importKey(
    "raw",
    encoder.encode(Redacted.value(secret)),
    { name: "HMAC", hash: "SHA-256" },
    false,
    [usage],
  );
}

/**
 * True when `header` is a valid signature of `rawBody` under one of `secrets`. WebCrypto's HMAC verify
 * compares in constant time; every secret is tried, so the time taken does not tell which one matched.
 *
 * @example
 * const ok = await verifyWebhookSignature(rawBody, headers["x-hub-signature-256"], [Redacted.make(appSecret)]);
 * @see https://developers.facebook.com/docs/graph-api/webhooks/getting-started#event-notifications
 */
export async function verifyWebhookSignature(
  rawBody: Uint8Array<ArrayBuffer>,
  header: string | undefined,
  secrets: readonly Redacted.Redacted<string>[],
): Promise<boolean> {
  const match = header === undefined ? null : /^sha256=([0-9a-fA-F]{64})$/.exec(header.trim());
  const signature = match?.[1] === undefined ? undefined : hexToBytes(match[1]);
  if (signature === undefined) return false;
  let valid = false;
  for (const secret of secrets) {
    const key = await importSecret(secret, "verify");
    const matches = await globalThis.crypto.subtle.verify("HMAC", key, signature, rawBody);
    valid = valid || matches;
  }
  return valid;
}

/**
 * The `X-Hub-Signature-256` value Meta would send for `rawBody`; for tests and local replays of
 * recorded deliveries.
 *
 * @example
 * const header = await signWebhookBody(JSON.stringify(update), Redacted.make("app-secret"));
 */
export async function signWebhookBody(
  rawBody: Uint8Array<ArrayBuffer> | string,
  secret: Redacted.Redacted<string>,
): Promise<string> {
  const bytes = typeof rawBody === "string" ? encoder.encode(rawBody) : rawBody;
  const mac = new Uint8Array(
    await globalThis.crypto.subtle.sign("HMAC", await importSecret(secret, "sign"), bytes),
  );
  return `sha256=${Array.from(mac, (byte) => byte.toString(16).padStart(2, "0")).join("")}`;
}
