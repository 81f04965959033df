/**
 * The one-line form of a diagnostic that `flowmachine validate` and `flowmachine deploy` print:
 * `FILE:POINTER: CODE message`, warnings marked with `warning:` before the message. Meta's validation
 * errors (through `validationErrorsToDiagnostics`) and the local validator's print the same way, so the
 * two can be compared line by line.
 *
 * @example
 * formatDiagnosticLine("flow.json", { code: "MISSING_TERMINAL_SCREEN", severity: "error", pointer: "/screens", message: "Missing terminal screen." });
 * // "flow.json:/screens: MISSING_TERMINAL_SCREEN Missing terminal screen."
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/error-codes
 */
import type { Diagnostic } from "../flow-json/diagnostic.js";

/** `file:pointer: CODE message` (no newline); the pointer is empty for the whole document. */
export function formatDiagnosticLine(file: string, diagnostic: Diagnostic): string {
  const message = diagnostic.severity === "warning" ? `warning: ${diagnostic.message}` : diagnostic.message;
  return `${file}:${diagnostic.pointer}: ${diagnostic.code} ${message}`;
}

/** `1 error`, `2 warnings`: a count with its noun, plural when needed. */
export function countOf(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
