import { describe, expect, it } from "vitest";
import {
  findReferences,
  isBacktickExpression,
  isDynamicValue,
  isSingleReference,
} from "../../../src/flow-json/validate/references.js";

describe("references", () => {
  it("reads data, form and global references with their paths", () => {
    expect(findReferences("${data.top.second}")).toEqual([
      { source: "${data.top.second}", scope: "data", screen: undefined, path: ["top", "second"] },
    ]);
    expect(findReferences("`${form.first} ' / ' ${screen.SIGN_IN.form.email} ${screen.A.data.x.y}`")).toEqual(
      [
        { source: "${form.first}", scope: "form", screen: undefined, path: ["first"] },
        { source: "${screen.SIGN_IN.form.email}", scope: "screen-form", screen: "SIGN_IN", path: ["email"] },
        { source: "${screen.A.data.x.y}", scope: "screen-data", screen: "A", path: ["x", "y"] },
      ],
    );
  });

  it.each(["${data}", "${form.}", "${screen.A.form}", "${screen.A.other.x}", "${user.name}", "${}"])(
    "marks %s as unknown",
    (text) => {
      expect(findReferences(text).map((reference) => reference.scope)).toEqual(["unknown"]);
    },
  );

  it("tells single references and backtick expressions from mixed text", () => {
    expect(isSingleReference("${data.a}")).toBe(true);
    expect(isSingleReference("${data.a} ${data.b}")).toBe(false);
    expect(isBacktickExpression("`${data.a}`")).toBe(true);
    expect(isBacktickExpression("`")).toBe(false);
    expect(isDynamicValue("Hello ${data.name}")).toBe(false);
    expect(isDynamicValue("plain")).toBe(false);
    expect(findReferences("no references here")).toEqual([]);
  });
});
