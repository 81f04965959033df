/**
 * Input components carry a typed ref to their value (`${form.<name>}`) as a non-enumerable `ref`
 * property: it is there for the author, and invisible to `JSON.stringify` and deep equality, so the
 * object stays exactly the wire component.
 */
import type { Component, InputComponent } from "../types.js";
import { FormRef } from "../refs.js";

/** A wire input component plus `ref`, the typed `${form.<name>}` of its value. */
export type WithRef<W, T> = W & { readonly ref: FormRef<T> };

const inputTypes: ReadonlySet<string> = new Set<InputComponent["type"]>([
  "TextInput",
  "TextArea",
  "CheckboxGroup",
  "RadioButtonsGroup",
  "Dropdown",
  "ChipsSelector",
  "OptIn",
  "DatePicker",
  "CalendarPicker",
  "PhotoPicker",
  "DocumentPicker",
]);

/** True for the components whose value is read through `${form.<name>}`. */
export function isInputComponent(component: Component): component is InputComponent {
  return inputTypes.has(component.type);
}

/**
 * Attaches `ref` (typed `T`) to a freshly built input and returns it.
 *
 * @example
 * const email = withRef<TextInput, string>(buildComponent("TextInput", { name: "email", label: "Email" }));
 * String(email.ref); // "${form.email}"
 */
export function withRef<W extends InputComponent, T>(input: W): WithRef<W, T> {
  Object.defineProperty(input, "ref", { value: new FormRef<T>(input.name), enumerable: false });
  return input as WithRef<W, T>;
}
