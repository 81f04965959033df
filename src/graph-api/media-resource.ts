/**
 * The Cloud API media endpoint: `GET /{MEDIA_ID}` for a short-lived URL, then a GET of that URL with the
 * Bearer token, with the file's SHA-256 checked. Used for PhotoPicker/DocumentPicker answers of a
 * completed flow.
 */
import { Schema } from "effect";
import { MediaDownloadError } from "./errors.js";
import { idSegment, type GraphTransport } from "./graph-transport.js";

/**
 * What `GET /{MEDIA_ID}` returns.
 *
 * @see https://developers.facebook.com/docs/whatsapp/cloud-api/reference/media
 */
export const MediaInfo = Schema.Struct({
  id: Schema.String,
  url: Schema.String,
  mime_type: Schema.optionalKey(Schema.String),
  sha256: Schema.optionalKey(Schema.String),
  file_size: Schema.optionalKey(Schema.Union([Schema.Number, Schema.String])),
  messaging_product: Schema.optionalKey(Schema.String),
});
/** The decoded shape of {@link MediaInfo}. */
export type MediaInfo = typeof MediaInfo.Type;

/** A downloaded file. */
export interface DownloadedMedia {
  readonly id: string;
  readonly bytes: Uint8Array<ArrayBuffer>;
  readonly mimeType: string | undefined;
  /** SHA-256 of `bytes`, lower-case hex. */
  readonly sha256: string;
}

/** Hosts Meta serves media from; the access token is sent to these (and to `baseUrl`'s origin) only. */
export const DEFAULT_TRUSTED_MEDIA_HOSTS: readonly string[] = [
  "fbsbx.com",
  "facebook.com",
  "whatsapp.net",
  "fbcdn.net",
];

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

function base64(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/**
 * True when `announced` (hex, or base64 as webhooks write it) is the SHA-256 `digest`.
 *
 * @example
 * sha256Matches(digest, "2YlbC2W1xpIvpYMhEHqEzEHsnmN1NK1MAFKb9zKcqkk=");
 */
export function sha256Matches(digest: Uint8Array, announced: string): boolean {
  const value = announced.trim();
  if (/^[0-9a-fA-F]{64}$/.test(value)) return value.toLowerCase() === hex(digest);
  const normalised = value.replaceAll("-", "+").replaceAll("_", "/").replace(/=*$/, "");
  return normalised === base64(digest).replace(/=*$/, "");
}

/** Options of the media calls. */
export interface MediaResourceOptions {
  /** Extra host suffixes the token may be sent to (beside {@link DEFAULT_TRUSTED_MEDIA_HOSTS}). */
  readonly trustedMediaHosts?: readonly string[];
}

/**
 * The media calls of a client, bound to a transport.
 *
 * @example
 * const file = await client.media.download("1234567890", { sha256: "2YlbC2W1..." });
 * await writeFile("photo.jpg", file.bytes);
 */
export function createMediaResource(transport: GraphTransport, options: MediaResourceOptions = {}) {
  const suffixes = [...DEFAULT_TRUSTED_MEDIA_HOSTS, ...(options.trustedMediaHosts ?? [])];
  const baseOrigin = new URL(transport.baseUrl).origin;
  const trusted = (url: URL): boolean =>
    url.origin === baseOrigin ||
    (url.protocol === "https:" &&
      suffixes.some((suffix) => url.hostname === suffix || url.hostname.endsWith(`.${suffix}`)));

  const get = async (mediaId: string): Promise<MediaInfo> =>
    transport.call({ method: "GET", path: `/${idSegment("mediaId", mediaId)}`, replaySafe: true }, MediaInfo);

  return {
    /** `GET /{MEDIA_ID}`: the download URL (valid for minutes), type, size and SHA-256. */
    get,

    /**
     * Fetches the file: looks up its URL, GETs it with the Bearer token (only on a Meta host or the
     * configured `baseUrl`), and checks the SHA-256 against `expected.sha256` or the announced one.
     */
    download: async (
      mediaId: string,
      expected: { readonly sha256?: string } = {},
    ): Promise<DownloadedMedia> => {
      const info = await get(mediaId);
      let url: URL;
      try {
        url = new URL(info.url);
      } catch {
        throw new MediaDownloadError({
          mediaId,
          reason: "UntrustedHost",
          message: `Media ${mediaId} has no usable URL.`,
        });
      }
      if (!trusted(url)) {
        throw new MediaDownloadError({
          mediaId,
          reason: "UntrustedHost",
          message: `Media ${mediaId} points to ${url.hostname}, not a Meta host; the access token is not sent there. Add the host to trustedMediaHosts if it is yours.`,
        });
      }
      const { bytes, contentType } = await transport.download(url.href, true);
      const digest = new Uint8Array(await globalThis.crypto.subtle.digest("SHA-256", bytes));
      const announced = expected.sha256 ?? info.sha256;
      if (announced !== undefined && !sha256Matches(digest, announced)) {
        throw new MediaDownloadError({
          mediaId,
          reason: "Sha256Mismatch",
          message: `Media ${mediaId} does not match its SHA-256; the download is corrupt or was tampered with. Download it again.`,
        });
      }
      return { id: mediaId, bytes, mimeType: info.mime_type ?? contentType, sha256: hex(digest) };
    },
  };
}

/** The media calls of a client. */
export type MediaResource = ReturnType<typeof createMediaResource>;
