/**
 * RFC 6901 JSON pointers, the way diagnostics name the part of a document they are about.
 *
 * @example
 * appendPointer("/screens/0/layout", "on-click-action"); // "/screens/0/layout/on-click-action"
 * appendPointer("/routing_model", "A/B"); // "/routing_model/A~1B"
 * @see https://www.rfc-editor.org/rfc/rfc6901
 */

/**
 * The pointer to member `token` (a key or an array index) of the value at `base`, with `~` and `/`
 * escaped as RFC 6901 requires.
 */
export function appendPointer(base: string, token: string | number): string {
  if (typeof token === "number" || (!token.includes("~") && !token.includes("/"))) return `${base}/${token}`;
  return `${base}/${token.replaceAll("~", "~0").replaceAll("/", "~1")}`;
}

/**
 * The value `pointer` designates in `document`, or `undefined` when it designates nothing.
 *
 * @example
 * resolvePointer({ screens: [{ id: "A" }] }, "/screens/0/id"); // "A"
 */
export function resolvePointer(document: unknown, pointer: string): unknown {
  if (pointer === "") return document;
  if (!pointer.startsWith("/")) return undefined;
  let current: unknown = document;
  for (const raw of pointer.slice(1).split("/")) {
    const token = raw.replaceAll("~1", "/").replaceAll("~0", "~");
    if (Array.isArray(current)) {
      if (!/^(0|[1-9]\d*)$/.test(token)) return undefined;
      current = current[Number(token)];
    } else if (typeof current === "object" && current !== null && Object.hasOwn(current, token)) {
      current = (current as Record<string, unknown>)[token];
    } else {
      return undefined;
    }
  }
  return current;
}
