/**
 * Flow tokens: the session id the business puts in a flow message and WhatsApp sends back on every
 * request. They are unpredictable (128 random bits) and may carry an HMAC and an expiry, so the
 * endpoint can refuse a forged or stale token before any store lookup.
 *
 * Formats (all characters URL-safe):
 * - unsigned: `NONCE`, 22 characters of base64url (16 random bytes);
 * - signed: `NONCE.MAC`, or `NONCE.EXP.MAC` with an expiry, where EXP is the expiry in Unix
 *   seconds (decimal) and MAC is base64url(HMAC-SHA256(secret, "flowmachine-flow-token-v1:" +
 *   everything before ".MAC")), 43 characters.
 */
import { decodeBase64Url, encodeBase64Url } from "./base64.js";
import { CryptoConfigError, InvalidFlowTokenError, type FlowTokenProblem } from "./errors.js";
import { hmacKeys, type SecretInput } from "./hmac-key.js";

/** Settings of `createFlowToken`; without `secret` the token is random only. */
export interface CreateFlowTokenOptions {
  /** Signs the token (with the first secret when several are given). */
  readonly secret?: SecretInput;
  /** Makes the token expire this many seconds from now; needs `secret`. */
  readonly expiresInSeconds?: number;
  /** Current time in milliseconds since the epoch; defaults to `Date.now`. */
  readonly now?: () => number;
}

/** Settings of `validateFlowToken`. */
export interface ValidateFlowTokenOptions {
  /** The signing secret; during a rotation, the new and the old one. */
  readonly secret: SecretInput;
  /** Current time in milliseconds since the epoch; defaults to `Date.now`. */
  readonly now?: () => number;
}

/** The outcome of `validateFlowToken`. */
export type FlowTokenValidation =
  | { readonly valid: true; readonly expiresAt: Date | undefined }
  | { readonly valid: false; readonly error: InvalidFlowTokenError };

const NONCE_BYTES = 16;
const MAC_BYTES = 32;
const MAC_CONTEXT = "flowmachine-flow-token-v1:";
const expiryPattern = /^[1-9][0-9]{0,11}$/;
const utf8 = new TextEncoder();

function macInput(signedPart: string): Uint8Array<ArrayBuffer> {
  return utf8.encode(MAC_CONTEXT + signedPart);
}

/**
 * Creates a new flow token: 128 random bits, URL-safe, optionally signed and given an expiry.
 *
 * Two calls never return the same token (collision chance 2^-128 per pair); a signed token can be
 * checked by `validateFlowToken` without a lookup. An expiry without a secret, or a non-positive
 * expiry, is a `CryptoConfigError`.
 *
 * @example
 * const secret = Redacted.make(process.env.FLOW_TOKEN_SECRET ?? "");
 * const flowToken = await createFlowToken({ secret, expiresInSeconds: 24 * 3600 });
 * await sendFlowMessage({ to, flowId, flowToken });
 * @see https://developers.facebook.com/docs/whatsapp/flows/guides/implementingyourflowendpoint
 */
export async function createFlowToken(options: CreateFlowTokenOptions = {}): Promise<string> {
  const nonce = encodeBase64Url(globalThis.crypto.getRandomValues(new Uint8Array(NONCE_BYTES)));
  const { secret, expiresInSeconds } = options;
  if (expiresInSeconds !== undefined && !(Number.isFinite(expiresInSeconds) && expiresInSeconds > 0)) {
    throw new CryptoConfigError({
      message: "createFlowToken: expiresInSeconds must be a positive number of seconds.",
    });
  }
  if (secret === undefined) {
    if (expiresInSeconds !== undefined) {
      throw new CryptoConfigError({
        message: "createFlowToken: an expiry can only be checked on a signed token; pass `secret` as well.",
      });
    }
    return nonce;
  }
  const [key] = await hmacKeys(secret, "createFlowToken (the flow token secret)");
  const signedPart =
    expiresInSeconds === undefined
      ? nonce
      : `${nonce}.${Math.ceil(((options.now ?? Date.now)() + expiresInSeconds * 1000) / 1000)}`;
  const mac = await globalThis.crypto.subtle.sign("HMAC", key as CryptoKey, macInput(signedPart));
  return `${signedPart}.${encodeBase64Url(new Uint8Array(mac))}`;
}

function invalid(problem: FlowTokenProblem): FlowTokenValidation {
  return { valid: false, error: new InvalidFlowTokenError({ problem }) };
}

/**
 * Checks a signed flow token made by `createFlowToken`: well formed, signed with one of the
 * secrets (constant-time HMAC verification), not expired at `now()`.
 *
 * Resolves `{ valid: false, error }` with `error.problem` "malformed", "bad-signature" or
 * "expired" (the signature is checked before the expiry, so a forged expiry reads as
 * "bad-signature"); it rejects only for a bad configuration (`CryptoConfigError`).
 *
 * @example
 * const check = await validateFlowToken(payload.flow_token, { secret });
 * if (!check.valid) return { status: 427 }; // the flow token is no longer valid
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/error-codes
 */
export async function validateFlowToken(
  token: string,
  options: ValidateFlowTokenOptions,
): Promise<FlowTokenValidation> {
  const keys = await hmacKeys(options.secret, "validateFlowToken (the flow token secret)");
  if (typeof token !== "string") return invalid("malformed");
  const parts = token.split(".");
  if (parts.length !== 2 && parts.length !== 3) return invalid("malformed");
  const nonce = decodeBase64Url(parts[0] as string);
  const expiry = parts.length === 3 ? (parts[1] as string) : undefined;
  const mac = decodeBase64Url(parts[parts.length - 1] as string);
  if (nonce?.length !== NONCE_BYTES || mac?.length !== MAC_BYTES) return invalid("malformed");
  if (expiry !== undefined && !expiryPattern.test(expiry)) return invalid("malformed");
  const signed = macInput(token.slice(0, token.lastIndexOf(".")));
  let authentic = false;
  for (const key of keys) {
    if (await globalThis.crypto.subtle.verify("HMAC", key, mac, signed)) {
      authentic = true;
      break;
    }
  }
  if (!authentic) return invalid("bad-signature");
  if (expiry === undefined) return { valid: true, expiresAt: undefined };
  const expiresAt = new Date(Number(expiry) * 1000);
  if ((options.now ?? Date.now)() >= expiresAt.getTime()) return invalid("expired");
  return { valid: true, expiresAt };
}
