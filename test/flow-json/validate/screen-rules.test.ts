import { describe, it } from "vitest";
import {
  chainFlow,
  error,
  expectRuleCase,
  flow,
  footer,
  navigate,
  oneScreen,
  screen,
  terminalScreen,
  textInput,
  warning,
  type JsonObject,
  type RuleCase,
} from "../../helpers/flow-documents.js";

const heading = { type: "TextHeading", text: "Hello" };
const bodies = (count: number) => Array.from({ length: count }, () => ({ type: "TextBody", text: "Line" }));

const cases: RuleCase[] = [
  {
    name: "a screen id with digits is PATTERN_MISMATCH",
    bad: flow([terminalScreen("SCREEN_1")]),
    expected: [
      error(
        "PATTERN_MISMATCH",
        "/screens/0/id",
        "Invalid screen id 'SCREEN_1': it should only consist of alphabets and underscores.",
      ),
    ],
    good: flow([terminalScreen("SCREEN_ONE")]),
  },
  {
    name: "the screen id 'success' (any case) is SCREEN_ID_IS_RESERVED_KEYWORD",
    bad: flow([terminalScreen("success")]),
    expected: [
      error(
        "SCREEN_ID_IS_RESERVED_KEYWORD",
        "/screens/0/id",
        "'success' is a reserved keyword and cannot be used as a screen id.",
      ),
    ],
    good: flow([terminalScreen("SUCCESSFUL")]),
  },
  {
    name: "two screens with one id is DUPLICATE_SCREEN_IDS",
    bad: flow([terminalScreen("A"), terminalScreen("A")]),
    expected: [
      error(
        "DUPLICATE_SCREEN_IDS",
        "/screens/1/id",
        "Duplicate screen id 'A': it is already used by the screen at /screens/0.",
      ),
    ],
    good: flow([screen("A", [footer(navigate("B"))]), terminalScreen("B")]),
  },
  {
    name: "a screen without id is MISSING_REQUIRED_PROPERTY",
    bad: flow([{ terminal: true, layout: terminalScreen("X")["layout"] as JsonObject }]),
    expected: [error("MISSING_REQUIRED_PROPERTY", "/screens/0", "Missing required property 'id' in screen.")],
    good: flow([terminalScreen("X")]),
  },
  {
    name: "a screen id that is not a string is INVALID_PROPERTY_TYPE",
    bad: flow([{ ...terminalScreen("X"), id: 7 }]),
    expected: [error("INVALID_PROPERTY_TYPE", "/screens/0/id", "Screen 'id' must be a string, not number.")],
    good: flow([terminalScreen("X")]),
  },
  {
    name: "a flow without terminal screen is MISSING_TERMINAL_SCREEN",
    bad: flow([screen("A", [heading])]),
    expected: [
      error(
        "MISSING_TERMINAL_SCREEN",
        "/screens",
        "Missing terminal screen. At least one screen must have 'terminal' set to true.",
      ),
    ],
    good: flow([terminalScreen("A", [heading])]),
  },
  {
    name: "a terminal screen without Footer is MISSING_FOOTER_ON_TERMINAL_SCREEN",
    bad: flow([screen("A", [heading], { terminal: true })]),
    expected: [
      error(
        "MISSING_FOOTER_ON_TERMINAL_SCREEN",
        "/screens/0",
        "Missing Footer on terminal screen 'A'. A terminal screen must contain a Footer.",
      ),
    ],
    good: flow([terminalScreen("A", [heading])]),
  },
  {
    name: "'success' on a non-terminal screen is NOT_KEYWORD_SCHEMA_VALIDATION_FAILED",
    bad: flow([screen("A", [footer(navigate("B"))], { success: true }), terminalScreen("B")]),
    expected: [
      error(
        "NOT_KEYWORD_SCHEMA_VALIDATION_FAILED",
        "/screens/0/success",
        "Property 'success' can only be specified on a terminal screen.",
      ),
    ],
    good: flow([screen("A", [footer(navigate("B"))]), terminalScreen("B", [], { success: true })]),
  },
  {
    name: "no terminal screen with success true is MISSING_SUCCESS_SCREEN",
    bad: flow([terminalScreen("A", [], { success: false })]),
    expected: [
      error(
        "MISSING_SUCCESS_SCREEN",
        "/screens",
        "At least one terminal screen must have 'success' set to true (the default when omitted).",
      ),
    ],
    good: flow([terminalScreen("A", [], { success: true })]),
  },
  {
    name: "refresh_on_back without data_api_version is INVALID_PROPERTY_VALUE",
    bad: oneScreen([], {}, { refresh_on_back: true }),
    expected: [
      error(
        "INVALID_PROPERTY_VALUE",
        "/screens/0/refresh_on_back",
        "Property 'refresh_on_back' can only be true when the flow has a 'data_api_version' (a data endpoint to refresh from).",
      ),
    ],
    good: oneScreen([], { data_api_version: "3.0", routing_model: {} }, { refresh_on_back: true }),
  },
  {
    name: "more than 100 screens is MAX_SCREENS_NUMBER",
    bad: chainFlow(101),
    expected: [
      error("MAX_SCREENS_NUMBER", "/screens", "A flow can have at most 100 screens; this one has 101."),
    ],
    good: chainFlow(100),
  },
  {
    name: "more than 50 components on a screen is MAX_COMPONENTS_PER_SCREEN",
    bad: oneScreen(bodies(50)),
    expected: [
      error(
        "MAX_COMPONENTS_PER_SCREEN",
        "/screens/0/layout",
        "A screen can have at most 50 components; screen 'ONLY' has 51.",
      ),
    ],
    good: oneScreen(bodies(49)),
  },
  {
    name: "a sensitive name that is no input is a warning",
    bad: oneScreen([textInput("email")], {}, { sensitive: ["password"] }),
    expected: [
      warning(
        "INVALID_PROPERTY_VALUE",
        "/screens/0/sensitive/0",
        "Sensitive field 'password' is not the name of an input on screen 'ONLY'.",
      ),
    ],
    good: oneScreen([textInput("email")], {}, { sensitive: ["email"] }),
  },
];

describe("screen rules", () => {
  it.each(cases)("$name", (rule) => expectRuleCase(rule));
});
