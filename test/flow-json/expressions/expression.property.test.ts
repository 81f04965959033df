import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { and, not, or } from "../../../src/flow-json/expressions/conditions.js";
import { add, divide, modulo, multiply, subtract } from "../../../src/flow-json/expressions/math.js";
import type { Condition, MathExpression } from "../../../src/flow-json/expressions/expression.js";
import { dataRef, formRef, type Ref } from "../../../src/flow-json/refs.js";

/** A generated expression with the refs it mentions and the number of binary operations in it. */
interface Built<E> {
  readonly expression: E;
  readonly refs: readonly Ref<unknown>[];
  readonly binaries: number;
}

const name = fc.stringMatching(/^[a-z][a-z0-9_]{0,11}$/);
const screenId = fc.stringMatching(/^[A-Z][A-Z_]{0,9}$/);
const word = fc.stringMatching(/^[A-Za-z0-9 ]{0,12}$/);

function refOf<T>(kind: "form" | "data", field: string, screen: string | null): Ref<T> {
  const local = kind === "form" ? formRef<T>(field) : dataRef<T>(field);
  return screen === null ? local : local.inScreen(screen);
}

function refArbitrary<T>(): fc.Arbitrary<Ref<T>> {
  return fc
    .tuple(fc.constantFrom("form" as const, "data" as const), name, fc.option(screenId))
    .map(([kind, field, screen]) => refOf<T>(kind, field, screen));
}

const math: fc.Memo<Built<MathExpression>> = fc.memo((depth) => {
  const leaf = refArbitrary<number>().map((ref) => ({
    expression: ref,
    refs: [ref],
    binaries: 0,
  }));
  if (depth <= 1) return leaf;
  const operators = [add, subtract, multiply, divide, modulo];
  const operand = fc.oneof(
    fc
      .integer({ min: -1000, max: 1000 })
      .map((value) => ({ value, refs: [] as Ref<unknown>[], binaries: 0 })),
    math(depth - 1).map((built) => ({ value: built.expression, refs: built.refs, binaries: built.binaries })),
  );
  return fc.oneof(
    leaf,
    fc.tuple(fc.constantFrom(...operators), operand, operand).map(([operator, left, right]) => ({
      expression: operator(left.value, right.value),
      refs: [...left.refs, ...right.refs],
      binaries: left.binaries + right.binaries + 1,
    })),
  );
});

const condition: fc.Memo<Built<Condition>> = fc.memo((depth) => {
  const comparison = fc.oneof(
    fc
      .tuple(math(2), fc.constantFrom("eq", "ne", "gt", "gte", "lt", "lte" as const), fc.integer())
      .map(([left, method, right]) => ({
        expression: left.expression[method](right),
        refs: left.refs,
        binaries: left.binaries + 1,
      })),
    fc.tuple(refArbitrary<string>(), word).map(([ref, text]) => ({
      expression: ref.eq(text),
      refs: [ref],
      binaries: 1,
    })),
    refArbitrary<boolean>().map((ref) => ({ expression: ref, refs: [ref], binaries: 0 })),
  );
  if (depth <= 1) return comparison;
  const sub = condition(depth - 1);
  return fc.oneof(
    comparison,
    sub.map((inner) => ({ ...inner, expression: not(inner.expression) })),
    fc.tuple(fc.constantFrom(and, or), sub, sub).map(([combine, left, right]) => ({
      expression: combine(left.expression, right.expression),
      refs: [...left.refs, ...right.refs],
      binaries: left.binaries + right.binaries + 1,
    })),
  );
});

function parenthesesBalanced(text: string): boolean {
  let open = 0;
  for (const char of text) {
    if (char === "(") open += 1;
    if (char === ")") open -= 1;
    if (open < 0) return false;
  }
  return open === 0;
}

function count(text: string, char: string): number {
  return [...text].filter((c) => c === char).length;
}

describe("rendered conditions", () => {
  it("have balanced parentheses, one pair per binary operation", () => {
    fc.assert(
      fc.property(condition(4), ({ expression, binaries }) => {
        const rendered = expression.render();
        expect(parenthesesBalanced(rendered)).toBe(true);
        expect(count(rendered, "(")).toBe(binaries);
      }),
    );
  });

  it("contain every ref verbatim", () => {
    fc.assert(
      fc.property(condition(4), ({ expression, refs }) => {
        const rendered = String(expression);
        for (const ref of refs) expect(rendered).toContain(String(ref));
        expect(count(rendered, "$")).toBe(refs.length);
      }),
    );
  });

  it("are backticked as a whole, and only as a whole, unless they are a bare ref", () => {
    fc.assert(
      fc.property(condition(4), ({ expression }) => {
        const inner = expression.render();
        const binding = String(expression);
        if (expression.node.kind === "ref") expect(binding).toBe(inner);
        else expect(binding).toBe(`\`${inner}\``);
        expect(count(inner, "`")).toBe(0);
      }),
    );
  });
});

describe("rendered arithmetic", () => {
  it("is fully parenthesised and keeps every ref", () => {
    fc.assert(
      fc.property(math(5), ({ expression, refs, binaries }) => {
        const rendered = expression.render();
        expect(parenthesesBalanced(rendered)).toBe(true);
        expect(count(rendered, "(")).toBe(binaries);
        for (const ref of refs) expect(rendered).toContain(String(ref));
      }),
    );
  });
});
