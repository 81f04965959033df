/**
 * A screen's data, as TypeScript sees it (`DataOf`) and as the step checks it at run time
 * (`checkScreenData`). Both read the screen's `data` declaration: field name to JSON-schema fragment.
 *
 * @example
 * const SIGN_IN = { id: "SIGN_IN", data: { welcome: { type: "string", __example__: "Hi" } }, layout } satisfies Screen;
 * type SignInData = DataOf<typeof SIGN_IN>; // { welcome: string }
 * checkScreenData(SIGN_IN, { welcome: 42 }, { partial: false }); // ["'welcome' must be a string, got number"]
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/flowjson#dynamic-properties
 */
import type { DataFieldSchema, JsonObject, JsonValue, Screen } from "../flow-json/types.js";

/** The TypeScript type of one field declared as `{ type: ..., items?, properties? }`. */
export type DataFieldValue<F> = F extends { readonly type: "string" }
  ? string
  : F extends { readonly type: "number" | "integer" }
    ? number
    : F extends { readonly type: "boolean" }
      ? boolean
      : F extends { readonly type: "array"; readonly items: infer I }
        ? readonly DataFieldValue<I>[]
        : F extends { readonly type: "object"; readonly properties: infer P }
          ? ObjectValue<P, F extends { readonly required: readonly (infer R)[] } ? R : never>
          : JsonValue;

/** An object field: the properties listed in `required` must be present, the others may be. */
type ObjectValue<P, R> = { readonly [K in keyof P as K extends R ? K : never]: DataFieldValue<P[K]> } & {
  readonly [K in keyof P as K extends R ? never : K]?: DataFieldValue<P[K]>;
};

type DeclaredData<D> = [D] extends [undefined]
  ? Record<string, never>
  : string extends keyof NonNullable<D>
    ? JsonObject
    : { readonly [K in keyof NonNullable<D>]: DataFieldValue<NonNullable<D>[K]> };

/**
 * The data a reply must carry for screen `S`. Precise when the screen object keeps its literal types
 * (`satisfies Screen`), any JSON object when it is typed as plain `Screen`, nothing when it declares no data.
 */
export type DataOf<S> = S extends { readonly data?: infer D } ? DeclaredData<D> : Record<string, never>;

/** The key WhatsApp reads as the snackbar message of a screen reply; never declared in `data`. */
export const errorMessageKey = "error_message";

/** Options for {@link checkScreenData}. */
export interface CheckScreenDataOptions {
  /** A same-screen refresh may send only some fields; a move to a screen must send all of them. */
  readonly partial: boolean;
}

/**
 * Checks `data` against `screen.data`: every declared field present (unless `partial`), no undeclared
 * field (`error_message` aside), each value of its declared type, nested objects and arrays included.
 * Returns one readable problem per mismatch; an empty array means the data is acceptable.
 */
export function checkScreenData(screen: Screen, data: JsonObject, options: CheckScreenDataOptions): string[] {
  const problems: string[] = [];
  const declared = screen.data ?? {};
  for (const [key, value] of Object.entries(data)) {
    if (key === errorMessageKey) {
      if (typeof value !== "string") problems.push(`'${errorMessageKey}' must be a string`);
      continue;
    }
    const schema = declared[key];
    if (schema === undefined) {
      problems.push(`'${key}' is not declared in the screen's data`);
      continue;
    }
    checkValue(key, schema, value, problems);
  }
  if (!options.partial) {
    for (const key of Object.keys(declared)) {
      if (!(key in data)) problems.push(`'${key}' is missing`);
    }
  }
  return problems;
}

function checkValue(
  path: string,
  schema: DataFieldSchema | boolean,
  value: JsonValue | undefined,
  problems: string[],
): void {
  if (typeof schema === "boolean") {
    if (!schema) problems.push(`'${path}' is not allowed`);
    return;
  }
  const actual = jsonType(value);
  if (!typeMatches(schema.type, value)) {
    problems.push(`'${path}' must be ${article(schema.type)}, got ${actual}`);
    return;
  }
  if (schema.type === "array" && Array.isArray(value) && schema.items !== undefined) {
    const items = schema.items;
    value.forEach((item, index) => checkValue(`${path}[${index}]`, items, item, problems));
  }
  if (schema.type === "object" && isJsonObject(value)) {
    const properties = schema.properties ?? {};
    for (const [key, nested] of Object.entries(value)) {
      const propertySchema = properties[key];
      if (propertySchema !== undefined) checkValue(`${path}.${key}`, propertySchema, nested, problems);
    }
    for (const key of schema.required ?? []) {
      if (!(key in value)) problems.push(`'${path}.${key}' is missing`);
    }
  }
}

function typeMatches(type: DataFieldSchema["type"], value: JsonValue | undefined): boolean {
  switch (type) {
    case "string":
      return typeof value === "string";
    case "number":
      return typeof value === "number" && Number.isFinite(value);
    case "integer":
      return typeof value === "number" && Number.isInteger(value);
    case "boolean":
      return typeof value === "boolean";
    case "array":
      return Array.isArray(value);
    case "object":
      return isJsonObject(value);
  }
}

function jsonType(value: JsonValue | undefined): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

/** True for a plain JSON object (not null, not an array). */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
