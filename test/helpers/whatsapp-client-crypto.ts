/**
 * A stand-in for the WhatsApp client's side of the data channel, written with node:crypto only and
 * sharing no code with `src/transport/crypto` (it is the independent check of that code). It
 * encrypts requests the way WhatsApp does, decrypts the endpoint's responses, signs bodies like
 * Meta (`X-Hub-Signature-256`), issues `flow_token_signature` JWTs and encrypts picker media.
 *
 * @example
 * const request = encryptRequest(publicKeyPem, { version: "3.0", action: "ping" });
 * const response = await fetch(url, {
 *   method: "POST",
 *   body: request.body,
 *   headers: { "x-hub-signature-256": signBody(request.body, appSecret) },
 * });
 * expect(request.decryptResponse(await response.text())).toEqual({ data: { status: "active" } });
 */
import {
  constants,
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  publicEncrypt,
  randomBytes,
  type KeyObject,
} from "node:crypto";

/** The three base64 fields WhatsApp posts. */
export interface RequestEnvelope {
  readonly encrypted_flow_data: string;
  readonly encrypted_aes_key: string;
  readonly initial_vector: string;
}

/** An encrypted request, and how to read the endpoint's answer to it. */
export interface ClientRequest {
  readonly envelope: RequestEnvelope;
  /** The HTTP body to POST (`JSON.stringify(envelope)`). */
  readonly body: string;
  /** The AES-128 key and IV this request used (for tests that need them). */
  readonly aesKey: Buffer;
  readonly iv: Buffer;
  /** Decrypts a response body (standard padded base64 required) to its JSON text. */
  decryptResponseText(body: string): string;
  /** Decrypts a response body and parses its JSON. */
  decryptResponse(body: string): unknown;
}

/** Fixed AES key / IV instead of random ones (to reproduce known answers). */
export interface EncryptRequestOptions {
  readonly aesKey?: Uint8Array;
  readonly iv?: Uint8Array;
}

function strictBase64(text: string): Buffer {
  const bytes = Buffer.from(text, "base64");
  if (bytes.toString("base64") !== text)
    throw new Error("the response body is not canonical standard base64");
  return bytes;
}

/**
 * Encrypts `payload` (JSON text, raw bytes, or a value to `JSON.stringify`) as WhatsApp does: a random
 * AES-128 key wrapped with RSA-OAEP-SHA-256 for `publicKeyPem` (PEM text, or a `KeyObject` made once
 * with `createPublicKey` when encrypting many requests), AES-128-GCM with a random 16-byte
 * IV, the tag appended.
 */
export function encryptRequest(
  publicKeyPem: string | KeyObject,
  payload: string | Uint8Array | object,
  options: EncryptRequestOptions = {},
): ClientRequest {
  const aesKey = Buffer.from(options.aesKey ?? randomBytes(16));
  const iv = Buffer.from(options.iv ?? randomBytes(16));
  const plaintext =
    payload instanceof Uint8Array
      ? Buffer.from(payload)
      : Buffer.from(typeof payload === "string" ? payload : JSON.stringify(payload), "utf8");
  const cipher = createCipheriv("aes-128-gcm", aesKey, iv);
  const sealed = Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
  const wrapped = publicEncrypt(
    { key: publicKeyPem, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: "sha256" },
    aesKey,
  );
  const envelope: RequestEnvelope = {
    encrypted_flow_data: sealed.toString("base64"),
    encrypted_aes_key: wrapped.toString("base64"),
    initial_vector: iv.toString("base64"),
  };
  const decryptResponseText = (body: string): string => decryptResponseBody(body, aesKey, iv);
  return {
    envelope,
    body: JSON.stringify(envelope),
    aesKey,
    iv,
    decryptResponseText,
    decryptResponse: (body) => JSON.parse(decryptResponseText(body)) as unknown,
  };
}

