/**
 * Every HTTP status the data endpoint may answer with, in one table. Meta counts any other status as
 * `unexpected_http_status_code` against the flow's health, so nothing outside this table ever leaves it.
 *
 * @example
 * if (!signatureOk) return { status: EndpointStatus.SignatureInvalid, headers: {}, body: "" };
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/error-codes
 */
export const EndpointStatus = {
  /** The request was handled; the body is the encrypted reply. */
  Ok: 200,
  /** The body exceeds the size limit before any decryption is tried. */
  PayloadTooLarge: 413,
  /** The request cannot be decrypted: the client refreshes the public key and retries once. */
  DecryptionFailed: 421,
  /** The flow token is no longer valid (completed, expired or refused): the user must get a new message. */
  FlowTokenInvalid: 427,
  /** `X-Hub-Signature-256` is missing or does not match the app secret. */
  SignatureInvalid: 432,
} as const;

export type EndpointStatus = (typeof EndpointStatus)[keyof typeof EndpointStatus];

/** The default limit on a request body: Meta documents 1 MB for the data channel. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
