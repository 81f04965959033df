/**
 * Opening passphrase-protected private-key PEMs on Node, which WebCrypto cannot do: the legacy
 * PKCS#1 form Meta's guide produces (`openssl genrsa -des3`: `Proc-Type: 4,ENCRYPTED`, DEK-Info
 * DES-EDE3-CBC) and PKCS#8 `ENCRYPTED PRIVATE KEY`.
 */
import { createPrivateKey, type KeyObject } from "node:crypto";
import { Redacted } from "effect";
import { PrivateKeyError } from "../crypto/errors.js";
import { isEncryptedPem, normalisePem, parsePem } from "../crypto/pem.js";
import { importFlowPrivateKey } from "../crypto/private-key.js";

/** Settings of `loadFlowPrivateKey` and `decryptPrivateKeyPem`. */
export interface LoadFlowPrivateKeyOptions {
  /** The PEM's passphrase; ignored for an unencrypted PEM. */
  readonly passphrase?: Redacted.Redacted<string>;
}

/** A PEM as text, `Redacted` text, or the file's bytes. */
export type PemInput = string | Redacted.Redacted<string> | Uint8Array;

function pemText(pem: PemInput): string {
  if (Redacted.isRedacted(pem)) {
    const value: unknown = Redacted.value(pem);
    if (typeof value !== "string") throw new PrivateKeyError({ problem: "unreadable" });
    return normalisePem(value);
  }
  return normalisePem(typeof pem === "string" ? pem : new TextDecoder().decode(pem));
}

function openEncrypted(text: string, passphrase: Redacted.Redacted<string> | undefined): KeyObject {
  if (passphrase === undefined) throw new PrivateKeyError({ problem: "passphrase" });
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: text, format: "pem", passphrase: Redacted.value(passphrase) });
  } catch (cause) {
    throw new PrivateKeyError({ problem: "passphrase", cause });
  }
  if (key.asymmetricKeyType !== "rsa") throw new PrivateKeyError({ problem: "not-rsa-oaep" });
  return key;
}

/**
 * Decrypts a passphrase-protected RSA private-key PEM into unencrypted PKCS#8 DER, which every
 * runtime's WebCrypto reads (e.g. to store it as a Workers secret); unencrypted PEMs are converted
 * as they are.
 *
 * The bytes are the private key itself: keep them out of logs and files with loose permissions.
 * A missing or wrong passphrase is a `PrivateKeyError` with problem "passphrase".
 *
 * @example
 * const der = decryptPrivateKeyPem(readFileSync("private.pem"), { passphrase: Redacted.make(process.env.KEY_PASSPHRASE ?? "") });
 */
export function decryptPrivateKeyPem(
  pem: PemInput,
  options: LoadFlowPrivateKeyOptions = {},
): Uint8Array<ArrayBuffer> {
  const text = pemText(pem);
  const block = parsePem(text);
  if (block === undefined) throw new PrivateKeyError({ problem: "unreadable" });
  let key: KeyObject;
  if (isEncryptedPem(block)) {
    key = openEncrypted(text, options.passphrase);
  } else {
    if (block.label.endsWith("PUBLIC KEY") || block.label === "CERTIFICATE") {
      throw new PrivateKeyError({ problem: "public-key" });
    }
    try {
      key = createPrivateKey({ key: text, format: "pem" });
    } catch (cause) {
      throw new PrivateKeyError({ problem: "unreadable", cause });
    }
    if (key.asymmetricKeyType !== "rsa") throw new PrivateKeyError({ problem: "not-rsa-oaep" });
  }
  return new Uint8Array(key.export({ type: "pkcs8", format: "der" }));
}

/**
 * Loads the endpoint's private key from a PEM that may be passphrase-protected, as the
 * non-extractable CryptoKey `createFlowKeyring` takes.
 *
 * Unencrypted PEMs go straight to the WebCrypto import; encrypted ones are opened with node:crypto
 * first. Call it once at start-up; a missing or wrong passphrase is a `PrivateKeyError`.
 *
 * @example
 * const keyring = await createFlowKeyring(
 *   await loadFlowPrivateKey(readFileSync("private.pem"), { passphrase: Redacted.make(process.env.KEY_PASSPHRASE ?? "") }),
 * );
 * @see https://developers.facebook.com/docs/whatsapp/cloud-api/reference/whatsapp-business-encryption
 */
export async function loadFlowPrivateKey(
  pem: PemInput,
  options: LoadFlowPrivateKeyOptions = {},
): Promise<CryptoKey> {
  const text = pemText(pem);
  const block = parsePem(text);
  if (block === undefined || !isEncryptedPem(block)) return importFlowPrivateKey(text);
  return importFlowPrivateKey(decryptPrivateKeyPem(text, options));
}
