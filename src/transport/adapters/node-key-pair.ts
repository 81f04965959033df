/**
 * Creating the endpoint's RSA key pair on Node: a 2048-bit key, the private half as PKCS#8 PEM
 * (optionally encrypted with a passphrase), the public half as SPKI PEM, ready for
 * `POST /{PHONE_NUMBER_ID}/whatsapp_business_encryption`.
 */
import { generateKeyPair } from "node:crypto";
import { access, chmod, mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { Redacted } from "effect";
import { CryptoConfigError, KeyFileExistsError } from "../crypto/errors.js";
import { isEncryptedPem, parsePem } from "../crypto/pem.js";

/** The private key's file name inside the key folder. */
export const PRIVATE_KEY_FILE = "private.pem";
/** The public key's file name inside the key folder. */
export const PUBLIC_KEY_FILE = "public.pem";

/** Settings of `generateFlowKeyPair`. */
export interface GenerateFlowKeyPairOptions {
  /** Encrypts the private PEM (PKCS#8 `ENCRYPTED PRIVATE KEY`, PBES2 with AES-256-CBC). */
  readonly passphrase?: Redacted.Redacted<string>;
}

/** A fresh key pair as PEM text. */
export interface FlowKeyPair {
  /** PKCS#8 PEM (`BEGIN PRIVATE KEY`, or `BEGIN ENCRYPTED PRIVATE KEY` with a passphrase). */
  readonly privateKeyPem: Redacted.Redacted<string>;
  /** SPKI PEM (`BEGIN PUBLIC KEY`): the half to upload. */
  readonly publicKeyPem: string;
  /** True when the private PEM is passphrase-protected. */
  readonly encrypted: boolean;
}

/** What to do when key files already exist in the folder. */
export type ExistingKeyPolicy = "fail" | "overwrite" | "reuse";

/** Settings of `writeFlowKeyPair`. */
export interface WriteFlowKeyPairOptions extends GenerateFlowKeyPairOptions {
  /**
   * "fail" (default): `KeyFileExistsError` if either file exists; "overwrite": replace them;
   * "reuse": keep an existing pair untouched (`created: false`); a lone file is still an error.
   */
  readonly ifExists?: ExistingKeyPolicy;
}

/** Where `writeFlowKeyPair` put (or found) the key pair. */
export interface FlowKeyPairFiles {
  readonly privateKeyPath: string;
  readonly publicKeyPath: string;
  /** False when an existing pair was reused. */
  readonly created: boolean;
  /** True when the private key was written with a passphrase. */
  readonly encrypted: boolean;
}

const generateRsaKeyPair = promisify(generateKeyPair);

/**
 * Generates a 2048-bit RSA key pair for the data endpoint, as PEM text.
 *
 * The private half is PKCS#8 (Node encrypts it with AES-256-CBC when `passphrase` is given); the
 * public half is SPKI, the format the encryption endpoint of the Graph API takes.
 *
 * @example
 * const { privateKeyPem, publicKeyPem } = await generateFlowKeyPair();
 * const keyring = await createFlowKeyring(privateKeyPem);
 * @see https://developers.facebook.com/docs/whatsapp/cloud-api/reference/whatsapp-business-encryption
 */
export async function generateFlowKeyPair(options: GenerateFlowKeyPairOptions = {}): Promise<FlowKeyPair> {
  const passphrase = options.passphrase === undefined ? undefined : Redacted.value(options.passphrase);
  if (passphrase === "") {
    throw new CryptoConfigError({
      message: "generateFlowKeyPair: the passphrase is empty; give one or leave it out.",
    });
  }
  const { privateKey, publicKey } = await generateRsaKeyPair("rsa", {
    modulusLength: 2048,
    publicExponent: 0x10001,
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding:
      passphrase === undefined
        ? { type: "pkcs8", format: "pem" }
        : { type: "pkcs8", format: "pem", cipher: "aes-256-cbc", passphrase },
  });
  return {
    privateKeyPem: Redacted.make(privateKey),
    publicKeyPem: publicKey,
    encrypted: passphrase !== undefined,
  };
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Generates a key pair and writes it to `dir` as `private.pem` (mode 0600) and `public.pem`
 * (mode 0644), creating the folder (mode 0700) when needed.
 *
 * Existing key files are never replaced unless `ifExists` is "overwrite"; with "reuse" an existing
 * pair is kept, which suits a development key that must survive restarts.
 *
 * @example
 * // A development key pair for `flowmachine serve`, created once:
 * const files = await writeFlowKeyPair(".flowmachine", { ifExists: "reuse" });
 * const keyring = await createFlowKeyring(await readFile(files.privateKeyPath));
 * @see https://developers.facebook.com/docs/whatsapp/cloud-api/reference/whatsapp-business-encryption
 */
export async function writeFlowKeyPair(
  dir: string,
  options: WriteFlowKeyPairOptions = {},
): Promise<FlowKeyPairFiles> {
  const privateKeyPath = join(dir, PRIVATE_KEY_FILE);
  const publicKeyPath = join(dir, PUBLIC_KEY_FILE);
  const policy = options.ifExists ?? "fail";
  const [privateExists, publicExists] = await Promise.all([exists(privateKeyPath), exists(publicKeyPath)]);
  if (policy === "reuse" && privateExists && publicExists) {
    const block = parsePem(await readFile(privateKeyPath, "utf8"));
    return {
      privateKeyPath,
      publicKeyPath,
      created: false,
      encrypted: block !== undefined && isEncryptedPem(block),
    };
  }
  if (policy !== "overwrite" && (privateExists || publicExists)) {
    throw new KeyFileExistsError({ path: privateExists ? privateKeyPath : publicKeyPath });
  }
  const pair = await generateFlowKeyPair(options);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const flag = policy === "overwrite" ? "w" : "wx";
  await writeFile(privateKeyPath, Redacted.value(pair.privateKeyPem), { mode: 0o600, flag });
  await chmod(privateKeyPath, 0o600); // also when an existing file was replaced, whatever the umask
  await writeFile(publicKeyPath, pair.publicKeyPem, { mode: 0o644, flag });
  return { privateKeyPath, publicKeyPath, created: true, encrypted: pair.encrypted };
}
