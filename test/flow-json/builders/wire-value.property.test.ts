import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { kebabCase, toWireOptions } from "../../../src/flow-json/builders/wire-value.js";
import { textInput } from "../../../src/flow-json/builders/inputs.js";
import type { TextInputOptions } from "../../../src/flow-json/builders/inputs.js";
import { dataRef } from "../../../src/flow-json/refs.js";
import { expectWireJson } from "../../helpers/wire-json.js";

const camelKey = fc
  .array(fc.stringMatching(/^[a-z]{1,6}$/), { minLength: 1, maxLength: 4 })
  .map(
    ([head, ...rest]) => (head ?? "a") + rest.map((part) => part[0]?.toUpperCase() + part.slice(1)).join(""),
  );

/** Optional TextInput options, each left out, passed as undefined, or given a value (falsy ones included). */
const optional = <T>(value: fc.Arbitrary<T>): fc.Arbitrary<T | undefined | null> =>
  fc.oneof(fc.constant(null), fc.constant(undefined), value);

const textInputOptions = fc.record({
  inputType: optional(fc.constantFrom("text", "number", "email", "password", "passcode", "phone" as const)),
  required: optional(fc.oneof(fc.boolean(), fc.constant(dataRef<boolean>("required")))),
  minChars: optional(fc.nat(80)),
  maxChars: optional(fc.oneof(fc.nat(80), fc.constant(dataRef<number>("max")))),
  helperText: optional(fc.string()),
  enabled: optional(fc.boolean()),
  visible: optional(fc.oneof(fc.boolean(), fc.constant(dataRef<number>("age").gt(18)))),
  initValue: optional(fc.string()),
  errorMessage: optional(fc.string()),
});

describe("builder output", () => {
  it("holds the kebab-case key of exactly the options given a value, and nothing but JSON", () => {
    fc.assert(
      fc.property(textInputOptions, (generated) => {
        const given = Object.fromEntries(Object.entries(generated).filter(([, value]) => value !== null));
        const input = textInput({ name: "field", label: "Field", ...given } as TextInputOptions);
        const defined = Object.keys(given).filter((option) => given[option] !== undefined);
        expect(Object.keys(input).sort()).toEqual(
          ["label", "name", "type", ...defined.map(kebabCase)].sort(),
        );
        for (const option of defined) {
          if (typeof given[option] !== "object")
            expect(input[kebabCase(option) as keyof typeof input]).toBe(given[option]);
        }
        expectWireJson(input);
      }),
    );
  });

  it("turns camelCase keys into lower-case words joined by hyphens", () => {
    fc.assert(
      fc.property(camelKey, (option) => {
        const wire = kebabCase(option);
        expect(wire).toMatch(/^[a-z]+(-[a-z]+)*$/);
        expect(wire.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase())).toBe(option);
        expect(Object.keys(toWireOptions({ [option]: 0 }))).toEqual([wire]);
      }),
    );
  });
});
