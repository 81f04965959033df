/**
 * Checks of single values against a {@link PropertySpec}: strings (blank, character limit), texts,
 * numbers (type, range), enum members and item counts, plus the helpers messages use.
 *
 * @example
 * checkNumber(31, { kind: "integer", maximum: 30 }, "/screens/0/layout/children/0/max-uploaded-photos", "'max-uploaded-photos' of PhotoPicker", context);
 * // MAXIMUM_VALUE_REQUIRED: "Property 'max-uploaded-photos' of PhotoPicker must be at most 30 (it is 31)."
 */
import type { PropertySpec } from "../property-spec.js";
import { isAtLeast } from "../versions.js";
import type { DiagnosticCollector } from "./diagnostic-collector.js";
import { appendPointer } from "./json-pointer.js";
import { isDynamicValue } from "./references.js";

/** What the checks need besides the value: the flow's version and where to report. */
export interface CheckContext {
  readonly version: string;
  readonly out: DiagnosticCollector;
}

/** Names a JSON value's type the way messages do (`string`, `array`, `null`, ...). */
export function describeType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

/** Counts characters as Unicode code points, so an emoji counts once. */
export function countCharacters(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}

/** Reports that the value at `pointer` is not of the `expected` JSON type. */
export function reportType(
  context: CheckContext,
  pointer: string,
  where: string,
  expected: string,
  value: unknown,
): void {
  context.out.error(
    "INVALID_PROPERTY_TYPE",
    pointer,
    `Property ${where} must be ${expected}, not ${describeType(value)}.`,
  );
}

/** Checks a static string: not blank (always when `notBlank`, else from 6.0) and within `maxChars`. */
export function checkString(
  text: string,
  property: PropertySpec,
  pointer: string,
  where: string,
  context: CheckContext,
) {
  const { out, version } = context;
  if (text.trim() === "" && (property.notBlank === true || isAtLeast(version, "6.0"))) {
    const since = property.notBlank === true ? "" : " (Flow JSON 6.0 and later)";
    out.error(
      "MIN_CHARS_REQUIRED",
      pointer,
      `Property ${where} must not be empty or whitespace-only${since}.`,
    );
    return;
  }
  if (property.maxChars !== undefined) {
    const length = countCharacters(text);
    if (length > property.maxChars) {
      out.report(
        property.maxCharsSeverity ?? "error",
        "INVALID_PROPERTY_VALUE",
        pointer,
        `Property ${where} exceeds the limit of ${property.maxChars} characters (it has ${length}).`,
      );
    }
  }
}

/** Checks a text: a string, or (from `arraySince`) an array of strings, each checked as a string. */
export function checkText(
  value: unknown,
  property: PropertySpec,
  pointer: string,
  where: string,
  context: CheckContext,
) {
  if (typeof value === "string") return checkString(value, property, pointer, where, context);
  if (!Array.isArray(value)) {
    context.out.error(
      "INVALID_PROPERTY_TYPE",
      pointer,
      `Property ${where} must be a string or an array of strings, not ${describeType(value)}.`,
    );
    return;
  }
  if (property.arraySince !== undefined && !isAtLeast(context.version, property.arraySince)) {
    context.out.error(
      "INVALID_PROPERTY_TYPE",
      pointer,
      `Property ${where} can be an array of strings only from Flow JSON version ${property.arraySince}; this flow uses ${context.version}.`,
    );
    return;
  }
  value.forEach((line: unknown, index) => {
    const linePointer = appendPointer(pointer, index);
    if (typeof line !== "string") reportType(context, linePointer, where, "a string", line);
    else if (!isDynamicValue(line)) checkString(line, property, linePointer, where, context);
  });
}

/** Checks a number (or an integer) and its `minimum` / `maximum`. */
export function checkNumber(
  value: unknown,
  property: PropertySpec,
  pointer: string,
  where: string,
  context: CheckContext,
) {
  const { out } = context;
  const integer = property.kind === "integer";
  if (typeof value !== "number" || !Number.isFinite(value) || (integer && !Number.isInteger(value))) {
    out.error(
      "INVALID_PROPERTY_TYPE",
      pointer,
      `Property ${where} must be ${integer ? "an integer" : "a number"}, not ${describeType(value)}.`,
    );
    return;
  }
  if (property.minimum !== undefined && value < property.minimum) {
    out.error(
      "MINIMUM_VALUE_REQUIRED",
      pointer,
      `Property ${where} must be at least ${property.minimum} (it is ${value}).`,
    );
  }
  if (property.maximum !== undefined && value > property.maximum) {
    out.error(
      "MAXIMUM_VALUE_REQUIRED",
      pointer,
      `Property ${where} must be at most ${property.maximum} (it is ${value}).`,
    );
  }
}

/** Checks that a string is one of the property's `values`. */
export function checkEnum(
  value: string,
  property: PropertySpec,
  pointer: string,
  where: string,
  context: CheckContext,
) {
  const values = property.values ?? [];
  if (!values.includes(value)) {
    context.out.error(
      "INVALID_ENUM_VALUE",
      pointer,
      `Invalid value '${value}' for ${where}. Allowed values: ${values.join(", ")}.`,
    );
  }
}

/** Checks an array against `minItems` / `maxItems`. */
export function checkItemCount(
  items: readonly unknown[],
  property: PropertySpec,
  pointer: string,
  where: string,
  context: CheckContext,
) {
  if (property.minItems !== undefined && items.length < property.minItems) {
    context.out.error(
      "MIN_ITEMS_REQUIRED",
      pointer,
      `Property ${where} must have at least ${property.minItems} item(s) (it has ${items.length}).`,
    );
  }
  if (property.maxItems !== undefined && items.length > property.maxItems) {
    context.out.error(
      "INVALID_PROPERTY_VALUE",
      pointer,
      `Property ${where} can have at most ${property.maxItems} items (it has ${items.length}).`,
    );
  }
}
