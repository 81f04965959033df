/**
 * The data channel's encryption: decrypting a flow request (RSA-OAEP-wrapped AES-128 key,
 * AES-128-GCM with a 16-byte IV, tag appended, no AAD) and encrypting its response with the same
 * AES key and the bit-inverted IV.
 */
import { decodeBase64, encodeBase64 } from "./base64.js";
import { DecryptionError, ResponseEncryptionError } from "./errors.js";
import { unwrapAesKey, type FlowKeyring } from "./keyring.js";

/** The HTTP body WhatsApp posts to the endpoint: three standard-base64 strings. */
export interface FlowRequestEnvelope {
  readonly encrypted_flow_data: string;
  readonly encrypted_aes_key: string;
  readonly initial_vector: string;
}

/**
 * A decrypted flow request: its JSON payload, and the means to encrypt the reply to it.
 *
 * The AES key and IV stay inside (the key is a non-extractable CryptoKey); only this request's
 * response can be encrypted with them. Both encryptors may be called detached from the object.
 */
export interface DecryptedFlowRequest {
  /** The request JSON (`version`, `action`, `screen`, `data`, `flow_token`, ...), parsed but not validated. */
  readonly payload: unknown;
  /** Position in the keyring of the private key that opened the request (0 = first). */
  readonly keyIndex: number;
  /**
   * Encrypts `response` (serialised with `JSON.stringify`) as the HTTP response body: standard
   * base64 of AES-128-GCM(ciphertext ‖ 16-byte tag) under the request's key and inverted IV.
   * Rejects with `ResponseEncryptionError` when `response` does not serialise.
   */
  readonly encryptResponse: (response: unknown) => Promise<string>;
  /** Same as `encryptResponse` for JSON text serialised by the caller (sent byte for byte). */
  readonly encryptResponseText: (json: string) => Promise<string>;
}

const GCM_IV_BYTES = 16;
const GCM_TAG_BYTES = 16;
const utf8 = new TextDecoder("utf-8", { fatal: true });
const utf8Encoder = new TextEncoder();

class OpenedFlowRequest implements DecryptedFlowRequest {
  readonly #aesKey: CryptoKey;
  readonly #responseIv: Uint8Array<ArrayBuffer>;

  constructor(
    readonly payload: unknown,
    readonly keyIndex: number,
    aesKey: CryptoKey,
    requestIv: Uint8Array<ArrayBuffer>,
  ) {
    this.#aesKey = aesKey;
    // The request IV was decoded for this request alone and is no longer needed: invert in place.
    for (let i = 0; i < requestIv.length; i++) requestIv[i] = ~(requestIv[i] as number) & 0xff;
    this.#responseIv = requestIv;
  }

  // Arrow-function fields, so the two encryptors can be passed around detached from the request.
  readonly encryptResponse = async (response: unknown): Promise<string> => {
    let json: string | undefined;
    try {
      json = JSON.stringify(response);
    } catch (cause) {
      throw new ResponseEncryptionError({ cause });
    }
    if (json === undefined) {
      throw new ResponseEncryptionError({ cause: new Error("JSON.stringify returned nothing") });
    }
    return this.encryptResponseText(json);
  };

