import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createSecretScrubber, scrubDeep } from "../../src/graph-api/secret-scrubber.js";

describe("createSecretScrubber", () => {
  it("replaces raw, URI-encoded and JSON-escaped secrets", () => {
    const scrub = createSecretScrubber(['EAAB+/"secret\\value']);
    expect(scrub('token EAAB+/"secret\\value!')).toBe("token [redacted]!");
    expect(scrub(`q=${encodeURIComponent('EAAB+/"secret\\value')}`)).toBe("q=[redacted]");
    expect(scrub(JSON.stringify({ t: 'EAAB+/"secret\\value' }))).toBe('{"t":"[redacted]"}');
  });

  it("leaves no occurrence even when a replacement creates a new one", () => {
    const secret = "d]xxxxxxxxxxxxxx";
    expect(createSecretScrubber([secret])(`${secret}xxxxxxxxxxxxxx`)).not.toContain(secret);
  });

  it("never returns a text holding the secret (property)", () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 12 }),
        fc.array(fc.oneof(fc.string(), fc.constant("[redacted]"))),
        (secret, pieces) => {
          const text = pieces.join(secret);
          expect(createSecretScrubber([secret])(text).includes(secret)).toBe(false);
        },
      ),
    );
  });

  it("cleans every string of a nested value, keys included", () => {
    const scrub = createSecretScrubber(["EAABsecretvalue1"]);
    expect(scrubDeep({ a: ["EAABsecretvalue1", 1], EAABsecretvalue1: { b: true } }, scrub)).toEqual({
      a: ["[redacted]", 1],
      "[redacted]": { b: true },
    });
  });
});
