/**
 * Decrypting the files users send with PhotoPicker and DocumentPicker. The request carries, per
 * file, a WhatsApp CDN URL and the keys; the CDN file is AES-256-CBC ciphertext (PKCS#7) followed by
 * the first 10 bytes of HMAC-SHA256(hmac_key, iv ‖ ciphertext).
 */
import { decodeBase64 } from "./base64.js";
import { constantTimeEqual } from "./constant-time-equal.js";
import { MediaDecryptionError, type FlowMediaCheck } from "./errors.js";
import { mediaTypeForFileName } from "./media-type.js";

/** The keys and digests of one uploaded file, all standard base64. */
export interface FlowMediaEncryptionMetadata {
  readonly encrypted_hash: string;
  readonly iv: string;
  readonly encryption_key: string;
  readonly hmac_key: string;
  readonly plaintext_hash: string;
}

/** One element of a PhotoPicker/DocumentPicker value in a `data_exchange` request. */
export interface FlowMediaItem {
  readonly media_id?: string;
  readonly cdn_url: string;
  readonly file_name: string;
  readonly encryption_metadata: FlowMediaEncryptionMetadata;
}

/** A `fetch`-compatible function (the platform's by default). */
export type FetchLike = (url: string, init?: RequestInit) => Promise<Response>;

/** Settings of `decryptFlowMedia`. */
export interface DecryptFlowMediaOptions {
  /** Downloads the CDN file; defaults to `globalThis.fetch`. */
  readonly fetch?: FetchLike;
  /** Aborts the download. */
  readonly signal?: AbortSignal;
  /** Largest CDN file accepted, in bytes; defaults to `DEFAULT_MAX_MEDIA_BYTES`. */
  readonly maxBytes?: number;
}

/** A decrypted, verified file. */
export interface DecryptedFlowMedia {
  readonly mediaId: string | undefined;
  /** `file_name` as the user's phone reported it. */
  readonly filename: string;
  /** From the file name's extension (see `mediaTypeForFileName`), not from the content. */
  readonly mimeType: string;
  readonly bytes: Uint8Array;
}

/** 25 MiB (the pickers' largest `max-file-size-kb`, 25600) plus padding and MAC. */
export const DEFAULT_MAX_MEDIA_BYTES = 25 * 1024 * 1024 + 32;

const IV_BYTES = 16;
const MAC_BYTES = 10;
const AES_BLOCK = 16;

interface MediaKeys {
  readonly url: string;
  readonly iv: Uint8Array<ArrayBuffer>;
  readonly encryptionKey: Uint8Array<ArrayBuffer>;
  readonly hmacKey: Uint8Array<ArrayBuffer>;
  readonly encryptedHash: Uint8Array<ArrayBuffer>;
  readonly plaintextHash: Uint8Array<ArrayBuffer>;
}

function fail(check: FlowMediaCheck, reason: string, cause?: unknown): never {
  throw new MediaDecryptionError({ check, cause: new Error(reason, { cause }) });
}

function field(record: unknown, name: string): unknown {
  return typeof record === "object" && record !== null
    ? (record as Record<string, unknown>)[name]
    : undefined;
}

function bytesField(
  metadata: unknown,
  name: keyof FlowMediaEncryptionMetadata,
  length?: number,
): Uint8Array<ArrayBuffer> {
  const value = field(metadata, name);
  const bytes = typeof value === "string" ? decodeBase64(value) : undefined;
  if (bytes === undefined || bytes.length === 0)
    fail("metadata", `encryption_metadata.${name} is not base64`);
  if (length !== undefined && bytes.length !== length) {
    fail("metadata", `encryption_metadata.${name} is ${bytes.length} bytes, not ${length}`);
  }
  return bytes;
}

function readKeys(media: unknown): MediaKeys {
  const url = field(media, "cdn_url");
  let protocol: string | undefined;
  try {
    protocol = typeof url === "string" ? new URL(url).protocol : undefined;
  } catch {
    protocol = undefined;
  }
  if (typeof url !== "string" || (protocol !== "https:" && protocol !== "http:")) {
    fail("metadata", "cdn_url is not an http(s) URL");
  }
  if (typeof field(media, "file_name") !== "string") fail("metadata", "file_name is missing");
  const metadata = field(media, "encryption_metadata");
  return {
    url,
    iv: bytesField(metadata, "iv", IV_BYTES),
    encryptionKey: bytesField(metadata, "encryption_key", 32),
    hmacKey: bytesField(metadata, "hmac_key"),
    encryptedHash: bytesField(metadata, "encrypted_hash", 32),
    plaintextHash: bytesField(metadata, "plaintext_hash", 32),
  };
}

/**
 * Downloads the CDN file into one buffer that starts with `iv`, so `iv ‖ ciphertext` (the HMAC's
 * input) and the file itself are views of it, without further copies.
 */
