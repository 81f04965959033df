/**
 * Where the validation rules put what they find: collects diagnostics in the order they are
 * reported, drops warnings when asked to, and stops accepting more past a cap.
 *
 * @example
 * const collector = createDiagnosticCollector();
 * collector.error("DUPLICATE_SCREEN_IDS", "/screens/1/id", "Duplicate screen id 'A'.");
 * collector.diagnostics; // [{ code: "DUPLICATE_SCREEN_IDS", severity: "error", ... }]
 */
import type { Diagnostic } from "../diagnostic.js";
import type { DiagnosticCode } from "./diagnostic-codes.js";

/** Receives diagnostics from the rules. */
export interface DiagnosticCollector {
  readonly error: (code: DiagnosticCode, pointer: string, message: string) => void;
  readonly warning: (code: DiagnosticCode, pointer: string, message: string) => void;
  readonly report: (
    severity: Diagnostic["severity"],
    code: DiagnosticCode,
    pointer: string,
    message: string,
  ) => void;
  readonly diagnostics: readonly Diagnostic[];
}

/** How a collector filters what it receives. */
export interface DiagnosticCollectorOptions {
  /** Keep warnings (default true). */
  readonly includeWarnings?: boolean;
  /** Keep at most this many diagnostics (default: no limit). */
  readonly maxDiagnostics?: number;
}

/** A collector that keeps diagnostics in report order, filtered as `options` say. */
export function createDiagnosticCollector(options: DiagnosticCollectorOptions = {}): DiagnosticCollector {
  const includeWarnings = options.includeWarnings ?? true;
  const max = options.maxDiagnostics ?? Number.POSITIVE_INFINITY;
  const diagnostics: Diagnostic[] = [];
  const report = (
    severity: Diagnostic["severity"],
    code: DiagnosticCode,
    pointer: string,
    message: string,
  ) => {
    if (diagnostics.length >= max || (severity === "warning" && !includeWarnings)) return;
    diagnostics.push({ code, severity, pointer, message });
  };
  return {
    report,
    error: (code, pointer, message) => report("error", code, pointer, message),
    warning: (code, pointer, message) => report("warning", code, pointer, message),
    diagnostics,
  };
}
