import {
  constants,
  createCipheriv,
  createPrivateKey,
  generateKeyPairSync,
  publicEncrypt,
  randomBytes,
  webcrypto,
} from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createFlowKeyring, decryptFlowRequest, DecryptionError } from "../../../src/transport/index.js";
import { kat, katCase } from "../../helpers/crypto-kat.js";
import { encryptRequest } from "../../helpers/whatsapp-client-crypto.js";

const keyring = await createFlowKeyring(kat.rsa_private_key_pkcs8_pem);
const other = generateKeyPairSync("rsa", {
  modulusLength: 2048,
  publicKeyEncoding: { type: "spki", format: "pem" },
  privateKeyEncoding: { type: "pkcs8", format: "pem" },
});
const ping = katCase("ping");
const envelope = ping.request_http_body;
const genericMessage = new DecryptionError({}).message;

async function decryptionFailure(body: unknown, ring = keyring): Promise<DecryptionError> {
  const error = await decryptFlowRequest(body, ring).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DecryptionError);
  const failure = error as DecryptionError;
  expect(failure._tag).toBe("DecryptionError");
  expect(failure.message).toBe(genericMessage);
  return failure;
}

describe("decryptFlowRequest failures", () => {
  it.each<[string, unknown]>([
    ["a body that is not JSON", "{not json"],
    ["a body that is not UTF-8", Uint8Array.of(0x7b, 0xff, 0x7d)],
    ["a JSON array", "[]"],
    ["null", null],
    ["a missing encrypted_aes_key", { ...envelope, encrypted_aes_key: undefined }],
    ["a numeric initial_vector", { ...envelope, initial_vector: 42 }],
    ["non-base64 flow data", { ...envelope, encrypted_flow_data: "%%%%" }],
    ["base64 with whitespace", { ...envelope, encrypted_aes_key: ` ${envelope.encrypted_aes_key}` }],
    // Same bytes under a lenient decoder: only the ignored low bits of the last character differ.
    ["a non-canonical IV", { ...envelope, initial_vector: envelope.initial_vector.replace(/w==$/, "x==") }],
    ["unpadded base64", { ...envelope, initial_vector: envelope.initial_vector.replace(/=+$/, "") }],
    [
      "base64url instead of base64",
      { ...envelope, encrypted_aes_key: envelope.encrypted_aes_key.replace(/\+/g, "-") },
    ],
    ["a 12-byte IV", { ...envelope, initial_vector: Buffer.alloc(12).toString("base64") }],
    [
      "flow data shorter than the tag",
      { ...envelope, encrypted_flow_data: Buffer.alloc(15).toString("base64") },
    ],
    ["a truncated wrapped key", { ...envelope, encrypted_aes_key: Buffer.alloc(255, 1).toString("base64") }],
    ["another request's IV", { ...envelope, initial_vector: Buffer.alloc(16, 7).toString("base64") }],
  ])("gives the generic error for %s", async (_name, body) => {
    const error = await decryptionFailure(body);
    expect(error.cause).toBeDefined();
  });

  it("gives the generic error when the plaintext is not JSON", async () => {
    const request = encryptRequest(kat.rsa_public_key_spki_pem, "plain words, not JSON");
    await decryptionFailure(request.body);
  });

  it("gives the generic error when the plaintext is not UTF-8", async () => {
    const latin1 = encryptRequest(kat.rsa_public_key_spki_pem, Buffer.from('"caf\xe9"', "latin1"));
    await decryptionFailure(latin1.body);
  });

  it("gives the generic error for a wrapped key that is not 128 bits, with either key usage", async () => {
    const aesKey = randomBytes(32);
    const iv = randomBytes(16);
    const cipher = createCipheriv("aes-256-gcm", aesKey, iv);
    const sealed = Buffer.concat([cipher.update('{"action":"ping"}'), cipher.final(), cipher.getAuthTag()]);
    const wrapped = publicEncrypt(
      { key: kat.rsa_public_key_spki_pem, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: "sha256" },
      aesKey,
    );
    const aes256 = {
      encrypted_flow_data: sealed.toString("base64"),
      encrypted_aes_key: wrapped.toString("base64"),
      initial_vector: iv.toString("base64"),
    };
    await decryptionFailure(aes256);
    const der = createPrivateKey(kat.rsa_private_key_pkcs8_pem).export({ type: "pkcs8", format: "der" });
    const decryptOnly = await webcrypto.subtle.importKey(
      "pkcs8",
      der,
      { name: "RSA-OAEP", hash: "SHA-256" },
      false,
      ["decrypt"],
    );
    await decryptionFailure(aes256, await createFlowKeyring(decryptOnly));
  });

  it("gives the generic error when no key of the keyring fits, and keeps every reason in the cause", async () => {
    const wrongRing = await createFlowKeyring([other.privateKey, other.privateKey]);
    const error = await decryptionFailure(envelope, wrongRing);
    expect(error.cause).toBeInstanceOf(AggregateError);
    expect((error.cause as AggregateError).errors).toHaveLength(2);
  });

  it("keeps the cause out of the message, the enumerable keys and JSON", async () => {
    const error = await decryptionFailure({
      ...envelope,
      initial_vector: Buffer.alloc(12).toString("base64"),
    });
    expect(String((error.cause as Error).message)).toContain("initial_vector");
    expect(Object.keys(error)).not.toContain("cause");
    expect(error.message).not.toContain("initial_vector");
    expect(JSON.stringify(error)).not.toContain("initial_vector");
  });
});

