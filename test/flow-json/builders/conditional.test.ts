import { describe, expect, it } from "vitest";
import { ifElse, switchOn } from "../../../src/flow-json/builders/conditional.js";
import { footer } from "../../../src/flow-json/builders/navigation.js";
import { textBody, textHeading } from "../../../src/flow-json/builders/text.js";
import { complete } from "../../../src/flow-json/builders/actions.js";
import { and } from "../../../src/flow-json/expressions/conditions.js";
import { dataRef, formRef } from "../../../src/flow-json/refs.js";

describe("ifElse", () => {
  it("renders the condition without backticks", () => {
    expect(
      ifElse({
        condition: and(dataRef<boolean>("value"), formRef<string>("animal").eq("cat")),
        then: [textHeading("It is a cat")],
        else: [textHeading("It is not a cat")],
      }),
    ).toStrictEqual({
      type: "If",
      condition: "(${data.value} && (${form.animal} == 'cat'))",
      then: [{ type: "TextHeading", text: "It is a cat" }],
      else: [{ type: "TextHeading", text: "It is not a cat" }],
    });
  });

  it("takes a bare boolean ref or a hand-written condition, and leaves out a missing else", () => {
    expect(ifElse({ condition: dataRef<boolean>("ok"), then: [textBody("ok")] })).toStrictEqual({
      type: "If",
      condition: "${data.ok}",
      then: [{ type: "TextBody", text: "ok" }],
    });
    expect(ifElse({ condition: "(${form.a} == 'b')", then: [], else: undefined })).toStrictEqual({
      type: "If",
      condition: "(${form.a} == 'b')",
      then: [],
    });
  });

  it("holds footers in both branches", () => {
    const done = footer({ label: "Done", onClickAction: complete() });
    const built = ifElse({ condition: dataRef<boolean>("x"), then: [done], else: [done] });
    expect(built.then).toEqual([done]);
    expect(built.else).toEqual([done]);
  });
});

describe("switchOn", () => {
  it("writes the value as a binding and copies the cases", () => {
    const insurance = formRef<string>("insurance").inScreen("SELECT_INSURANCE");
    expect(
      switchOn({
        value: insurance,
        cases: { basic: [textBody("Basic")], full: [textBody("Full")] },
      }),
    ).toStrictEqual({
      type: "Switch",
      value: "${screen.SELECT_INSURANCE.form.insurance}",
      cases: {
        basic: [{ type: "TextBody", text: "Basic" }],
        full: [{ type: "TextBody", text: "Full" }],
      },
    });
  });

  it("backticks a computed value", () => {
    expect(switchOn({ value: dataRef<number>("n").mod(2), cases: { "0": [textBody("even")] } }).value).toBe(
      "`(${data.n} % 2)`",
    );
  });
});
