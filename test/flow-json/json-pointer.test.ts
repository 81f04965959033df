import { describe, expect, it } from "vitest";
import { formatJsonPointer } from "../../src/flow-json/index.js";

describe("formatJsonPointer", () => {
  it("joins keys and indexes with slashes, the empty path being the whole document", () => {
    expect(formatJsonPointer([])).toBe("");
    expect(formatJsonPointer(["screens", 0, "layout", "children", 2, "label"])).toBe(
      "/screens/0/layout/children/2/label",
    );
  });

  it("escapes ~ before / so that the pointer decodes back to the same keys (RFC 6901 §3)", () => {
    expect(formatJsonPointer(["a/b", "m~n", "~1", ""])).toBe("/a~1b/m~0n/~01/");
  });
});
