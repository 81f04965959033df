/**
 * HMAC-SHA-256 keys made from `Redacted` secrets, imported once per secret and reused: the cache is
 * keyed by the `Redacted` object itself (weakly, so a dropped secret frees its key).
 */
import { Redacted } from "effect";
import { CryptoConfigError } from "./errors.js";

/** One secret, or several during a rotation (all accepted; the first one signs). */
export type SecretInput = Redacted.Redacted<string> | readonly Redacted.Redacted<string>[];

const cache = new WeakMap<Redacted.Redacted<string>, Promise<CryptoKey>>();
const utf8 = new TextEncoder();

function importHmacKey(secret: Redacted.Redacted<string>): Promise<CryptoKey> {
  let key = cache.get(secret);
  if (key === undefined) {
    key = globalThis.crypto.subtle.importKey(
      "raw",
      utf8.encode(Redacted.value(secret)),
      { name: "HMAC", hash: "SHA-256" },
      false,
      ["sign", "verify"],
    );
    cache.set(secret, key);
  }
  return key;
}

/**
 * The HMAC keys for `secrets`, in order; `what` names the setting in the error when the list is
 * empty or a secret is not a non-empty `Redacted` string.
 */
export async function hmacKeys(secrets: SecretInput, what: string): Promise<readonly CryptoKey[]> {
  const list: readonly unknown[] = Array.isArray(secrets) ? secrets : [secrets];
  if (list.length === 0) {
    throw new CryptoConfigError({ message: `${what}: give at least one secret, as Redacted.make(...).` });
  }
  const checked = list.map((secret) => {
    if (!Redacted.isRedacted(secret)) {
      throw new CryptoConfigError({
        message: `${what}: wrap each secret with Redacted.make(...) so it is never logged.`,
      });
    }
    const value: unknown = Redacted.value(secret);
    if (typeof value !== "string" || value.length === 0) {
      throw new CryptoConfigError({
        message: `${what}: a secret is empty or not a string; check its environment variable.`,
      });
    }
    return secret as Redacted.Redacted<string>;
  });
  return Promise.all(checked.map(importHmacKey));
}
