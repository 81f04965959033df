import { describe, expect, it } from "vitest";
import { and, not, or } from "../../../src/flow-json/expressions/conditions.js";
import { dataRef, formRef } from "../../../src/flow-json/refs.js";

describe("and / or / not", () => {
  it("reproduce pywa's `~(r1 > 18) & (r2 == True)`", () => {
    const r1 = dataRef<number>("age");
    const r2 = formRef<boolean>("is_verified");
    expect(String(and(not(r1.gt(18)), r2.eq(true)))).toBe(
      "`(!(${data.age} > 18) && (${form.is_verified} == true))`",
    );
  });

  it("fold more than two operands from the left", () => {
    const [a, b, c] = [dataRef<boolean>("a"), dataRef<boolean>("b"), dataRef<boolean>("c")];
    expect(and(a, b, c).render()).toBe("((${data.a} && ${data.b}) && ${data.c})");
    expect(or(a, b, c).render()).toBe("((${data.a} || ${data.b}) || ${data.c})");
  });

  it("accept boolean literals beside refs", () => {
    expect(or(dataRef<boolean>("a"), false).render()).toBe("(${data.a} || false)");
  });

  it("keep the grouping written: and inside or", () => {
    const a = dataRef<boolean>("a");
    const b = dataRef<boolean>("b");
    expect(or(and(a, b), not(a)).render()).toBe("((${data.a} && ${data.b}) || !${data.a})");
  });
});