/** Decrypts a response body for a request that used `aesKey` and `requestIv` (the IV is flipped here). */
export function decryptResponseBody(body: string, aesKey: Uint8Array, requestIv: Uint8Array): string {
  const sealed = strictBase64(body);
  const flipped = Buffer.from(requestIv.map((byte) => byte ^ 0xff));
  const decipher = createDecipheriv("aes-128-gcm", aesKey, flipped);
  decipher.setAuthTag(sealed.subarray(sealed.length - 16));
  return Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - 16)), decipher.final()]).toString(
    "utf8",
  );
}

/** The `X-Hub-Signature-256` value Meta sends for `rawBody`: `sha256=` + hex HMAC-SHA256. */
export function signBody(rawBody: string | Uint8Array, appSecret: string): string {
  return `sha256=${createHmac("sha256", appSecret).update(rawBody).digest("hex")}`;
}

function base64Url(data: Buffer | string): string {
  return Buffer.from(data).toString("base64url");
}

/** An HS256 JWT over `claims` signed with `appSecret`, like a data API 4.0 `flow_token_signature`. */
export function signJwt(
  claims: Readonly<Record<string, unknown>>,
  appSecret: string,
  header: Readonly<Record<string, unknown>> = { alg: "HS256", typ: "JWT" },
): string {
  const signingInput = `${base64Url(JSON.stringify(header))}.${base64Url(JSON.stringify(claims))}`;
  return `${signingInput}.${base64Url(createHmac("sha256", appSecret).update(signingInput).digest())}`;
}

/** A PhotoPicker/DocumentPicker item as it appears in a request, and the CDN file it points to. */
export interface EncryptedMedia {
  readonly item: {
    readonly media_id: string;
    readonly cdn_url: string;
    readonly file_name: string;
    readonly encryption_metadata: {
      readonly encrypted_hash: string;
      readonly iv: string;
      readonly encryption_key: string;
      readonly hmac_key: string;
      readonly plaintext_hash: string;
    };
  };
  readonly cdnFile: Buffer;
}

/** SHA-256 of `data`, base64 (the digest format of media metadata). */
export function sha256Base64(data: Uint8Array): string {
  return createHash("sha256").update(data).digest("base64");
}

/** Where the encrypted file will be served, and optional fixed parts. */
export interface EncryptMediaOptions {
  readonly fileName: string;
  readonly cdnUrl: string;
  readonly mediaId?: string;
  /** The AES-256 key and IV (random by default). */
  readonly encryptionKey?: Uint8Array;
  readonly iv?: Uint8Array;
  /** Replaces the CBC output, e.g. to build a file with bad padding whose hashes and MAC are right. */
  readonly ciphertext?: Uint8Array;
}

function cbcEncrypt(plaintext: Uint8Array, key: Buffer, iv: Buffer): Buffer {
  const cipher = createCipheriv("aes-256-cbc", key, iv);
  return Buffer.concat([cipher.update(plaintext), cipher.final()]);
}

/**
 * Encrypts a file as WhatsApp stores picker uploads: AES-256-CBC with PKCS#7, then the first 10
 * bytes of HMAC-SHA256(hmac_key, iv ‖ ciphertext) appended.
 */
export function encryptMedia(plaintext: Uint8Array, options: EncryptMediaOptions): EncryptedMedia {
  const encryptionKey = Buffer.from(options.encryptionKey ?? randomBytes(32));
  const hmacKey = randomBytes(32);
  const iv = Buffer.from(options.iv ?? randomBytes(16));
  const ciphertext = Buffer.from(options.ciphertext ?? cbcEncrypt(plaintext, encryptionKey, iv));
  const mac = createHmac("sha256", hmacKey).update(iv).update(ciphertext).digest().subarray(0, 10);
  const cdnFile = Buffer.concat([ciphertext, mac]);
  return {
    item: {
      media_id: options.mediaId ?? randomBytes(8).toString("hex"),
      cdn_url: options.cdnUrl,
      file_name: options.fileName,
      encryption_metadata: {
        encrypted_hash: sha256Base64(cdnFile),
        iv: iv.toString("base64"),
        encryption_key: encryptionKey.toString("base64"),
        hmac_key: hmacKey.toString("base64"),
        plaintext_hash: sha256Base64(plaintext),
      },
    },
    cdnFile,
  };
}
