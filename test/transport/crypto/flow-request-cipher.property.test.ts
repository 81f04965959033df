import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  createFlowKeyring,
  decryptFlowRequest,
  DecryptionError,
  type FlowRequestEnvelope,
} from "../../../src/transport/index.js";
import { kat } from "../../helpers/crypto-kat.js";
import { encryptRequest } from "../../helpers/whatsapp-client-crypto.js";

const keyring = await createFlowKeyring(kat.rsa_private_key_pkcs8_pem);
const publicKey = kat.rsa_public_key_spki_pem;
const json = fc.jsonValue({ stringUnit: "binary" });
/** What a JSON value becomes after one trip through JSON text (-0 becomes 0). */
const normalised = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

async function expectGenericFailure(body: unknown): Promise<void> {
  const outcome = await decryptFlowRequest(body, keyring).then(
    () => "decrypted",
    (error: unknown) => error,
  );
  expect(outcome).toBeInstanceOf(DecryptionError);
  expect((outcome as DecryptionError).message).toBe(new DecryptionError({}).message);
}

describe("round trip through the WhatsApp-client stand-in", () => {
  it("decrypts any JSON payload the client encrypts, and the client reads any JSON reply", async () => {
    await fc.assert(
      fc.asyncProperty(json, json, async (payload, reply) => {
        const client = encryptRequest(publicKey, JSON.stringify(payload));
        const request = await decryptFlowRequest(client.body, keyring);
        expect(request.payload).toEqual(normalised(payload));
        expect(client.decryptResponse(await request.encryptResponse(reply))).toEqual(normalised(reply));
      }),
      { numRuns: 150 },
    );
  });
});

describe("tampering", () => {
  const client = encryptRequest(publicKey, {
    version: "3.0",
    action: "data_exchange",
    screen: "A",
    data: { x: 1 },
    flow_token: "t",
  });
  const fields = ["encrypted_flow_data", "encrypted_aes_key", "initial_vector"] as const;

  it("fails with the generic error for any single-character change to any envelope field", async () => {
    const mutation = fc
      .constantFrom(...fields)
      .chain((field) =>
        fc.record({
          field: fc.constant(field),
          index: fc.nat({ max: client.envelope[field].length - 1 }),
          code: fc.integer({ min: 0, max: 255 }),
        }),
      )
      .filter(({ field, index, code }) => client.envelope[field].charCodeAt(index) !== code);
    await fc.assert(
      fc.asyncProperty(mutation, async ({ field, index, code }) => {
        const value = client.envelope[field];
        const mutated: FlowRequestEnvelope = {
          ...client.envelope,
          [field]: value.slice(0, index) + String.fromCharCode(code) + value.slice(index + 1),
        };
        await expectGenericFailure(mutated);
      }),
      { numRuns: 400 },
    );
  });

  it("fails with the generic error for any single-byte change to the raw body", async () => {
    const raw = new TextEncoder().encode(client.body);
    const mutation = fc
      .record({ index: fc.nat({ max: raw.length - 1 }), byte: fc.integer({ min: 0, max: 255 }) })
      .filter(({ index, byte }) => raw[index] !== byte);
    await fc.assert(
      fc.asyncProperty(mutation, async ({ index, byte }) => {
        const mutated = raw.slice();
        mutated[index] = byte;
        await expectGenericFailure(mutated);
      }),
      { numRuns: 400 },
    );
  });

  it("still decrypts the untouched request (the properties above are not vacuous)", async () => {
    const request = await decryptFlowRequest(client.body, keyring);
    expect(request.payload).toMatchObject({ action: "data_exchange" });
  });
});
