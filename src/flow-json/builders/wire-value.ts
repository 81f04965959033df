/**
 * Turns authored values into wire JSON: expressions become their string form, `RegExp`s their
 * source, `undefined` object entries and array items disappear, and everything else is copied as is. Keys of plain
 * objects are never rewritten, so action payloads and `cases` reach the wire exactly as written.
 */
import type { DataSourceItem, JsonObject, JsonValue, NavigationListItem } from "../types.js";
import { Expression } from "../expressions/expression.js";

/**
 * A value an action payload (or a Form's `init-values` / `error-messages`) may hold: JSON, refs and
 * expressions (rendered to their binding), and built data-source or navigation items.
 */
export type PayloadValue =
  | string
  | number
  | boolean
  | null
  | Expression<unknown>
  | DataSourceItem
  | NavigationListItem
  | readonly PayloadValue[]
  | PayloadObject;

/** An object of payload values, keyed exactly as they should appear on the wire. */
export type PayloadObject = { readonly [key: string]: PayloadValue | undefined };

/** True for object literals (not arrays, class instances or null). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * The wire JSON of an authored value. Expressions render as bindings (`${form.x}`, or a backticked
 * expression), so the result contains nothing but JSON.
 *
 * @example
 * toWireValue({ email: formRef("email"), tags: ["a"], skip: undefined }); // { email: "${form.email}", tags: ["a"] }
 */
export function toWireValue(value: unknown): JsonValue {
  if (value instanceof Expression) return value.toString();
  if (value instanceof RegExp) return value.source;
  if (Array.isArray(value)) {
    return value.filter((item: unknown) => item !== undefined).map((item: unknown) => toWireValue(item));
  }
  if (isPlainObject(value)) return toWireEntries(value, (key) => key);
  return value as JsonValue;
}

/**
 * The wire object of an authored object, each key passed through `rename` and each value through
 * `toWireValue`; entries whose value is `undefined` are left out.
 */
export function toWireEntries(value: object, rename: (key: string) => string): JsonObject {
  const out: Record<string, JsonValue> = {};
  for (const [key, entry] of Object.entries(value)) {
    if (entry !== undefined) out[rename(key)] = toWireValue(entry);
  }
  return out;
}

/** `onClickAction` -> `on-click-action`: the wire spelling of a camelCase option key. */
export function kebabCase(key: string): string {
  return key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

/**
 * The wire object of a builder's options: keys in kebab-case, values converted, `undefined` dropped.
 * Nested objects keep their keys; builders convert the nested option objects they define themselves.
 *
 * @example
 * toWireOptions({ inputType: "email", helperText: undefined }); // { "input-type": "email" }
 */
export function toWireOptions(options: object): JsonObject {
  return toWireEntries(options, kebabCase);
}

/** The wire object of a payload: values converted, keys untouched, `undefined` entries dropped. */
export function toWirePayload(payload: PayloadObject): JsonObject {
  return toWireEntries(payload, (key) => key);
}
