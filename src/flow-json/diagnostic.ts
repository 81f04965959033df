/**
 * A problem found in a Flow JSON document that need not stop the program, shaped like Meta's
 * validation errors so that our output can be compared with theirs line by line.
 *
 * @example
 * const d: Diagnostic = {
 *   code: "MISSING_TERMINAL_SCREEN",
 *   severity: "error",
 *   pointer: "/screens",
 *   message: "Missing terminal screen. At least one screen must have 'terminal' set to true.",
 * };
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/error-codes
 */
export interface Diagnostic {
  /** Meta's own error code where Meta has one (`INVALID_ROUTING_MODEL`, ...), ours otherwise. */
  readonly code: string;
  readonly severity: "error" | "warning";
  /** RFC 6901 JSON pointer to the offending part of the document (`""` for the whole document). */
  readonly pointer: string;
  readonly message: string;
}

/** True when at least one diagnostic is an error (warnings alone do not fail a document). */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((diagnostic) => diagnostic.severity === "error");
}
