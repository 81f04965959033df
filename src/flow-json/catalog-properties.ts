/**
 * Shorthands the component catalog is written with: one constructor per common property shape
 * (a string with a character limit, an integer range, an enum, an action allowance, ...) so that
 * each catalog entry reads like Meta's component reference table.
 *
 * @example
 * const label = required(str(20)); // { kind: "string", maxChars: 20, required: true }
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/components
 */
import type { ObjectSpec, PropertySpec } from "./property-spec.js";
import type { FlowJsonVersion } from "./versions.js";

/** The version of everything Meta documents without a version gate. */
export const BASE: FlowJsonVersion = "2.1";

/** A string, optionally limited to `maxChars` characters. */
export const str = (maxChars?: number, extra: Omit<PropertySpec, "kind"> = {}): PropertySpec =>
  maxChars === undefined ? { kind: "string", ...extra } : { kind: "string", maxChars, ...extra };
/** A boolean. */
export const bool: PropertySpec = { kind: "boolean" };
/** An integer within optional bounds. */
export const int = (minimum?: number, maximum?: number): PropertySpec => ({
  kind: "integer",
  ...(minimum === undefined ? {} : { minimum }),
  ...(maximum === undefined ? {} : { maximum }),
});
/** One of `values`, optionally from a version on. */
export const oneOf = (values: readonly string[], from?: FlowJsonVersion): PropertySpec =>
  from === undefined ? { kind: "enum", values } : { kind: "enum", values, since: from };
/** `spec`, available from `version` on. */
export const since = (version: FlowJsonVersion, spec: PropertySpec): PropertySpec => ({
  ...spec,
  since: version,
});
/** `spec`, required. */
export const required = (spec: PropertySpec): PropertySpec => ({ ...spec, required: true });
/** A component's `name`: a required static string. */
export const name: PropertySpec = { kind: "string", required: true, binding: "forbidden" };
/** The `visible` flag. */
export const visible = bool;
/** An array of strings. */
export const strings: PropertySpec = { kind: "string-list" };

/** A required list of options described by `item`, with Meta's item-count bounds. */
export const dataSource = (item: ObjectSpec, minItems: number, maxItems: number): PropertySpec => ({
  kind: "object-list",
  required: true,
  object: item,
  minItems,
  maxItems,
});
/** `on-select-action` of a selection: data_exchange always, update_data from a version. */
export const selectAction = (updateDataSince: FlowJsonVersion): PropertySpec => ({
  kind: "action",
  actions: { data_exchange: BASE, update_data: updateDataSince },
});
/** `on-unselect-action`: update_data, from a version. */
export const unselectAction = (from: FlowJsonVersion): PropertySpec => ({
  kind: "action",
  since: from,
  actions: { update_data: from },
});
/** A per-component `init-value` (Flow JSON 4.0+). */
export const initValue = (spec: PropertySpec): PropertySpec => since("4.0", spec);
/** A per-component `error-message` (Flow JSON 4.0+). */
export const errorMessage = (maxChars?: number): PropertySpec => since("4.0", str(maxChars));
/** A required text: a string, or an array of strings from 5.1. */
export const textBlock = (maxChars: number, severity?: "warning"): PropertySpec => ({
  kind: "text",
  required: true,
  arraySince: "5.1",
  maxChars,
  ...(severity === undefined ? {} : { maxCharsSeverity: severity }),
});
/** A CalendarPicker value: plain, or `{start-date, end-date}` in range mode. */
export const range = (rangeOf: "string" | "boolean", maxChars?: number): PropertySpec => ({
  kind: "range",
  rangeOf,
  ...(maxChars === undefined ? {} : { maxChars }),
});
export const FONT_WEIGHTS = ["bold", "italic", "bold_italic", "normal"];
export const MEDIA_SIZES = ["regular", "large"];
export const SCALE_TYPES = ["cover", "contain"];

/** Allowed in If branches and Switch cases from the first version (Meta's list of branch children). */
export const BRANCHABLE = { inIf: BASE, inSwitch: BASE } as const;
