import { Redacted } from "effect";
import { describe, expect, it } from "vitest";
import { createFlowKeyring, decryptFlowRequest, verifyHubSignature } from "../../../src/transport/index.js";
import { kat } from "../../helpers/crypto-kat.js";
import { decryptResponseBody } from "../../helpers/whatsapp-client-crypto.js";

const keyring = await createFlowKeyring(kat.rsa_private_key_pkcs8_pem);

describe("decryptFlowRequest against the known answers", () => {
  it.each(kat.data_exchange_cases.map((item, index) => [index, item] as const))(
    "case %i decrypts to the recorded plaintext",
    async (_index, item) => {
      const request = await decryptFlowRequest(item.request_http_body, keyring);
      expect(request.payload).toEqual(JSON.parse(item.expected_decrypted_request_utf8));
      expect(request.keyIndex).toBe(0);
    },
  );

  it.each(kat.data_exchange_cases.map((item, index) => [index, item] as const))(
    "case %i encrypts the recorded response text to the recorded bytes",
    async (_index, item) => {
      const request = await decryptFlowRequest(item.request_http_body, keyring);
      await expect(request.encryptResponseText(item.response_plaintext_utf8)).resolves.toBe(
        item.expected_response_body_base64,
      );
    },
  );

  it.each(kat.data_exchange_cases.map((item, index) => [index, item] as const))(
    "case %i encrypts the response object to the recorded bytes (JSON.stringify keeps its layout)",
    async (_index, item) => {
      const request = await decryptFlowRequest(item.request_http_body, keyring);
      const body = await request.encryptResponse(JSON.parse(item.response_plaintext_utf8));
      expect(body).toBe(item.expected_response_body_base64);
    },
  );

  it("uses the recorded AES key and the bit-inverted IV for the response (read back independently)", async () => {
    const item = kat.data_exchange_cases[1];
    if (item === undefined) throw new Error("the KAT has no second case");
    const request = await decryptFlowRequest(item.request_http_body, keyring);
    const body = await request.encryptResponseText(item.response_plaintext_utf8);
    const aesKey = Buffer.from(kat.aes_key_hex, "hex");
    const iv = Buffer.from(kat.initial_vector_hex, "hex");
    expect(Buffer.from(iv.map((byte) => byte ^ 0xff)).toString("hex")).toBe(kat.flipped_iv_hex);
    expect(decryptResponseBody(body, aesKey, iv)).toBe(item.response_plaintext_utf8);
  });

  it("encrypts several responses to one request identically (the IV is inverted once)", async () => {
    const item = kat.data_exchange_cases[0];
    if (item === undefined) throw new Error("the KAT has no first case");
    const request = await decryptFlowRequest(item.request_http_body, keyring);
    const first = await request.encryptResponseText(item.response_plaintext_utf8);
    const second = await request.encryptResponseText(item.response_plaintext_utf8);
    expect(second).toBe(first);
    expect(first).toBe(item.expected_response_body_base64);
  });

  it("verifies the signed raw body, then decrypts that same raw body (bytes and text)", async () => {
    const { app_secret, raw_body_utf8, expected_header } = kat.x_hub_signature_256;
    const rawBytes = new TextEncoder().encode(raw_body_utf8);
    await expect(
      verifyHubSignature(rawBytes, { "X-Hub-Signature-256": expected_header }, Redacted.make(app_secret)),
    ).resolves.toBe(true);
    const fromBytes = await decryptFlowRequest(rawBytes, keyring);
    const fromText = await decryptFlowRequest(raw_body_utf8, keyring);
    const recorded = kat.data_exchange_cases.find(
      (item) => JSON.stringify(item.request_http_body) === raw_body_utf8,
    );
    expect(recorded).toBeDefined();
    expect(fromBytes.payload).toEqual(JSON.parse(recorded?.expected_decrypted_request_utf8 ?? "null"));
    expect(fromText.payload).toEqual(fromBytes.payload);
  });
});
