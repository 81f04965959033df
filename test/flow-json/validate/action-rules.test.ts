import { describe, it } from "vitest";
import {
  complete,
  error,
  expectRuleCase,
  flow,
  footer,
  navigate,
  oneScreen,
  screen,
  terminalScreen,
  warning,
  type JsonObject,
  type RuleCase,
} from "../../helpers/flow-documents.js";

const link = (action: JsonObject): JsonObject => ({
  type: "EmbeddedLink",
  text: "More",
  "on-click-action": action,
});
const LINK_ACTION = "/screens/0/layout/children/0/on-click-action";
/** Screen A (Footer navigating to B with `payload`, data `dataA`) and terminal screen B (data `dataB`). */
const hop = (payload: JsonObject, dataB?: JsonObject, dataA?: JsonObject, childrenA: JsonObject[] = []) =>
  flow([
    screen("A", [...childrenA, footer(navigate("B", payload))], dataA === undefined ? {} : { data: dataA }),
    terminalScreen("B", [], dataB === undefined ? {} : { data: dataB }),
  ]);
const HOP_PAYLOAD = "/screens/0/layout/children/0/on-click-action/payload";
const NAME: JsonObject = { name: { type: "string", __example__: "Ada" } };
const SHOWN: JsonObject = { shown: { type: "boolean", __example__: false } };
const radios = (payload: JsonObject): JsonObject => ({
  type: "RadioButtonsGroup",
  name: "pick",
  label: "Pick",
  "data-source": [
    { id: "a", title: "A" },
    { id: "b", title: "B" },
  ],
  "on-select-action": { name: "update_data", payload },
});
const photos = (extra: JsonObject = {}): JsonObject => ({
  type: "PhotoPicker",
  name: "photos",
  label: "Photos",
  ...extra,
});
/** A terminal screen with a PhotoPicker and a Footer completing with `payload`. */
const pickerComplete = (payload: JsonObject, picker: JsonObject = photos({ "max-uploaded-photos": 1 })) =>
  flow([screen("ONLY", [picker, footer(complete(payload))], { terminal: true })]);
const PICKER_PAYLOAD = "/screens/0/layout/children/1/on-click-action/payload";
/** Screen A with a NavigationList whose items navigate to `targets`, then terminal `screens`. */
const navigationList = (targets: string[], screens: string[]) =>
  flow(
    [
      screen("A", [
        {
          type: "NavigationList",
          name: "menu",
          "list-items": targets.map((target, position) => ({
            id: `item${position}`,
            "main-content": { title: `Item ${position}` },
            "on-click-action": navigate(target),
          })),
        },
      ]),
      ...screens.map((id) => terminalScreen(id)),
    ],
    { version: "6.2" },
  );
const twoPickers = (payload: JsonObject) =>
  flow([
    screen("A", [
      { type: "DocumentPicker", name: "docs", label: "Documents", "max-uploaded-documents": 1 },
      footer(navigate("B")),
    ]),
    screen("B", [photos({ "max-uploaded-photos": 1 }), footer(complete(payload))], { terminal: true }),
  ]);

