import { describe, expect, it } from "vitest";
import { validateFlowJson } from "../../../src/flow-json/validate/validate-flow-json.js";
import {
  error,
  expectRuleCase,
  flow,
  footer,
  oneScreen,
  screen,
  terminalScreen,
  type RuleCase,
} from "../../helpers/flow-documents.js";

const exchangeScreen = screen("ONLY", [footer({ name: "data_exchange", payload: {} })], { terminal: true });
const SUPPORTED = "2.1, 3.0, 3.1, 4.0, 5.0, 5.1, 6.0, 6.1, 6.2, 6.3, 7.0, 7.1, 7.2, 7.3";

const cases: RuleCase[] = [
  {
    name: "an unknown top-level key is INVALID_PROPERTY_KEY",
    bad: oneScreen([], { theme: "dark" }),
    expected: [error("INVALID_PROPERTY_KEY", "/theme", "Property 'theme' is not allowed in Flow JSON.")],
    good: oneScreen([]),
  },
  {
    name: "a missing version is MISSING_FLOW_JSON_VERSION",
    bad: { screens: [terminalScreen("ONLY")] },
    expected: [
      error(
        "MISSING_FLOW_JSON_VERSION",
        "",
        `Flow JSON version is missing. Set 'version' to one of: ${SUPPORTED}.`,
      ),
    ],
    good: { version: "7.3", screens: [terminalScreen("ONLY")] },
  },
  {
    name: "a malformed version is INVALID_FLOW_JSON_VERSION",
    bad: oneScreen([], { version: "7" }),
    expected: [
      error(
        "INVALID_FLOW_JSON_VERSION",
        "/version",
        "Invalid Flow JSON version '7'. The version is a string such as '7.3'.",
      ),
    ],
    good: oneScreen([], { version: "7.0" }),
  },
  {
    name: "a number version is INVALID_FLOW_JSON_VERSION",
    bad: oneScreen([], { version: 7.3 }),
    expected: [
      error(
        "INVALID_FLOW_JSON_VERSION",
        "/version",
        "Invalid Flow JSON version of type number. The version is a string such as '7.3'.",
      ),
    ],
    good: oneScreen([], { version: "7.3" }),
  },
  {
    name: "an unpublished version is UNSUPPORTED_FLOW_JSON_VERSION",
    bad: oneScreen([], { version: "7.4" }),
    expected: [
      error(
        "UNSUPPORTED_FLOW_JSON_VERSION",
        "/version",
        `Flow JSON version '7.4' is not supported. Supported versions: ${SUPPORTED}.`,
      ),
    ],
    good: oneScreen([], { version: "7.2" }),
  },
  {
    name: "an unknown data_api_version is NO_SUPPORTED_DATA_API_VERSION",
    bad: oneScreen([], { data_api_version: "2.0", routing_model: {} }),
    expected: [
      error(
        "NO_SUPPORTED_DATA_API_VERSION",
        "/data_api_version",
        "Data API version '2.0' is not supported. Supported versions: 3.0, 4.0.",
      ),
    ],
    good: oneScreen([], { data_api_version: "4.0", routing_model: {} }),
  },
  {
    name: "data_api_version without routing_model is MISSING_REQUIRED_PROPERTY",
    bad: oneScreen([], { data_api_version: "3.0" }),
    expected: [
      error(
        "MISSING_REQUIRED_PROPERTY",
        "",
        "The property 'routing_model' is required for property 'data_api_version'.",
      ),
    ],
    good: oneScreen([], { data_api_version: "3.0", routing_model: { ONLY: [] } }),
  },
  {
    name: "data_exchange without data_api_version is MISSING_REQUIRED_PROPERTY",
    bad: flow([exchangeScreen]),
    expected: [
      error(
        "MISSING_REQUIRED_PROPERTY",
        "/screens/0/layout/children/0/on-click-action",
        "The property 'data_api_version' is required when a 'data_exchange' action is used. Add \"data_api_version\": \"3.0\" and a routing_model.",
      ),
    ],
    good: flow([exchangeScreen], { data_api_version: "3.0", routing_model: {} }),
  },
  {
    name: "data_channel_uri from 3.0 is INVALID_PROPERTY_KEY",
    bad: oneScreen([], { version: "3.0", data_channel_uri: "https://example.com/flow" }),
    expected: [
      error(
        "INVALID_PROPERTY_KEY",
        "/data_channel_uri",
        "Property 'data_channel_uri' is no longer supported in Flow JSON as of version '3.0'. Set the endpoint with the Flows API ('endpoint_uri') instead.",
      ),
    ],
    good: oneScreen([], { version: "2.1", data_channel_uri: "https://example.com/flow" }),
  },
  {
    name: "missing screens is MISSING_REQUIRED_PROPERTY",
    bad: { version: "7.3" },
    expected: [error("MISSING_REQUIRED_PROPERTY", "", "Missing required property 'screens' in Flow JSON.")],
    good: oneScreen([]),
  },
  {
    name: "an empty screens array is MIN_ITEMS_REQUIRED",
    bad: flow([]),
    expected: [
      error(
        "MIN_ITEMS_REQUIRED",
        "/screens",
        "Property 'screens' of Flow JSON must have at least 1 item(s) (it has 0).",
      ),
    ],
    good: oneScreen([]),
  },
  {
    name: "a screen that is not an object is INVALID_PROPERTY_TYPE",
    bad: { version: "7.3", screens: [terminalScreen("ONLY"), "SECOND"] },
    expected: [
      error(
        "INVALID_PROPERTY_TYPE",
        "/screens/1",
        "Each item of 'screens' of Flow JSON must be an object, not string.",
      ),
    ],
    good: oneScreen([]),
  },
  {
    name: "a layout type other than SingleColumnLayout is INVALID_ENUM_VALUE",
    bad: flow([
      {
        ...terminalScreen("ONLY"),
        layout: { type: "TwoColumnLayout", children: [footer({ name: "complete" })] },
      },
    ]),
    expected: [
      error(
        "INVALID_ENUM_VALUE",
        "/screens/0/layout/type",
        "Invalid value 'TwoColumnLayout' for 'type' of layout. Allowed values: SingleColumnLayout.",
      ),
    ],
    good: flow([
      {
        ...terminalScreen("ONLY"),
        layout: { type: "SingleColumnLayout", children: [footer({ name: "complete" })] },
      },
    ]),
  },
  {
    name: "'sensitive' before 5.1 is INVALID_PROPERTY_KEY",
    bad: oneScreen([], { version: "5.0" }, { sensitive: [] }),
    expected: [
      error(
        "INVALID_PROPERTY_KEY",
        "/screens/0/sensitive",
        "Property 'sensitive' of screen requires Flow JSON version 5.1 or later; this flow uses 5.0.",
      ),
    ],
    good: oneScreen([], { version: "5.1" }, { sensitive: [] }),
  },
  {
    name: "a blank title from 6.0 is MIN_CHARS_REQUIRED",
    bad: oneScreen([], { version: "6.0" }, { title: "  " }),
    expected: [
      error(
        "MIN_CHARS_REQUIRED",
        "/screens/0/title",
        "Property 'title' of screen must not be empty or whitespace-only (Flow JSON 6.0 and later).",
      ),
    ],
    good: oneScreen([], { version: "5.1" }, { title: "  " }),
  },
];

describe("document rules", () => {
  it.each(cases)("$name", (rule) => expectRuleCase(rule));

  it.each([null, 42, "flow", [], true])("reports INVALID_FLOW_JSON for the non-object %j", (document) => {
    expect(validateFlowJson(document)).toEqual([
      error("INVALID_FLOW_JSON", "", "Flow JSON must be a JSON object with 'version' and 'screens'."),
    ]);
  });
});
