/**
 * `flowmachine/transport`: the data endpoint's building blocks that run on any runtime with
 * WebCrypto (Node, Bun, Deno, Workers): request decryption and response encryption, the
 * `X-Hub-Signature-256` check, `flow_token_signature` verification, flow tokens and media
 * decryption. Node-only helpers (passphrase-protected keys, key-pair files) are in
 * `flowmachine/transport/node`.
 */
export {
  CryptoConfigError,
  DecryptionError,
  FlowTokenSignatureError,
  InvalidFlowTokenError,
  KeyFileExistsError,
  MediaDecryptionError,
  PrivateKeyError,
  ResponseEncryptionError,
  type FlowMediaCheck,
  type FlowTokenProblem,
  type PrivateKeyProblem,
} from "./crypto/errors.js";
export { importFlowPrivateKey, type FlowPrivateKeyInput } from "./crypto/private-key.js";
export { createFlowKeyring, type FlowKeyring } from "./crypto/keyring.js";
export {
  decryptFlowRequest,
  type DecryptedFlowRequest,
  type FlowRequestEnvelope,
} from "./crypto/flow-request-cipher.js";
export { type SecretInput } from "./crypto/hmac-key.js";
export {
  HUB_SIGNATURE_HEADER,
  readHeader,
  verifyHubSignature,
  type HeadersInput,
  type RawBody,
} from "./crypto/hub-signature.js";
export {
  FLOW_TOKEN_CLAIMS,
  verifyFlowTokenSignature,
  type VerifyFlowTokenSignatureOptions,
} from "./crypto/flow-token-signature.js";
export {
  createFlowToken,
  validateFlowToken,
  type CreateFlowTokenOptions,
  type FlowTokenValidation,
  type ValidateFlowTokenOptions,
} from "./crypto/flow-token.js";
export {
  DEFAULT_MAX_MEDIA_BYTES,
  decryptFlowMedia,
  type DecryptedFlowMedia,
  type DecryptFlowMediaOptions,
  type FetchLike,
  type FlowMediaEncryptionMetadata,
  type FlowMediaItem,
} from "./crypto/flow-media.js";
export { DEFAULT_MEDIA_TYPE, MEDIA_TYPES, mediaTypeForFileName } from "./crypto/media-type.js";
export * from "./store/index.js";
export { EndpointStatus, DEFAULT_MAX_BODY_BYTES } from "./status-codes.js";
export type { RawHttpHandler, RawHttpResponse } from "./raw-http.js";
export * from "./endpoint/index.js";
