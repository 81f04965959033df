/**
 * String concatenation in Flow JSON (6.0+), written as a tagged template:
 * `` concat`Hello ${firstName}` `` renders `` "` 'Hello ' ${form.first_name}`" ``.
 *
 * The rendering is pywa's `FlowStr`, character for character: every run of literal text becomes
 * ` 'run' ` (space, quote, run, quote, space), quotes and backticks in it are escaped with two
 * backslashes, refs render as `${...}` and arithmetic as `(a + b)`, and the whole is wrapped in
 * backticks. A literal string or number interpolated into the template joins the surrounding text.
 *
 * @example
 * const name = formRef<string>("first_name");
 * const age = formRef<number>("age");
 * String(concat`${name} you are ${age} years old.`);
 * // "`${form.first_name} ' you are ' ${form.age} ' years old.' `"
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/flowjson
 */
import { Expression, toNode } from "./expression.js";
import type { ExpressionNode } from "./node.js";

/** What may be interpolated into a concatenation: text, numbers, string or number expressions. */
export type ConcatPart = string | number | Expression<string | number>;

/**
 * Builds a string expression from a template literal. The result is an `Expression<string>`, accepted
 * wherever a component takes text (`textBody({ text: concat`...` })`).
 *
 * @example
 * const a = dataRef<number>("number_1");
 * const b = dataRef<number>("number_2");
 * String(concat`The sum of ${a} and ${b} is ${a.plus(b)}`);
 * // "` 'The sum of ' ${data.number_1} ' and ' ${data.number_2} ' is ' (${data.number_1} + ${data.number_2})`"
 */
export function concat(strings: TemplateStringsArray, ...values: readonly ConcatPart[]): Expression<string> {
  const parts: (string | ExpressionNode)[] = [];
  strings.forEach((text, index) => {
    if (text !== "") parts.push(text);
    if (index < values.length) {
      const value = values[index] as ConcatPart;
      parts.push(typeof value === "string" ? value : toNode(value));
    }
  });
  return new Expression<string>({ kind: "concat", parts });
}
