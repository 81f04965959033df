/**
 * The RSA-2048 OAEP-SHA-256 private-key operation every request costs, in the forms the RSA benchmark
 * compares: WebCrypto `subtle.decrypt` (the ceiling), `subtle.unwrapKey` straight into an AES-GCM key
 * (what the endpoint calls), and node:crypto `privateDecrypt` (synchronous, for reference). Shared by the
 * main thread and the worker threads of `rsa.bench.ts`.
 *
 * @example
 * const fixture = createRsaFixture(64);
 * const decrypt = await rsaOperation("subtle.decrypt", fixture);
 * await decrypt(0);
 */
import { constants, createPrivateKey, privateDecrypt, publicEncrypt, randomBytes } from "node:crypto";
import { importFlowPrivateKey } from "../src/transport/crypto/private-key.js";
import { kat } from "../test/helpers/crypto-kat.js";

/** The three ways of opening a wrapped AES key that the benchmark measures. */
export type RsaMethod = "subtle.decrypt" | "subtle.unwrapKey" | "privateDecrypt";

/** A private key and AES-128 keys wrapped for its public half, as WhatsApp wraps them. */
export interface RsaFixture {
  readonly privateKeyPem: string;
  readonly wrapped: readonly Uint8Array<ArrayBuffer>[];
}

const oaep = { padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: "sha256" } as const;

/** `count` distinct wrapped keys for the known-answer key pair (cycled through by the operations). */
export function createRsaFixture(count: number): RsaFixture {
  const wrapped = Array.from(
    { length: count },
    () => new Uint8Array(publicEncrypt({ key: kat.rsa_public_key_spki_pem, ...oaep }, randomBytes(16))),
  );
  return { privateKeyPem: kat.rsa_private_key_pkcs8_pem, wrapped };
}

/** One private-key operation per call, on wrapped key `index % count`; the key is imported once here. */
export async function rsaOperation(
  method: RsaMethod,
  fixture: RsaFixture,
): Promise<(index: number) => Promise<unknown>> {
  const { wrapped } = fixture;
  const at = (index: number): Uint8Array<ArrayBuffer> =>
    wrapped[index % wrapped.length] as Uint8Array<ArrayBuffer>;
  if (method === "privateDecrypt") {
    const key = createPrivateKey(fixture.privateKeyPem);
    return async (index) => privateDecrypt({ key, ...oaep }, at(index));
  }
  const key = await importFlowPrivateKey(fixture.privateKeyPem);
  const subtle = globalThis.crypto.subtle;
  if (method === "subtle.decrypt") return (index) => subtle.decrypt({ name: "RSA-OAEP" }, key, at(index));
  return (index) =>
    subtle.unwrapKey("raw", at(index), key, { name: "RSA-OAEP" }, { name: "AES-GCM" }, false, [
      "decrypt",
      "encrypt",
    ]);
}