describe("decryptFlowRequest cost per request", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("parses no key: one RSA unwrap straight to the AES key, one GCM decryption", async () => {
    const subtle = globalThis.crypto.subtle;
    const importKey = vi.spyOn(subtle, "importKey");
    const unwrapKey = vi.spyOn(subtle, "unwrapKey");
    const decrypt = vi.spyOn(subtle, "decrypt");
    const request = await decryptFlowRequest(envelope, keyring);
    await request.encryptResponse({ data: { status: "active" } });
    expect(importKey).not.toHaveBeenCalled();
    expect(unwrapKey).toHaveBeenCalledTimes(1);
    expect(decrypt).toHaveBeenCalledTimes(1);
  });
});

describe("decryptFlowRequest with several keys (rotation)", () => {
  it("opens a request wrapped for the second key and reports which key did", async () => {
    const rotating = await createFlowKeyring([other.privateKey, kat.rsa_private_key_pkcs8_pem]);
    const request = await decryptFlowRequest(envelope, rotating);
    expect(request.keyIndex).toBe(1);
    expect(request.payload).toEqual(JSON.parse(ping.expected_decrypted_request_utf8));
    await expect(request.encryptResponseText(ping.response_plaintext_utf8)).resolves.toBe(
      ping.expected_response_body_base64,
    );
  });

  it("opens a request for the first key without trying the second", async () => {
    const rotating = await createFlowKeyring([other.privateKey, kat.rsa_private_key_pkcs8_pem]);
    const request = await decryptFlowRequest(
      encryptRequest(other.publicKey, { action: "ping" }).body,
      rotating,
    );
    expect(request.keyIndex).toBe(0);
  });
});

describe("encryptResponse", () => {
  it("works detached from the request object", async () => {
    const { encryptResponseText } = await decryptFlowRequest(envelope, keyring);
    await expect(encryptResponseText(ping.response_plaintext_utf8)).resolves.toBe(
      ping.expected_response_body_base64,
    );
  });

  it("rejects values that do not serialise with ResponseEncryptionError", async () => {
    const request = await decryptFlowRequest(envelope, keyring);
    await expect(request.encryptResponse({ count: 1n })).rejects.toMatchObject({
      _tag: "ResponseEncryptionError",
    });
    await expect(request.encryptResponse(undefined)).rejects.toMatchObject({
      _tag: "ResponseEncryptionError",
    });
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    await expect(request.encryptResponse(cycle)).rejects.toThrow(/serialised as JSON/);
  });

  it("answers the stand-in client, which reads the reply with node:crypto", async () => {
    const client = encryptRequest(kat.rsa_public_key_spki_pem, {
      version: "3.0",
      action: "INIT",
      flow_token: "t",
    });
    const request = await decryptFlowRequest(client.body, keyring);
    const reply = { screen: "WELCOME", data: { greeting: "Olá 👋", items: [1, 2.5, null, true] } };
    expect(client.decryptResponse(await request.encryptResponse(reply))).toEqual(reply);
  });

  it("keeps the AES key and IV out of what a logger sees", async () => {
    const request = await decryptFlowRequest(envelope, keyring);
    expect(Object.keys(request).sort()).toEqual([
      "encryptResponse",
      "encryptResponseText",
      "keyIndex",
      "payload",
    ]);
    expect(JSON.parse(JSON.stringify(request))).toEqual({ payload: request.payload, keyIndex: 0 });
  });
});
