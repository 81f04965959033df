import { generateKeyPairSync } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startGraphApiStandIn, type GraphApiStandIn } from "../helpers/graph-api-stand-in.js";
import { standInClient } from "../helpers/graph-api-stand-in-client.js";

const { publicKey, privateKey } = generateKeyPairSync("rsa", {
  modulusLength: 2048,
  publicKeyEncoding: { type: "spki", format: "pem" },
  privateKeyEncoding: { type: "pkcs8", format: "pem" },
});

describe("business encryption key against the Graph API stand-in", () => {
  let graph: GraphApiStandIn;
  beforeEach(async () => {
    graph = await startGraphApiStandIn();
  });
  afterEach(() => graph.close());

  it("uploads the key as the form field business_public_key on the phone number", async () => {
    const { client } = standInClient(graph);
    await expect(client.encryption.setBusinessPublicKey("106540352242922", publicKey)).resolves.toEqual({
      success: true,
    });
    const request = graph.lastRequest();
    expect(request).toMatchObject({
      method: "POST",
      path: "/106540352242922/whatsapp_business_encryption",
      query: {},
    });
    expect(request.contentType).toBe("application/x-www-form-urlencoded");
    expect(request.body).toEqual({ kind: "form", fields: { business_public_key: publicKey.trim() } });
  });

  it("reads the key back from the flat shape and from the {data:[...]} shape", async () => {
    const { client } = standInClient(graph);
    expect(await client.encryption.getBusinessPublicKey("1")).toBeUndefined();
    graph.encryptionKeys.set("1", publicKey);
    const expected = { business_public_key: publicKey, business_public_key_signature_status: "VALID" };
    expect(await client.encryption.getBusinessPublicKey("1")).toEqual(expected);
    expect(graph.lastRequest()).toMatchObject({
      method: "GET",
      path: "/1/whatsapp_business_encryption",
      query: {},
    });
    graph.keyShape = "data";
    expect(await client.encryption.getBusinessPublicKey("1")).toEqual(expected);
    graph.encryptionKeys.clear();
    expect(await client.encryption.getBusinessPublicKey("1")).toBeUndefined();
  });

  it("never uploads a private key or something that is not a PEM public key", async () => {
    const { client } = standInClient(graph);
    const privateError = await client.encryption
      .setBusinessPublicKey("1", privateKey)
      .catch((e: unknown) => e);
    expect(privateError).toMatchObject({ _tag: "GraphApiInputError", field: "publicKey" });
    expect((privateError as Error).message).toMatch(/^This is a private key: upload the public one/);
    await expect(client.encryption.setBusinessPublicKey("1", "ssh-rsa AAAA")).rejects.toMatchObject({
      _tag: "GraphApiInputError",
    });
    expect(graph.requests).toHaveLength(0);
  });
});
