import { describe, it } from "vitest";
import {
  complete,
  error,
  expectRuleCase,
  flow,
  footer,
  navigate,
  screen,
  terminalScreen,
  textInput,
  warning,
  type JsonObject,
  type RuleCase,
} from "../../helpers/flow-documents.js";

const DATA: JsonObject = {
  name: { type: "string", __example__: "Ada" },
  flag: { type: "boolean", __example__: true },
  user: {
    type: "object",
    properties: { address: { type: "object", properties: { city: { type: "string" } } } },
    __example__: { address: { city: "Lagos" } },
  },
  rooms: {
    type: "array",
    items: { type: "object", properties: { id: { type: "string" }, title: { type: "string" } } },
    __example__: [{ id: "1", title: "Suite" }],
  },
  ids: {
    type: "array",
    items: { type: "object", properties: { id: { type: "string" } } },
    __example__: [{ id: "1" }],
  },
  loose: { type: "array", items: { type: "object" }, __example__: [{ id: "1", title: "Suite" }] },
};

/** A one-screen flow (screen ONLY, with DATA) holding `children`. */
const bound = (children: JsonObject[], version = "7.3") =>
  flow([terminalScreen("ONLY", children, { data: DATA })], { version });
const body = (text: string, extra: JsonObject = {}) => ({ type: "TextBody", text, ...extra });
const TEXT = "/screens/0/layout/children/0/text";

/** Screen A (with DATA and an input) navigating to terminal screen B holding `children`. */
const twoScreens = (children: JsonObject[], version = "7.3") =>
  flow(
    [screen("A", [textInput("email"), footer(navigate("B"))], { data: DATA }), terminalScreen("B", children)],
    { version },
  );
const GLOBAL_TEXT = "/screens/1/layout/children/0/text";

const inPayload = (payload: JsonObject, children: JsonObject[] = []) =>
  flow([screen("ONLY", [...children, footer(complete(payload))], { terminal: true, data: DATA })]);

const radios = (source: string) => ({
  type: "RadioButtonsGroup",
  name: "room",
  label: "Room",
  "data-source": source,
});

