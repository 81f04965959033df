/**
 * Compile-time guarantees. Every `@ts-expect-error` below marks a mistake that must not compile; if one
 * of them starts compiling, `tsc --noEmit` (part of `npm test`) fails on the unused directive. The
 * functions holding the mistakes are type-checked but never run.
 */
import { describe, expect, expectTypeOf, it } from "vitest";
import {
  and,
  checkboxGroup,
  complete,
  concat,
  dataExchange,
  dataRef,
  defineScreenData,
  embeddedLink,
  fieldSchema,
  footer,
  formRef,
  ifElse,
  navigate,
  not,
  openUrl,
  optIn,
  or,
  textBody,
  textInput,
  updateData,
  type DataRef,
  type FormRef,
  type TextInput,
} from "../../src/flow-json/index.js";

const text = dataRef<string>("name");
const count = dataRef<number>("count");
const flag = dataRef<boolean>("flag");
const tags = dataRef<readonly string[]>("tags");

/** Rejects ordering a string or comparing values of different types. */
function mixedComparisons(): void {
  // @ts-expect-error a string ref has no ordering
  text.gt(5);
  // @ts-expect-error a string ref has no ordering, even against a string
  text.lte("b");
  // @ts-expect-error a number ref compares with numbers only
  count.eq("x");
  // @ts-expect-error a number ref compares with number refs only
  count.eq(text);
  // @ts-expect-error a string ref compares with strings only
  text.eq(5);
  // @ts-expect-error a boolean ref compares with booleans only
  flag.eq("true");
  // @ts-expect-error arrays cannot be compared
  tags.eq(["a"]);
  // @ts-expect-error a number cannot be ordered against a string ref
  count.gt(text);
}

/** Rejects non-boolean operands of && || !. */
function nonBooleanLogic(): void {
  // @ts-expect-error a string ref is not a condition
  and(text, flag);
  // @ts-expect-error a number is not a condition
  or(flag, 1);
  // @ts-expect-error a number ref cannot be negated
  not(count);
  // @ts-expect-error && exists on booleans only
  count.and(flag);
}

/** Rejects arithmetic on non-numbers. */
function nonNumericArithmetic(): void {
  // @ts-expect-error strings have no +
  text.plus(1);
  // @ts-expect-error a string cannot be added to a number
  count.plus("1");
  // @ts-expect-error a boolean cannot be interpolated into a concatenation
  void concat`flag is ${flag}`;
}

/** Rejects a ref of the wrong type in a property. */
function wrongRefInProperty(): void {
  // @ts-expect-error visible takes a boolean ref or condition
  textBody({ text: "x", visible: text });
  // @ts-expect-error text takes a string ref
  textBody({ text: count });
  // @ts-expect-error an If condition must be boolean
  ifElse({ condition: count, then: [] });
  // @ts-expect-error max-chars takes a number ref
  textInput({ name: "a", label: "A", maxChars: text });
  // @ts-expect-error names are static
  textInput({ name: text, label: "A" });
  // @ts-expect-error a data-source ref must hold items
  checkboxGroup({ name: "c", label: "C", dataSource: tags });
}

/** Rejects actions a component does not allow. */
function disallowedActions(): void {
  // @ts-expect-error a Footer cannot open a URL
  footer({ label: "Go", onClickAction: openUrl("https://example.com") });
  // @ts-expect-error a Footer cannot update data
  footer({ label: "Go", onClickAction: updateData({ a: 1 }) });
  // @ts-expect-error an OptIn selects with update_data only
  optIn({ name: "o", label: "O", onSelectAction: dataExchange() });
  // @ts-expect-error an EmbeddedLink cannot complete the flow
  embeddedLink({ text: "Done", onClickAction: complete() });
  // @ts-expect-error kebab-case keys are not options
  footer({ label: "Go", "on-click-action": navigate("NEXT") });
  // @ts-expect-error unknown options are rejected
  textInput({ name: "a", label: "A", inputKind: "text" });
  // @ts-expect-error input-type takes Meta's values only
  textInput({ name: "a", label: "A", inputType: "url" });
}

// Referenced so that the unused-locals check passes; the functions are never called.
void [mixedComparisons, nonBooleanLogic, nonNumericArithmetic, wrongRefInProperty, disallowedActions];

describe("refs and expressions of matching types", () => {
  it("compile and render", () => {
    expect(count.gt(5).render()).toBe("(${data.count} > 5)");
    expect(text.eq("x").render()).toBe("(${data.name} == 'x')");
    expect(and(flag, count.lt(3)).render()).toBe("(${data.flag} && (${data.count} < 3))");
  });
});

describe("refs carry their value type", () => {
  it("types input refs from the component", () => {
    expectTypeOf(textInput({ name: "a", label: "A" }).ref).toEqualTypeOf<FormRef<string>>();
    expectTypeOf(textInput({ name: "a", label: "A", inputType: "number" }).ref).toEqualTypeOf<
      FormRef<number>
    >();
    expectTypeOf(optIn({ name: "o", label: "O" }).ref).toEqualTypeOf<FormRef<boolean>>();
    expectTypeOf(checkboxGroup({ name: "c", label: "C", dataSource: [] }).ref).toEqualTypeOf<
      FormRef<readonly string[]>
    >();
    expectTypeOf(textInput({ name: "a", label: "A" })).toMatchTypeOf<TextInput>();
    expectTypeOf(formRef("x")).toEqualTypeOf<FormRef<string>>();
  });

  it("types data refs from examples and schemas", () => {
    const data = defineScreenData({
      welcome: "hi",
      age: 3,
      member: false,
      items: [{ id: "1", title: "One" }],
      count: fieldSchema({ type: "integer", __example__: 1 }),
      names: fieldSchema({ type: "array", items: { type: "string" }, __example__: ["a"] }),
    });
    expectTypeOf(data.welcome).toEqualTypeOf<DataRef<string>>();
    expectTypeOf(data.age).toEqualTypeOf<DataRef<number>>();
    expectTypeOf(data.member).toEqualTypeOf<DataRef<boolean>>();
    expectTypeOf(data.count).toEqualTypeOf<DataRef<number>>();
    expectTypeOf(data.names).toEqualTypeOf<DataRef<readonly string[]>>();
    expectTypeOf(data.items).toEqualTypeOf<
      DataRef<readonly { readonly id: string; readonly title: string }[]>
    >();
    // @ts-expect-error undeclared fields have no ref
    void data.missing;
    // @ts-expect-error an update must match the field's type
    data.member.update("yes");
    expect(String(data.welcome)).toBe("${data.welcome}");
  });
});
