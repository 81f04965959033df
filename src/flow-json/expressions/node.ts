/**
 * The syntax tree behind every ref and expression, and its rendering to the exact strings Flow JSON
 * expects (`${data.x}`, `(${form.age} > 21)`, `` ` 'Hello ' ${form.name}` ``).
 *
 * Rendering follows pywa's output character for character, so documents written with either library
 * compare equal: binary operations are always parenthesised, string literals sit in single quotes,
 * booleans are `true`/`false`, and a concatenation wraps each literal run as ` 'run' `.
 *
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/flowjson
 */
import { InvalidExpressionError } from "./errors.js";

/** An operator that compares two values and yields a boolean. */
export type ComparisonOperator = "==" | "!=" | ">" | ">=" | "<" | "<=";
/** An operator that combines two booleans. */
export type LogicalOperator = "&&" | "||";
/** An arithmetic operator on numbers (Flow JSON 6.0+). */
export type MathOperator = "+" | "-" | "*" | "/" | "%";
/** Any operator written between two operands. */
export type BinaryOperator = ComparisonOperator | LogicalOperator | MathOperator;

/** A literal operand: strings render quoted, numbers and booleans bare. */
export type Literal = string | number | boolean;

/** One node of an expression tree. */
export type ExpressionNode =
  | { readonly kind: "ref"; readonly path: string }
  | { readonly kind: "literal"; readonly value: Literal }
  | {
      readonly kind: "binary";
      readonly operator: BinaryOperator;
      readonly left: ExpressionNode;
      readonly right: ExpressionNode;
    }
  | { readonly kind: "not"; readonly operand: ExpressionNode }
  | { readonly kind: "concat"; readonly parts: readonly (string | ExpressionNode)[] };

/**
 * Escapes every backtick and single quote not already preceded by a backslash with two backslashes,
 * which is how a quote or backtick is written inside a Flow JSON nested expression.
 */
export function escapeQuoted(text: string): string {
  return text.replace(/(?<!\\)([`'])/g, "\\\\$1");
}

/** A literal as it appears inside an expression. */
export function renderLiteral(value: Literal): string {
  if (typeof value === "string") return `'${escapeQuoted(value)}'`;
  if (typeof value === "boolean") return value ? "true" : "false";
  if (!Number.isFinite(value)) {
    throw new InvalidExpressionError({
      message: `The number ${String(value)} cannot appear in a Flow JSON expression; use a finite number.`,
    });
  }
  return String(value);
}

function renderConcat(parts: readonly (string | ExpressionNode)[]): string {
  let out = "";
  let run = "";
  const flush = (): void => {
    if (run !== "") out += ` '${escapeQuoted(run)}' `;
    run = "";
  };
  for (const part of parts) {
    if (typeof part === "string") {
      run += part;
    } else if (part.kind === "literal" && typeof part.value !== "boolean") {
      run += String(part.value);
    } else {
      flush();
      out += renderNode(part);
    }
  }
  flush();
  return out;
}

/**
 * The node as it appears nested inside a larger expression or an `If` condition: refs as `${...}`,
 * binary operations as `(left op right)`, negation as `!operand`, no surrounding backticks.
 */
export function renderNode(node: ExpressionNode): string {
  switch (node.kind) {
    case "ref":
      return `\${${node.path}}`;
    case "literal":
      return renderLiteral(node.value);
    case "binary":
      return `(${renderNode(node.left)} ${node.operator} ${renderNode(node.right)})`;
    case "not":
      return `!${renderNode(node.operand)}`;
    case "concat":
      return renderConcat(node.parts);
  }
}

/**
 * The node as a whole property value: a ref stays `${...}`; anything else is a nested expression and is
 * wrapped in backticks.
 */
export function renderBinding(node: ExpressionNode): string {
  return node.kind === "ref" ? renderNode(node) : `\`${renderNode(node)}\``;
}
