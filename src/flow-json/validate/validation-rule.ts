/**
 * The shape of one family of validation rules: it reads the document's indexes and reports what it
 * finds. Rules never throw and never mutate the index.
 *
 * @example
 * const noEmptyTitles: ValidationRule = (index, out) => {
 *   for (const screen of index.screens) if (screen.value["title"] === "") out.warning("INVALID_PROPERTY_VALUE", screen.pointer, "Empty title.");
 * };
 */
import type { DiagnosticCollector } from "./diagnostic-collector.js";
import type { FlowIndex } from "./flow-index.js";

/** One family of checks over an indexed document. */
export type ValidationRule = (index: FlowIndex, out: DiagnosticCollector) => void;
