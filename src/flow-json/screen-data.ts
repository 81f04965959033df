/**
 * Screen data declared from examples, as pywa declares it: each field's JSON schema is inferred from
 * its `__example__`, and the declaration hands out a typed `${data.<field>}` ref per field.
 *
 * Inference: a string gives `string`, a boolean `boolean`, a number `number`; an array gives `array`
 * with `items` inferred from its first item; an object gives `object` with `properties` inferred from
 * its non-null entries. Data-source items leave their `on-select-action` / `on-unselect-action` out
 * of `properties`, navigation items their `start`, `end`, `badge`, `tags` and `on-click-action`; the
 * example keeps them. A field may instead be given an explicit schema with `fieldSchema(...)`.
 *
 * @example
 * const data = defineScreenData({ welcome: "Welcome back!", is_member: false });
 * data.welcome;                // DataRef<string>, "${data.welcome}"
 * screen({ id: "SIGN_IN", data, layout: [textSubheading(data.welcome)] });
 * // data: { welcome: { type: "string", __example__: "Welcome back!" }, is_member: { type: "boolean", ... } }
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/flowjson#dynamic-properties
 */
import type { DataFieldSchema, JsonObject, JsonValue, ScreenDataModel } from "./types.js";
import { Expression } from "./expressions/expression.js";
import { DataRef } from "./refs.js";
import type { Widen } from "./builders/authoring.js";
import { InvalidDataExampleError } from "./builders/errors.js";
import { isPlainObject, toWireValue } from "./builders/wire-value.js";

/** The key under which a `ScreenData` holds its schema (out of the way of field names). */
export const screenDataModelKey: unique symbol = Symbol("flowmachine.screenDataModel");

/**
 * An explicit schema for one field, with the value type `T` its ref carries. Built by `fieldSchema`.
 */
export class SchemaField<T> {
  declare protected readonly valueType: T;
  readonly schema: DataFieldSchema;

  constructor(schema: DataFieldSchema) {
    this.schema = schema;
  }
}

/** The value type a JSON schema describes: `{ type: "array", items: { type: "string" } }` -> `readonly string[]`. */
export type SchemaValue<S> = S extends { readonly type: "string" }
  ? string
  : S extends { readonly type: "number" | "integer" }
    ? number
    : S extends { readonly type: "boolean" }
      ? boolean
      : S extends { readonly type: "array"; readonly items: infer I }
        ? readonly SchemaValue<I>[]
        : S extends { readonly type: "object"; readonly properties: infer P }
          ? { readonly [K in keyof P]: SchemaValue<P[K]> }
          : S extends { readonly type: "object" }
            ? JsonObject
            : unknown;

/** The value type of a declared field: the schema's for `fieldSchema`, the widened example's otherwise. */
export type FieldValue<V> = V extends SchemaField<infer T> ? T : Widen<V>;

/** A screen's data declaration: a typed `DataRef` per field, and the schema under `screenDataModelKey`. */
export type ScreenData<Fields> = { readonly [K in keyof Fields & string]: DataRef<Fields[K]> } & {
  readonly [screenDataModelKey]: ScreenDataModel;
};

/**
 * One field given as an explicit JSON schema (with its mandatory `__example__`) instead of an example
 * alone; its ref is typed from the schema.
 *
 * @example
 * const data = defineScreenData({ age: fieldSchema({ type: "integer", minimum: 0, __example__: 30 }) });
 * data.age; // DataRef<number>
 */
export function fieldSchema<const S extends DataFieldSchema & { readonly __example__: JsonValue }>(
  schema: S,
): SchemaField<SchemaValue<S>> {
  return new SchemaField<SchemaValue<S>>(schema);
}

const dataSourceSkipped: ReadonlySet<string> = new Set(["on-select-action", "on-unselect-action"]);
const navigationItemSkipped: ReadonlySet<string> = new Set([
  "start",
  "end",
  "badge",
  "tags",
  "on-click-action",
]);

