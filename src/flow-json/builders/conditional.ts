/**
 * Builders for conditional rendering (Flow JSON 4.0+): `If` shows `then` or `else` by a condition,
 * `Switch` shows the case named by a value.
 *
 * An `If` condition is written without the backticks a condition gets elsewhere (`visible`), exactly
 * as Meta's examples and pywa write it: `(${data.value} && (${form.animal} == 'cat'))`.
 *
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/components#if
 */
import type { Binding, Component, If, Switch } from "../types.js";
import { Expression } from "../expressions/expression.js";

/** The options of `ifElse`. */
export interface IfOptions {
  /** A boolean ref or condition (rendered without backticks), or a condition written by hand. */
  readonly condition: Expression<boolean> | string;
  /** Shown when the condition holds (at least one component). */
  readonly then: readonly Component[];
  /** Shown otherwise; required when `then` holds a Footer. */
  readonly else?: readonly Component[] | undefined;
}

/** The options of `switchOn`. */
export interface SwitchOptions {
  /** The value whose string form picks the case. */
  readonly value: Expression<string> | Expression<number> | Expression<boolean> | Binding;
  /** Components per case key; at least one case. */
  readonly cases: { readonly [key: string]: readonly Component[] };
}

/**
 * An `If` component. At most 3 levels of nesting; a Footer in `then` needs one in `else` too.
 *
 * @example
 * ifElse({
 *   condition: and(data.value, animal.ref.eq("cat")),
 *   then: [textHeading("It is a cat")],
 *   else: [textHeading("It is not a cat")],
 * });
 * // condition: "(${data.value} && (${form.animal} == 'cat'))"
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/components#if
 */
export function ifElse(options: IfOptions): If {
  const condition = options.condition instanceof Expression ? options.condition.render() : options.condition;
  return {
    type: "If",
    condition,
    then: [...options.then],
    ...(options.else === undefined ? {} : { else: [...options.else] }),
  };
}

/**
 * A `Switch` component: the components of the case whose key equals `value`.
 *
 * @example
 * switchOn({
 *   value: insurance.ref.inScreen("SELECT_INSURANCE"),
 *   cases: { basic: [textBody("You chose basic")], full: [textBody("You chose full")] },
 * });
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/components#switch
 */
export function switchOn(options: SwitchOptions): Switch {
  const cases: Record<string, readonly Component[]> = {};
  for (const [key, components] of Object.entries(options.cases)) cases[key] = [...components];
  return { type: "Switch", value: options.value.toString() as Binding, cases };
}
