import { describe, expect, it } from "vitest";
import { appendPointer, resolvePointer } from "../../../src/flow-json/validate/json-pointer.js";

describe("JSON pointers", () => {
  it("escapes '~' and '/' in keys as RFC 6901 requires", () => {
    expect(appendPointer("", "screens")).toBe("/screens");
    expect(appendPointer("/routing_model", "A/B~C")).toBe("/routing_model/A~1B~0C");
    expect(appendPointer("/screens", 3)).toBe("/screens/3");
  });

  it("resolves what appendPointer builds", () => {
    const document = { "a/b": { "c~d": [10, { e: null }] } };
    const pointer = appendPointer(appendPointer(appendPointer(appendPointer("", "a/b"), "c~d"), 1), "e");
    expect(pointer).toBe("/a~1b/c~0d/1/e");
    expect(resolvePointer(document, pointer)).toBeNull();
    expect(resolvePointer(document, "")).toBe(document);
  });

  it("resolves nothing for paths that do not exist", () => {
    expect(resolvePointer({ a: [1] }, "/a/1")).toBeUndefined();
    expect(resolvePointer({ a: [1] }, "/a/01")).toBeUndefined();
    expect(resolvePointer({ a: 1 }, "/constructor")).toBeUndefined();
    expect(resolvePointer({ a: 1 }, "a")).toBeUndefined();
  });
});
