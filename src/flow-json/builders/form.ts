/**
 * The `Form` builder. Like pywa, it gathers the `initValue` / `errorMessage` of the inputs it holds
 * into the Form's `init-values` / `error-messages` maps, keyed by input name, and removes them from the
 * inputs, which is how Flow JSON wants them inside a Form.
 *
 * pywa scans direct children only; this builder also scans the branches of `If` and `Switch` inside the
 * Form (their inputs belong to the Form too, and their names must be unique across branches), so no
 * per-input value is left behind inside a Form. The inputs you built are not modified.
 *
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/flowjson#forms
 */
import type { Binding, Component, Form, JsonObject, JsonValue } from "../types.js";
import { Expression } from "../expressions/expression.js";
import { FormConflictError } from "./errors.js";
import { isInputComponent } from "./input.js";
import { type PayloadObject, toWirePayload } from "./wire-value.js";

/** A Form-level map of values by input name, or a ref to a data field holding one. */
export type FormValues = PayloadObject | Expression<object> | Binding;

/** The options of `form`. */
export interface FormOptions {
  /** The Form's name (never itself usable in `${form.<name>}`). */
  readonly name: string;
  readonly children: readonly Component[];
  /** Initial values by input name; merged with the inputs' own `initValue`s. */
  readonly initValues?: FormValues | undefined;
  /** Error messages by input name; merged with the inputs' own `errorMessage`s. */
  readonly errorMessages?: FormValues | undefined;
}

interface Gathered {
  readonly formName: string;
  readonly names: Set<string>;
  readonly initValues: Record<string, JsonValue>;
  readonly errorMessages: Record<string, JsonValue>;
}

function gatherOne(child: Component, gathered: Gathered): Component {
  if (child.type === "If") {
    const { else: otherwise, ...rest } = child;
    return {
      ...rest,
      then: gatherAll(child.then, gathered),
      ...(otherwise === undefined ? {} : { else: gatherAll(otherwise, gathered) }),
    };
  }
  if (child.type === "Switch") {
    const cases: Record<string, readonly Component[]> = {};
    for (const [key, components] of Object.entries(child.cases)) cases[key] = gatherAll(components, gathered);
    return { ...child, cases };
  }
  if (!isInputComponent(child)) return child;
  if (gathered.names.has(child.name)) {
    throw new FormConflictError({
      message: `Form "${gathered.formName}" holds two inputs named "${child.name}"; give each input of a Form (If and Switch branches included) its own name.`,
      form: gathered.formName,
      input: child.name,
    });
  }
  gathered.names.add(child.name);
  const {
    "init-value": initValue,
    "error-message": errorMessage,
    ...rest
  } = child as Component & {
    readonly "init-value"?: JsonValue;
    readonly "error-message"?: JsonValue;
  };
  if (initValue === undefined && errorMessage === undefined) return child;
  if (initValue !== undefined) gathered.initValues[child.name] = initValue;
  if (errorMessage !== undefined) gathered.errorMessages[child.name] = errorMessage;
  return rest;
}

function gatherAll(children: readonly Component[], gathered: Gathered): Component[] {
  return children.map((child) => gatherOne(child, gathered));
}

function merge(
  formName: string,
  option: "initValues" | "errorMessages",
  given: FormValues | undefined,
  lifted: Record<string, JsonValue>,
): JsonObject | Binding | undefined {
  const liftedNames = Object.keys(lifted);
  if (given === undefined) return liftedNames.length === 0 ? undefined : lifted;
  const inputOption = option === "initValues" ? "initValue" : "errorMessage";
  const conflict = (input: string, why: string): FormConflictError =>
    new FormConflictError({
      message: `Input "${input}" of Form "${formName}" has its own ${inputOption} while ${why}; set it in one place only.`,
      form: formName,
      input,
    });
  if (typeof given === "string" || given instanceof Expression) {
    const [first] = liftedNames;
    if (first !== undefined) throw conflict(first, `the Form's ${option} is a ref`);
    return given.toString() as Binding;
  }
  const wire = toWirePayload(given);
  for (const name of liftedNames) {
    if (name in wire) throw conflict(name, `the Form's ${option} also sets "${name}"`);
  }
  return { ...wire, ...lifted };
}

/**
 * A Form: inputs (and any other components) submitted together. Inputs' `initValue` / `errorMessage`
 * move into the Form's `init-values` / `error-messages`.
 *
 * @example
 * const email = textInput({ name: "email", label: "Email", initValue: data.default_email });
 * form({ name: "sign_in", children: [email, footer({ label: "Go", onClickAction: dataExchange({ email: email.ref }) })] });
 * // { type: "Form", name: "sign_in", "init-values": { email: "${data.default_email}" }, children: [...] }
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/flowjson#forms
 */
export function form(options: FormOptions): Form {
  const gathered: Gathered = { formName: options.name, names: new Set(), initValues: {}, errorMessages: {} };
  const children = gatherAll(options.children, gathered);
  const initValues = merge(options.name, "initValues", options.initValues, gathered.initValues);
  const errorMessages = merge(options.name, "errorMessages", options.errorMessages, gathered.errorMessages);
  return {
    type: "Form",
    name: options.name,
    children,
    ...(initValues === undefined ? {} : { "init-values": initValues }),
    ...(errorMessages === undefined ? {} : { "error-messages": errorMessages }),
  };
}
