/**
 * The `X-Hub-Signature-256` check: `sha256=<hex HMAC-SHA256(app secret, raw body)>`, which Meta
 * puts on every data-endpoint request (and on webhooks).
 */
import { hmacKeys, type SecretInput } from "./hmac-key.js";

/**
 * Request headers as adapters hold them: a fetch `Headers`, or a plain record (Node's
 * `IncomingHttpHeaders`, any key case) whose values are strings or arrays of strings.
 */
export type HeadersInput = Headers | Readonly<Record<string, string | readonly string[] | undefined>>;

/** The raw request body as received, before any JSON parsing. */
export type RawBody = Uint8Array | ArrayBuffer | string;

/** The name of the signature header, lower case. */
export const HUB_SIGNATURE_HEADER = "x-hub-signature-256";

const signaturePattern = /^sha256=([0-9a-fA-F]{64})$/;
const utf8 = new TextEncoder();

/** The single value of header `name` (case-insensitive); `undefined` when absent or repeated. */
export function readHeader(headers: HeadersInput, name: string): string | undefined {
  if (typeof Headers === "function" && headers instanceof Headers) return headers.get(name) ?? undefined;
  const wanted = name.toLowerCase();
  let found: string | undefined;
  let count = 0;
  for (const [key, value] of Object.entries(headers as Readonly<Record<string, unknown>>)) {
    if (key.toLowerCase() !== wanted || value === undefined) continue;
    const values: readonly unknown[] = Array.isArray(value) ? value : [value];
    for (const item of values) {
      if (typeof item === "string") found = item;
      count++;
    }
  }
  return count === 1 ? found : undefined;
}

function parseSignature(header: string | undefined): Uint8Array<ArrayBuffer> | undefined {
  const hex = header === undefined ? undefined : signaturePattern.exec(header)?.[1];
  if (hex === undefined) return undefined;
  const bytes = new Uint8Array(32);
  for (let i = 0; i < 32; i++) bytes[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

/** `body` as bytes WebCrypto accepts, copying only when the view is not over a plain ArrayBuffer. */
export function rawBodyBytes(body: RawBody): Uint8Array<ArrayBuffer> {
  if (typeof body === "string") return utf8.encode(body);
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  return body.buffer instanceof ArrayBuffer ? (body as Uint8Array<ArrayBuffer>) : new Uint8Array(body);
}

/**
 * Checks `X-Hub-Signature-256` against the raw body with the app secret(s), in constant time.
 *
 * Resolves `false` when the header is missing, repeated, malformed or matches no secret (the
 * endpoint answers 432); it rejects only for a bad configuration (`CryptoConfigError`). Give the
 * exact bytes received: re-serialised JSON does not match. During an app-secret rotation pass both
 * secrets; each `Redacted` secret's HMAC key is imported once and cached.
 *
 * @example
 * const appSecret = Redacted.make(process.env.META_APP_SECRET ?? "");
 * if (!(await verifyHubSignature(rawBody, request.headers, appSecret))) return new Response(null, { status: 432 });
 * @see https://developers.facebook.com/docs/whatsapp/flows/guides/implementingyourflowendpoint#request-signature-validation
 */
export async function verifyHubSignature(
  rawBody: RawBody,
  headers: HeadersInput,
  appSecret: SecretInput,
): Promise<boolean> {
  const keys = await hmacKeys(appSecret, "verifyHubSignature (the Meta app secret)");
  const signature = parseSignature(readHeader(headers, HUB_SIGNATURE_HEADER));
  if (signature === undefined) return false;
  const body = rawBodyBytes(rawBody);
  for (const key of keys) {
    // WebCrypto's HMAC verify compares the MACs in constant time.
    if (await globalThis.crypto.subtle.verify("HMAC", key, signature, body)) return true;
  }
  return false;
}
