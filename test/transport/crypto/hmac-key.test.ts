import { Redacted } from "effect";
import { afterEach, describe, expect, it, vi } from "vitest";
import { hmacKeys } from "../../../src/transport/crypto/hmac-key.js";

afterEach(() => {
  vi.restoreAllMocks();
});

describe("hmacKeys", () => {
  it("imports each Redacted secret once and reuses the key", async () => {
    const importKey = vi.spyOn(globalThis.crypto.subtle, "importKey");
    const first = Redacted.make("first");
    const second = Redacted.make("second");
    const [a] = await hmacKeys(first, "test");
    const [b, c] = await hmacKeys([first, second], "test");
    const [d] = await hmacKeys(second, "test");
    expect(importKey).toHaveBeenCalledTimes(2);
    expect(b).toBe(a);
    expect(d).toBe(c);
    expect(a?.extractable).toBe(false);
    expect(a?.algorithm).toMatchObject({ name: "HMAC", hash: { name: "SHA-256" } });
  });

  it("names the setting in configuration errors", async () => {
    await expect(hmacKeys([], "verifySomething (the X secret)")).rejects.toThrow(
      /^verifySomething \(the X secret\): give at least one secret/,
    );
  });
});
