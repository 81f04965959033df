/**
 * Importing the business private key (the half of the key pair whose public key is uploaded per
 * phone number) into a non-extractable WebCrypto RSA-OAEP-SHA-256 `CryptoKey`.
 */
import { Redacted } from "effect";
import { PrivateKeyError } from "./errors.js";
import { isEncryptedPem, looksLikePem, parsePem } from "./pem.js";
import { isPkcs1PrivateKey, pkcs1ToPkcs8, pkcs8Kind } from "./rsa-pkcs8.js";

/**
 * A private key in any form the core reads without `node:crypto`:
 * - a PEM string (or `Redacted` PEM, or the PEM file's bytes): PKCS#8 `BEGIN PRIVATE KEY` or
 *   PKCS#1 `BEGIN RSA PRIVATE KEY`, unencrypted; literal `\n` sequences count as newlines;
 * - PKCS#8 (or PKCS#1) DER bytes;
 * - an RSA private JWK (`kty: "RSA"` with `d`; `alg`, `use` and `key_ops` are ignored);
 * - a `CryptoKey` imported as `{ name: "RSA-OAEP", hash: "SHA-256" }` with `decrypt` or `unwrapKey`.
 *
 * Passphrase-protected PEMs need `loadFlowPrivateKey` from `flowmachine/transport/node`.
 */
export type FlowPrivateKeyInput = string | Redacted.Redacted<string> | Uint8Array | JsonWebKey | CryptoKey;

const rsaOaepSha256: RsaHashedImportParams = { name: "RSA-OAEP", hash: "SHA-256" };
const privateUsages: KeyUsage[] = ["decrypt", "unwrapKey"];
const utf8 = new TextDecoder();

function isCryptoKey(value: unknown): value is CryptoKey {
  return (
    (typeof CryptoKey === "function" && value instanceof CryptoKey) ||
    Object.prototype.toString.call(value) === "[object CryptoKey]"
  );
}

function checkCryptoKey(key: CryptoKey): CryptoKey {
  if (key.type === "public") throw new PrivateKeyError({ problem: "public-key" });
  const algorithm = key.algorithm as Partial<RsaHashedKeyAlgorithm>;
  const usable =
    key.type === "private" &&
    algorithm.name === "RSA-OAEP" &&
    algorithm.hash?.name === "SHA-256" &&
    (key.usages.includes("decrypt") || key.usages.includes("unwrapKey"));
  if (!usable) throw new PrivateKeyError({ problem: "not-rsa-oaep" });
  return key;
}

async function importPkcs8(der: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  try {
    return await globalThis.crypto.subtle.importKey("pkcs8", der, rsaOaepSha256, false, privateUsages);
  } catch (cause) {
    throw new PrivateKeyError({
      problem: pkcs8Kind(der) === "other-algorithm" ? "not-rsa-oaep" : "unreadable",
      cause,
    });
  }
}

async function importDer(der: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  return importPkcs8(isPkcs1PrivateKey(der) ? pkcs1ToPkcs8(der) : der);
}

async function importPem(text: string): Promise<CryptoKey> {
  const block = parsePem(text);
  if (block === undefined) throw new PrivateKeyError({ problem: "unreadable" });
  if (isEncryptedPem(block)) throw new PrivateKeyError({ problem: "encrypted" });
  switch (block.label) {
    case "PRIVATE KEY":
      return importPkcs8(block.der);
    case "RSA PRIVATE KEY":
      return importPkcs8(pkcs1ToPkcs8(block.der));
    case "PUBLIC KEY":
    case "RSA PUBLIC KEY":
    case "CERTIFICATE":
      throw new PrivateKeyError({ problem: "public-key" });
    case "EC PRIVATE KEY":
    case "DSA PRIVATE KEY":
      throw new PrivateKeyError({ problem: "not-rsa-oaep" });
    default:
      throw new PrivateKeyError({ problem: "unreadable" });
  }
}

async function importJwk(jwk: JsonWebKey): Promise<CryptoKey> {
  if (jwk.kty !== "RSA") throw new PrivateKeyError({ problem: "not-rsa-oaep" });
  if (jwk.d === undefined) throw new PrivateKeyError({ problem: "public-key" });
  // Labels meant for another use (alg "RS256", use "sig", key_ops) would make WebCrypto refuse it.
  const { alg: _alg, use: _use, key_ops: _keyOps, ext: _ext, ...material } = jwk;
  try {
    return await globalThis.crypto.subtle.importKey("jwk", material, rsaOaepSha256, false, privateUsages);
  } catch (cause) {
    throw new PrivateKeyError({ problem: "unreadable", cause });
  }
}

/**
 * Imports one private key for the data endpoint, as a non-extractable RSA-OAEP-SHA-256 CryptoKey.
 *
 * Parsing happens here, once; requests then only use the imported key. Every refusal is a
 * `PrivateKeyError` whose `problem` says why (an encrypted PEM points to the Node loader).
 *
 * @example
 * const key = await importFlowPrivateKey(Redacted.make(process.env.FLOW_PRIVATE_KEY ?? ""));
 * @see https://developers.facebook.com/docs/whatsapp/cloud-api/reference/whatsapp-business-encryption
 */
export async function importFlowPrivateKey(input: FlowPrivateKeyInput): Promise<CryptoKey> {
  if (isCryptoKey(input)) return checkCryptoKey(input);
  if (Redacted.isRedacted(input)) {
    const value: unknown = Redacted.value(input);
    if (typeof value !== "string") throw new PrivateKeyError({ problem: "unreadable" });
    return importPem(value);
  }
  if (typeof input === "string") return importPem(input);
  if (input instanceof Uint8Array) {
    const head = utf8.decode(input.subarray(0, 64));
    if (looksLikePem(head)) return importPem(utf8.decode(input));
    return importDer(new Uint8Array(input));
  }
  if (typeof input === "object" && input !== null && "kty" in input) return importJwk(input);
  throw new PrivateKeyError({ problem: "unreadable" });
}
