/**
 * Checks one JSON object against an {@link ObjectSpec} from the catalog: unknown keys, keys newer
 * than the flow's version, missing required keys, JSON types, enum values, character limits, number
 * ranges, item counts, accepted actions, and (from Flow JSON 6.0) empty or whitespace-only strings.
 *
 * Values that are dynamic (`${...}` or a backtick expression) pass the type checks here; the binding
 * rules check what they refer to.
 *
 * @example
 * checkObject(component, getComponentSpec("TextInput")!, "/screens/0/layout/children/0", context, ["type"]);
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/components
 */
import { lookupProperty, type ObjectSpec, type PropertySpec } from "../property-spec.js";
import type { ActionName } from "../types.js";
import { isAtLeast } from "../versions.js";
import { isRecord, type JsonRecord } from "./flow-index.js";
import { appendPointer } from "./json-pointer.js";
import { isDynamicValue } from "./references.js";
import {
  checkEnum,
  checkItemCount,
  checkNumber,
  checkString,
  checkText,
  describeType,
  reportType,
  type CheckContext,
} from "./scalar-checks.js";

export type { CheckContext } from "./scalar-checks.js";

const KNOWN_ACTIONS: ReadonlySet<string> = new Set([
  "navigate",
  "data_exchange",
  "complete",
  "update_data",
  "open_url",
]);

/**
 * Checks `value` against `spec`, reporting under `pointer`; keys in `skip` are left to other rules.
 */
export function checkObject(
  value: JsonRecord,
  spec: ObjectSpec,
  pointer: string,
  context: CheckContext,
  skip: readonly string[] = [],
): void {
  const { out, version } = context;
  for (const key of Object.keys(value)) {
    if (skip.includes(key)) continue;
    const member = value[key];
    const memberPointer = appendPointer(pointer, key);
    const property = lookupProperty(spec.properties, key);
    if (property === undefined) {
      out.error("INVALID_PROPERTY_KEY", memberPointer, `Property '${key}' is not allowed in ${spec.label}.`);
    } else if (property.since !== undefined && !isAtLeast(version, property.since)) {
      out.error(
        "INVALID_PROPERTY_KEY",
        memberPointer,
        `Property '${key}' of ${spec.label} requires Flow JSON version ${property.since} or later; this flow uses ${version}.`,
      );
    } else {
      checkValue(member, property, memberPointer, `'${key}' of ${spec.label}`, context);
    }
  }
  for (const [key, required] of requiredKeys(spec)) {
    if (Object.hasOwn(value, key) || skip.includes(key)) continue;
    if (required === true || isAtLeast(version, required)) {
      const from = required === true ? "" : ` from Flow JSON version ${required}`;
      out.error(
        "MISSING_REQUIRED_PROPERTY",
        pointer,
        `Missing required property '${key}' in ${spec.label}${from}.`,
      );
    }
  }
}

const requiredCache = new WeakMap<ObjectSpec, readonly (readonly [string, true | string])[]>();

/** The required keys of `spec` (with the version they are required from), computed once per spec. */
function requiredKeys(spec: ObjectSpec): readonly (readonly [string, true | string])[] {
  let keys = requiredCache.get(spec);
  if (keys === undefined) {
    keys = Object.entries(spec.properties).flatMap(([key, property]) =>
      property.required === undefined ? [] : [[key, property.required] as const],
    );
    requiredCache.set(spec, keys);
  }
  return keys;
}

