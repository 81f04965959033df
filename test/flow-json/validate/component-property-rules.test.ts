import { describe, it } from "vitest";
import { COMPONENT_TYPES } from "../../../src/flow-json/component-catalog.js";
import {
  error,
  expectRuleCase,
  flow,
  oneScreen,
  options,
  screen,
  terminalScreen,
  textInput,
  warning,
  type JsonObject,
  type RuleCase,
} from "../../helpers/flow-documents.js";

const FIRST = "/screens/0/layout/children/0";
const at = (version: string, children: JsonObject[]) => oneScreen(children, { version });
const heading = (text: string) => ({ type: "TextHeading", text });
const photos = (extra: JsonObject) => ({ type: "PhotoPicker", name: "photos", label: "Photos", ...extra });
const calendar = (extra: JsonObject) => ({ type: "CalendarPicker", name: "when", label: "When", ...extra });
const checkboxes = (extra: JsonObject) => ({
  type: "CheckboxGroup",
  name: "topics",
  label: "Topics",
  "data-source": options(2),
  ...extra,
});
/** Screen A with a NavigationList of one item (`item` merged in), then terminal screen B. */
const navigation = (item: JsonObject) =>
  flow(
    [
      screen("A", [
        {
          type: "NavigationList",
          name: "menu",
          "list-items": [
            {
              id: "b",
              "main-content": { title: "Go on" },
              "on-click-action": { name: "navigate", next: { type: "screen", name: "B" }, payload: {} },
              ...item,
            },
          ],
        },
      ]),
      terminalScreen("B"),
    ],
    { version: "6.2" },
  );
const form = (children: JsonObject[]) => ({ type: "Form", name: "details", children });

