/**
 * `Expression<T>`: a value the WhatsApp client computes at run time (a ref, a condition, arithmetic,
 * a string concatenation), typed by what it evaluates to.
 *
 * The type parameter makes mistakes compile errors: `gt` exists only on number expressions, `and` only on
 * booleans, and `eq` takes an operand of the same type (`stringRef.gt(5)` and `numberRef.eq("x")` do not
 * compile). Builders accept expressions wherever Flow JSON accepts a binding and render them there.
 *
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/flowjson
 */
import type { Binding } from "../types.js";
import {
  type BinaryOperator,
  type ExpressionNode,
  type Literal,
  type MathOperator,
  renderBinding,
  renderNode,
} from "./node.js";

/** A string literal or an expression evaluating to a string. */
export type StringOperand = string | Expression<string>;
/** A number literal or an expression evaluating to a number (a number ref, arithmetic). */
export type NumberOperand = number | Expression<number>;
/** A boolean literal or an expression evaluating to a boolean (a boolean ref, a condition). */
export type BooleanOperand = boolean | Expression<boolean>;

/**
 * What `eq`/`ne` accept for an expression of type `T`: a literal of `T` or an expression of the same
 * primitive type. Arrays and objects cannot be compared in Flow JSON, so they accept nothing.
 */
export type Operand<T> = T extends string
  ? T | Expression<string>
  : T extends number
    ? T | Expression<number>
    : T extends boolean
      ? boolean | Expression<boolean>
      : never;

/** An expression evaluating to a boolean: usable in `visible`, `If` and `&&`/`||`/`!`. */
export type Condition = Expression<boolean>;
/** An expression evaluating to a number: `+ - * / %` of numbers and number refs. */
export type MathExpression = Expression<number>;

/**
 * A typed Flow JSON expression. `toString()` gives the property value (`${...}` for a ref, a
 * backticked expression otherwise); `render()` gives the form used nested inside another expression
 * or as an `If` condition.
 *
 * @example
 * const age = dataRef<number>("age");
 * String(age.gt(21)); // "`(${data.age} > 21)`"
 * age.plus(1).times(2).render(); // "((${data.age} + 1) * 2)"
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/flowjson
 */
export class Expression<T> {
  /** The value type, carried for the compiler only (no run-time field). */
  declare protected readonly valueType: T;
  readonly node: ExpressionNode;

  constructor(node: ExpressionNode) {
    this.node = node;
  }

  /** The value to put in a Flow JSON property: `${...}` for a ref, a backticked expression otherwise. */
  toString(): Binding {
    return renderBinding(this.node) as Binding;
  }

  /** Same as `toString()`, so a stray expression in hand-written JSON still serialises correctly. */
  toJSON(): string {
    return this.toString();
  }

  /** The expression without surrounding backticks, as nested in another expression or an `If`. */
  render(): string {
    return renderNode(this.node);
  }

  /** `(this == other)`: equal strings, numbers or booleans. */
  eq(other: Operand<T>): Condition {
    return binary("==", this, other);
  }

  /** `(this != other)`: different strings, numbers or booleans. */
  ne(other: Operand<T>): Condition {
    return binary("!=", this, other);
  }

  /** `(this > other)` on numbers. */
  gt(this: Expression<number>, other: NumberOperand): Condition {
    return binary(">", this, other);
  }

  /** `(this >= other)` on numbers. */
  gte(this: Expression<number>, other: NumberOperand): Condition {
    return binary(">=", this, other);
  }

  /** `(this < other)` on numbers. */
  lt(this: Expression<number>, other: NumberOperand): Condition {
    return binary("<", this, other);
  }

  /** `(this <= other)` on numbers. */
  lte(this: Expression<number>, other: NumberOperand): Condition {
    return binary("<=", this, other);
  }

  /** `(this && other)`, folded left over several operands: `((a && b) && c)`. */
  and(this: Expression<boolean>, ...others: readonly [BooleanOperand, ...BooleanOperand[]]): Condition {
    return fold("&&", this, others);
  }

  /** `(this || other)`, folded left over several operands. */
  or(this: Expression<boolean>, ...others: readonly [BooleanOperand, ...BooleanOperand[]]): Condition {
    return fold("||", this, others);
  }

  /** `!this`. */
  not(this: Expression<boolean>): Condition {
    return new Expression<boolean>({ kind: "not", operand: this.node });
  }

  /** `(this + other)` on numbers (Flow JSON 6.0+). */
  plus(this: Expression<number>, other: NumberOperand): MathExpression {
    return arithmetic("+", this, other);
  }

  /** `(this - other)` on numbers (Flow JSON 6.0+). */
  minus(this: Expression<number>, other: NumberOperand): MathExpression {
    return arithmetic("-", this, other);
  }

  /** `(this * other)` on numbers (Flow JSON 6.0+). */
  times(this: Expression<number>, other: NumberOperand): MathExpression {
    return arithmetic("*", this, other);
  }

  /** `(this / other)` on numbers; the client yields 0 when `other` is 0 or null (Flow JSON 6.0+). */
  dividedBy(this: Expression<number>, other: NumberOperand): MathExpression {
    return arithmetic("/", this, other);
  }

  /** `(this % other)` on numbers; the client yields 0 when `other` is 0 or null (Flow JSON 6.0+). */
  mod(this: Expression<number>, other: NumberOperand): MathExpression {
    return arithmetic("%", this, other);
  }
}

/** The tree node of a literal or an expression. */
export function toNode(operand: Literal | Expression<unknown>): ExpressionNode {
  return operand instanceof Expression ? operand.node : { kind: "literal", value: operand };
}

/** `(left operator right)` as an expression of type `R`. */
export function binary<R>(
  operator: BinaryOperator,
  left: Literal | Expression<unknown>,
  right: Literal | Expression<unknown>,
): Expression<R> {
  return new Expression<R>({ kind: "binary", operator, left: toNode(left), right: toNode(right) });
}

/** `(left operator right)` on numbers. */
export function arithmetic(
  operator: MathOperator,
  left: NumberOperand,
  right: NumberOperand,
): MathExpression {
  return binary<number>(operator, left, right);
}

/** Left fold of `&&` or `||`: `((first op a) op b)`. */
export function fold(
  operator: "&&" | "||",
  first: BooleanOperand,
  rest: readonly BooleanOperand[],
): Condition {
  let node = toNode(first);
  for (const operand of rest) node = { kind: "binary", operator, left: node, right: toNode(operand) };
  return new Expression<boolean>(node);
}
