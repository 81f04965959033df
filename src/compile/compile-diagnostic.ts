/**
 * A diagnostic of the compiled Flow JSON, with the machine state (screen) it points at, so that an error
 * in `/screens/1/layout/...` or `/routing_model/SIGN_UP` reads as a problem of state `SIGN_UP`.
 *
 * @example
 * { code: "INVALID_ROUTING_MODEL", severity: "error", pointer: "/routing_model/SIGN_UP/0",
 *   message: "Loop detected in the routing model: ...", state: "SIGN_UP" }
 */
import type { Diagnostic } from "../flow-json/diagnostic.js";
import type { FlowJson } from "../flow-json/types.js";

/** A {@link Diagnostic} with the screen (machine state) it concerns, when there is one. */
export interface CompileDiagnostic extends Diagnostic {
  readonly state?: string;
}

/** Adds `state` to a validator diagnostic whose pointer is inside a screen or a routing-model entry. */
export function withState(doc: FlowJson, diagnostic: Diagnostic): CompileDiagnostic {
  const segments = diagnostic.pointer.split("/").slice(1).map(unescapePointer);
  const [section, key] = segments;
  let state: string | undefined;
  if (section === "screens" && key !== undefined && /^\d+$/.test(key)) state = doc.screens[Number(key)]?.id;
  if (section === "routing_model" && key !== undefined) state = key;
  return state === undefined ? diagnostic : { ...diagnostic, state };
}

function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, "/").replace(/~0/g, "~");
}
