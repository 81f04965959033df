/**
 * Reading a screen's data model (a map from field name to a JSON Schema fragment): resolving a
 * `${data.a.b}` path to the schema it designates, and checking a value (an `__example__`, a literal
 * in a payload) against a schema.
 *
 * @example
 * const model = { user: { type: "object", properties: { name: { type: "string" } }, __example__: { name: "Ada" } } };
 * resolveDataPath(model, ["user", "name"]); // { found: true, schema: { type: "string" } }
 * findSchemaMismatch(42, { type: "string" }); // "expected string, found number"
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/flowjson#screen-data
 */
import { isRecord, type JsonRecord } from "./flow-index.js";
import { appendPointer } from "./json-pointer.js";
import { describeType } from "./scalar-checks.js";

/** The `type` keywords a data field may use. */
export const DATA_FIELD_TYPES: readonly string[] = [
  "string",
  "number",
  "integer",
  "boolean",
  "object",
  "array",
];

/** The outcome of resolving a data path. */
export type DataPathResolution =
  | { readonly found: true; readonly schema: JsonRecord | undefined }
  | { readonly found: false; readonly missingAt: number };

/**
 * Follows `path` through `model`: the first segment names a field, later ones name `properties` of
 * objects. An object without `properties`, or an array, accepts any deeper path (its shape is not
 * declared), and then `schema` is `undefined`. `missingAt` is the index of the first segment that
 * designates nothing.
 */
export function resolveDataPath(model: JsonRecord | undefined, path: readonly string[]): DataPathResolution {
  const [head, ...rest] = path;
  if (model === undefined || head === undefined || !Object.hasOwn(model, head))
    return { found: false, missingAt: 0 };
  const field = model[head];
  if (!isRecord(field)) return { found: false, missingAt: 0 };
  let schema: JsonRecord = field;
  for (const [offset, segment] of rest.entries()) {
    const type = schema["type"];
    if (type === "array") return { found: true, schema: undefined };
    if (type !== "object") return { found: false, missingAt: offset + 1 };
    const properties: unknown = schema["properties"];
    if (!isRecord(properties)) return { found: true, schema: undefined };
    const next = Object.hasOwn(properties, segment) ? properties[segment] : undefined;
    if (!isRecord(next)) return { found: false, missingAt: offset + 1 };
    schema = next;
  }
  return { found: true, schema };
}

/** The JSON Schema type names a value satisfies (`integer` values are also `number`). */
export function jsonTypesOf(value: unknown): readonly string[] {
  if (typeof value === "number") return Number.isInteger(value) ? ["number", "integer"] : ["number"];
  if (value === null) return ["null"];
  return [describeType(value)];
}

const MAX_DEPTH = 32;

/**
 * Describes the first place where `value` does not match `schema` (`"expected string at /0/title,
 * found number"`), or `undefined` when it matches. Objects may hold properties the schema does not
 * declare; keywords other than `type`, `properties`, `required` and `items` are not checked.
 */
export function findSchemaMismatch(
  value: unknown,
  schema: JsonRecord,
  at = "",
  depth = 0,
): string | undefined {
  const type = schema["type"];
  if (typeof type !== "string" || !DATA_FIELD_TYPES.includes(type) || depth > MAX_DEPTH) return undefined;
  const where = at === "" ? "" : ` at ${at}`;
  if (!jsonTypesOf(value).includes(type)) return `expected ${type}${where}, found ${describeType(value)}`;
  if (type === "object" && isRecord(value)) {
    const properties = schema["properties"];
    if (isRecord(properties)) {
      for (const [key, member] of Object.entries(value)) {
        const memberSchema = Object.hasOwn(properties, key) ? properties[key] : undefined;
        if (!isRecord(memberSchema)) continue;
        const mismatch = findSchemaMismatch(member, memberSchema, appendPointer(at, key), depth + 1);
        if (mismatch !== undefined) return mismatch;
      }
    }
    const required = schema["required"];
    if (Array.isArray(required)) {
      const missing: unknown = (required as unknown[]).find(
        (key) => typeof key === "string" && !Object.hasOwn(value, key),
      );
      if (typeof missing === "string") return `missing required property '${missing}'${where}`;
    }
  }
  if (type === "array" && Array.isArray(value) && isRecord(schema["items"])) {
    const items = schema["items"];
    for (const [position, item] of value.entries()) {
      const mismatch = findSchemaMismatch(item, items, appendPointer(at, position), depth + 1);
      if (mismatch !== undefined) return mismatch;
    }
  }
  return undefined;
}
