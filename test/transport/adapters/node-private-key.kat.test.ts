/**
 * The Node loader opens the passphrase-protected forms of the KAT key (derived here with
 * node:crypto, the way Meta's guide and `openssl genrsa -des3` produce them) and the result opens
 * the recorded requests.
 */
import { createPrivateKey, generateKeyPairSync } from "node:crypto";
import { Redacted } from "effect";
import { describe, expect, it } from "vitest";
import { createFlowKeyring, decryptFlowRequest } from "../../../src/transport/index.js";
import { decryptPrivateKeyPem, loadFlowPrivateKey } from "../../../src/transport/node.js";
import { kat, katCase } from "../../helpers/crypto-kat.js";

const nodeKey = createPrivateKey(kat.rsa_private_key_pkcs8_pem);
const passphrase = Redacted.make("correct horse battery staple");
const encryptedPkcs1 = nodeKey.export({
  type: "pkcs1",
  format: "pem",
  cipher: "des-ede3-cbc",
  passphrase: Redacted.value(passphrase),
}) as string;
const encryptedPkcs8 = nodeKey.export({
  type: "pkcs8",
  format: "pem",
  cipher: "aes-256-cbc",
  passphrase: Redacted.value(passphrase),
}) as string;
const initCase = katCase("INIT");

describe("loadFlowPrivateKey", () => {
  it("reads the legacy encrypted PKCS#1 PEM (Proc-Type: 4,ENCRYPTED, DES-EDE3-CBC)", async () => {
    expect(encryptedPkcs1).toContain("Proc-Type: 4,ENCRYPTED");
    expect(encryptedPkcs1).toContain("DEK-Info: DES-EDE3-CBC");
    const keyring = await createFlowKeyring(await loadFlowPrivateKey(encryptedPkcs1, { passphrase }));
    const request = await decryptFlowRequest(initCase.request_http_body, keyring);
    expect(request.payload).toEqual(JSON.parse(initCase.expected_decrypted_request_utf8));
  });

  it("reads an encrypted PKCS#8 PEM given as file bytes or Redacted text", async () => {
    for (const pem of [new TextEncoder().encode(encryptedPkcs8), Redacted.make(encryptedPkcs8)]) {
      const keyring = await createFlowKeyring(await loadFlowPrivateKey(pem, { passphrase }));
      const request = await decryptFlowRequest(initCase.request_http_body, keyring);
      expect(request.payload).toEqual(JSON.parse(initCase.expected_decrypted_request_utf8));
    }
  });

  it("passes unencrypted PEMs straight through (passphrase ignored)", async () => {
    const key = await loadFlowPrivateKey(kat.rsa_private_key_pkcs8_pem, { passphrase });
    expect(key.extractable).toBe(false);
    const request = await decryptFlowRequest(initCase.request_http_body, await createFlowKeyring(key));
    expect(request.payload).toEqual(JSON.parse(initCase.expected_decrypted_request_utf8));
  });

  it.each([
    ["a wrong passphrase", { passphrase: Redacted.make("hunter2-not-it") }],
    ["no passphrase", {}],
  ])("refuses %s with problem 'passphrase'", async (_name, options) => {
    for (const pem of [encryptedPkcs1, encryptedPkcs8]) {
      const error = await loadFlowPrivateKey(pem, options).catch((caught: unknown) => caught);
      expect(error).toMatchObject({ _tag: "PrivateKeyError", problem: "passphrase" });
      expect((error as Error).message).toContain("passphrase is missing or wrong");
      const shown = `${(error as Error).message} ${JSON.stringify(error)} ${String((error as Error).cause)}`;
      expect(shown).not.toContain("hunter2");
      expect(shown).not.toContain(Redacted.value(passphrase));
    }
  });

  it("refuses an encrypted EC key after opening it", async () => {
    const ec = generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey.export({
      type: "pkcs8",
      format: "pem",
      cipher: "aes-256-cbc",
      passphrase: Redacted.value(passphrase),
    }) as string;
    await expect(loadFlowPrivateKey(ec, { passphrase })).rejects.toMatchObject({ problem: "not-rsa-oaep" });
  });
});

describe("decryptPrivateKeyPem", () => {
  it("turns each encrypted form into the PKCS#8 DER of the recorded key", () => {
    const expected = nodeKey.export({ type: "pkcs8", format: "der" });
    for (const pem of [encryptedPkcs1, encryptedPkcs8]) {
      expect(Buffer.from(decryptPrivateKeyPem(pem, { passphrase })).equals(expected)).toBe(true);
    }
    expect(Buffer.from(decryptPrivateKeyPem(kat.rsa_private_key_pkcs8_pem)).equals(expected)).toBe(true);
  });

  it("refuses a public key and text that is no PEM", () => {
    expect(() => decryptPrivateKeyPem(kat.rsa_public_key_spki_pem)).toThrow(
      expect.objectContaining({ _tag: "PrivateKeyError", problem: "public-key" }),
    );
    expect(() => decryptPrivateKeyPem("hello")).toThrow(
      expect.objectContaining({ _tag: "PrivateKeyError", problem: "unreadable" }),
    );
  });
});