const cases: RuleCase[] = [
  {
    name: "an action without name is MISSING_REQUIRED_PROPERTY",
    bad: flow([screen("ONLY", [footer({ payload: {} })], { terminal: true })]),
    expected: [
      error(
        "MISSING_REQUIRED_PROPERTY",
        LINK_ACTION,
        "Missing required property 'name' in 'on-click-action'.",
      ),
    ],
    good: flow([screen("ONLY", [footer(complete())], { terminal: true })]),
  },
  {
    name: "an unknown action is INVALID_ENUM_VALUE",
    bad: flow([screen("ONLY", [footer({ name: "submit" })], { terminal: true })]),
    expected: [
      error(
        "INVALID_ENUM_VALUE",
        `${LINK_ACTION}/name`,
        "Unknown action 'submit'. Known actions: complete, data_exchange, navigate, open_url, update_data.",
      ),
    ],
    good: flow([screen("ONLY", [footer({ name: "complete" })], { terminal: true })]),
  },
  {
    name: "a key the action does not take is INVALID_PROPERTY_KEY",
    bad: flow([screen("ONLY", [footer({ name: "complete", payloadx: {} })], { terminal: true })]),
    expected: [
      error(
        "INVALID_PROPERTY_KEY",
        `${LINK_ACTION}/payloadx`,
        "Property 'payloadx' is not allowed in complete action.",
      ),
    ],
    good: flow([screen("ONLY", [footer({ name: "complete", payload: {} })], { terminal: true })]),
  },
  {
    name: "navigate without 'next' is MISSING_REQUIRED_PROPERTY",
    bad: oneScreen([link({ name: "navigate", payload: {} })]),
    expected: [
      error("MISSING_REQUIRED_PROPERTY", LINK_ACTION, "Missing required property 'next' in navigate action."),
    ],
    good: oneScreen([link({ name: "open_url", url: "https://example.com/terms" })]),
  },
  {
    name: "open_url without 'url' is MISSING_REQUIRED_PROPERTY",
    bad: oneScreen([link({ name: "open_url" })]),
    expected: [
      error("MISSING_REQUIRED_PROPERTY", LINK_ACTION, "Missing required property 'url' in open_url action."),
    ],
    good: oneScreen([link({ name: "open_url", url: "https://example.com/terms" })]),
  },
  {
    name: "an action the component does not take is INVALID_ENUM_VALUE",
    bad: oneScreen([link(complete())]),
    expected: [
      error(
        "INVALID_ENUM_VALUE",
        `${LINK_ACTION}/name`,
        "Action 'complete' is not allowed in 'on-click-action' of EmbeddedLink. Allowed actions: data_exchange, navigate, open_url, update_data.",
      ),
    ],
    good: oneScreen([link({ name: "open_url", url: "https://example.com" })]),
  },
  {
    name: "open_url before 6.0 is INVALID_ENUM_VALUE",
    bad: oneScreen([link({ name: "open_url", url: "https://example.com" })], { version: "5.1" }),
    expected: [
      error(
        "INVALID_ENUM_VALUE",
        `${LINK_ACTION}/name`,
        "Action 'open_url' in 'on-click-action' of EmbeddedLink requires Flow JSON version 6.0 or later; this flow uses 5.1.",
      ),
    ],
    good: oneScreen([link({ name: "open_url", url: "https://example.com" })], { version: "6.0" }),
  },
  {
    name: "complete on a non-terminal screen is INVALID_COMPLETE_ACTION",
    bad: flow([screen("A", [link(navigate("B")), footer(complete())]), terminalScreen("B")]),
    expected: [
      error(
        "INVALID_COMPLETE_ACTION",
        "/screens/0/layout/children/1/on-click-action",
        "The 'complete' action can only be used on a terminal screen; screen 'A' is not terminal.",
      ),
    ],
    good: flow([screen("A", [footer(navigate("B"))]), terminalScreen("B")]),
  },
  {
    name: "navigate to the same screen is INVALID_NAVIGATE_ACTION_NEXT_SCREEN_NAME",
    bad: oneScreen([link(navigate("ONLY"))]),
    expected: [
      error(
        "INVALID_NAVIGATE_ACTION_NEXT_SCREEN_NAME",
        `${LINK_ACTION}/next/name`,
        "Screen 'ONLY' cannot navigate to itself. To refresh a screen, use data_exchange or update_data.",
      ),
    ],
    good: flow([terminalScreen("ONLY", [link(navigate("NEXT"))]), terminalScreen("NEXT")]),
  },
  {
    name: "navigate to a screen that does not exist is INVALID_NAVIGATE_ACTION_NEXT_SCREEN_NAME",
    bad: oneScreen([link(navigate("NOWHERE"))]),
    expected: [
      error(
        "INVALID_NAVIGATE_ACTION_NEXT_SCREEN_NAME",
        `${LINK_ACTION}/next/name`,
        "Navigate action of screen 'ONLY' points to screen 'NOWHERE', which does not exist.",
      ),
    ],
    good: flow([terminalScreen("ONLY", [link(navigate("NEXT"))]), terminalScreen("NEXT")]),
  },
  {
    name: "a NavigationList item navigating to a missing screen is a warning",
    bad: navigationList(["B", "NOWHERE"], ["B"]),
    expected: [
      warning(
        "INVALID_NAVIGATE_ACTION_NEXT_SCREEN_NAME",
        "/screens/0/layout/children/0/list-items/1/on-click-action/next/name",
        "Navigate action of screen 'A' points to screen 'NOWHERE', which does not exist.",
      ),
    ],
    good: navigationList(["B", "C"], ["B", "C"]),
  },
  {
    name: "navigate on a terminal screen's Footer is NAVIGATE_ON_TERMINAL_FOOTER",
    bad: flow([screen("A", [footer(navigate("B"))], { terminal: true }), terminalScreen("B")]),
    expected: [
      error(
        "NAVIGATE_ON_TERMINAL_FOOTER",
        "/screens/0/layout/children/0/on-click-action",
        "The Footer of terminal screen 'A' cannot navigate away: the flow must be able to end there. Use 'complete' or 'data_exchange'.",
      ),
    ],
    good: flow([terminalScreen("A", [link(navigate("B"))]), terminalScreen("B")]),
  },
  {
    name: "without an endpoint, a navigate payload key the target does not declare is a warning",
    bad: hop({ nick: "Ada" }),
    expected: [
      warning(
        "INVALID_NAVIGATE_ACTION_PAYLOAD",
        `${HOP_PAYLOAD}/nick`,
        "Navigate payload property 'nick' is not declared in the data model of screen 'B'.",
      ),
    ],
    good: hop({ name: "Ada" }, NAME),
  },
  {
    name: "without an endpoint, a navigate payload missing a target field is a warning",
    bad: hop({}, NAME),
    expected: [
      warning(
        "INVALID_NAVIGATE_ACTION_PAYLOAD",
        HOP_PAYLOAD,
        "Navigate payload is missing 'name', declared in the data model of screen 'B'.",
      ),
    ],
    good: hop({ name: "Ada" }, NAME),
  },
  {
    name: "without an endpoint, a navigate payload value of the wrong type is a warning",
    bad: hop({ name: 3 }, NAME),
    expected: [
      warning(
        "INVALID_NAVIGATE_ACTION_PAYLOAD",
        `${HOP_PAYLOAD}/name`,
        "Navigate payload property 'name' does not fit data field 'name' of screen 'B': expected string, found number.",
      ),
    ],
    good: hop({ name: "3" }, NAME),
  },
  {
    name: "without an endpoint, a navigate payload bound to data of the wrong type is a warning",
    bad: hop({ name: "${data.age}" }, NAME, { age: { type: "integer", __example__: 3 } }),
    expected: [
      warning(
        "INVALID_NAVIGATE_ACTION_PAYLOAD",
        `${HOP_PAYLOAD}/name`,
        "Navigate payload property 'name' does not fit data field 'name' of screen 'B': '${data.age}' is declared as integer, expected string.",
      ),
    ],
    good: hop({ name: "${data.nick}" }, NAME, { nick: { type: "string", __example__: "Ada" } }),
  },
  {
    name: "update_data setting undeclared data is INVALID_ACTION_PAYLOAD_PROPERTY",
    bad: oneScreen([radios({ shown: true })]),
    expected: [
      error(
        "INVALID_ACTION_PAYLOAD_PROPERTY",
        "/screens/0/layout/children/0/on-select-action/payload/shown",
        "update_data can only set the screen's own data: 'shown' is not declared in the data model of screen 'ONLY'.",
      ),
    ],
    good: oneScreen([radios({ shown: true })], {}, { data: SHOWN }),
  },
  {
    name: "update_data with a value of the wrong type is INVALID_ACTION_PAYLOAD_PROPERTY",
    bad: oneScreen([radios({ shown: "yes" })], {}, { data: SHOWN }),
    expected: [
      error(
        "INVALID_ACTION_PAYLOAD_PROPERTY",
        "/screens/0/layout/children/0/on-select-action/payload/shown",
        "update_data value for 'shown' does not match its schema: expected boolean, found string.",
      ),
    ],
    good: oneScreen([radios({ shown: false })], {}, { data: SHOWN }),
  },
  {
    name: "a picker value in a navigate payload is INVALID_NAVIGATE_ACTION_PAYLOAD",
    bad: hop({ files: "${form.photos}" }, { files: { type: "string", __example__: "x" } }, undefined, [
      photos(),
    ]),
    expected: [
      error(
        "INVALID_NAVIGATE_ACTION_PAYLOAD",
        "/screens/0/layout/children/1/on-click-action/payload/files",
        "PhotoPicker 'photos' cannot be passed in a navigate payload.",
      ),
    ],
    good: hop({}, undefined, undefined, [photos()]),
  },
  {
    name: "a picker value below the top level of a payload is INVALID_ACTION_PAYLOAD_PROPERTY",
    bad: pickerComplete({ files: { list: "${form.photos}" } }),
    expected: [
      error(
        "INVALID_ACTION_PAYLOAD_PROPERTY",
        `${PICKER_PAYLOAD}/files/list`,
        "PhotoPicker 'photos' can only be a top-level property of the payload, written exactly as '${form.photos}'.",
      ),
    ],
    good: pickerComplete({ files: "${form.photos}" }),
  },
  {
    name: "a complete payload with a picker allowing several files is a warning",
    bad: pickerComplete({ files: "${form.photos}" }, photos()),
    expected: [
      warning(
        "INVALID_ACTION_PAYLOAD_PROPERTY",
        `${PICKER_PAYLOAD}/files`,
        "A complete payload can carry PhotoPicker 'photos' only when 'max-uploaded-photos' is at most 1 (it is 30, the default).",
      ),
    ],
    good: pickerComplete({ files: "${form.photos}" }, photos({ "max-uploaded-photos": 1 })),
  },
  {
    name: "a complete payload with two pickers is a warning",
    bad: twoPickers({ docs: "${screen.A.form.docs}", photos: "${form.photos}" }),
    expected: [
      warning(
        "INVALID_ACTION_PAYLOAD_PROPERTY",
        "/screens/1/layout/children/1/on-click-action/payload",
        "A complete payload can carry at most one PhotoPicker or DocumentPicker.",
      ),
    ],
    good: twoPickers({ photos: "${form.photos}" }),
  },
];

describe("action rules", () => {
  it.each(cases)("$name", (rule) => expectRuleCase(rule));
});
