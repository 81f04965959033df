/**
 * Arithmetic for Flow JSON nested expressions (6.0+): `+ - * / %` on numbers and number refs, as free
 * functions so a literal can stand on the left (`subtract(2025, birthYear)`). Every operation is fully
 * parenthesised, so the tree you build is the order the client evaluates.
 *
 * @example
 * const age = dataRef<number>("age");
 * add(add(21, age), age).render(); // "((21 + ${data.age}) + ${data.age})"
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/flowjson
 */
import { arithmetic, type MathExpression, type NumberOperand } from "./expression.js";

/**
 * `(left + right)`.
 *
 * @example
 * String(add(dataRef<number>("price"), 5)); // "`(${data.price} + 5)`"
 */
export function add(left: NumberOperand, right: NumberOperand): MathExpression {
  return arithmetic("+", left, right);
}

/**
 * `(left - right)`.
 *
 * @example
 * subtract(2025, dataRef<number>("birth_year")).render(); // "(2025 - ${data.birth_year})"
 */
export function subtract(left: NumberOperand, right: NumberOperand): MathExpression {
  return arithmetic("-", left, right);
}

/**
 * `(left * right)`.
 *
 * @example
 * multiply(formRef<number>("nights"), dataRef<number>("rate")).render(); // "(${form.nights} * ${data.rate})"
 */
export function multiply(left: NumberOperand, right: NumberOperand): MathExpression {
  return arithmetic("*", left, right);
}

/**
 * `(left / right)`; the client yields 0 when `right` is 0 or null.
 *
 * @example
 * divide(dataRef<number>("total"), formRef<number>("people")).render(); // "(${data.total} / ${form.people})"
 */
export function divide(left: NumberOperand, right: NumberOperand): MathExpression {
  return arithmetic("/", left, right);
}

/**
 * `(left % right)`; the client yields 0 when `right` is 0 or null.
 *
 * @example
 * modulo(formRef<number>("count"), 2).eq(0).render(); // "((${form.count} % 2) == 0)"
 */
export function modulo(left: NumberOperand, right: NumberOperand): MathExpression {
  return arithmetic("%", left, right);
}
