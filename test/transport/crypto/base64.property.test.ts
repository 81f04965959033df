import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  decodeBase64,
  decodeBase64Url,
  encodeBase64,
  encodeBase64Url,
} from "../../../src/transport/crypto/base64.js";

const bytes = fc.uint8Array({ maxLength: 200 });

describe("base64 against Node's Buffer", () => {
  it("encodes exactly like Buffer (standard with padding, URL-safe without)", () => {
    fc.assert(
      fc.property(bytes, (data) => {
        expect(encodeBase64(data)).toBe(Buffer.from(data).toString("base64"));
        expect(encodeBase64Url(data)).toBe(Buffer.from(data).toString("base64url"));
      }),
    );
  });

  it("decodes what it encodes", () => {
    fc.assert(
      fc.property(bytes, (data) => {
        expect(decodeBase64(encodeBase64(data))).toEqual(data);
        expect(decodeBase64Url(encodeBase64Url(data))).toEqual(data);
      }),
    );
  });

  it("accepts a text only if it is the canonical encoding of what it decodes to", () => {
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=-_ \n";
    const text = fc.string({ unit: fc.constantFrom(...alphabet), maxLength: 24 });
    fc.assert(
      fc.property(text, (candidate) => {
        const standard = decodeBase64(candidate);
        if (standard !== undefined) expect(Buffer.from(standard).toString("base64")).toBe(candidate);
        const url = decodeBase64Url(candidate);
        if (url !== undefined) expect(Buffer.from(url).toString("base64url")).toBe(candidate);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("strict decoding", () => {
  it.each([
    ["unused bits set before ==", "rx=="],
    ["unused bits set before =", "AAB="],
    ["missing padding", "rw"],
    ["too much padding", "r==="],
    ["padding inside", "rw==rw=="],
    ["whitespace", "rw== "],
    ["a line break", "AAAA\nAAAA"],
    ["URL-safe characters", "-_=="],
    ["a non-ASCII character", "AAA\u00e9"],
    ["one dangling character", "AAAAA"],
  ])("refuses %s", (_name, text) => {
    expect(decodeBase64(text)).toBeUndefined();
  });

  it("accepts the empty string as no bytes", () => {
    expect(decodeBase64("")).toEqual(new Uint8Array());
  });

  it.each([
    ["padding", "AA=="],
    ["standard characters", "+/8"],
    ["unused bits set", "AB"],
  ])("refuses URL-safe text with %s", (_name, text) => {
    expect(decodeBase64Url(text)).toBeUndefined();
  });
});
