/**
 * The KAT's private key in every form the core reads. The other forms are derived from the
 * recorded PKCS#8 PEM here, with node:crypto, and each must open the same recorded request.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, webcrypto } from "node:crypto";
import { Redacted } from "effect";
import { describe, expect, it } from "vitest";
import {
  createFlowKeyring,
  decryptFlowRequest,
  importFlowPrivateKey,
  type FlowPrivateKeyInput,
} from "../../../src/transport/index.js";
import { kat, katCase } from "../../helpers/crypto-kat.js";

const pkcs8Pem = kat.rsa_private_key_pkcs8_pem;
const nodeKey = createPrivateKey(pkcs8Pem);
const pkcs1Pem = nodeKey.export({ type: "pkcs1", format: "pem" }) as string;
const pkcs8Der = new Uint8Array(nodeKey.export({ type: "pkcs8", format: "der" }));
const pkcs1Der = new Uint8Array(nodeKey.export({ type: "pkcs1", format: "der" }));
const jwk = nodeKey.export({ format: "jwk" }) as JsonWebKey;
const ping = katCase("ping");

async function opensRecordedRequest(input: FlowPrivateKeyInput): Promise<void> {
  const keyring = await createFlowKeyring(input);
  const request = await decryptFlowRequest(ping.request_http_body, keyring);
  expect(request.payload).toEqual(JSON.parse(ping.expected_decrypted_request_utf8));
}

describe("the KAT private key in every supported form", () => {
  const forms: readonly (readonly [string, () => FlowPrivateKeyInput | Promise<FlowPrivateKeyInput>])[] = [
    ["PKCS#8 PEM", () => pkcs8Pem],
    ["Redacted PKCS#8 PEM", () => Redacted.make(pkcs8Pem)],
    ["PKCS#8 PEM with CRLF line ends", () => pkcs8Pem.replace(/\n/g, "\r\n")],
    ["PKCS#8 PEM with literal \\n (as in an env var)", () => pkcs8Pem.replace(/\n/g, "\\n")],
    ["PKCS#8 PEM file bytes", () => new TextEncoder().encode(pkcs8Pem)],
    ["PKCS#8 DER", () => pkcs8Der],
    ["PKCS#1 PEM (BEGIN RSA PRIVATE KEY)", () => pkcs1Pem],
    ["PKCS#1 DER", () => pkcs1Der],
    ["JWK", () => jwk],
    ["JWK labelled for another use", () => ({ ...jwk, alg: "RS256", use: "sig", key_ops: ["sign"] })],
    [
      "CryptoKey with unwrapKey",
      () =>
        webcrypto.subtle.importKey("pkcs8", pkcs8Der, { name: "RSA-OAEP", hash: "SHA-256" }, false, [
          "unwrapKey",
        ]),
    ],
    [
      "CryptoKey with decrypt only",
      () =>
        webcrypto.subtle.importKey("pkcs8", pkcs8Der, { name: "RSA-OAEP", hash: "SHA-256" }, false, [
          "decrypt",
        ]),
    ],
  ];

  it.each(forms)("%s opens the recorded request", async (_name, make) => {
    await opensRecordedRequest(await make());
  });

  it("wraps PKCS#1 into exactly the PKCS#8 DER node:crypto produces", async () => {
    const { pkcs1ToPkcs8 } = await import("../../../src/transport/crypto/rsa-pkcs8.js");
    expect(Buffer.from(pkcs1ToPkcs8(pkcs1Der)).equals(Buffer.from(pkcs8Der))).toBe(true);
  });

  it("imports keys as non-extractable RSA-OAEP SHA-256 private keys", async () => {
    const key = await importFlowPrivateKey(pkcs8Pem);
    expect(key.extractable).toBe(false);
    expect(key.type).toBe("private");
    expect(key.algorithm).toMatchObject({ name: "RSA-OAEP", hash: { name: "SHA-256" }, modulusLength: 2048 });
  });
});

describe("private keys the core refuses", () => {
  const encryptedPkcs1 = nodeKey.export({
    type: "pkcs1",
    format: "pem",
    cipher: "des-ede3-cbc",
    passphrase: "correct horse",
  }) as string;
  const encryptedPkcs8 = nodeKey.export({
    type: "pkcs8",
    format: "pem",
    cipher: "aes-256-cbc",
    passphrase: "correct horse",
  }) as string;

  it.each([
    ["PKCS#1 with Proc-Type: 4,ENCRYPTED (des-ede3-cbc, as Meta's guide makes it)", encryptedPkcs1],
    ["PKCS#8 ENCRYPTED PRIVATE KEY", encryptedPkcs8],
  ])("%s: points to the Node loader", async (_name, pem) => {
    expect(pem).toContain("ENCRYPTED");
    const error = await createFlowKeyring(pem).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ _tag: "PrivateKeyError", problem: "encrypted" });
    expect((error as Error).message).toContain("loadFlowPrivateKey(pem, { passphrase })");
    expect((error as Error).message).toContain("flowmachine/transport/node");
  });

  it("refuses the public key with a message about which half goes where", async () => {
    const error = await importFlowPrivateKey(kat.rsa_public_key_spki_pem).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ _tag: "PrivateKeyError", problem: "public-key" });
    expect((error as Error).message).toContain("whatsapp_business_encryption");
  });

  it("refuses a public JWK and a public CryptoKey", async () => {
    const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...publicJwk } = jwk;
    await expect(importFlowPrivateKey(publicJwk)).rejects.toMatchObject({ problem: "public-key" });
    const spki = new Uint8Array(
      createPublicKey(kat.rsa_public_key_spki_pem).export({ type: "spki", format: "der" }),
    );
    const publicKey = await webcrypto.subtle.importKey(
      "spki",
      spki,
      { name: "RSA-OAEP", hash: "SHA-256" },
      true,
      ["encrypt"],
    );
    await expect(importFlowPrivateKey(publicKey)).rejects.toMatchObject({ problem: "public-key" });
  });

  it("refuses an EC key, in PEM and as PKCS#8", async () => {
    const ec = generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey;
    const sec1 = ec.export({ type: "sec1", format: "pem" }) as string;
    const pkcs8 = ec.export({ type: "pkcs8", format: "pem" }) as string;
    await expect(importFlowPrivateKey(sec1)).rejects.toMatchObject({
      _tag: "PrivateKeyError",
      problem: "not-rsa-oaep",
    });
    await expect(importFlowPrivateKey(pkcs8)).rejects.toMatchObject({
      _tag: "PrivateKeyError",
      problem: "not-rsa-oaep",
    });
    await expect(
      importFlowPrivateKey({ kty: "EC", crv: "P-256", x: "x", y: "y", d: "d" }),
    ).rejects.toMatchObject({
      problem: "not-rsa-oaep",
    });
  });

  it("refuses an RSA CryptoKey imported for another algorithm", async () => {
    const sha1 = await webcrypto.subtle.importKey(
      "pkcs8",
      pkcs8Der,
      { name: "RSA-OAEP", hash: "SHA-1" },
      false,
      ["decrypt"],
    );
    const pss = await webcrypto.subtle.importKey(
      "pkcs8",
      pkcs8Der,
      { name: "RSA-PSS", hash: "SHA-256" },
      false,
      ["sign"],
    );
    await expect(importFlowPrivateKey(sha1)).rejects.toMatchObject({ problem: "not-rsa-oaep" });
    await expect(importFlowPrivateKey(pss)).rejects.toMatchObject({ problem: "not-rsa-oaep" });
  });

  it.each([
    ["an empty string", ""],
    ["text without a PEM block", "not a key"],
    [
      "a PEM block whose body is not base64",
      "-----BEGIN PRIVATE KEY-----\n@@@@\n-----END PRIVATE KEY-----\n",
    ],
    ["a PKCS#8 body with a line missing", pkcs8Pem.split("\n").toSpliced(10, 1).join("\n")],
    ["random DER-looking bytes", Uint8Array.of(0x30, 0x03, 0x02, 0x01, 0x00)],
    [
      "an unknown PEM label",
      "-----BEGIN OPENSSH PRIVATE KEY-----\nAAAA\n-----END OPENSSH PRIVATE KEY-----\n",
    ],
  ])("calls %s unreadable", async (_name, input) => {
    const error = await importFlowPrivateKey(input).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ _tag: "PrivateKeyError", problem: "unreadable" });
    expect((error as Error).message).toContain("BEGIN PRIVATE KEY");
  });

  it("needs at least one key in a keyring", async () => {
    await expect(createFlowKeyring([])).rejects.toMatchObject({ _tag: "CryptoConfigError" });
  });

  it("never puts key material in an error", async () => {
    const error = (await createFlowKeyring([pkcs8Pem, encryptedPkcs1]).catch(
      (caught: unknown) => caught,
    )) as Error;
    const body = pkcs8Pem.split("\n")[1] ?? "";
    expect(JSON.stringify(error)).not.toContain(body.slice(0, 20));
    expect(error.message).not.toContain(body.slice(0, 20));
  });
});