function skippedKeys(example: Record<string, unknown>): ReadonlySet<string> {
  if ("id" in example && "main-content" in example) return navigationItemSkipped;
  if ("id" in example && "title" in example) return dataSourceSkipped;
  return new Set();
}

function invalid(path: string, why: string): InvalidDataExampleError {
  return new InvalidDataExampleError({ message: `The example at ${path} ${why}.`, path });
}

function inferAt(example: unknown, path: string): DataFieldSchema {
  switch (typeof example) {
    case "string":
      return { type: "string" };
    case "boolean":
      return { type: "boolean" };
    case "number":
      if (!Number.isFinite(example)) throw invalid(path, "is not a finite number; give a finite number");
      return { type: "number" };
  }
  if (Array.isArray(example)) {
    if (example.length === 0)
      throw invalid(path, "is an empty array; give at least one item to infer the items from");
    const first: unknown = example[0];
    if (Array.isArray(first))
      throw invalid(`${path}[0]`, "is an array inside an array; give an explicit fieldSchema");
    return { type: "array", items: inferAt(first, `${path}[0]`) };
  }
  if (isPlainObject(example)) {
    const skipped = skippedKeys(example);
    const properties: Record<string, DataFieldSchema> = {};
    for (const [key, value] of Object.entries(example)) {
      if (value === null || value === undefined || skipped.has(key)) continue;
      properties[key] = inferAt(value, `${path}.${key}`);
    }
    return { type: "object", properties };
  }
  const what = example instanceof Expression ? "is a ref or expression" : `is ${String(example)}`;
  throw invalid(path, `${what}; give a string, number, boolean, array or object`);
}

/**
 * The JSON schema pywa infers from an example (without `__example__`).
 *
 * @example
 * inferDataSchema([{ id: "1", title: "USA" }]);
 * // { type: "array", items: { type: "object", properties: { id: { type: "string" }, title: { type: "string" } } } }
 */
export function inferDataSchema(example: unknown): DataFieldSchema {
  return inferAt(example, "example");
}

/**
 * Declares a screen's data from examples (or `fieldSchema`s) and returns a typed ref per field. Pass
 * the result as `screen({ data })`.
 *
 * @example
 * const data = defineScreenData({
 *   welcome: "Welcome back! Please sign in to continue.",
 *   countries: [dataSourceItem({ id: "1", title: "USA" })],
 * });
 * textSubheading(data.welcome);
 * radioButtonsGroup({ name: "country", label: "Country", dataSource: data.countries });
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/flowjson#dynamic-properties
 */
export function defineScreenData<const F extends { readonly [field: string]: unknown }>(
  fields: F,
): ScreenData<{ [K in keyof F]: FieldValue<F[K]> }> {
  const model: Record<string, DataFieldSchema> = {};
  const refs: Record<string, DataRef<unknown>> = {};
  for (const [field, value] of Object.entries(fields)) {
    if (value instanceof SchemaField) {
      model[field] = value.schema;
    } else {
      model[field] = { ...inferAt(value, field), __example__: toWireValue(value) };
    }
    refs[field] = new DataRef<unknown>(field);
  }
  Object.defineProperty(refs, screenDataModelKey, { value: model, enumerable: false });
  return refs as unknown as ScreenData<{ [K in keyof F]: FieldValue<F[K]> }>;
}

/** True when `value` was made by `defineScreenData`. */
export function isScreenData(value: object): value is ScreenData<Record<string, unknown>> {
  return screenDataModelKey in value;
}

/**
 * The schema of a data declaration, as it goes into a screen's `data`.
 *
 * @example
 * screenDataModel(defineScreenData({ welcome: "Hi" })); // { welcome: { type: "string", __example__: "Hi" } }
 */
export function screenDataModel(data: ScreenData<unknown>): ScreenDataModel {
  return data[screenDataModelKey];
}
