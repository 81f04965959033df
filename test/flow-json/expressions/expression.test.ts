import { describe, expect, it } from "vitest";
import { dataRef, formRef } from "../../../src/flow-json/refs.js";

const age = dataRef<number>("age");
const animal = formRef<string>("animal");
const verified = formRef<boolean>("is_verified");

describe("Expression comparisons", () => {
  it("render (left op right), backticked as a property value", () => {
    expect(String(age.gt(21))).toBe("`(${data.age} > 21)`");
    expect(age.gte(21).render()).toBe("(${data.age} >= 21)");
    expect(age.lt(21).render()).toBe("(${data.age} < 21)");
    expect(age.lte(21).render()).toBe("(${data.age} <= 21)");
    expect(animal.eq("cat").render()).toBe("(${form.animal} == 'cat')");
    expect(animal.ne("").render()).toBe("(${form.animal} != '')");
    expect(verified.eq(true).render()).toBe("(${form.is_verified} == true)");
  });

  it("compare two refs of the same type", () => {
    expect(age.eq(formRef<number>("age")).render()).toBe("(${data.age} == ${form.age})");
  });

  it("serialise through JSON.stringify as their binding", () => {
    expect(JSON.stringify({ visible: age.gt(21) })).toBe('{"visible":"`(${data.age} > 21)`"}');
  });
});

describe("Expression boolean methods", () => {
  it("fold and/or left with parentheses around every pair", () => {
    const adult = age.gte(18);
    expect(verified.and(adult).render()).toBe("(${form.is_verified} && (${data.age} >= 18))");
    expect(verified.and(adult, animal.eq("cat")).render()).toBe(
      "((${form.is_verified} && (${data.age} >= 18)) && (${form.animal} == 'cat'))",
    );
    expect(adult.or(verified).render()).toBe("((${data.age} >= 18) || ${form.is_verified})");
  });

  it("negate with !", () => {
    expect(String(age.gt(18).not())).toBe("`!(${data.age} > 18)`");
    expect(verified.not().render()).toBe("!${form.is_verified}");
  });
});

describe("Expression arithmetic methods", () => {
  it("parenthesise every operation", () => {
    expect(age.plus(1).render()).toBe("(${data.age} + 1)");
    expect(age.minus(1).times(2).render()).toBe("((${data.age} - 1) * 2)");
    expect(age.dividedBy(formRef<number>("n")).render()).toBe("(${data.age} / ${form.n})");
    expect(age.mod(2).eq(0).render()).toBe("((${data.age} % 2) == 0)");
  });

  it("backtick arithmetic used as a whole value", () => {
    expect(String(age.plus(1))).toBe("`(${data.age} + 1)`");
  });
});