const cases: RuleCase[] = [
  {
    name: "an unknown component type is INVALID_ENUM_VALUE",
    bad: oneScreen([{ type: "Heading", text: "Hi" }]),
    expected: [
      error(
        "INVALID_ENUM_VALUE",
        `${FIRST}/type`,
        `Unknown component type 'Heading'. Known types: ${COMPONENT_TYPES.join(", ")}.`,
      ),
    ],
    good: oneScreen([heading("Hi")]),
  },
  {
    name: "a component without type is MISSING_REQUIRED_PROPERTY",
    bad: oneScreen([{ text: "Hi" }]),
    expected: [error("MISSING_REQUIRED_PROPERTY", FIRST, "Missing required property 'type' in component.")],
    good: oneScreen([heading("Hi")]),
  },
  {
    name: "a type that is not a string is INVALID_PROPERTY_TYPE",
    bad: oneScreen([{ type: 1, text: "Hi" }]),
    expected: [
      error("INVALID_PROPERTY_TYPE", `${FIRST}/type`, "Component 'type' must be a string, not number."),
    ],
    good: oneScreen([heading("Hi")]),
  },
  {
    name: "a component newer than the flow's version names the version it needs",
    bad: at("6.0", [calendar({})]),
    expected: [
      error(
        "INVALID_ENUM_VALUE",
        `${FIRST}/type`,
        "Component 'CalendarPicker' requires Flow JSON version 6.1 or later; this flow uses 6.0.",
      ),
    ],
    good: at("6.1", [calendar({})]),
  },
  {
    name: "an unknown property is INVALID_PROPERTY_KEY",
    bad: oneScreen([{ ...heading("Hi"), color: "red" }]),
    expected: [
      error("INVALID_PROPERTY_KEY", `${FIRST}/color`, "Property 'color' is not allowed in TextHeading."),
    ],
    good: oneScreen([{ ...heading("Hi"), visible: false }]),
  },
  {
    name: "a property newer than the flow's version is INVALID_PROPERTY_KEY",
    bad: at("6.1", [textInput("code", { pattern: "^\\d+$", "helper-text": "Digits" })]),
    expected: [
      error(
        "INVALID_PROPERTY_KEY",
        `${FIRST}/pattern`,
        "Property 'pattern' of TextInput requires Flow JSON version 6.2 or later; this flow uses 6.1.",
      ),
    ],
    good: at("6.2", [textInput("code", { pattern: "^\\d+$", "helper-text": "Digits" })]),
  },
  {
    name: "a missing required property is MISSING_REQUIRED_PROPERTY",
    bad: oneScreen([{ type: "TextInput", name: "email" }]),
    expected: [error("MISSING_REQUIRED_PROPERTY", FIRST, "Missing required property 'label' in TextInput.")],
    good: oneScreen([{ type: "TextInput", name: "email", label: "E-mail" }]),
  },
  {
    name: "a property required from a version is required from that version",
    bad: at("4.0", [{ type: "CheckboxGroup", name: "topics", "data-source": options(2) }]),
    expected: [
      error(
        "MISSING_REQUIRED_PROPERTY",
        FIRST,
        "Missing required property 'label' in CheckboxGroup from Flow JSON version 4.0.",
      ),
    ],
    good: at("3.1", [form([{ type: "CheckboxGroup", name: "topics", "data-source": options(2) }])]),
  },
  {
    name: "a value of the wrong JSON type is INVALID_PROPERTY_TYPE",
    bad: oneScreen([textInput("email", { required: "yes" })]),
    expected: [
      error(
        "INVALID_PROPERTY_TYPE",
        `${FIRST}/required`,
        "Property 'required' of TextInput must be a boolean, not string.",
      ),
    ],
    good: oneScreen([textInput("email", { required: true })]),
  },
  {
    name: "a value outside the enum is INVALID_ENUM_VALUE",
    bad: oneScreen([textInput("site", { "input-type": "url" })]),
    expected: [
      error(
        "INVALID_ENUM_VALUE",
        `${FIRST}/input-type`,
        "Invalid value 'url' for 'input-type' of TextInput. Allowed values: text, number, email, password, passcode, phone.",
      ),
    ],
    good: oneScreen([textInput("site", { "input-type": "text" })]),
  },
  {
    name: "text over the character limit is INVALID_PROPERTY_VALUE (counted in code points)",
    bad: oneScreen([heading("a".repeat(81))]),
    expected: [
      error(
        "INVALID_PROPERTY_VALUE",
        `${FIRST}/text`,
        "Property 'text' of TextHeading exceeds the limit of 80 characters (it has 81).",
      ),
    ],
    good: oneScreen([heading(`${"a".repeat(79)}🎉`)]),
  },
  {
    name: "a TextCaption over 409 characters is a warning (the documented limit is unconfirmed)",
    bad: oneScreen([{ type: "TextCaption", text: "a".repeat(410) }]),
    expected: [
      warning(
        "INVALID_PROPERTY_VALUE",
        `${FIRST}/text`,
        "Property 'text' of TextCaption exceeds the limit of 409 characters (it has 410).",
      ),
    ],
    good: oneScreen([{ type: "TextCaption", text: "a".repeat(409) }]),
  },
  {
    name: "a whitespace-only string from 6.0 is MIN_CHARS_REQUIRED",
    bad: at("6.0", [{ type: "TextBody", text: " " }]),
    expected: [
      error(
        "MIN_CHARS_REQUIRED",
        `${FIRST}/text`,
        "Property 'text' of TextBody must not be empty or whitespace-only (Flow JSON 6.0 and later).",
      ),
    ],
    good: at("5.1", [{ type: "TextBody", text: " " }]),
  },
  {
    name: "an empty TextHeading is MIN_CHARS_REQUIRED in every version",
    bad: at("5.0", [heading("")]),
    expected: [
      error(
        "MIN_CHARS_REQUIRED",
        `${FIRST}/text`,
        "Property 'text' of TextHeading must not be empty or whitespace-only.",
      ),
    ],
    good: at("5.0", [heading("Hi")]),
  },
  {
    name: "a number under its minimum is MINIMUM_VALUE_REQUIRED",
    bad: oneScreen([photos({ "max-file-size-kb": 0 })]),
    expected: [
      error(
        "MINIMUM_VALUE_REQUIRED",
        `${FIRST}/max-file-size-kb`,
        "Property 'max-file-size-kb' of PhotoPicker must be at least 1 (it is 0).",
      ),
    ],
    good: oneScreen([photos({ "max-file-size-kb": 1 })]),
  },
  {
    name: "a number over its maximum is MAXIMUM_VALUE_REQUIRED",
    bad: oneScreen([photos({ "max-uploaded-photos": 31 })]),
    expected: [
      error(
        "MAXIMUM_VALUE_REQUIRED",
        `${FIRST}/max-uploaded-photos`,
        "Property 'max-uploaded-photos' of PhotoPicker must be at most 30 (it is 31).",
      ),
    ],
    good: oneScreen([photos({ "max-uploaded-photos": 30 })]),
  },
  {
    name: "a fraction where an integer is expected is INVALID_PROPERTY_TYPE",
    bad: oneScreen([{ type: "TextArea", name: "note", label: "Note", "max-length": 1.5 }]),
    expected: [
      error(
        "INVALID_PROPERTY_TYPE",
        `${FIRST}/max-length`,
        "Property 'max-length' of TextArea must be an integer, not number.",
      ),
    ],
    good: oneScreen([{ type: "TextArea", name: "note", label: "Note", "max-length": 100 }]),
  },
  {
    name: "too few options is MIN_ITEMS_REQUIRED",
    bad: oneScreen([checkboxes({ "data-source": [] })]),
    expected: [
      error(
        "MIN_ITEMS_REQUIRED",
        `${FIRST}/data-source`,
        "Property 'data-source' of CheckboxGroup must have at least 1 item(s) (it has 0).",
      ),
    ],
    good: oneScreen([checkboxes({ "data-source": options(1) })]),
  },
  {
    name: "too many options is INVALID_PROPERTY_VALUE",
    bad: oneScreen([{ type: "RadioButtonsGroup", name: "pick", label: "Pick", "data-source": options(21) }]),
    expected: [
      error(
        "INVALID_PROPERTY_VALUE",
        `${FIRST}/data-source`,
        "Property 'data-source' of RadioButtonsGroup can have at most 20 items (it has 21).",
      ),
    ],
    good: oneScreen([{ type: "RadioButtonsGroup", name: "pick", label: "Pick", "data-source": options(20) }]),
  },
  {
    name: "an item property newer than the flow's version is INVALID_PROPERTY_KEY",
    bad: at("4.0", [checkboxes({ "data-source": [{ id: "a", title: "A", image: "aGk=" }] })]),
    expected: [
      error(
        "INVALID_PROPERTY_KEY",
        `${FIRST}/data-source/0/image`,
        "Property 'image' of data-source item requires Flow JSON version 5.0 or later; this flow uses 4.0.",
      ),
    ],
    good: at("5.0", [checkboxes({ "data-source": [{ id: "a", title: "A", image: "aGk=" }] })]),
  },
  {
    name: "an item without a required property is MISSING_REQUIRED_PROPERTY",
    bad: oneScreen([checkboxes({ "data-source": [{ id: "a" }] })]),
    expected: [
      error(
        "MISSING_REQUIRED_PROPERTY",
        `${FIRST}/data-source/0`,
        "Missing required property 'title' in data-source item.",
      ),
    ],
    good: oneScreen([checkboxes({ "data-source": [{ id: "a", title: "A" }] })]),
  },
  {
    name: "nested objects of list items are checked",
    bad: navigation({ "main-content": { description: "Go" } }),
    expected: [
      error(
        "MISSING_REQUIRED_PROPERTY",
        `${FIRST}/list-items/0/main-content`,
        "Missing required property 'title' in NavigationList main-content.",
      ),
    ],
    good: navigation({ "main-content": { title: "Go", description: "On" } }),
  },
  {
    name: "more than 3 tags on a NavigationList item is INVALID_PROPERTY_VALUE",
    bad: navigation({ tags: ["a", "b", "c", "d"] }),
    expected: [
      error(
        "INVALID_PROPERTY_VALUE",
        `${FIRST}/list-items/0/tags`,
        "Property 'tags' of NavigationList list item can have at most 3 items (it has 4).",
      ),
    ],
    good: navigation({ tags: ["a", "b", "c"] }),
  },
  {
    name: "an array text before 5.1 is INVALID_PROPERTY_TYPE",
    bad: at("5.0", [{ type: "TextBody", text: ["One", "Two"] }]),
    expected: [
      error(
        "INVALID_PROPERTY_TYPE",
        `${FIRST}/text`,
        "Property 'text' of TextBody can be an array of strings only from Flow JSON version 5.1; this flow uses 5.0.",
      ),
    ],
    good: at("5.1", [{ type: "TextBody", text: ["One", "Two"] }]),
  },
  {
    name: "a dynamic component name is INVALID_PROPERTY_VALUE",
    bad: oneScreen(
      [textInput("${data.field}")],
      {},
      { data: { field: { type: "string", __example__: "x" } } },
    ),
    expected: [
      error(
        "INVALID_PROPERTY_VALUE",
        `${FIRST}/name`,
        "Property 'name' of TextInput must be static; it cannot be dynamic.",
      ),
    ],
    good: oneScreen([textInput("field")], {}, { data: { field: { type: "string", __example__: "x" } } }),
  },
  {
    name: "a range value with other keys than start-date and end-date is INVALID_PROPERTY_KEY",
    bad: oneScreen([calendar({ mode: "range", label: { "start-date": "From", until: "To" } })]),
    expected: [
      error(
        "INVALID_PROPERTY_KEY",
        `${FIRST}/label/until`,
        "Property 'until' is not allowed in 'label' of CalendarPicker; use 'start-date' and 'end-date'.",
      ),
    ],
    good: oneScreen([calendar({ mode: "range", label: { "start-date": "From", "end-date": "To" } })]),
  },
  {
    name: "a per-media error message that is not a string is INVALID_PROPERTY_TYPE",
    bad: oneScreen([photos({ "error-message": { media1: 3 } })]),
    expected: [
      error(
        "INVALID_PROPERTY_TYPE",
        `${FIRST}/error-message/media1`,
        "Property 'error-message' of PhotoPicker must be a string, not number.",
      ),
    ],
    good: oneScreen([photos({ "error-message": { media1: "Too blurry" } })]),
  },
  {
    name: "a list value outside its enum is INVALID_ENUM_VALUE",
    bad: oneScreen([calendar({ "include-days": ["Mon", "Monday"] })]),
    expected: [
      error(
        "INVALID_ENUM_VALUE",
        `${FIRST}/include-days/1`,
        "Invalid value 'Monday' for 'include-days' of CalendarPicker. Allowed values: Mon, Tue, Wed, Thu, Fri, Sat, Sun.",
      ),
    ],
    good: oneScreen([calendar({ "include-days": ["Mon", "Fri"] })]),
  },
];

describe("component property rules", () => {
  it.each(cases)("$name", (rule) => expectRuleCase(rule));
});