const cases: RuleCase[] = [
  {
    name: "an undeclared ${data.x} is INVALID_SCREEN_DYNAMIC_DATA",
    bad: bound([body("${data.missing}")]),
    expected: [
      error(
        "INVALID_SCREEN_DYNAMIC_DATA",
        TEXT,
        "Dynamic data '${data.missing}' is not declared in the data model of screen 'ONLY'.",
      ),
    ],
    good: bound([body("${data.name}")]),
  },
  {
    name: "a nested path must be declared down to its last property",
    bad: bound([body("${data.user.address.zip}")]),
    expected: [
      error(
        "INVALID_SCREEN_DYNAMIC_DATA",
        TEXT,
        "Dynamic data '${data.user.address.zip}' has no property 'zip' under 'user.address' in the data model of screen 'ONLY'.",
      ),
    ],
    good: bound([body("${data.user.address.city}")]),
  },
  {
    name: "references inside backtick expressions are checked",
    bad: bound([body("`'Hi ' ${data.nme}`")]),
    expected: [
      error(
        "INVALID_SCREEN_DYNAMIC_DATA",
        TEXT,
        "Dynamic data '${data.nme}' is not declared in the data model of screen 'ONLY'.",
      ),
    ],
    good: bound([body("`'Hi ' ${data.name}`")]),
  },
  {
    name: "references inside If conditions are checked",
    bad: bound([{ type: "If", condition: "${data.flg}", then: [body("On")] }]),
    expected: [
      error(
        "INVALID_SCREEN_DYNAMIC_DATA",
        "/screens/0/layout/children/0/condition",
        "Dynamic data '${data.flg}' is not declared in the data model of screen 'ONLY'.",
      ),
    ],
    good: bound([{ type: "If", condition: "${data.flag}", then: [body("On")] }]),
  },
  {
    name: "an undeclared ${data.x} in an action payload is INVALID_ON_CLICK_ACTION_PAYLOAD",
    bad: inPayload({ value: "${data.missing}" }),
    expected: [
      error(
        "INVALID_ON_CLICK_ACTION_PAYLOAD",
        "/screens/0/layout/children/0/on-click-action/payload/value",
        "Dynamic data '${data.missing}' is not declared in the data model of screen 'ONLY'.",
      ),
    ],
    good: inPayload({ value: "${data.name}" }),
  },
  {
    name: "a ${form.x} naming no input is INVALID_SCREEN_DYNAMIC_DATA",
    bad: bound([body("${form.email}")]),
    expected: [
      error(
        "INVALID_SCREEN_DYNAMIC_DATA",
        TEXT,
        "'${form.email}' does not name an input component on screen 'ONLY'.",
      ),
    ],
    good: bound([body("${form.email}"), textInput("email")]),
  },
  {
    name: "a ${form.x} naming no input in a payload is INVALID_ON_CLICK_ACTION_PAYLOAD",
    bad: inPayload({ email: "${form.email}" }),
    expected: [
      error(
        "INVALID_ON_CLICK_ACTION_PAYLOAD",
        "/screens/0/layout/children/0/on-click-action/payload/email",
        "'${form.email}' does not name an input component on screen 'ONLY'.",
      ),
    ],
    good: inPayload({ email: "${form.email}" }, [textInput("email")]),
  },
  {
    name: "global references before 4.0 are INVALID_PROPERTY_VALUE",
    bad: twoScreens([body("${screen.A.data.name}")], "3.1"),
    expected: [
      error(
        "KEYWORD_ONE_OF",
        "/screens/0/layout/children/0",
        "Component 'TextInput' must be inside a Form before Flow JSON version 4.0; this flow uses 3.1.",
      ),
      error(
        "INVALID_PROPERTY_VALUE",
        GLOBAL_TEXT,
        "Global reference '${screen.A.data.name}' requires Flow JSON version 4.0 or later; this flow uses 3.1. Pass the value in the navigate payload instead.",
      ),
    ],
    good: twoScreens([body("${screen.A.data.name}")], "4.0"),
  },
  {
    name: "a global reference to the current screen is INVALID_SCREEN_DYNAMIC_DATA",
    bad: twoScreens([body("${screen.B.form.code}"), textInput("code")]),
    expected: [
      error(
        "INVALID_SCREEN_DYNAMIC_DATA",
        GLOBAL_TEXT,
        "'${screen.B.form.code}' refers to the current screen; use '${form.code}' instead.",
      ),
    ],
    good: twoScreens([body("${form.code}"), textInput("code")]),
  },
  {
    name: "a global reference to an unknown screen is INVALID_SCREEN_DYNAMIC_DATA",
    bad: twoScreens([body("${screen.Z.form.email}")]),
    expected: [
      error(
        "INVALID_SCREEN_DYNAMIC_DATA",
        GLOBAL_TEXT,
        "'${screen.Z.form.email}' refers to screen 'Z', which does not exist.",
      ),
    ],
    good: twoScreens([body("${screen.A.form.email}")]),
  },
  {
    name: "a global form reference must name an input of that screen",
    bad: twoScreens([body("${screen.A.form.phone}")]),
    expected: [
      error(
        "INVALID_SCREEN_DYNAMIC_DATA",
        GLOBAL_TEXT,
        "'${screen.A.form.phone}' does not name an input component on screen 'A'.",
      ),
    ],
    good: twoScreens([body("${screen.A.form.email}")]),
  },
  {
    name: "a global data reference must name a field of that screen",
    bad: twoScreens([body("${screen.A.data.nick}")]),
    expected: [
      error(
        "INVALID_SCREEN_DYNAMIC_DATA",
        GLOBAL_TEXT,
        "Dynamic data '${screen.A.data.nick}' is not declared in the data model of screen 'A'.",
      ),
    ],
    good: twoScreens([body("${screen.A.data.name}")]),
  },
  {
    name: "backtick expressions before 6.0 are INVALID_PROPERTY_VALUE",
    bad: bound([body("`${data.name}`")], "5.1"),
    expected: [
      error(
        "INVALID_PROPERTY_VALUE",
        TEXT,
        "Backtick expressions require Flow JSON version 6.0 or later; this flow uses 5.1.",
      ),
    ],
    good: bound([body("${data.name}")], "5.1"),
  },
  {
    name: "static text mixed with a reference is INVALID_PROPERTY_VALUE",
    bad: bound([body("Hello ${data.name}")]),
    expected: [
      error(
        "INVALID_PROPERTY_VALUE",
        TEXT,
        "A property is either static or dynamic: this value mixes static text with a reference. Use a backtick expression (Flow JSON 6.0+) such as \"`'Hello ' ${data.name}`\".",
      ),
    ],
    good: bound([body("`'Hello ' ${data.name}`")]),
  },
  {
    name: "a reference outside data, form and screen is INVALID_PROPERTY_VALUE",
    bad: bound([body("${user.name}")]),
    expected: [
      error(
        "INVALID_PROPERTY_VALUE",
        TEXT,
        "Invalid reference '${user.name}'. Use ${data.<field>}, ${form.<name>} or ${screen.<SCREEN_ID>.data.<field>} / ${screen.<SCREEN_ID>.form.<name>}.",
      ),
    ],
    good: bound([body("${data.name}")]),
  },
  {
    name: "a boolean property bound to a string field is INVALID_SCREEN_DYNAMIC_DATA",
    bad: bound([body("Hi", { visible: "${data.name}" })]),
    expected: [
      error(
        "INVALID_SCREEN_DYNAMIC_DATA",
        "/screens/0/layout/children/0/visible",
        "Property 'visible' of TextBody cannot take '${data.name}': it is declared as string, expected boolean.",
      ),
    ],
    good: bound([body("Hi", { visible: "${data.flag}" })]),
  },
  {
    name: "a list bound to a field that is not an array is INVALID_SCREEN_DYNAMIC_DATA",
    bad: bound([radios("${data.name}")]),
    expected: [
      error(
        "INVALID_SCREEN_DYNAMIC_DATA",
        "/screens/0/layout/children/0/data-source",
        "Property 'data-source' of RadioButtonsGroup cannot take '${data.name}': it is declared as string, expected array.",
      ),
    ],
    good: bound([radios("${data.rooms}")]),
  },
  {
    name: "a list bound to data must declare the item properties the list needs",
    bad: bound([radios("${data.ids}")]),
    expected: [
      error(
        "INVALID_SCREEN_DYNAMIC_DATA",
        "/screens/0/layout/children/0/data-source",
        "The data bound to 'data-source' must declare the item properties 'title' in 'items.properties'.",
      ),
    ],
    good: bound([radios("${data.rooms}")]),
  },
  {
    name: "a list bound to data with undeclared item properties is a warning",
    bad: bound([radios("${data.loose}")]),
    expected: [
      warning(
        "INVALID_SCREEN_DYNAMIC_DATA",
        "/screens/0/layout/children/0/data-source",
        "The data bound to 'data-source' should declare its item properties (id, title) in 'items.properties'.",
      ),
    ],
    good: bound([radios("${data.rooms}")]),
  },
];

describe("binding rules", () => {
  it.each(cases)("$name", (rule) => expectRuleCase(rule));
});
