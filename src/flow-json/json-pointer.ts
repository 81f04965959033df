/**
 * RFC 6901 JSON pointers: the way every problem in a Flow JSON document names the part it is about.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6901
 */

/**
 * Formats a path of object keys and array indexes as a JSON pointer; `~` and `/` in keys are escaped
 * as `~0` and `~1`, and the empty path is the whole document, `""`.
 *
 * @example
 * formatJsonPointer(["screens", 0, "layout", "children", 2, "label"]); // "/screens/0/layout/children/2/label"
 * @see https://www.rfc-editor.org/rfc/rfc6901#section-3
 */
export function formatJsonPointer(path: readonly (string | number)[]): string {
  return path.map((token) => `/${String(token).replaceAll("~", "~0").replaceAll("/", "~1")}`).join("");
}
