/**
 * Every expression string in pywa's golden files, reproduced character for character by our refs and
 * expressions. Each case names the file and the JSON pointer of the string.
 */
import { describe, expect, it } from "vitest";
import { and, concat, dataRef, formRef, type Expression } from "../../../src/flow-json/index.js";
import { pywaGoldenAt as at } from "../../helpers/pywa-corpus.js";

const insurance = formRef<string>("insurance").inScreen("SELECT_INSURANCE");
const firstName = formRef<string>("first_name");

/** [file, pointer, what we render, whether it is an If condition (no backticks)]. */
const cases: readonly (readonly [string, string, Expression<unknown>, "if" | "value"])[] = [
  [
    "pywa.v4_0.if",
    "/screens/0/layout/children/1/condition",
    and(dataRef<boolean>("value"), formRef<string>("animal").eq("cat")),
    "if",
  ],
  ["pywa.v4_0.forward-refs", "/screens/1/layout/children/1/condition", insurance.ne(""), "if"],
  ["pywa.v4_0.forward-refs", "/screens/1/layout/children/1/then/0/value", insurance, "value"],
  [
    "pywa.v4_0.forward-refs",
    "/screens/1/layout/children/3/on-click-action/payload/selected_insurance_type",
    insurance,
    "value",
  ],
  [
    "pywa.v4_0.global-fields",
    "/screens/1/layout/children/0/on-click-action/payload/field1",
    formRef("field1").inScreen("SCREEN_ONE"),
    "value",
  ],
  [
    "pywa.v4_0.global-fields",
    "/screens/1/layout/children/0/on-click-action/payload/field2",
    dataRef<string>("field2").inScreen("SCREEN_ONE"),
    "value",
  ],
  [
    "pywa.v6_0.string-concatenation",
    "/screens/0/layout/children/2/text",
    concat`Hello ${firstName}`,
    "value",
  ],
  [
    "pywa.v6_0.string-concatenation",
    "/screens/0/layout/children/3/text",
    concat`${firstName} you are ${formRef<number>("age")} years old.`,
    "value",
  ],
  [
    "pywa.v6_0.visible-condition",
    "/screens/0/layout/children/1/visible",
    formRef<number>("number").eq(42),
    "value",
  ],
  [
    "pywa.v6_0.update-data",
    "/screens/0/layout/children/1/visible",
    dataRef<boolean>("state_visibility"),
    "value",
  ],
  ["pywa.v6_0.update-data", "/screens/0/layout/children/2/data-source", dataRef("pincode"), "value"],
  [
    "pywa.v6_1.calendar-picker-single-mode",
    "/screens/0/layout/children/0/on-select-action/payload/calendar",
    formRef("calendar"),
    "value",
  ],
];

describe("expressions rendered as in pywa's golden files", () => {
  it.each(cases)("%s %s", (file, pointer, expression, place) => {
    const rendered = place === "if" ? expression.render() : String(expression);
    expect(rendered).toBe(at(file, pointer));
  });
});
