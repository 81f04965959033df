/**
 * Typed references to values the WhatsApp client holds: `${form.<name>}` (an input on this screen),
 * `${data.<field>}` (this screen's data) and the global `${screen.<ID>.form.<name>}` /
 * `${screen.<ID>.data.<field>}` (Flow JSON 4.0+).
 *
 * A ref carries the type of the value it points to, so it can only go where that type fits
 * (`text: welcome` needs a `Ref<string>`, `visible: isMember` a `Ref<boolean>`) and only be compared
 * with values of the same type. Input builders and `defineScreenData` hand refs out; `formRef` and
 * `dataRef` make one by name, for instance to refer to an input of a screen written elsewhere.
 *
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/flowjson
 */
import { Expression } from "./expressions/expression.js";
import { InvalidExpressionError } from "./expressions/errors.js";
import type { PayloadValue } from "./builders/wire-value.js";

/** Where a ref reads from: an input (`form`) or the screen's data (`data`). */
export type RefScope = "form" | "data";

/** A screen, or its id, that a global ref points into. */
export type ScreenLike = string | { readonly id: string };

function nonEmpty(what: string, value: string): string {
  if (value === "") {
    throw new InvalidExpressionError({
      message: `A ref needs a non-empty ${what}; pass the ${what} it refers to.`,
    });
  }
  return value;
}

function screenIdOf(screen: ScreenLike): string {
  return nonEmpty("screen id", typeof screen === "string" ? screen : screen.id);
}

/**
 * A reference to a form or data value of type `T`, rendered `${form.x}`, `${data.x}` or, when bound to
 * a screen, `${screen.<ID>.form.x}` / `${screen.<ID>.data.x}`.
 *
 * @example
 * const welcome = dataRef<string>("welcome");
 * String(welcome); // "${data.welcome}"
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/flowjson
 */
export class Ref<T> extends Expression<T> {
  readonly scope: RefScope;
  /** The input name or data field (a dotted path for nested data fields). */
  readonly name: string;
  /** The screen a global ref points into; absent for refs to the current screen. */
  readonly screen: string | undefined;

  constructor(scope: RefScope, name: string, screen?: string) {
    nonEmpty(scope === "form" ? "input name" : "data field", name);
    super({
      kind: "ref",
      path: screen === undefined ? `${scope}.${name}` : `screen.${screen}.${scope}.${name}`,
    });
    this.scope = scope;
    this.name = name;
    this.screen = screen;
  }
}

/**
 * A ref that reads another screen's input or data (`${screen.<ID>.form.x}`), Flow JSON 4.0+. It may
 * point forward to a screen the user has not reached yet; the value is then empty.
 *
 * @example
 * const email = formRef<string>("email").inScreen("SIGN_IN");
 * String(email); // "${screen.SIGN_IN.form.email}"
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/flowjson
 */
export class GlobalRef<T> extends Ref<T> {
  constructor(scope: RefScope, name: string, screen: string) {
    super(scope, name, screen);
  }
}

/**
 * A ref to an input on the current screen, `${form.<name>}`. Every input builder exposes one as `.ref`.
 *
 * @example
 * const email = textInput({ name: "email", label: "Email", inputType: "email" });
 * complete({ email: email.ref }); // payload { email: "${form.email}" }
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/flowjson
 */
export class FormRef<T> extends Ref<T> {
  constructor(name: string) {
    super("form", name);
  }

  /** The same input read from another screen: `${screen.<ID>.form.<name>}` (Flow JSON 4.0+). */
  inScreen(screen: ScreenLike): GlobalRef<T> {
    return new GlobalRef<T>("form", this.name, screenIdOf(screen));
  }
}

/**
 * One key of an `update_data` payload with its new value, built by `DataRef.update` so that the key is
 * a declared field and the value has that field's type.
 *
 * @example
 * updateData(data.pincode_visibility.update(true)); // payload { pincode_visibility: true }
 */
export class DataUpdate {
  readonly key: string;
  readonly value: PayloadValue;

  constructor(key: string, value: PayloadValue) {
    this.key = key;
    this.value = value;
  }
}

/**
 * A ref to a field of the current screen's data, `${data.<field>}`. `defineScreenData` exposes one per
 * declared field, typed from its example.
 *
 * @example
 * const data = defineScreenData({ state_visibility: false });
 * radioButtonsGroup({ name: "state", label: "State", dataSource: [], visible: data.state_visibility });
 * updateData(data.state_visibility.update(true)); // { name: "update_data", payload: { state_visibility: true } }
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/flowjson
 */
export class DataRef<T> extends Ref<T> {
  constructor(field: string) {
    super("data", field);
  }

  /** The same field read from another screen: `${screen.<ID>.data.<field>}` (Flow JSON 4.0+). */
  inScreen(screen: ScreenLike): GlobalRef<T> {
    return new GlobalRef<T>("data", this.name, screenIdOf(screen));
  }

  /** A nested field of an object field: `${data.<field>.<key>}`. */
  field<K extends keyof T & string>(key: K): DataRef<T[K]> {
    return new DataRef<T[K]>(`${this.name}.${nonEmpty("data field", key)}`);
  }

  /** This field's new value, for an `update_data` action (Flow JSON 6.0+). */
  update(value: T | Expression<T>): DataUpdate {
    return new DataUpdate(this.name, value as PayloadValue);
  }
}

/**
 * A ref to an input of the current screen by name, for an input not built here or built later.
 *
 * @example
 * const insurance = formRef<string>("insurance").inScreen("SELECT_INSURANCE");
 * insurance.ne("").render(); // "(${screen.SELECT_INSURANCE.form.insurance} != '')"
 */
export function formRef<T = string>(name: string): FormRef<T> {
  return new FormRef<T>(name);
}

/**
 * A ref to a field of the current screen's data by name. Prefer the refs of `defineScreenData`, which
 * are typed from the declaration; this one is typed by you.
 *
 * @example
 * const age = dataRef<number>("age");
 * String(age.gt(21)); // "`(${data.age} > 21)`"
 */
export function dataRef<T>(field: string): DataRef<T> {
  return new DataRef<T>(field);
}
