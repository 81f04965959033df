/**
 * Rules specific to one component (§3.9) that a property table cannot express: image sizes, Footer captions,
 * TextInput `pattern`, minimums above maximums, Dropdown option count with images, date formats of
 * DatePicker and CalendarPicker, CalendarPicker range-only values, NavigationList placement and
 * item rules, and RichText standing alone on its screen.
 *
 * @example
 * // { "type": "TextInput", "min-chars": 10, "max-chars": 5, ... }
 * // MIN_VALUE_GREATER_THAN_MAX at .../min-chars
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/components
 */
import { isAtLeast } from "../versions.js";
import type { DiagnosticCollector } from "./diagnostic-collector.js";
import { isRecord, type ComponentNode, type FlowIndex } from "./flow-index.js";
import { appendPointer } from "./json-pointer.js";
import { isDynamicValue } from "./references.js";
import type { ValidationRule } from "./validation-rule.js";

const MIN_MAX_PAIRS: readonly (readonly [string, string])[] = [
  ["min-chars", "max-chars"],
  ["min-selected-items", "max-selected-items"],
  ["min-uploaded-photos", "max-uploaded-photos"],
  ["min-uploaded-documents", "max-uploaded-documents"],
  ["min-days", "max-days"],
];
const PATTERN_INPUT_TYPES = ["text", "number", "password", "passcode"];
const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const EPOCH_MILLIS = /^\d+$/;
const DATE_KEYS = ["min-date", "max-date", "unavailable-dates", "init-value"];
const RANGE_ONLY_OBJECTS = ["label", "helper-text", "required", "init-value", "error-message"];
const RANGE_ONLY_KEYS = ["description", "min-days", "max-days"];

/** Reports component-specific problems. */
export const checkComponentRules: ValidationRule = (index, out) => {
  for (const screen of index.screens) {
    for (const node of screen.components) {
      checkMinMax(node, out);
      checkImageSizes(index, node, out);
      switch (node.type) {
        case "Footer":
          checkFooterCaptions(node, out);
          break;
        case "TextInput":
          checkPattern(node, out);
          break;
        case "Dropdown":
          checkDropdownImages(node, out);
          break;
        case "DatePicker":
          checkDates(node, isAtLeast(index.version, "5.0") ? "iso" : "epoch", out);
          break;
        case "CalendarPicker":
          checkDates(node, "iso", out);
          checkCalendarMode(node, out);
          break;
        case "NavigationList":
          checkNavigationList(node, out);
          break;
        case "RichText":
          checkRichTextAlone(index, node, out);
          break;
      }
    }
  }
};

function checkMinMax(node: ComponentNode, out: DiagnosticCollector): void {
  for (const [minKey, maxKey] of MIN_MAX_PAIRS) {
    const min = node.value[minKey];
    const max = node.value[maxKey];
    if (typeof min === "number" && typeof max === "number" && min > max) {
      out.error(
        "MIN_VALUE_GREATER_THAN_MAX",
        appendPointer(node.pointer, minKey),
        `'${minKey}' (${min}) of ${node.type} is greater than '${maxKey}' (${max}).`,
      );
    }
  }
  const minDate = node.value["min-date"];
  const maxDate = node.value["max-date"];
  if (
    typeof minDate === "string" &&
    typeof maxDate === "string" &&
    !isDynamicValue(minDate) &&
    !isDynamicValue(maxDate)
  ) {
    const bothIso = ISO_DATE.test(minDate) && ISO_DATE.test(maxDate);
    const bothEpoch = EPOCH_MILLIS.test(minDate) && EPOCH_MILLIS.test(maxDate);
    const later = bothIso ? minDate > maxDate : bothEpoch && Number(minDate) > Number(maxDate);
    if (later) {
      out.error(
        "MIN_VALUE_GREATER_THAN_MAX",
        appendPointer(node.pointer, "min-date"),
        `'min-date' (${minDate}) of ${node.type} is after 'max-date' (${maxDate}).`,
      );
    }
  }
}

/** Size in bytes of the data a base64 string encodes (whitespace ignored). */
function decodedSize(base64: string): number {
  const compact = base64.replace(/\s+/g, "");
  const padding = compact.endsWith("==") ? 2 : compact.endsWith("=") ? 1 : 0;
  return Math.floor((compact.length * 3) / 4) - padding;
}

const KIB = 1024;
const LIST_IMAGE_TYPES = ["CheckboxGroup", "RadioButtonsGroup", "Dropdown"];

/**
 * Base64 images: list option images at most 300 KB before Flow JSON 6.0 and 100 KB from 6.0,
 * NavigationList item images at most 100 KB (errors); an Image over the recommended 300 KB is a warning.
 */
