/**
 * The endpoint's private keys, imported once at start-up. Several keys make a rotation painless:
 * while WhatsApp clients still hold the old public key, requests wrapped for either key decrypt.
 */
import { CryptoConfigError } from "./errors.js";
import { importFlowPrivateKey, type FlowPrivateKeyInput } from "./private-key.js";

/**
 * Imported RSA-OAEP private keys, tried in order for every request; build it with `createFlowKeyring`.
 */
export interface FlowKeyring {
  readonly keys: readonly CryptoKey[];
}

/**
 * Imports the endpoint's private key(s) once, in the order given (put the current key first).
 *
 * Every key is parsed and checked here, so a bad key fails at start-up (`PrivateKeyError`), never
 * on a request; an empty list is a `CryptoConfigError`.
 *
 * @example
 * const keyring = await createFlowKeyring([
 *   Redacted.make(process.env.FLOW_PRIVATE_KEY ?? ""),
 *   Redacted.make(process.env.FLOW_PRIVATE_KEY_PREVIOUS ?? ""), // during a rotation only
 * ]);
 * @see https://developers.facebook.com/docs/whatsapp/cloud-api/reference/whatsapp-business-encryption
 */
export async function createFlowKeyring(
  keys: FlowPrivateKeyInput | readonly FlowPrivateKeyInput[],
): Promise<FlowKeyring> {
  const inputs: readonly FlowPrivateKeyInput[] = Array.isArray(keys) ? keys : [keys as FlowPrivateKeyInput];
  if (inputs.length === 0) {
    throw new CryptoConfigError({
      message: "createFlowKeyring needs at least one private key (the one whose public half is uploaded).",
    });
  }
  const imported = await Promise.all(inputs.map((input) => importFlowPrivateKey(input)));
  return Object.freeze({ keys: Object.freeze(imported) });
}

/**
 * Unwraps a request's 16-byte AES key with one private key (RSA-OAEP, SHA-256, MGF1-SHA-256, empty
 * label) straight into a non-extractable AES-GCM key usable for the request and its response.
 */
export async function unwrapAesKey(
  privateKey: CryptoKey,
  wrapped: Uint8Array<ArrayBuffer>,
): Promise<CryptoKey> {
  const subtle = globalThis.crypto.subtle;
  const usages: KeyUsage[] = ["decrypt", "encrypt"];
  if (privateKey.usages.includes("unwrapKey")) {
    const key = await subtle.unwrapKey(
      "raw",
      wrapped,
      privateKey,
      { name: "RSA-OAEP" },
      { name: "AES-GCM" },
      false,
      usages,
    );
    if ((key.algorithm as AesKeyAlgorithm).length !== 128)
      throw new Error("the unwrapped AES key is not 128 bits");
    return key;
  }
  const raw = await subtle.decrypt({ name: "RSA-OAEP" }, privateKey, wrapped);
  if (raw.byteLength !== 16) throw new Error("the unwrapped AES key is not 128 bits");
  return subtle.importKey("raw", raw, { name: "AES-GCM" }, false, usages);
}
