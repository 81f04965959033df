import { describe, expect, it } from "vitest";
import { generateFlowToken } from "../../src/graph-api/flow-token.js";

describe("generateFlowToken", () => {
  it("writes 24 random bytes as 32 base64url characters, never twice the same", () => {
    const tokens = new Set(Array.from({ length: 1000 }, () => generateFlowToken()));
    expect(tokens.size).toBe(1000);
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(Buffer.from(generateFlowToken(32), "base64url")).toHaveLength(32);
  });

  it("uses every base64url character (no bias to a subset)", () => {
    const seen = new Set(Array.from({ length: 300 }, () => generateFlowToken()).join(""));
    expect(seen.size).toBe(64);
  });

  it("refuses sizes below 128 bits", () => {
    expect(() => generateFlowToken(8)).toThrow(
      expect.objectContaining({ _tag: "GraphApiInputError", field: "byteLength" }),
    );
  });
});