function checkImageSizes(index: FlowIndex, node: ComponentNode, out: DiagnosticCollector): void {
  const check = (image: unknown, pointer: string, limitKb: number, severity: "error" | "warning") => {
    if (typeof image !== "string" || isDynamicValue(image)) return;
    const size = decodedSize(image);
    if (size <= limitKb * KIB) return;
    const kb = Math.ceil(size / KIB);
    out.report(
      severity,
      "INVALID_PROPERTY_VALUE",
      pointer,
      `This image is ${kb} KB (decoded); ${node.type} allows at most ${limitKb} KB per image.`,
    );
  };
  if (node.type === "Image") check(node.value["src"], appendPointer(node.pointer, "src"), 300, "warning");
  const listKey = node.type === "NavigationList" ? "list-items" : "data-source";
  const items = node.value[listKey];
  if (
    !Array.isArray(items) ||
    (node.type !== "NavigationList" && !LIST_IMAGE_TYPES.includes(node.type ?? ""))
  )
    return;
  const limit = node.type === "NavigationList" || isAtLeast(index.version, "6.0") ? 100 : 300;
  items.forEach((item: unknown, position) => {
    if (!isRecord(item)) return;
    const itemPointer = appendPointer(appendPointer(node.pointer, listKey), position);
    const start = item["start"];
    if (node.type === "NavigationList" && isRecord(start)) {
      check(start["image"], appendPointer(appendPointer(itemPointer, "start"), "image"), limit, "error");
    } else {
      check(item["image"], appendPointer(itemPointer, "image"), limit, "error");
    }
  });
}

function checkFooterCaptions(node: ComponentNode, out: DiagnosticCollector): void {
  const sides = ["left-caption", "right-caption"].filter((key) => Object.hasOwn(node.value, key));
  if (Object.hasOwn(node.value, "center-caption") && sides.length > 0) {
    out.error(
      "NOT_KEYWORD_SCHEMA_VALIDATION_FAILED",
      node.pointer,
      `Properties 'center-caption' and [${sides.map((key) => `'${key}'`).join(", ")}] must be present exclusively at Footer.`,
    );
  }
}

function checkPattern(node: ComponentNode, out: DiagnosticCollector): void {
  const pattern = node.value["pattern"];
  if (typeof pattern !== "string") return;
  const pointer = appendPointer(node.pointer, "pattern");
  if (!Object.hasOwn(node.value, "helper-text")) {
    out.error(
      "INVALID_DEPENDENCIES",
      pointer,
      "Property 'pattern' of TextInput requires 'helper-text' describing the expected format.",
    );
  }
  const inputType = node.value["input-type"] ?? "text";
  if (
    typeof inputType === "string" &&
    !isDynamicValue(inputType) &&
    !PATTERN_INPUT_TYPES.includes(inputType)
  ) {
    out.error(
      "INVALID_DEPENDENCIES",
      pointer,
      `Property 'pattern' of TextInput can only be used with input-type ${PATTERN_INPUT_TYPES.join(", ")}; this one is '${inputType}'.`,
    );
  }
  if (isDynamicValue(pattern)) return;
  try {
    new RegExp(pattern);
  } catch {
    // The client's regular-expression engine is not JavaScript's: a pattern JavaScript rejects is suspect, not proven wrong.
    out.warning(
      "INVALID_PROPERTY_VALUE",
      pointer,
      `Property 'pattern' of TextInput does not look like a valid regular expression: ${pattern}`,
    );
  }
}

function checkDropdownImages(node: ComponentNode, out: DiagnosticCollector): void {
  const items = node.value["data-source"];
  if (!Array.isArray(items) || items.length <= 100) return;
  if (items.some((item: unknown) => isRecord(item) && Object.hasOwn(item, "image"))) {
    out.error(
      "INVALID_PROPERTY_VALUE",
      appendPointer(node.pointer, "data-source"),
      `A Dropdown whose options have images can have at most 100 options (it has ${items.length}).`,
    );
  }
}

/** Dates: 'YYYY-MM-DD' (DatePicker from 5.0, CalendarPicker); before 5.0 DatePicker takes epoch milliseconds. */
function checkDates(node: ComponentNode, format: "iso" | "epoch", out: DiagnosticCollector): void {
  const check = (value: unknown, pointer: string) => {
    if (typeof value !== "string" || isDynamicValue(value)) return;
    if (format === "iso" && !ISO_DATE.test(value)) {
      out.error(
        "INVALID_PROPERTY_VALUE_FORMAT",
        pointer,
        `Invalid date '${value}' in ${node.type}: dates are written 'YYYY-MM-DD'.`,
      );
    } else if (format === "epoch" && !EPOCH_MILLIS.test(value)) {
      out.warning(
        "INVALID_PROPERTY_VALUE_FORMAT",
        pointer,
        `Date '${value}' in ${node.type}: before Flow JSON 5.0 dates are timestamps in milliseconds, such as '1693569600000'.`,
      );
    }
  };
  for (const key of DATE_KEYS) {
    const value = node.value[key];
    const pointer = appendPointer(node.pointer, key);
    if (Array.isArray(value))
      value.forEach((item: unknown, position) => check(item, appendPointer(pointer, position)));
    else if (isRecord(value))
      for (const [side, item] of Object.entries(value)) check(item, appendPointer(pointer, side));
    else check(value, pointer);
  }
}

