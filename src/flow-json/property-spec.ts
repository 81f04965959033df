/**
 * The vocabulary the component catalog is written in: what one property of a component (or of a list
 * item, or of a nested object) accepts, from which Flow JSON version, and within which limits.
 *
 * @example
 * const label: PropertySpec = { kind: "string", required: true, maxChars: 20 };
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/components
 */
import type { ActionName } from "./types.js";
import type { FlowJsonVersion } from "./versions.js";

/**
 * The JSON shape a property takes:
 * - `string`, `boolean`, `number`, `integer`: that JSON type;
 * - `text`: a string, or (from `arraySince`) an array of strings, one paragraph each;
 * - `enum`: one of `values`;
 * - `string-list`: an array of strings (each one of `values` when given);
 * - `object`: a nested object described by `object`;
 * - `object-list`: an array of objects, each described by `object`;
 * - `action`: an action object whose `name` is one of `actions`;
 * - `components`: an array of components (`children`, `then`, `else`);
 * - `cases`: a Switch's map from case value to an array of components;
 * - `json-object`: any JSON object (`init-values`, `error-messages`);
 * - `range`: a value of kind `rangeOf`, or `{"start-date", "end-date"}` of it (CalendarPicker);
 * - `message-map`: a string, or an object of strings keyed by media id (picker `error-message`);
 * - `any`: any JSON value here; a dedicated rule checks it (the document's `version`, say).
 */
export type PropertyKind =
  | "string"
  | "boolean"
  | "number"
  | "integer"
  | "text"
  | "enum"
  | "string-list"
  | "object"
  | "object-list"
  | "action"
  | "components"
  | "cases"
  | "json-object"
  | "range"
  | "message-map"
  | "any";

/** Which actions a property accepts, each with the Flow JSON version it is accepted from. */
export type ActionAllowance = Readonly<Partial<Record<ActionName, FlowJsonVersion>>>;

/** What one property accepts. Every field but `kind` is optional. */
export interface PropertySpec {
  readonly kind: PropertyKind;
  /** The first Flow JSON version the property exists in (absent: every version). */
  readonly since?: FlowJsonVersion;
  /** `true`: always required; a version: required from that version on. */
  readonly required?: true | FlowJsonVersion;
  /** `allowed` (the default): a `${...}` binding may stand for the value; `forbidden`; `only`. */
  readonly binding?: "allowed" | "forbidden" | "only";
  /** Allowed values of an `enum` or `string-list`. */
  readonly values?: readonly string[];
  /** Longest static string accepted, in characters (Unicode code points). */
  readonly maxChars?: number;
  /** Severity of a `maxChars` breach when the documented limit is unconfirmed (default error). */
  readonly maxCharsSeverity?: "warning";
  /** Empty or whitespace-only strings are refused in every version (6.0+ refuses them everywhere). */
  readonly notBlank?: true;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly minItems?: number;
  readonly maxItems?: number;
  /** For `object` and `object-list`: what the object (or each item) holds. */
  readonly object?: ObjectSpec;
  /** For `action`: the actions accepted. */
  readonly actions?: ActionAllowance;
  /** For `text`: the first version an array of strings is accepted. */
  readonly arraySince?: FlowJsonVersion;
  /** For `range`: the kind of each value. */
  readonly rangeOf?: "string" | "boolean";
}

/** An object's properties: a null-prototype record, so any key from a document can be looked up. */
export type PropertyTable = Readonly<Record<string, PropertySpec>>;

/** A described object: a component, a list item, or a nested object such as `main-content`. */
export interface ObjectSpec {
  /** How the object is named in messages (`TextInput`, `NavigationList list item`). */
  readonly label: string;
  readonly properties: PropertyTable;
}

/**
 * Builds a property table with no prototype, so that looking up a key taken from a document
 * (`constructor`, `__proto__`) can never find an inherited member.
 *
 * @example
 * const table = defineProperties({ id: { kind: "string", required: true } });
 * table["constructor"]; // undefined
 */
export function defineProperties(properties: Record<string, PropertySpec>): PropertyTable {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, PropertySpec>, properties));
}

/**
 * The spec of `key` in `table`, or `undefined` when the key is not a property of it.
 *
 * @example
 * lookupProperty(spec.properties, "label")?.maxChars; // 20
 */
export function lookupProperty(table: PropertyTable, key: string): PropertySpec | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
