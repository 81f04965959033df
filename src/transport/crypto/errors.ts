/**
 * Errors raised by the data endpoint's cryptography. Decryption and signature errors are generic
 * on purpose: their message never says which step failed (that would be an oracle for an
 * attacker); the underlying reason travels in the non-enumerable `cause`, for server logs only.
 * Secrets and key material never appear in any of them.
 */
import { Data } from "effect";

/**
 * A flow request could not be decrypted: bad body, bad base64, wrong lengths, no key of the
 * keyring fits, failed GCM authentication or a plaintext that is not UTF-8 JSON, all alike.
 *
 * The endpoint answers HTTP 421, which makes the WhatsApp client re-fetch the public key and retry.
 *
 * @example
 * try {
 *   await decryptFlowRequest(rawBody, keyring);
 * } catch (error) {
 *   if (error instanceof DecryptionError) return { status: 421 };
 *   throw error;
 * }
 * @see https://developers.facebook.com/docs/whatsapp/flows/guides/implementingyourflowendpoint
 */
export class DecryptionError extends Data.TaggedError("DecryptionError")<{ readonly cause?: unknown }> {
  override get message(): string {
    return (
      "The flow request could not be decrypted. Answer HTTP 421 so the WhatsApp client re-fetches " +
      "the business public key; if it keeps happening, upload the public half of a configured " +
      "private key for this phone number."
    );
  }
}

/**
 * A response could not be encrypted because it does not serialise to JSON (a BigInt, a cycle, or
 * a value `JSON.stringify` turns into nothing).
 *
 * @example
 * await request.encryptResponse({ data: { count: 1n } }); // rejects with ResponseEncryptionError
 */
export class ResponseEncryptionError extends Data.TaggedError("ResponseEncryptionError")<{
  readonly cause?: unknown;
}> {
  override get message(): string {
    return (
      "The flow response could not be serialised as JSON. Return plain objects, arrays, strings, " +
      "finite numbers, booleans and null only (no BigInt, no cycles, no undefined at the top)."
    );
  }
}

/** Why a private key was refused. */
export type PrivateKeyProblem = "encrypted" | "passphrase" | "public-key" | "not-rsa-oaep" | "unreadable";

const privateKeyMessages: Readonly<Record<PrivateKeyProblem, string>> = {
  encrypted:
    "The private key PEM is encrypted with a passphrase, which WebCrypto cannot open. On Node, " +
    "load it with loadFlowPrivateKey(pem, { passphrase }) from 'flowmachine/transport/node'; " +
    "elsewhere, store the key unencrypted as PKCS#8 in your secret store " +
    "(openssl pkcs8 -topk8 -nocrypt -in private.pem).",
  passphrase:
    "The private key PEM could not be decrypted: the passphrase is missing or wrong. Pass the " +
    "passphrase it was created with as Redacted.make(...).",
  "public-key":
    "This is a public key. Configure the private half here and upload the public half to the " +
    "phone number (POST /{PHONE_NUMBER_ID}/whatsapp_business_encryption).",
  "not-rsa-oaep":
    "The key is not an RSA private key usable for RSA-OAEP with SHA-256. Use a 2048-bit RSA key; " +
    "a CryptoKey must be imported as { name: 'RSA-OAEP', hash: 'SHA-256' } with the 'decrypt' or " +
    "'unwrapKey' usage.",
  unreadable:
    "The private key could not be read. Give a PKCS#8 ('BEGIN PRIVATE KEY') or PKCS#1 " +
    "('BEGIN RSA PRIVATE KEY') PEM with real newlines, PKCS#8 DER bytes, an RSA JWK or a CryptoKey.",
};

/**
 * A configured private key cannot be used: it is encrypted, not RSA, a public key, or unreadable.
 *
 * Raised at start-up by `createFlowKeyring` (and by the Node loader), never per request.
 *
 * @example
 * await createFlowKeyring(encryptedPem); // rejects: PrivateKeyError, problem "encrypted"
 */
export class PrivateKeyError extends Data.TaggedError("PrivateKeyError")<{
  readonly problem: PrivateKeyProblem;
  readonly cause?: unknown;
}> {
  override get message(): string {
    return privateKeyMessages[this.problem];
  }
}

/**
 * A `flow_token_signature` (data API 4.0) did not verify: bad JWT, wrong secret, expired, or a
 * token claim that does not match the request's `flow_token`, all alike.
 *
 * The reason is kept in `cause` for logs only.
 *
 * @example
 * await verifyFlowTokenSignature(payload.flow_token, payload.flow_token_signature, { appSecret });
 * @see https://developers.facebook.com/docs/whatsapp/flows/guides/implementingyourflowendpoint
 */
