import { describe, expect, it } from "vitest";
import { add, divide, modulo, multiply, subtract } from "../../../src/flow-json/expressions/math.js";
import { dataRef } from "../../../src/flow-json/refs.js";

const age = dataRef<number>("age");

describe("math functions", () => {
  it("reproduce pywa's ((21 + ref) + ref)", () => {
    expect(add(add(21, age), age).render()).toBe("((21 + ${data.age}) + ${data.age})");
  });

  it("allow a literal on the left", () => {
    expect(subtract(2025, age).render()).toBe("(2025 - ${data.age})");
  });

  it("render each operator", () => {
    expect(multiply(age, 2).render()).toBe("(${data.age} * 2)");
    expect(divide(age, 2).render()).toBe("(${data.age} / 2)");
    expect(modulo(age, 2).render()).toBe("(${data.age} % 2)");
  });

  it("compose with comparisons", () => {
    expect(String(add(age, 1).gt(30))).toBe("`((${data.age} + 1) > 30)`");
  });
});
