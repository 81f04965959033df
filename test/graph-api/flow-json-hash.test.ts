import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { FlowJson } from "../../src/flow-json/types.js";
import { canonicalFlowJson, hashFlowJson } from "../../src/graph-api/flow-json-hash.js";
import { readSharedJson } from "../helpers/shared-path.js";

const signin = readSharedJson("fixtures/seed/signin.flow.json") as FlowJson;

describe("Flow JSON content hash", () => {
  it("ignores key order and whitespace, and matches an independent SHA-256 of the canonical text", async () => {
    const reordered = Object.fromEntries(Object.entries(signin).reverse()) as unknown as FlowJson;
    expect(canonicalFlowJson('{ "version": "7.3",\n "screens": [] }')).toBe('{"screens":[],"version":"7.3"}');
    expect(
      canonicalFlowJson({ version: "7.3", screens: [], data_api_version: undefined } as unknown as FlowJson),
    ).toBe('{"screens":[],"version":"7.3"}');
    const expected = createHash("sha256").update(canonicalFlowJson(signin)).digest("hex");
    expect(await hashFlowJson(signin)).toBe(expected);
    expect(await hashFlowJson(JSON.stringify(signin, null, 2))).toBe(expected);
    expect(JSON.stringify(reordered)).not.toBe(JSON.stringify(signin));
    expect(await hashFlowJson(reordered)).toBe(expected);
  });

  it("changes when the content changes", async () => {
    const changed = { ...signin, version: "7.1" };
    expect(await hashFlowJson(changed)).not.toBe(await hashFlowJson(signin));
  });

  it("refuses text that is not JSON", () => {
    expect(() => canonicalFlowJson("{")).toThrow(
      expect.objectContaining({ _tag: "FlowJsonSourceError", source: "string" }),
    );
  });
});