export class FlowTokenSignatureError extends Data.TaggedError("FlowTokenSignatureError")<{
  readonly cause?: unknown;
}> {
  override get message(): string {
    return (
      "The flow_token_signature did not verify. Treat the request as not coming from WhatsApp, and " +
      "check that the configured app secret is the one of the Meta app connected to the flow."
    );
  }
}

/** Why a flow token was refused by `validateFlowToken`. */
export type FlowTokenProblem = "malformed" | "bad-signature" | "expired";

const flowTokenMessages: Readonly<Record<FlowTokenProblem, string>> = {
  malformed: "The flow token is not a signed flowmachine token. Send the user a new flow message.",
  "bad-signature":
    "The flow token's signature does not match the configured secret. Send the user a new flow " +
    "message; keep the old secret in the list while rotating.",
  expired: "The flow token has expired. Send the user a new flow message with a fresh token.",
};

/**
 * A flow token failed `validateFlowToken`; `problem` says whether it was malformed, forged or expired.
 *
 * The endpoint answers HTTP 427 for all three.
 *
 * @example
 * const check = await validateFlowToken(token, { secret });
 * if (!check.valid) console.warn(check.error.problem);
 */
export class InvalidFlowTokenError extends Data.TaggedError("InvalidFlowTokenError")<{
  readonly problem: FlowTokenProblem;
}> {
  override get message(): string {
    return flowTokenMessages[this.problem];
  }
}

/** Which check of the media decryption failed, in the order they run. */
export type FlowMediaCheck =
  "metadata" | "download" | "encrypted-hash" | "hmac" | "decrypt" | "plaintext-hash";

const mediaMessages: Readonly<Record<FlowMediaCheck, string>> = {
  metadata:
    "The media item is malformed: it needs cdn_url (http or https), file_name and " +
    "encryption_metadata with base64 encrypted_hash, iv (16 bytes), encryption_key (32 bytes), " +
    "hmac_key and plaintext_hash. Pass one element of the picker's array as received.",
  download:
    "The encrypted media file could not be downloaded from cdn_url. Files stay on the WhatsApp CDN " +
    "for 20 days; retry later or ask the user to upload the file again.",
  "encrypted-hash":
    "The downloaded media file does not match encrypted_hash: it is incomplete or not the file " +
    "the request describes.",
  hmac: "The media file's HMAC does not match hmac_key: the file was altered or the keys are wrong.",
  decrypt: "The media file could not be decrypted with AES-256-CBC (bad length or padding).",
  "plaintext-hash": "The decrypted media does not match plaintext_hash.",
};

/**
 * Decrypting a PhotoPicker/DocumentPicker file failed; `check` names the check that failed.
 *
 * Media errors are specific on purpose: the file is the user's, and the checks guard integrity.
 *
 * @example
 * try {
 *   await decryptFlowMedia(item);
 * } catch (error) {
 *   if (error instanceof MediaDecryptionError && error.check === "download") retryLater();
 * }
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/flowjson/components/media_upload
 */
export class MediaDecryptionError extends Data.TaggedError("MediaDecryptionError")<{
  readonly check: FlowMediaCheck;
  readonly cause?: unknown;
}> {
  override get message(): string {
    return mediaMessages[this.check];
  }
}

/**
 * A crypto helper was configured wrongly (no key, no secret, an empty secret, a bad expiry).
 *
 * Raised when the helper is called, with a message that says what to pass instead.
 *
 * @example
 * verifyHubSignature(body, headers, []); // rejects: CryptoConfigError
 */
export class CryptoConfigError extends Data.TaggedError("CryptoConfigError")<{
  readonly message: string;
}> {}

/**
 * A key file already exists where `writeFlowKeyPair` (or `flowmachine keys generate`) would write.
 *
 * Existing keys are never overwritten unless asked, since the uploaded public key depends on them.
 *
 * @example
 * await writeFlowKeyPair("keys"); // rejects when keys/private.pem exists
 */
export class KeyFileExistsError extends Data.TaggedError("KeyFileExistsError")<{
  readonly path: string;
}> {
  override get message(): string {
    return (
      `${this.path} already exists. Keep it (its public half may already be uploaded), choose ` +
      "another folder, or overwrite it deliberately (--force)."
    );
  }
}
