/**
 * The private key `flowmachine serve` decrypts with: the PEM given with `--private-key` (opened with
 * the passphrase from `--passphrase-env` when it is encrypted), or a development key pair that `serve`
 * creates in `.flowmachine/` on first run and reuses afterwards. The folder gets a `.gitignore` holding
 * `*` when it is created, so the key never lands in the user's repository.
 *
 * @example
 * const key = await prepareServeKey({ cwd: process.cwd() });
 * createFlowEndpoint({ flow, privateKey: key.privateKey });
 */
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { Data, type Redacted } from "effect";
import { writeFlowKeyPair, PUBLIC_KEY_FILE } from "../../transport/adapters/node-key-pair.js";
import { loadFlowPrivateKey } from "../../transport/adapters/node-private-key.js";

/** The folder of the development key pair and the default session file. */
export const DEV_FOLDER = ".flowmachine";

/** The key cannot be used; `serve` prints the message and exits with 2. */
export class ServeKeyError extends Data.TaggedError("ServeKeyError")<{
  readonly message: string;
  readonly cause?: unknown;
}> {}

/** What {@link prepareServeKey} needs. */
export interface ServeKeyOptions {
  readonly cwd: string;
  /** A PEM file; absent: the development key pair. */
  readonly privateKeyFile?: string;
  /** Opens an encrypted PEM (and encrypts a newly created development key). */
  readonly passphrase?: { readonly env: string; readonly value: Redacted.Redacted<string> };
}

/** The loaded key and where it came from, for the banner. */
export interface ServeKey {
  readonly privateKey: CryptoKey;
  readonly privateKeyPath: string;
  /** The public half to upload, when it is known to sit next to the private key. */
  readonly publicKeyPath: string | undefined;
  /** True for the development key pair in `.flowmachine/`. */
  readonly development: boolean;
  /** True when the development key pair was created by this call. */
  readonly created: boolean;
}

/**
 * Creates `dir` (mode 0700) with a `.gitignore` holding `*`, unless it exists: the development key
 * and the default session file live there and must stay out of version control.
 */
export async function ensureDevFolder(dir: string): Promise<void> {
  if (existsSync(dir)) return;
  await mkdir(dir, { recursive: true, mode: 0o700 });
  // Keeps the private key and the session file out of version control.
  await writeFile(join(dir, ".gitignore"), "*\n", { flag: "wx" }).catch((error: unknown) => {
    if ((error as { code?: unknown }).code !== "EEXIST") throw error;
  });
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function load(path: string, options: ServeKeyOptions, label: string): Promise<CryptoKey> {
  let pem: string;
  try {
    pem = await readFile(path, "utf8");
  } catch (error) {
    const missing = (error as { code?: unknown }).code === "ENOENT";
    throw new ServeKeyError({
      message: `${label}: ${missing ? `no file at ${path}` : `cannot read ${path} (${reason(error)})`}`,
      cause: error,
    });
  }
  try {
    return await loadFlowPrivateKey(
      pem,
      options.passphrase === undefined ? {} : { passphrase: options.passphrase.value },
    );
  } catch (error) {
    const hint =
      (error as { problem?: unknown }).problem === "passphrase" && options.passphrase === undefined
        ? " (pass --passphrase-env NAME with the passphrase in that variable)"
        : "";
    throw new ServeKeyError({ message: `${label}: ${reason(error)}${hint}`, cause: error });
  }
}

/**
 * Loads the private key to serve with; creates the development key pair first when no file is given
 * and none exists. Rejects with {@link ServeKeyError} when the key is missing, unreadable, not an RSA
 * private key, or encrypted without the right passphrase.
 */
export async function prepareServeKey(options: ServeKeyOptions): Promise<ServeKey> {
  if (options.privateKeyFile !== undefined) {
    const privateKeyPath = resolve(options.cwd, options.privateKeyFile);
    const privateKey = await load(privateKeyPath, options, `--private-key ${options.privateKeyFile}`);
    const sibling = join(dirname(privateKeyPath), PUBLIC_KEY_FILE);
    return {
      privateKey,
      privateKeyPath,
      publicKeyPath: existsSync(sibling) ? sibling : undefined,
      development: false,
      created: false,
    };
  }
  const dir = resolve(options.cwd, DEV_FOLDER);
  let files;
  try {
    await ensureDevFolder(dir);
    files = await writeFlowKeyPair(dir, {
      ifExists: "reuse",
      ...(options.passphrase === undefined ? {} : { passphrase: options.passphrase.value }),
    });
  } catch (error) {
    throw new ServeKeyError({
      message: `cannot set up the development key pair in ${dir}: ${reason(error)}`,
      cause: error,
    });
  }
  const privateKey = await load(files.privateKeyPath, options, "the development key");
  return {
    privateKey,
    privateKeyPath: files.privateKeyPath,
    publicKeyPath: files.publicKeyPath,
    development: true,
    created: files.created,
  };
}
