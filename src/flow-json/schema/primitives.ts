/**
 * The building blocks every other Flow JSON schema is made of: bindings, JSON values, "static or bound"
 * properties and the struct constructor that fixes each object's canonical key order.
 */
import { Schema } from "effect";
import type { Binding, JsonObject, JsonValue } from "../types.js";

/**
 * A `${...}` reference or a backtick expression, exactly as the `Binding` wire type describes it.
 *
 * @example
 * Schema.is(BindingSchema)("${data.name}"); // true
 * Schema.is(BindingSchema)("yes"); // false
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/flowjson#dynamic-properties
 */
export const BindingSchema: Schema.Codec<Binding> = Schema.Union([
  Schema.TemplateLiteral(["${", Schema.String, "}"]),
  Schema.TemplateLiteral(["`", Schema.String, "`"]),
]).annotate({ expected: "a binding such as ${data.x} or a backtick expression" });

/** Any JSON value (used for payloads, `__example__` and other user data). */
export const JsonValueSchema: Schema.Codec<JsonValue> = Schema.MutableJson.annotate({
  expected: "a JSON value",
});

/** A JSON object with arbitrary keys, kept in the order it was written. */
export const JsonObjectSchema: Schema.Codec<JsonObject> = Schema.Record(
  Schema.String,
  JsonValueSchema,
).annotate({
  expected: "a JSON object",
});

/** A finite number (JSON has no NaN or Infinity). */
export const FiniteSchema = Schema.Finite.annotate({ expected: "a number" });

/** A string. */
export const StringSchema = Schema.String.annotate({ expected: "a string" });

/** A boolean. */
export const BooleanSchema = Schema.Boolean.annotate({ expected: "a boolean" });

/** A list of strings. */
export const StringListSchema = Schema.Array(StringSchema);

/**
 * A property that is either a static value or a binding resolved by the WhatsApp client.
 *
 * @example
 * const Required = dynamic(BooleanSchema); // boolean | Binding
 */
export function dynamic<S extends Schema.Top>(schema: S): Schema.Union<readonly [S, typeof BindingSchema]> {
  return Schema.Union([schema, BindingSchema]);
}

/** One or more string literals, reported as `"a" or "b"` when a value does not match. */
export function oneOfLiterals<const L extends readonly [string, ...string[]]>(
  literals: L,
): Schema.Literals<L> {
  return Schema.Literals(literals).annotate({
    expected: literals.map((literal) => JSON.stringify(literal)).join(" or "),
  });
}

/**
 * A struct whose fields are laid out in `order`, the canonical key order of that object on the wire.
 * The encoder walks the schema, so this order is the order `formatFlowJson` writes keys in.
 *
 * @example
 * const Next = orderedStruct(["name", "type"], { type: oneOfLiterals(["screen", "plugin"]), name: StringSchema });
 */
export function orderedStruct<const Fields extends Schema.Struct.Fields>(
  order: readonly (keyof Fields & string)[],
  fields: Fields,
): Schema.Struct<Fields> {
  const declared = Object.keys(fields);
  const missing = declared.filter((key) => !order.includes(key));
  if (missing.length > 0 || order.length !== declared.length) {
    throw new Error(
      `Key order [${order.join(", ")}] does not list exactly the fields [${declared.join(", ")}].`,
    );
  }
  const ordered = Object.fromEntries(order.map((key) => [key, fields[key]])) as unknown as Fields;
  return Schema.Struct(ordered);
}
