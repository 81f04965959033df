/**
 * Boolean combinators for Flow JSON conditions (`&&`, `||`, `!`), as free functions beside the
 * methods on refs. Each operand is a boolean ref, a condition or a boolean literal; anything else is a
 * compile error.
 *
 * @example
 * const age = dataRef<number>("age");
 * const verified = formRef<boolean>("is_verified");
 * String(and(not(age.gt(18)), verified.eq(true)));
 * // "`(!(${data.age} > 18) && (${form.is_verified} == true))`"
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/flowjson
 */
import { type BooleanOperand, type Condition, Expression, fold, toNode } from "./expression.js";

/**
 * `(a && b)`, folded left over more operands: `((a && b) && c)`. The result renders with parentheses
 * around every pair, exactly as pywa writes it.
 *
 * @example
 * and(dataRef<boolean>("value"), formRef<string>("animal").eq("cat")).render();
 * // "(${data.value} && (${form.animal} == 'cat'))"
 */
export function and(
  first: BooleanOperand,
  second: BooleanOperand,
  ...rest: readonly BooleanOperand[]
): Condition {
  return fold("&&", first, [second, ...rest]);
}

/**
 * `(a || b)`, folded left over more operands. `&&` binds tighter than `||` on the client, but every
 * pair is parenthesised here, so the grouping you write is the grouping you get.
 *
 * @example
 * or(formRef<string>("plan").eq("gold"), dataRef<boolean>("is_vip")).render();
 * // "((${form.plan} == 'gold') || ${data.is_vip})"
 */
export function or(
  first: BooleanOperand,
  second: BooleanOperand,
  ...rest: readonly BooleanOperand[]
): Condition {
  return fold("||", first, [second, ...rest]);
}

/**
 * `!operand`. A negated comparison keeps its parentheses: `!(${data.age} > 18)`.
 *
 * @example
 * String(not(dataRef<boolean>("is_member"))); // "`!${data.is_member}`"
 */
export function not(operand: Expression<boolean>): Condition {
  return new Expression<boolean>({ kind: "not", operand: toNode(operand) });
}
