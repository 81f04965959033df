/**
 * The Graph API stand-in's checks of an uploaded Flow JSON, reported in Meta's validation-error shape
 * (spec §5.1): `error`, `error_type`, `message`, line/column span and `pointers` with Meta's dotted path.
 * A few rules only (syntax, version, screen ids, a terminal screen): enough to exercise the pointers.
 */
import { JsonSyntaxError, locateJsonValues, type JsonSpan } from "./json-locations.js";

function validationError(
  error: string,
  type: string,
  message: string,
  span: JsonSpan,
  path: string,
): unknown {
  return { error, error_type: type, message, ...span, pointers: [{ ...span, path }] };
}

/** Rules of the stand-in that depend on its state rather than on the text alone. */
export interface StandInValidationRules {
  /** Versions Meta no longer accepts: `UNAVAILABLE_FLOW_JSON_VERSION`. */
  readonly unavailableVersions?: ReadonlySet<string>;
}

/** The stand-in's own checks of an uploaded Flow JSON, reported as Meta does (with line/column pointers). */
export function validateFlowJson(text: string, rules: StandInValidationRules = {}): unknown[] {
  let spans: Map<string, JsonSpan>;
  try {
    spans = locateJsonValues(text);
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    const at = {
      line_start: error.line,
      line_end: error.line,
      column_start: error.column,
      column_end: error.column,
    };
    return [
      {
        error: "INVALID_FLOW_JSON",
        error_type: "JSON_SCHEMA_ERROR",
        message: `Invalid Flow JSON: ${error.message}`,
        ...at,
        pointers: [],
      },
    ];
  }
  const document = JSON.parse(text) as { version?: unknown; screens?: unknown };
  const root = spans.get("") as JsonSpan;
  const errors: unknown[] = [];
  if (typeof document.version !== "string") {
    errors.push(
      validationError("MISSING_FLOW_JSON_VERSION", "FLOW_JSON_ERROR", "Missing Flow JSON version.", root, ""),
    );
  } else if (rules.unavailableVersions?.has(document.version) === true) {
    errors.push(
      validationError(
        "UNAVAILABLE_FLOW_JSON_VERSION",
        "FLOW_JSON_ERROR",
        `Flow JSON version ${document.version} is no longer available. Use a newer version.`,
        spans.get("version") ?? root,
        "version",
      ),
    );
  }
  const screens = Array.isArray(document.screens)
    ? (document.screens as { id?: unknown; terminal?: unknown }[])
    : [];
  screens.forEach((screen, index) => {
    const path = `screens[${index}].id`;
    const span = spans.get(path) ?? root;
    if (screen.id === "SUCCESS") {
      errors.push(
        validationError(
          "SCREEN_ID_IS_RESERVED_KEYWORD",
          "FLOW_JSON_ERROR",
          "'SUCCESS' is a reserved keyword and cannot be used as a screen id.",
          span,
          path,
        ),
      );
    } else if (typeof screen.id !== "string" || !/^[A-Za-z_]+$/.test(screen.id)) {
      errors.push(
        validationError(
          "INVALID_PROPERTY_VALUE",
          "JSON_SCHEMA_ERROR",
          `Invalid value found for property 'id' at $root/screens/${index}/id.`,
          span,
          path,
        ),
      );
    }
  });
  if (!screens.some((screen) => screen.terminal === true)) {
    const span = spans.get("screens") ?? root;
    errors.push(
      validationError(
        "MISSING_TERMINAL_SCREEN",
        "FLOW_JSON_ERROR",
        "Missing terminal screen.",
        span,
        "screens",
      ),
    );
  }
  return errors;
}
