/**
 * Reads the dynamic parts of Flow JSON strings: `${data.x}` / `${form.x}` references, global
 * references `${screen.ID.data.x}` / `${screen.ID.form.x}` (Flow JSON 4.0+), and backtick
 * expressions (6.0+) that combine them.
 *
 * @example
 * findReferences("`'Hello ' ${form.first_name}`"); // [{ scope: "form", path: ["first_name"], ... }]
 * isDynamicValue("${data.title}"); // true
 * isDynamicValue("Hello ${data.name}"); // false: static text mixed with a reference
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/flowjson#dynamic-properties
 */

/** Where a reference reads from. */
export type ReferenceScope = "data" | "form" | "screen-data" | "screen-form" | "unknown";

/** One `${...}` reference found in a string. */
export interface Reference {
  /** The reference as written, `${...}` included. */
  readonly source: string;
  readonly scope: ReferenceScope;
  /** For global references: the screen id after `screen.`. */
  readonly screen: string | undefined;
  /** The field path after `data.` / `form.` (`["top", "second"]` for `${data.top.second}`). */
  readonly path: readonly string[];
}

const REFERENCE = /\$\{([^{}]*)\}/g;
const SINGLE_REFERENCE = /^\$\{[^{}]*\}$/;

/** True when `text` is exactly one `${...}` reference. */
export function isSingleReference(text: string): boolean {
  return SINGLE_REFERENCE.test(text);
}

/** True when `text` is a backtick expression: it starts and ends with a backtick. */
export function isBacktickExpression(text: string): boolean {
  return text.length >= 2 && text.startsWith("`") && text.endsWith("`");
}

/** True when `text` is a dynamic value: one reference, or one backtick expression. */
export function isDynamicValue(text: string): boolean {
  return isSingleReference(text) || isBacktickExpression(text);
}

/** Every `${...}` reference in `text`, in order of appearance. */
export function findReferences(text: string): Reference[] {
  const references: Reference[] = [];
  if (!text.includes("${")) return references;
  for (const match of text.matchAll(REFERENCE)) {
    references.push(parseReference(match[0], match[1] ?? ""));
  }
  return references;
}

function parseReference(source: string, inner: string): Reference {
  const segments = inner.trim().split(".");
  const valid = segments.every((segment) => segment.length > 0);
  const [head, second, third] = segments;
  if (valid && (head === "data" || head === "form") && segments.length >= 2) {
    return { source, scope: head, screen: undefined, path: segments.slice(1) };
  }
  if (valid && head === "screen" && segments.length >= 4 && (third === "data" || third === "form")) {
    return {
      source,
      scope: third === "data" ? "screen-data" : "screen-form",
      screen: second,
      path: segments.slice(3),
    };
  }
  return { source, scope: "unknown", screen: undefined, path: [] };
}
