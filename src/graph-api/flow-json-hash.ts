/**
 * A content hash of a Flow JSON document that ignores formatting and key order, so a deploy can tell
 * whether the flow on Meta's side already holds what it is about to upload.
 */
import type { FlowJson, JsonValue } from "../flow-json/types.js";
import { FlowJsonSourceError } from "./errors.js";

function canonical(value: JsonValue): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const keys = Object.keys(value).sort();
    const members = keys.flatMap((key) => {
      const member = value[key];
      return member === undefined ? [] : [`${JSON.stringify(key)}:${canonical(member)}`];
    });
    return `{${members.join(",")}}`;
  }
  return JSON.stringify(value);
}

/**
 * The canonical text of a document: keys sorted at every level, no whitespace, `undefined` members
 * dropped (as JSON does). Two documents that Meta would read the same way give the same text.
 *
 * @example
 * canonicalFlowJson('{"screens": [], "version": "7.3"}'); // '{"screens":[],"version":"7.3"}'
 */
export function canonicalFlowJson(document: FlowJson | string): string {
  let value: JsonValue;
  try {
    value = (
      typeof document === "string" ? JSON.parse(document) : JSON.parse(JSON.stringify(document))
    ) as JsonValue;
  } catch (error) {
    const detail = error instanceof Error ? error.message : "invalid JSON";
    throw new FlowJsonSourceError({
      source: typeof document === "string" ? "string" : "document",
      message: `Cannot hash the Flow JSON: ${detail}`,
    });
  }
  return canonical(value);
}

/**
 * SHA-256 (lower-case hex) of {@link canonicalFlowJson}; runs on WebCrypto, so on Node, Bun, Deno and
 * Workers alike.
 *
 * @example
 * const before = await hashFlowJson(await client.flows.downloadFlowJson(flowId).then((a) => a.text));
 * if (before !== (await hashFlowJson(compiled))) await client.flows.updateFlowJson(flowId, compiled);
 */
export async function hashFlowJson(document: FlowJson | string): Promise<string> {
  const bytes = new TextEncoder().encode(canonicalFlowJson(document));
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest("SHA-256", bytes));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, "0")).join("");
}
