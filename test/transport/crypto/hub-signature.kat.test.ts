import { Redacted } from "effect";
import { describe, expect, it } from "vitest";
import { readHeader, verifyHubSignature } from "../../../src/transport/index.js";
import { kat } from "../../helpers/crypto-kat.js";

const { app_secret, raw_body_utf8, expected_header } = kat.x_hub_signature_256;
const secret = Redacted.make(app_secret);
const body = new TextEncoder().encode(raw_body_utf8);

describe("verifyHubSignature against the known answer", () => {
  it.each<[string, Parameters<typeof verifyHubSignature>[1]]>([
    ["a Node header record (lower case)", { "x-hub-signature-256": expected_header }],
    ["a record in the documented case", { "X-Hub-Signature-256": expected_header }],
    ["a record with an upper-case name", { "X-HUB-SIGNATURE-256": expected_header }],
    ["a one-element array", { "x-hub-signature-256": [expected_header] }],
    ["a fetch Headers", new Headers({ "X-Hub-Signature-256": expected_header })],
    ["upper-case hex", { "x-hub-signature-256": `sha256=${expected_header.slice(7).toUpperCase()}` }],
  ])("accepts the recorded signature from %s", async (_name, headers) => {
    await expect(verifyHubSignature(body, headers, secret)).resolves.toBe(true);
  });

  it("accepts the body as text, bytes or an ArrayBuffer", async () => {
    const headers = { "x-hub-signature-256": expected_header };
    await expect(verifyHubSignature(raw_body_utf8, headers, secret)).resolves.toBe(true);
    await expect(verifyHubSignature(body.slice().buffer, headers, secret)).resolves.toBe(true);
    await expect(verifyHubSignature(Buffer.from(raw_body_utf8), headers, secret)).resolves.toBe(true);
  });

  it("accepts the recorded signature while rotating, whichever secret comes first", async () => {
    const headers = { "x-hub-signature-256": expected_header };
    await expect(verifyHubSignature(body, headers, [Redacted.make("new-secret"), secret])).resolves.toBe(
      true,
    );
    await expect(verifyHubSignature(body, headers, [secret, Redacted.make("new-secret")])).resolves.toBe(
      true,
    );
  });

  it.each<[string, Parameters<typeof verifyHubSignature>[1]]>([
    ["no header", {}],
    ["an empty header", { "x-hub-signature-256": "" }],
    ["the hex without prefix", { "x-hub-signature-256": expected_header.slice(7) }],
    ["another prefix", { "x-hub-signature-256": `sha1=${expected_header.slice(7)}` }],
    ["a truncated digest", { "x-hub-signature-256": expected_header.slice(0, -2) }],
    ["trailing text", { "x-hub-signature-256": `${expected_header}0` }],
    ["the header twice", { "x-hub-signature-256": [expected_header, expected_header] }],
    [
      "the header twice in Headers",
      new Headers([
        ["x-hub-signature-256", expected_header],
        ["x-hub-signature-256", expected_header],
      ]),
    ],
    ["a different digest", { "x-hub-signature-256": `sha256=${"0".repeat(64)}` }],
    ["the X-Hub-Signature (SHA-1) header only", { "x-hub-signature": expected_header }],
  ])("refuses %s", async (_name, headers) => {
    await expect(verifyHubSignature(body, headers, secret)).resolves.toBe(false);
  });

  it("refuses a re-serialised body (the digest covers the raw bytes)", async () => {
    const reserialised = JSON.stringify(JSON.parse(raw_body_utf8), null, 1);
    await expect(
      verifyHubSignature(reserialised, { "x-hub-signature-256": expected_header }, secret),
    ).resolves.toBe(false);
  });

  it("refuses the wrong secret", async () => {
    const headers = { "x-hub-signature-256": expected_header };
    await expect(verifyHubSignature(body, headers, Redacted.make(`${app_secret}x`))).resolves.toBe(false);
  });

  it.each<[string, unknown, RegExp]>([
    ["no secret", [], /at least one secret/],
    ["an empty secret", Redacted.make(""), /empty.*environment variable/],
    ["a plain string secret", app_secret, /wrap each secret with Redacted\.make/],
  ])("rejects a configuration with %s", async (_name, secrets, message) => {
    const outcome = verifyHubSignature(body, {}, secrets as Redacted.Redacted<string>);
    await expect(outcome).rejects.toMatchObject({ _tag: "CryptoConfigError" });
    await expect(outcome).rejects.toThrow(message);
  });
});

describe("readHeader", () => {
  it("finds a header whatever its case, and only when it is given once", () => {
    expect(readHeader({ "Content-Type": "text/plain" }, "content-type")).toBe("text/plain");
    expect(readHeader({ "content-type": "a", "Content-Type": "b" }, "content-type")).toBeUndefined();
    expect(readHeader({ other: "x" }, "content-type")).toBeUndefined();
    expect(readHeader(new Headers({ "Content-Type": "text/plain" }), "CONTENT-TYPE")).toBe("text/plain");
  });
});
