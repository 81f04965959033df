/**
 * Screen rules (§3.2): ids (letters and underscores, `SUCCESS` reserved, unique), at least one terminal
 * screen, a Footer on every terminal screen, `success` only on terminal screens and true on at least
 * one, `refresh_on_back` only with a data endpoint, at most 100 screens and 50 components per screen,
 * and `sensitive` naming the screen's inputs.
 *
 * @example
 * // { "id": "SCREEN_1", ... }
 * // PATTERN_MISMATCH at /screens/0/id: "Invalid screen id 'SCREEN_1': it should only consist of alphabets and underscores."
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/flowjson#screens
 */
import type { DiagnosticCollector } from "./diagnostic-collector.js";
import type { FlowIndex, ScreenNode } from "./flow-index.js";
import { appendPointer } from "./json-pointer.js";
import { describeType } from "./scalar-checks.js";
import type { ValidationRule } from "./validation-rule.js";

/** Meta's limits on screens. */
export const MAX_SCREENS = 100;
export const MAX_COMPONENTS_PER_SCREEN = 50;

const SCREEN_ID = /^[A-Za-z_]+$/;

/** Reports problems with screen ids, terminal screens and screen-level limits. */
export const checkScreens: ValidationRule = (index, out) => {
  const rawScreens = index.document?.["screens"];
  if (!Array.isArray(rawScreens)) return;
  if (rawScreens.length > MAX_SCREENS) {
    out.error(
      "MAX_SCREENS_NUMBER",
      "/screens",
      `A flow can have at most ${MAX_SCREENS} screens; this one has ${rawScreens.length}.`,
    );
  }
  const firstById = new Map<string, ScreenNode>();
  for (const screen of index.screens) {
    checkScreenId(screen, firstById, out);
    checkScreenFlags(index, screen, out);
    checkComponentCount(screen, out);
    checkSensitive(screen, out);
  }
  checkTerminalScreens(index, out);
};

function checkScreenId(
  screen: ScreenNode,
  firstById: Map<string, ScreenNode>,
  out: DiagnosticCollector,
): void {
  const idPointer = appendPointer(screen.pointer, "id");
  if (!Object.hasOwn(screen.value, "id")) {
    out.error("MISSING_REQUIRED_PROPERTY", screen.pointer, "Missing required property 'id' in screen.");
    return;
  }
  const id = screen.id;
  if (id === undefined) {
    out.error(
      "INVALID_PROPERTY_TYPE",
      idPointer,
      `Screen 'id' must be a string, not ${describeType(screen.value["id"])}.`,
    );
    return;
  }
  if (!SCREEN_ID.test(id)) {
    out.error(
      "PATTERN_MISMATCH",
      idPointer,
      `Invalid screen id '${id}': it should only consist of alphabets and underscores.`,
    );
  }
  // Meta's Flow JSON page spells the keyword SUCCESS, its error page 'success': compare ignoring case.
  if (id.toUpperCase() === "SUCCESS") {
    out.error(
      "SCREEN_ID_IS_RESERVED_KEYWORD",
      idPointer,
      `'${id}' is a reserved keyword and cannot be used as a screen id.`,
    );
  }
  const first = firstById.get(id);
  if (first === undefined) {
    firstById.set(id, screen);
  } else {
    out.error(
      "DUPLICATE_SCREEN_IDS",
      idPointer,
      `Duplicate screen id '${id}': it is already used by the screen at ${first.pointer}.`,
    );
  }
}

function checkScreenFlags(index: FlowIndex, screen: ScreenNode, out: DiagnosticCollector): void {
  if (Object.hasOwn(screen.value, "success") && !screen.terminal) {
    out.error(
      "NOT_KEYWORD_SCHEMA_VALIDATION_FAILED",
      appendPointer(screen.pointer, "success"),
      "Property 'success' can only be specified on a terminal screen.",
    );
  }
  if (screen.value["refresh_on_back"] === true && !index.hasEndpoint) {
    out.error(
      "INVALID_PROPERTY_VALUE",
      appendPointer(screen.pointer, "refresh_on_back"),
      "Property 'refresh_on_back' can only be true when the flow has a 'data_api_version' (a data endpoint to refresh from).",
    );
  }
  if (screen.terminal && !screen.components.some((node) => node.type === "Footer")) {
    out.error(
      "MISSING_FOOTER_ON_TERMINAL_SCREEN",
      screen.pointer,
      `Missing Footer on terminal screen '${screen.id ?? screen.index}'. A terminal screen must contain a Footer.`,
    );
  }
}

function checkComponentCount(screen: ScreenNode, out: DiagnosticCollector): void {
  const count = screen.components.length;
  if (count > MAX_COMPONENTS_PER_SCREEN) {
    out.error(
      "MAX_COMPONENTS_PER_SCREEN",
      appendPointer(screen.pointer, "layout"),
      `A screen can have at most ${MAX_COMPONENTS_PER_SCREEN} components; screen '${screen.id ?? screen.index}' has ${count}.`,
    );
  }
}

/** `sensitive` names fields to mask; a name that is no input on the screen masks nothing (a warning). */
function checkSensitive(screen: ScreenNode, out: DiagnosticCollector): void {
  const sensitive = screen.value["sensitive"];
  if (!Array.isArray(sensitive)) return;
  sensitive.forEach((name: unknown, position) => {
    if (typeof name === "string" && !screen.inputs.has(name)) {
      out.warning(
        "INVALID_PROPERTY_VALUE",
        appendPointer(appendPointer(screen.pointer, "sensitive"), position),
        `Sensitive field '${name}' is not the name of an input on screen '${screen.id ?? screen.index}'.`,
      );
    }
  });
}

function checkTerminalScreens(index: FlowIndex, out: DiagnosticCollector): void {
  if (index.screens.length === 0) return;
  const terminal = index.screens.filter((screen) => screen.terminal);
  if (terminal.length === 0) {
    out.error(
      "MISSING_TERMINAL_SCREEN",
      "/screens",
      "Missing terminal screen. At least one screen must have 'terminal' set to true.",
    );
  } else if (terminal.every((screen) => screen.value["success"] === false)) {
    out.error(
      "MISSING_SUCCESS_SCREEN",
      "/screens",
      "At least one terminal screen must have 'success' set to true (the default when omitted).",
    );
  }
}
