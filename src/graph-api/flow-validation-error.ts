/**
 * Meta's validation errors for an uploaded Flow JSON, typed with their line/column pointers, and their
 * translation into the project's {@link Diagnostic} shape.
 */
import { Schema } from "effect";
import type { Diagnostic } from "../flow-json/diagnostic.js";

/** One place in the uploaded text an error points at; `path` is Meta's dotted path (`screens[0].id`). */
export const FlowValidationPointer = Schema.Struct({
  line_start: Schema.optionalKey(Schema.Number),
  line_end: Schema.optionalKey(Schema.Number),
  column_start: Schema.optionalKey(Schema.Number),
  column_end: Schema.optionalKey(Schema.Number),
  path: Schema.optionalKey(Schema.String),
});
/** The decoded shape of {@link FlowValidationPointer}. */
export type FlowValidationPointer = typeof FlowValidationPointer.Type;

/**
 * One validation error as Meta reports it after an upload (or in `validation_errors` of a flow).
 *
 * @example
 * const error: FlowValidationError = {
 *   error: "INVALID_PROPERTY_VALUE", error_type: "FLOW_JSON_ERROR", message: "Invalid value found for property 'type'.",
 *   line_start: 10, line_end: 10, column_start: 21, column_end: 34,
 *   pointers: [{ line_start: 10, line_end: 10, column_start: 21, column_end: 34, path: "screens[0].layout.children[0].type" }],
 * };
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/flowsapi
 */
export const FlowValidationError = Schema.Struct({
  error: Schema.String,
  error_type: Schema.String,
  message: Schema.String,
  line_start: Schema.optionalKey(Schema.Number),
  line_end: Schema.optionalKey(Schema.Number),
  column_start: Schema.optionalKey(Schema.Number),
  column_end: Schema.optionalKey(Schema.Number),
  pointers: Schema.optionalKey(Schema.Array(FlowValidationPointer)),
});
/** The decoded shape of {@link FlowValidationError}. */
export type FlowValidationError = typeof FlowValidationError.Type;

function escapePointerToken(token: string): string {
  return token.replaceAll("~", "~0").replaceAll("/", "~1");
}

/**
 * Converts Meta's dotted path (`screens[0].layout.children[1].type`, or `$root/screens/0/...` as older
 * answers write it) into an RFC 6901 JSON pointer (`/screens/0/layout/children/1/type`).
 *
 * @example
 * metaPathToPointer("screens[0].layout.children[1].type"); // "/screens/0/layout/children/1/type"
 */
export function metaPathToPointer(path: string): string {
  const trimmed = path.replace(/^\$root\/?/, "").replace(/^\$\.?/, "");
  if (trimmed === "") return "";
  const tokens =
    trimmed.includes("/") && !trimmed.includes(".")
      ? trimmed.split("/").filter((token) => token !== "")
      : trimmed.split(".").flatMap((part) => {
          const match = /^([^[]*)((?:\[\d+\])*)$/.exec(part);
          if (match === null) return [part];
          const indexes = [...(match[2] ?? "").matchAll(/\[(\d+)\]/g)].map((index) => index[1] ?? "");
          return [...(match[1] === "" ? [] : [match[1] ?? ""]), ...indexes];
        });
  return tokens.map((token) => `/${escapePointerToken(token)}`).join("");
}

function where(error: FlowValidationError): string {
  if (error.line_start === undefined) return "";
  const column = error.column_start === undefined ? "" : `:${error.column_start}`;
  return ` (line ${error.line_start}${column})`;
}

/**
 * Meta's validation errors as {@link Diagnostic}s (severity `error`), with the first pointer's path as a
 * JSON pointer and the line/column in the message, so they print like the local validator's.
 *
 * @example
 * const result = await client.flows.updateFlowJson(flowId, document);
 * for (const d of validationErrorsToDiagnostics(result.validation_errors)) console.error(d.pointer, d.message);
 */
export function validationErrorsToDiagnostics(errors: readonly FlowValidationError[]): Diagnostic[] {
  return errors.map((error) => {
    const path = error.pointers?.find((pointer) => pointer.path !== undefined)?.path;
    return {
      code: error.error,
      severity: "error",
      pointer: path === undefined ? "" : metaPathToPointer(path),
      message: `${error.message}${where(error)}`,
    };
  });
}
