/**
 * Static validation of a Flow JSON document with Meta's rules, reported the way Meta's validator
 * reports them: `{ code, severity, pointer, message }` with Meta's error codes and wording.
 *
 * The document is read as raw JSON: anything (a string, an array, a half-written flow) gets
 * diagnostics, never an exception. One pass builds indexes (screens by id, inputs by name, actions,
 * references) and every rule family reads them, so a 100-screen flow validates in milliseconds.
 *
 * @example
 * const diagnostics = validateFlowJson(JSON.parse(await readFile("flow.json", "utf8")));
 * for (const d of diagnostics) console.log(`${d.pointer}: ${d.code} ${d.message}`);
 * if (hasErrors(diagnostics)) process.exitCode = 1;
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/error-codes
 */
import type { Diagnostic } from "../diagnostic.js";
import { checkActions } from "./action-rules.js";
import { checkBindings } from "./binding-rules.js";
import { checkComponentProperties } from "./component-property-rules.js";
import { checkComponentRules } from "./component-rules.js";
import { checkConditionals } from "./conditional-rules.js";
import { checkDataModels } from "./data-model-rules.js";
import { createDiagnosticCollector, type DiagnosticCollectorOptions } from "./diagnostic-collector.js";
import { checkDocument } from "./document-rules.js";
import { indexFlow } from "./flow-index.js";
import { checkForms } from "./form-rules.js";
import { checkRoutingModel } from "./routing-model-rules.js";
import { checkScreenLimits } from "./screen-limit-rules.js";
import { checkScreens } from "./screen-rules.js";
import type { ValidationRule } from "./validation-rule.js";

/** Options of {@link validateFlowJson}: keep warnings or not, and cap the number of diagnostics. */
export type ValidateFlowJsonOptions = DiagnosticCollectorOptions;

/** Every rule family, in the order their diagnostics are reported. */
const RULES: readonly ValidationRule[] = [
  checkDocument,
  checkScreens,
  checkRoutingModel,
  checkDataModels,
  checkComponentProperties,
  checkComponentRules,
  checkScreenLimits,
  checkConditionals,
  checkForms,
  checkBindings,
  checkActions,
];

/**
 * Checks `document` (any parsed JSON value) against Meta's Flow JSON rules and returns what it finds,
 * errors and warnings, in rule order. Never throws; an empty array means the document passes every
 * rule the validator knows.
 *
 * @example
 * validateFlowJson({ version: "7.3", screens: [] });
 * // [{ code: "MIN_ITEMS_REQUIRED", severity: "error", pointer: "/screens", message: "Property 'screens' of Flow JSON must have at least 1 item(s) (it has 0)." }]
 */
export function validateFlowJson(document: unknown, options: ValidateFlowJsonOptions = {}): Diagnostic[] {
  const out = createDiagnosticCollector(options);
  try {
    const index = indexFlow(document);
    for (const rule of RULES) rule(index, out);
    for (const pointer of index.truncated) {
      out.error(
        "NESTING_TOO_DEEP",
        pointer,
        "The document nests too deeply here; this part was not checked.",
      );
    }
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    out.error(
      "VALIDATOR_INTERNAL_ERROR",
      "",
      `The validator failed on this document (${reason}). Please report it.`,
    );
  }
  return [...out.diagnostics];
}
