/**
 * Writing Flow JSON: a checked document to a fresh plain object with its keys in the canonical order
 * (`canonical-order.ts`), and to canonical text.
 */
import type { SchemaAST } from "effect";
import { decodeFlowJson } from "./decode.js";
import { parseJsonText } from "./json-text.js";
import { FlowJsonSchema } from "./schema/index.js";
import type { FlowJson, JsonObject, JsonValue } from "./types.js";

/**
 * Returns a fresh copy of `doc` as plain JSON, every model object's keys in the canonical order.
 *
 * User data keeps the order it was written in: action payloads, `Switch.cases`, `routing_model`,
 * screen data models, form init values and error maps. The input is checked first, so a value built
 * without the types (from JavaScript, or cast) cannot produce a document Meta would reject for its
 * shape. As in any JavaScript object, integer-like keys (`"1"`) come before the others.
 *
 * @throws FlowJsonDecodeError when `doc` does not fit the Flow JSON model.
 * @example
 * const wire = encodeFlowJson({ screens: [...], version: "7.3" });
 * Object.keys(wire); // ["version", "screens"]
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/flowjson
 */
export function encodeFlowJson(doc: FlowJson): JsonObject {
  return canonicalCopy(doc);
}

/**
 * The canonical text of a Flow JSON document: canonical key order, two-space indent, trailing newline.
 *
 * Formatting is idempotent: `formatFlowJson(formatFlowJson(x)) === formatFlowJson(x)`.
 *
 * @throws FlowJsonSyntaxError when `input` is text that is not JSON; FlowJsonDecodeError when it is not Flow JSON.
 * @example
 * await writeFile("flow.json", formatFlowJson(await readFile("flow.json", "utf8")));
 */
export function formatFlowJson(input: FlowJson | string): string {
  const value = typeof input === "string" ? parseJsonText(input) : input;
  return `${JSON.stringify(canonicalCopy(value), null, 2)}\n`;
}

function canonicalCopy(value: unknown): JsonObject {
  decodeFlowJson(value);
  return copyAlong(FlowJsonSchema.ast, value) as JsonObject;
}

/**
 * Copies `value` (already checked against `ast`) guided by the schema: a struct's keys come out in
 * the order its fields are declared, while records and JSON values keep the order they came in.
 */
function copyAlong(ast: SchemaAST.AST, value: unknown): JsonValue {
  const node = resolve(ast);
  if (Array.isArray(value)) {
    const list = node._tag === "Union" ? memberFor(node, value) : node;
    return value.map((element: unknown, index) => {
      const item = list?._tag === "Arrays" ? (list.elements[index] ?? list.rest[0]) : undefined;
      return item === undefined ? copyJson(element) : copyAlong(item, element);
    });
  }
  if (typeof value !== "object" || value === null) return value as JsonValue;
  const shape = node._tag === "Union" ? memberFor(node, value) : node;
  if (shape?._tag !== "Objects") return copyJson(value);
  const source = value as Record<string, unknown>;
  const copy: JsonObject = {};
  if (shape.indexSignatures.length > 0) {
    for (const [key, entry] of Object.entries(source)) {
      const declared = shape.propertySignatures.find((signature) => signature.name === key);
      const schema = declared?.type ?? shape.indexSignatures[0]?.type;
      setOwn(copy, key, schema === undefined ? copyJson(entry) : copyAlong(schema, entry));
    }
    return copy;
  }
  for (const signature of shape.propertySignatures) {
    const key = String(signature.name);
    const entry = Object.hasOwn(source, key) ? source[key] : undefined;
    if (entry !== undefined) setOwn(copy, key, copyAlong(signature.type, entry));
  }
  return copy;
}

/** The union member that describes `value`: the array member for a list, else the object member whose literals match. */
function memberFor(union: SchemaAST.Union, value: object): SchemaAST.AST | undefined {
  const members = flatten(union);
  if (Array.isArray(value)) return members.find((member) => member._tag === "Arrays");
  const objects = members.filter((member): member is SchemaAST.Objects => member._tag === "Objects");
  const record = value as Record<string, unknown>;
  return (
    objects.find((member) =>
      member.propertySignatures.every((signature) => {
        const type = resolve(signature.type);
        return type._tag !== "Literal" || record[String(signature.name)] === type.literal;
      }),
    ) ?? objects[0]
  );
}

function flatten(ast: SchemaAST.AST): SchemaAST.AST[] {
  const node = resolve(ast);
  return node._tag === "Union" ? node.types.flatMap(flatten) : [node];
}

function resolve(ast: SchemaAST.AST): SchemaAST.AST {
  return ast._tag === "Suspend" ? resolve(ast.thunk()) : ast;
}

/** A deep copy of a JSON value, keys in the order they came in. */
function copyJson(value: unknown): JsonValue {
  if (Array.isArray(value)) return value.map(copyJson);
  if (typeof value !== "object" || value === null) return value as JsonValue;
  const copy: JsonObject = {};
  for (const [key, entry] of Object.entries(value)) setOwn(copy, key, copyJson(entry));
  return copy;
}

/** Sets an own enumerable property, even for a key such as `__proto__`. */
function setOwn(target: JsonObject, key: string, value: JsonValue): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
