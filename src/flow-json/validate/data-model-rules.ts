/**
 * Screen data model rules (§3.3): `data` is an object of field schemas; each schema has a `type`
 * Meta knows, arrays have `items`, objects' `properties` are schemas; every field has an
 * `__example__` at its top level (and only there) that matches its schema.
 *
 * @example
 * // "data": { "name": { "type": "string", "__example__": 42 } }
 * // INVALID_SCREEN_DATA at /screens/0/data/name/__example__: "The __example__ of data field 'name' does not match its schema: expected string, found number."
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/flowjson#screen-data
 */
import type { DiagnosticCollector } from "./diagnostic-collector.js";
import { DATA_FIELD_TYPES, findSchemaMismatch } from "./data-schema.js";
import { isRecord } from "./flow-index.js";
import { appendPointer } from "./json-pointer.js";
import { describeType } from "./scalar-checks.js";
import type { ValidationRule } from "./validation-rule.js";

const MAX_SCHEMA_DEPTH = 32;

/** Reports malformed data models and `__example__` problems. */
export const checkDataModels: ValidationRule = (index, out) => {
  for (const screen of index.screens) {
    if (!Object.hasOwn(screen.value, "data")) continue;
    const dataPointer = appendPointer(screen.pointer, "data");
    const data = screen.value["data"];
    if (!isRecord(data)) {
      out.error(
        "INVALID_PROPERTY_TYPE",
        dataPointer,
        `Screen 'data' must be an object of field schemas, not ${describeType(data)}.`,
      );
      continue;
    }
    for (const [field, schema] of Object.entries(data)) {
      checkSchema(schema, appendPointer(dataPointer, field), field, true, 0, out);
    }
  }
};

function checkSchema(
  schema: unknown,
  pointer: string,
  field: string,
  topLevel: boolean,
  depth: number,
  out: DiagnosticCollector,
): void {
  if (!isRecord(schema)) {
    out.error(
      "INVALID_PROPERTY_TYPE",
      pointer,
      `The schema of data field '${field}' must be an object with a 'type', not ${describeType(schema)}.`,
    );
    return;
  }
  if (depth > MAX_SCHEMA_DEPTH) {
    out.error(
      "NESTING_TOO_DEEP",
      pointer,
      `The schema of data field '${field}' nests deeper than ${MAX_SCHEMA_DEPTH} levels; the rest is not checked.`,
    );
    return;
  }
  const type = schema["type"];
  let typeKnown = false;
  if (!Object.hasOwn(schema, "type")) {
    out.error(
      "MISSING_REQUIRED_TYPE_PROPERTY",
      pointer,
      `Missing property 'type' in the schema of data field '${field}'.`,
    );
  } else if (typeof type !== "string") {
    out.error(
      "INVALID_PROPERTY_TYPE",
      appendPointer(pointer, "type"),
      `Property 'type' of data field '${field}' must be a string.`,
    );
  } else if (!DATA_FIELD_TYPES.includes(type)) {
    out.error(
      "INVALID_ENUM_VALUE",
      appendPointer(pointer, "type"),
      `Invalid type '${type}' for data field '${field}'. Allowed values: ${DATA_FIELD_TYPES.join(", ")}.`,
    );
  } else {
    typeKnown = true;
  }
  if (type === "array")
    checkItems(schema["items"], Object.hasOwn(schema, "items"), pointer, field, depth, out);
  if (Object.hasOwn(schema, "properties")) {
    const properties = schema["properties"];
    const propertiesPointer = appendPointer(pointer, "properties");
    if (!isRecord(properties)) {
      out.error(
        "INVALID_PROPERTY_TYPE",
        propertiesPointer,
        `Property 'properties' of data field '${field}' must be an object of schemas.`,
      );
    } else {
      for (const [key, member] of Object.entries(properties)) {
        checkSchema(member, appendPointer(propertiesPointer, key), `${field}.${key}`, false, depth + 1, out);
      }
    }
  }
  checkExample(schema, pointer, field, topLevel, typeKnown, out);
}

function checkItems(
  items: unknown,
  present: boolean,
  pointer: string,
  field: string,
  depth: number,
  out: DiagnosticCollector,
): void {
  const itemsPointer = appendPointer(pointer, "items");
  if (!present) {
    out.error(
      "MISSING_REQUIRED_PROPERTY",
      pointer,
      `Missing property 'items' in the schema of array data field '${field}'.`,
    );
  } else if (isRecord(items)) {
    checkSchema(items, itemsPointer, `${field}[]`, false, depth + 1, out);
  } else if (typeof items !== "boolean") {
    out.error(
      "INVALID_PROPERTY_TYPE",
      itemsPointer,
      `Property 'items' of data field '${field}' must be an object or a boolean, not ${describeType(items)}.`,
    );
  }
}

function checkExample(
  schema: Readonly<Record<string, unknown>>,
  pointer: string,
  field: string,
  topLevel: boolean,
  typeKnown: boolean,
  out: DiagnosticCollector,
): void {
  const examplePointer = appendPointer(pointer, "__example__");
  const present = Object.hasOwn(schema, "__example__");
  if (!topLevel) {
    if (present) {
      out.error(
        "INVALID_PROPERTY_KEY",
        examplePointer,
        `'__example__' is only allowed at the top level of a data field, not in '${field}'.`,
      );
    }
    return;
  }
  if (!present) {
    out.error(
      "MISSING_REQUIRED_PROPERTY",
      pointer,
      `Missing property '__example__' in data field '${field}'. Every data field needs an example value.`,
    );
    return;
  }
  if (!typeKnown) return;
  const mismatch = findSchemaMismatch(schema["__example__"], schema);
  if (mismatch !== undefined) {
    out.error(
      "INVALID_SCREEN_DATA",
      examplePointer,
      `The __example__ of data field '${field}' does not match its schema: ${mismatch}.`,
    );
  }
}