/** Checks one property value against its spec; `where` names it in messages. */
export function checkValue(
  value: unknown,
  property: PropertySpec,
  pointer: string,
  where: string,
  context: CheckContext,
): void {
  const { out } = context;
  if (typeof value === "string" && isDynamicValue(value)) {
    if (property.binding === "forbidden") {
      out.error("INVALID_PROPERTY_VALUE", pointer, `Property ${where} must be static; it cannot be dynamic.`);
    }
    return;
  }
  if (property.binding === "only") {
    out.error(
      "INVALID_PROPERTY_VALUE",
      pointer,
      `Property ${where} must be a dynamic reference such as \${data.x}.`,
    );
    return;
  }
  switch (property.kind) {
    case "any":
      return;
    case "string":
      if (typeof value === "string") checkString(value, property, pointer, where, context);
      else reportType(context, pointer, where, "a string", value);
      return;
    case "text":
      return checkText(value, property, pointer, where, context);
    case "boolean":
      if (typeof value !== "boolean") reportType(context, pointer, where, "a boolean", value);
      return;
    case "number":
    case "integer":
      return checkNumber(value, property, pointer, where, context);
    case "enum":
      if (typeof value !== "string") reportType(context, pointer, where, "a string", value);
      else checkEnum(value, property, pointer, where, context);
      return;
    case "string-list":
      if (!Array.isArray(value)) return reportType(context, pointer, where, "an array of strings", value);
      checkItemCount(value, property, pointer, where, context);
      value.forEach((item: unknown, index) =>
        checkValue(item, listItemSpec(property), appendPointer(pointer, index), where, context),
      );
      return;
    case "object":
      if (!isRecord(value)) return reportType(context, pointer, where, "an object", value);
      if (property.object !== undefined) checkObject(value, property.object, pointer, context);
      return;
    case "object-list":
      if (!Array.isArray(value)) return reportType(context, pointer, where, "an array", value);
      checkItemCount(value, property, pointer, where, context);
      value.forEach((item: unknown, index) => {
        const itemPointer = appendPointer(pointer, index);
        if (!isRecord(item)) {
          out.error(
            "INVALID_PROPERTY_TYPE",
            itemPointer,
            `Each item of ${where} must be an object, not ${describeType(item)}.`,
          );
        } else if (property.object !== undefined) {
          checkObject(item, property.object, itemPointer, context);
        }
      });
      return;
    case "action":
      if (!isRecord(value)) return reportType(context, pointer, where, "an action object", value);
      return checkActionAllowed(value, property, pointer, where, context);
    case "components":
      if (!Array.isArray(value)) return reportType(context, pointer, where, "an array of components", value);
      checkItemCount(value, property, pointer, where, context);
      value.forEach((item: unknown, index) => {
        if (!isRecord(item)) {
          out.error(
            "INVALID_PROPERTY_TYPE",
            appendPointer(pointer, index),
            `Each component in ${where} must be an object, not ${describeType(item)}.`,
          );
        }
      });
      return;
    case "cases":
      if (!isRecord(value))
        return reportType(
          context,
          pointer,
          where,
          "an object mapping each case to an array of components",
          value,
        );
      for (const [key, list] of Object.entries(value)) {
        if (!Array.isArray(list)) {
          out.error(
            "INVALID_PROPERTY_TYPE",
            appendPointer(pointer, key),
            `Case '${key}' of ${where} must be an array of components.`,
          );
        }
      }
      return;
    case "json-object":
      if (!isRecord(value)) reportType(context, pointer, where, "an object", value);
      return;
    case "range":
      return checkRange(value, property, pointer, where, context);
    case "message-map":
      if (typeof value === "string") return checkString(value, property, pointer, where, context);
      if (!isRecord(value))
        return reportType(context, pointer, where, "a string or an object of strings", value);
      for (const [key, message] of Object.entries(value)) {
        checkValue(message, { kind: "string" }, appendPointer(pointer, key), where, context);
      }
      return;
  }
}

function listItemSpec(property: PropertySpec): PropertySpec {
  const item: { -readonly [K in keyof PropertySpec]: PropertySpec[K] } = {
    kind: property.values === undefined ? "string" : "enum",
  };
  if (property.values !== undefined) item.values = property.values;
  if (property.maxChars !== undefined) item.maxChars = property.maxChars;
  return item;
}

function checkRange(
  value: unknown,
  property: PropertySpec,
  pointer: string,
  where: string,
  context: CheckContext,
) {
  const single: PropertySpec = { ...property, kind: property.rangeOf === "boolean" ? "boolean" : "string" };
  if (!isRecord(value)) return checkValue(value, single, pointer, where, context);
  for (const [key, member] of Object.entries(value)) {
    const memberPointer = appendPointer(pointer, key);
    if (key === "start-date" || key === "end-date")
      checkValue(member, single, memberPointer, `${where} (${key})`, context);
    else
      context.out.error(
        "INVALID_PROPERTY_KEY",
        memberPointer,
        `Property '${key}' is not allowed in ${where}; use 'start-date' and 'end-date'.`,
      );
  }
}

function checkActionAllowed(
  action: JsonRecord,
  property: PropertySpec,
  pointer: string,
  where: string,
  context: CheckContext,
) {
  const name = action["name"];
  if (typeof name !== "string" || !KNOWN_ACTIONS.has(name)) return;
  const allowed = property.actions ?? {};
  const since = allowed[name as ActionName];
  const namePointer = appendPointer(pointer, "name");
  if (since === undefined) {
    const names = Object.keys(allowed).sort().join(", ");
    context.out.error(
      "INVALID_ENUM_VALUE",
      namePointer,
      `Action '${name}' is not allowed in ${where}. Allowed actions: ${names}.`,
    );
  } else if (!isAtLeast(context.version, since)) {
    context.out.error(
      "INVALID_ENUM_VALUE",
      namePointer,
      `Action '${name}' in ${where} requires Flow JSON version ${since} or later; this flow uses ${context.version}.`,
    );
  }
}
