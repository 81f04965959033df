/**
 * The codes `validateFlowJson` reports. Meta's own codes are used wherever Meta's validator has one,
 * so our output can be compared with Meta's; the few codes of our own cover rules Meta documents
 * without naming an error code, and are listed with their meaning in {@link OWN_DIAGNOSTIC_CODES}.
 *
 * @example
 * isOwnDiagnosticCode("MAX_COMPONENTS_PER_SCREEN"); // true
 * isOwnDiagnosticCode("INVALID_ROUTING_MODEL"); // false: Meta's own
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/error-codes
 */

/** Meta's validation error codes that the validator emits. */
export const META_DIAGNOSTIC_CODES = [
  "INVALID_FLOW_JSON",
  "INVALID_PROPERTY_KEY",
  "INVALID_PROPERTY_VALUE",
  "INVALID_PROPERTY_TYPE",
  "INVALID_PROPERTY_VALUE_FORMAT",
  "INVALID_ENUM_VALUE",
  "INVALID_DEPENDENCIES",
  "MISSING_REQUIRED_PROPERTY",
  "MISSING_REQUIRED_TYPE_PROPERTY",
  "MIN_ITEMS_REQUIRED",
  "MIN_CHARS_REQUIRED",
  "MINIMUM_VALUE_REQUIRED",
  "MAXIMUM_VALUE_REQUIRED",
  "MIN_VALUE_GREATER_THAN_MAX",
  "PATTERN_MISMATCH",
  "KEYWORD_ONE_OF",
  "NOT_KEYWORD_SCHEMA_VALIDATION_FAILED",
  "MISSING_FLOW_JSON_VERSION",
  "INVALID_FLOW_JSON_VERSION",
  "UNSUPPORTED_FLOW_JSON_VERSION",
  "NO_SUPPORTED_DATA_API_VERSION",
  "INVALID_ROUTING_MODEL",
  "INVALID_ON_CLICK_ACTION_PAYLOAD",
  "INVALID_COMPLETE_ACTION",
  "INVALID_NAVIGATE_ACTION_PAYLOAD",
  "INVALID_NAVIGATE_ACTION_NEXT_SCREEN_NAME",
  "INVALID_ACTION_PAYLOAD_PROPERTY",
  "INVALID_SCREEN_DYNAMIC_DATA",
  "INVALID_SCREEN_DATA",
  "MAX_SCREENS_NUMBER",
  "MAX_EMBEDDED_LINK_PER_SCREEN",
  "MAX_FOOTER_PER_SCREEN",
  "MAX_IMAGE_PER_SCREEN",
  "MAX_OPT_IN_PER_SCREEN",
  "MORE_THAN_ONE_FOOTER",
  "DUPLICATE_FORM_COMPONENT_NAMES",
  "DUPLICATE_SCREEN_IDS",
  "SCREEN_ID_IS_RESERVED_KEYWORD",
  "MISSING_FOOTER_ON_TERMINAL_SCREEN",
  "MISSING_TERMINAL_SCREEN",
  "COMPONENTS_OUTSIDE_FORM",
  "MISSING_FOOTER_IN_IF_ELSE_BRANCHES",
  "MISSING_FOOTER_IN_SWITCH_BRANCHES",
  "NATIVE_COMPONENT_IN_FORM_INIT_VALUES",
] as const;

/**
 * Codes of our own, each for a rule Meta documents (components reference, Flow JSON reference) but
 * reports under no code we could confirm.
 */
export const OWN_DIAGNOSTIC_CODES = {
  MAX_COMPONENTS_PER_SCREEN: "A screen holds more than 50 components (containers and branches included).",
  MAX_NAVIGATION_LIST_PER_SCREEN: "More than 2 NavigationLists on one screen.",
  MAX_PHOTO_PICKER_PER_SCREEN: "More than 1 PhotoPicker on one screen.",
  MAX_DOCUMENT_PICKER_PER_SCREEN: "More than 1 DocumentPicker on one screen.",
  MAX_IMAGE_CAROUSEL_PER_SCREEN: "More than 2 ImageCarousels on one screen.",
  MAX_IMAGE_CAROUSEL_PER_FLOW: "More than 3 ImageCarousels in one flow.",
  PHOTO_AND_DOCUMENT_PICKER_ON_SCREEN: "A PhotoPicker and a DocumentPicker on the same screen.",
  NAVIGATION_LIST_NOT_ALONE: "A NavigationList shares its screen with other kinds of components.",
  NAVIGATION_LIST_ON_TERMINAL_SCREEN: "A NavigationList on a terminal screen.",
  RICH_TEXT_NOT_ALONE: "A RichText shares its screen with other components (a Footer is allowed from 6.3).",
  NAVIGATE_ON_TERMINAL_FOOTER:
    "The Footer of a terminal screen navigates away, so the flow could not end there.",
  MISSING_SUCCESS_SCREEN: "Every terminal screen sets 'success' to false.",
  NESTING_TOO_DEEP: "The document nests deeper than the validator descends; the deeper part is not checked.",
  VALIDATOR_INTERNAL_ERROR: "The validator itself failed; please report the document that caused it.",
} as const;

/** One of Meta's codes. */
export type MetaDiagnosticCode = (typeof META_DIAGNOSTIC_CODES)[number];
/** One of our own codes. */
export type OwnDiagnosticCode = keyof typeof OWN_DIAGNOSTIC_CODES;
/** Every code `validateFlowJson` may report. */
export type DiagnosticCode = MetaDiagnosticCode | OwnDiagnosticCode;

/** True when `code` is one of our own codes rather than Meta's. */
export function isOwnDiagnosticCode(code: string): code is OwnDiagnosticCode {
  return Object.hasOwn(OWN_DIAGNOSTIC_CODES, code);
}
