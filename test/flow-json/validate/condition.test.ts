import { describe, expect, it } from "vitest";
import { checkCondition } from "../../../src/flow-json/validate/condition.js";

describe("checkCondition", () => {
  it.each([
    "${data.value}",
    "(${data.value} && (${form.animal} == 'cat'))",
    "!${form.agree} || ${data.age} >= 18",
    "`(${form.number} == 42)`",
    "${screen.SELECT_INSURANCE.form.insurance} != ''",
    "(${data.count} > -1.5) && !(${data.name} == 'O\\'Brien')",
  ])("accepts %s", (condition) => {
    expect(checkCondition(condition)).toBeUndefined();
  });

  it.each([
    ["573 == 376", "The condition needs at least one dynamic operand"],
    ["true", "The condition needs at least one dynamic operand"],
    ["", "The condition is empty."],
    ["(${data.a} == 1", "Missing ')' for the '(' at position 0."],
    ["${data.a} == 'x", "Unclosed string literal at position 13."],
    ["${data.a} + 1 > 2", "Unexpected '+' at position 10."],
    ["${data.a} = 1", "Unexpected '=' at position 10."],
    ["${data.a} &&", "The condition ends where an operand is expected."],
    ["${data.a} ${data.b}", "Unexpected ref operand at position 10."],
    ["${data.a", "Unclosed reference at position 0."],
    ["${data.a} && ) ", "Unexpected ')' at position 13; an operand is expected."],
  ])("rejects %s", (condition, message) => {
    expect(checkCondition(condition)).toContain(message);
  });

  it("rejects nesting deeper than the parser descends, without overflowing the stack", () => {
    const deep = `${"(".repeat(10_000)}\${data.a}${")".repeat(10_000)}`;
    expect(checkCondition(deep)).toBe("The condition nests deeper than 64 levels.");
    expect(checkCondition(`${"!".repeat(10_000)}\${data.a}`)).toBe(
      "The condition nests deeper than 64 levels.",
    );
  });
});
