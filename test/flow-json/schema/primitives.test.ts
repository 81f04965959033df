import { Schema } from "effect";
import { describe, expect, it } from "vitest";
import {
  BindingSchema,
  dynamic,
  orderedStruct,
  StringSchema,
} from "../../../src/flow-json/schema/primitives.js";

describe("orderedStruct", () => {
  it("declares the fields in the given order, whatever order they are written in", () => {
    const next = orderedStruct(["name", "type"], { type: StringSchema, name: StringSchema });
    expect(next.ast.propertySignatures.map((signature) => signature.name)).toEqual(["name", "type"]);
  });

  it("refuses an order that misses or invents a field", () => {
    expect(() => orderedStruct(["name"], { type: StringSchema, name: StringSchema })).toThrow(
      "Key order [name] does not list exactly the fields [type, name].",
    );
    expect(() => orderedStruct(["name", "type", "type"], { type: StringSchema, name: StringSchema })).toThrow(
      /does not list exactly the fields/,
    );
  });
});

describe("BindingSchema and dynamic", () => {
  it("accepts ${...} references and backtick expressions only", () => {
    const isBinding = Schema.is(BindingSchema);
    expect(["${data.x}", "${screen.A.form.b}", "`${form.a} + 1`"].every(isBinding)).toBe(true);
    expect(["data.x", "${data.x", "yes", "`open"].some(isBinding)).toBe(false);
    const isFlag = Schema.is(dynamic(Schema.Boolean));
    expect([true, false, "${data.flag}"].every(isFlag)).toBe(true);
    expect(isFlag("true")).toBe(false);
  });
});
