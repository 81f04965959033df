import { describe, expect, it } from "vitest";
import { kebabCase, toWireOptions, toWireValue } from "../../../src/flow-json/builders/wire-value.js";
import { withRef } from "../../../src/flow-json/builders/input.js";
import { buildComponent } from "../../../src/flow-json/builders/component.js";
import { isInputComponent } from "../../../src/flow-json/builders/input.js";
import type { TextInput } from "../../../src/flow-json/types.js";
import { formRef } from "../../../src/flow-json/refs.js";

describe("kebabCase", () => {
  it("spells camelCase option keys the wire's way", () => {
    expect(
      [
        "onClickAction",
        "inputType",
        "initValue",
        "mainContent",
        "altText",
        "startDate",
        "maxFileSizeKb",
        "text",
      ].map(kebabCase),
    ).toEqual([
      "on-click-action",
      "input-type",
      "init-value",
      "main-content",
      "alt-text",
      "start-date",
      "max-file-size-kb",
      "text",
    ]);
  });
});

describe("toWireValue / toWireOptions", () => {
  it("renders refs, regex sources and nested values, dropping undefined entries and items", () => {
    expect(toWireValue({ a: formRef("x"), b: [/a+/, undefined], c: { d: undefined, e: {} } })).toStrictEqual({
      a: "${form.x}",
      b: ["a+"],
      c: { e: {} },
    });
  });

  it("renames top-level keys only", () => {
    expect(
      toWireOptions({ onClickAction: { name: "complete", payload: { someKey: 1 } }, zero: 0 }),
    ).toStrictEqual({
      "on-click-action": { name: "complete", payload: { someKey: 1 } },
      zero: 0,
    });
  });
});

describe("input refs", () => {
  it("are attached without becoming part of the JSON", () => {
    const input = withRef<TextInput, string>(
      buildComponent<TextInput>("TextInput", { name: "a", label: "A" }),
    );
    expect(Object.getOwnPropertyDescriptor(input, "ref")?.enumerable).toBe(false);
    expect(JSON.stringify(input)).toBe('{"type":"TextInput","name":"a","label":"A"}');
    expect(isInputComponent(input)).toBe(true);
    expect(isInputComponent({ type: "TextBody", text: "x" })).toBe(false);
  });
});