  readonly encryptResponseText = async (json: string): Promise<string> => {
    const sealed = await globalThis.crypto.subtle.encrypt(
      { name: "AES-GCM", iv: this.#responseIv, tagLength: GCM_TAG_BYTES * 8 },
      this.#aesKey,
      utf8Encoder.encode(json),
    );
    return encodeBase64(new Uint8Array(sealed));
  };
}

interface EnvelopeBytes {
  readonly flowData: Uint8Array<ArrayBuffer>;
  readonly wrappedKey: Uint8Array<ArrayBuffer>;
  readonly iv: Uint8Array<ArrayBuffer>;
}

function parseBody(body: unknown): unknown {
  if (typeof body === "string") return JSON.parse(body);
  if (body instanceof Uint8Array || body instanceof ArrayBuffer) return JSON.parse(utf8.decode(body));
  return body;
}

function decodeField(
  envelope: Readonly<Record<string, unknown>>,
  name: keyof FlowRequestEnvelope,
): Uint8Array<ArrayBuffer> {
  const value = envelope[name];
  if (typeof value !== "string") throw new Error(`${name} is missing or not a string`);
  const bytes = decodeBase64(value);
  if (bytes === undefined) throw new Error(`${name} is not canonical standard base64`);
  return bytes;
}

function readEnvelope(body: unknown): EnvelopeBytes {
  const envelope = parseBody(body);
  if (typeof envelope !== "object" || envelope === null || Array.isArray(envelope)) {
    throw new Error("the request body is not a JSON object");
  }
  const fields = envelope as Readonly<Record<string, unknown>>;
  const flowData = decodeField(fields, "encrypted_flow_data");
  const wrappedKey = decodeField(fields, "encrypted_aes_key");
  const iv = decodeField(fields, "initial_vector");
  if (iv.length !== GCM_IV_BYTES)
    throw new Error(`initial_vector is ${iv.length} bytes, not ${GCM_IV_BYTES}`);
  if (flowData.length < GCM_TAG_BYTES) throw new Error("encrypted_flow_data is shorter than the GCM tag");
  return { flowData, wrappedKey, iv };
}

async function openWithKey(
  privateKey: CryptoKey,
  envelope: EnvelopeBytes,
): Promise<{ aesKey: CryptoKey; plaintext: ArrayBuffer }> {
  const aesKey = await unwrapAesKey(privateKey, envelope.wrappedKey);
  const plaintext = await globalThis.crypto.subtle.decrypt(
    { name: "AES-GCM", iv: envelope.iv, tagLength: GCM_TAG_BYTES * 8 },
    aesKey,
    envelope.flowData,
  );
  return { aesKey, plaintext };
}

/**
 * Decrypts a flow request body with the first keyring key that opens it, and returns its payload
 * with a way to encrypt the reply under the same AES key and inverted IV.
 *
 * `body` is the raw HTTP body (bytes or text) or the already-parsed JSON object. Every failure,
 * whatever the step, is one `DecryptionError` with the same message (map it to HTTP 421); the
 * reason is kept in its non-enumerable `cause` for logs. Per request: one RSA unwrap per key
 * tried, one AES key import, no copy of the ciphertext.
 *
 * @example
 * const request = await decryptFlowRequest(rawBody, keyring);
 * const reply = { screen: "WELCOME", data: { name: "Ada" } };
 * return new Response(await request.encryptResponse(reply), { headers: { "content-type": "text/plain" } });
 * @see https://developers.facebook.com/docs/whatsapp/flows/guides/implementingyourflowendpoint
 */
export async function decryptFlowRequest(body: unknown, keyring: FlowKeyring): Promise<DecryptedFlowRequest> {
  let envelope: EnvelopeBytes;
  try {
    envelope = readEnvelope(body);
  } catch (cause) {
    throw new DecryptionError({ cause });
  }
  const failures: unknown[] = [];
  for (const [keyIndex, privateKey] of keyring.keys.entries()) {
    let opened: { aesKey: CryptoKey; plaintext: ArrayBuffer };
    try {
      opened = await openWithKey(privateKey, envelope);
    } catch (cause) {
      failures.push(cause);
      continue;
    }
    let payload: unknown;
    try {
      payload = JSON.parse(utf8.decode(opened.plaintext));
    } catch (cause) {
      throw new DecryptionError({ cause });
    }
    return new OpenedFlowRequest(payload, keyIndex, opened.aesKey, envelope.iv);
  }
  throw new DecryptionError({
    cause: new AggregateError(failures, `no key of the keyring (${keyring.keys.length}) opened the request`),
  });
}