async function download(keys: MediaKeys, options: DecryptFlowMediaOptions): Promise<Uint8Array<ArrayBuffer>> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_MEDIA_BYTES;
  const fetchFile = options.fetch ?? ((url: string, init?: RequestInit) => globalThis.fetch(url, init));
  let response: Response;
  try {
    response = await fetchFile(keys.url, options.signal === undefined ? {} : { signal: options.signal });
  } catch (cause) {
    fail("download", "the CDN request failed", cause);
  }
  const refusal = !response.ok
    ? `the CDN answered HTTP ${response.status}`
    : Number(response.headers.get("content-length") ?? 0) > maxBytes
      ? `the file exceeds ${maxBytes} bytes`
      : undefined;
  if (refusal !== undefined) {
    await response.body?.cancel().catch(() => undefined); // release the connection
    fail("download", refusal);
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    if (response.body === null) {
      chunks.push(new Uint8Array(await response.arrayBuffer()));
      total = chunks[0]?.length ?? 0;
    } else {
      const reader = response.body.getReader();
      for (let next = await reader.read(); !next.done; next = await reader.read()) {
        total += next.value.length;
        if (total > maxBytes) {
          await reader.cancel();
          break;
        }
        chunks.push(next.value);
      }
    }
  } catch (cause) {
    fail("download", "reading the CDN response failed", cause);
  }
  if (total > maxBytes) fail("download", `the file exceeds ${maxBytes} bytes`);
  const buffer = new Uint8Array(IV_BYTES + total);
  buffer.set(keys.iv, 0);
  let offset = IV_BYTES;
  for (const chunk of chunks) {
    buffer.set(chunk, offset);
    offset += chunk.length;
  }
  return buffer;
}

async function sha256(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  return new Uint8Array(await globalThis.crypto.subtle.digest("SHA-256", bytes));
}

/**
 * Downloads a PhotoPicker/DocumentPicker file from the WhatsApp CDN, verifies it and decrypts it.
 *
 * In order, each failure a `MediaDecryptionError` whose `check` names it: the item's shape
 * ("metadata"), the download ("download", also when larger than `maxBytes`), SHA-256 of the CDN
 * file against `encrypted_hash` ("encrypted-hash"), the 10-byte HMAC-SHA256 over iv ‖ ciphertext
 * ("hmac", constant-time), AES-256-CBC with PKCS#7 ("decrypt"), SHA-256 of the result against
 * `plaintext_hash` ("plaintext-hash"). Only verified bytes are returned.
 *
 * @example
 * const [photo] = payload.data.photos as FlowMediaItem[];
 * const { filename, mimeType, bytes } = await decryptFlowMedia(photo, { fetch, signal });
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/flowjson/components/media_upload
 */
export async function decryptFlowMedia(
  media: FlowMediaItem,
  options: DecryptFlowMediaOptions = {},
): Promise<DecryptedFlowMedia> {
  const keys = readKeys(media);
  const subtle = globalThis.crypto.subtle;
  const buffer = await download(keys, options);
  const cdnFile = buffer.subarray(IV_BYTES);
  if (!constantTimeEqual(await sha256(cdnFile), keys.encryptedHash)) {
    fail("encrypted-hash", "SHA-256 of the CDN file differs from encrypted_hash");
  }
  if (cdnFile.length < MAC_BYTES) fail("hmac", "the CDN file is shorter than its MAC");
  const macStart = buffer.length - MAC_BYTES;
  const hmacKey = await subtle.importKey("raw", keys.hmacKey, { name: "HMAC", hash: "SHA-256" }, false, [
    "sign",
  ]);
  const mac = new Uint8Array(await subtle.sign("HMAC", hmacKey, buffer.subarray(0, macStart)));
  if (!constantTimeEqual(mac.subarray(0, MAC_BYTES), buffer.subarray(macStart))) {
    fail("hmac", "HMAC-SHA256(hmac_key, iv ‖ ciphertext) differs from the file's last 10 bytes");
  }
  const ciphertext = buffer.subarray(IV_BYTES, macStart);
  if (ciphertext.length === 0 || ciphertext.length % AES_BLOCK !== 0) {
    fail("decrypt", `the ciphertext is ${ciphertext.length} bytes, not a positive multiple of ${AES_BLOCK}`);
  }
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    const aesKey = await subtle.importKey("raw", keys.encryptionKey, { name: "AES-CBC" }, false, ["decrypt"]);
    bytes = new Uint8Array(await subtle.decrypt({ name: "AES-CBC", iv: keys.iv }, aesKey, ciphertext));
  } catch (cause) {
    fail("decrypt", "AES-256-CBC decryption or PKCS#7 unpadding failed", cause);
  }
  if (!constantTimeEqual(await sha256(bytes), keys.plaintextHash)) {
    fail("plaintext-hash", "SHA-256 of the decrypted file differs from plaintext_hash");
  }
  const filename = media.file_name;
  return {
    mediaId: typeof media.media_id === "string" ? media.media_id : undefined,
    filename,
    mimeType: mediaTypeForFileName(filename),
    bytes,
  };
}