/**
 * In single mode (the default) CalendarPicker values are plain; `{start-date, end-date}` objects are
 * an error. Meta documents `description`, `min-days` and `max-days` for range mode: a warning in single mode.
 */
function checkCalendarMode(node: ComponentNode, out: DiagnosticCollector): void {
  const mode = node.value["mode"] ?? "single";
  if (mode !== "single") return;
  for (const key of RANGE_ONLY_OBJECTS) {
    if (isRecord(node.value[key])) {
      out.error(
        "INVALID_PROPERTY_TYPE",
        appendPointer(node.pointer, key),
        `Property '${key}' of CalendarPicker takes a 'start-date'/'end-date' object only in range mode; set "mode": "range" or give a single value.`,
      );
    }
  }
  for (const key of RANGE_ONLY_KEYS) {
    if (Object.hasOwn(node.value, key)) {
      out.warning(
        "INVALID_DEPENDENCIES",
        appendPointer(node.pointer, key),
        `Property '${key}' of CalendarPicker applies to range mode only.`,
      );
    }
  }
}

function checkNavigationList(node: ComponentNode, out: DiagnosticCollector): void {
  const screen = node.screen;
  const here = screen.id ?? String(screen.index);
  if (screen.terminal) {
    out.error(
      "NAVIGATION_LIST_ON_TERMINAL_SCREEN",
      node.pointer,
      `A NavigationList cannot be used on terminal screen '${here}'.`,
    );
  }
  const others = screen.components.filter((other) => other.type !== "NavigationList");
  if (others.length > 0 && screen.components.find((other) => other.type === "NavigationList") === node) {
    out.error(
      "NAVIGATION_LIST_NOT_ALONE",
      (others[0] as ComponentNode).pointer,
      `A NavigationList cannot share screen '${here}' with other components (found ${others[0]?.type ?? "a component"}).`,
    );
  }
  const items = node.value["list-items"];
  if (!Array.isArray(items)) return;
  const records = items.filter(isRecord);
  const itemsWithAction = records.filter((item) => Object.hasOwn(item, "on-click-action"));
  if (Object.hasOwn(node.value, "on-click-action") && itemsWithAction.length > 0) {
    out.error(
      "NOT_KEYWORD_SCHEMA_VALIDATION_FAILED",
      appendPointer(node.pointer, "on-click-action"),
      "Properties 'on-click-action' and ['list-items[].on-click-action'] must be present exclusively at NavigationList.",
    );
  }
  if (node.value["media-size"] === "large" && records.some((item) => Object.hasOwn(item, "end"))) {
    out.error(
      "NOT_KEYWORD_SCHEMA_VALIDATION_FAILED",
      appendPointer(node.pointer, "media-size"),
      "Properties 'media-size' (large) and ['list-items[].end'] must be present exclusively at NavigationList.",
    );
  }
  const badged = items.flatMap((item: unknown, position) =>
    isRecord(item) && Object.hasOwn(item, "badge") ? [position] : [],
  );
  if (badged.length > 1) {
    out.error(
      "INVALID_PROPERTY_VALUE",
      appendPointer(appendPointer(appendPointer(node.pointer, "list-items"), badged[1] as number), "badge"),
      "Only one item of a NavigationList can have a badge.",
    );
  }
}

/** RichText stands alone on its screen; from Flow JSON 6.3 a Footer may join it. */
function checkRichTextAlone(index: FlowIndex, node: ComponentNode, out: DiagnosticCollector): void {
  const footerAllowed = isAtLeast(index.version, "6.3");
  const screen = node.screen;
  if (screen.components.find((other) => other.type === "RichText") !== node) return;
  const other = screen.components.find(
    (item) => item.type !== "RichText" && !(footerAllowed && item.type === "Footer"),
  );
  if (other === undefined) return;
  const allowed = footerAllowed ? "only a Footer may join it" : "a Footer may join it from Flow JSON 6.3";
  out.error(
    "RICH_TEXT_NOT_ALONE",
    other.pointer,
    `RichText must be alone on screen '${screen.id ?? screen.index}' (${allowed}); found ${other.type ?? "a component"}.`,
  );
}
