import { describe, expect, it } from "vitest";
import {
  escapeQuoted,
  renderBinding,
  renderLiteral,
  renderNode,
} from "../../../src/flow-json/expressions/node.js";
import { InvalidExpressionError } from "../../../src/flow-json/expressions/errors.js";

describe("renderLiteral", () => {
  it("quotes strings, writes numbers and booleans bare", () => {
    expect(renderLiteral("cat")).toBe("'cat'");
    expect(renderLiteral("")).toBe("''");
    expect(renderLiteral(42)).toBe("42");
    expect(renderLiteral(-1.5)).toBe("-1.5");
    expect(renderLiteral(true)).toBe("true");
    expect(renderLiteral(false)).toBe("false");
  });

  it("escapes quotes and backticks inside string literals with two backslashes", () => {
    expect(renderLiteral("don't")).toBe("'don\\\\'t'");
    expect(renderLiteral("a`b")).toBe("'a\\\\`b'");
  });

  it("refuses numbers Flow JSON cannot write", () => {
    for (const value of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      let caught: unknown;
      try {
        renderLiteral(value);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(InvalidExpressionError);
      expect((caught as InvalidExpressionError)._tag).toBe("InvalidExpressionError");
      expect((caught as InvalidExpressionError).message).toBe(
        `The number ${String(value)} cannot appear in a Flow JSON expression; use a finite number.`,
      );
    }
  });
});

describe("escapeQuoted", () => {
  it("leaves already escaped quotes alone", () => {
    expect(escapeQuoted("it\\'s")).toBe("it\\'s");
    expect(escapeQuoted("plain text")).toBe("plain text");
  });
});

describe("renderNode / renderBinding", () => {
  const ref = { kind: "ref", path: "data.age" } as const;
  const comparison = {
    kind: "binary",
    operator: ">",
    left: ref,
    right: { kind: "literal", value: 21 },
  } as const;

  it("renders refs as ${path} with or without backticks", () => {
    expect(renderNode(ref)).toBe("${data.age}");
    expect(renderBinding(ref)).toBe("${data.age}");
  });

  it("parenthesises binary nodes and backticks them only as a whole value", () => {
    expect(renderNode(comparison)).toBe("(${data.age} > 21)");
    expect(renderBinding(comparison)).toBe("`(${data.age} > 21)`");
  });

  it("renders negation as a bare !", () => {
    expect(renderNode({ kind: "not", operand: comparison })).toBe("!(${data.age} > 21)");
    expect(renderNode({ kind: "not", operand: ref })).toBe("!${data.age}");
  });

  it("renders concatenation runs as ' run ' and merges literal parts into them", () => {
    const node = {
      kind: "concat",
      parts: ["Age: ", { kind: "literal", value: 3 }, " years, ", ref],
    } as const;
    expect(renderNode(node)).toBe(" 'Age: 3 years, ' ${data.age}");
  });
});
