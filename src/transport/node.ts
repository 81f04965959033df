/**
 * `flowmachine/transport/node`: the Node-only parts of the transport: opening passphrase-protected
 * private keys (node:crypto) and generating and writing the endpoint's key pair (node:fs).
 */
export {
  decryptPrivateKeyPem,
  loadFlowPrivateKey,
  type LoadFlowPrivateKeyOptions,
  type PemInput,
} from "./adapters/node-private-key.js";
export {
  PRIVATE_KEY_FILE,
  PUBLIC_KEY_FILE,
  generateFlowKeyPair,
  writeFlowKeyPair,
  type ExistingKeyPolicy,
  type FlowKeyPair,
  type FlowKeyPairFiles,
  type GenerateFlowKeyPairOptions,
  type WriteFlowKeyPairOptions,
} from "./adapters/node-key-pair.js";
export { createNodeRequestListener, type NodeRequestListenerOptions } from "./adapters/node.js";
