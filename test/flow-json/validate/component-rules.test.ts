import { describe, it } from "vitest";
import {
  error,
  expectRuleCase,
  flow,
  footer,
  navigate,
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
const done = footer({ name: "complete", payload: {} }, "Done");
const datePicker = (extra: JsonObject) => ({ type: "DatePicker", name: "day", label: "Day", ...extra });
const calendar = (extra: JsonObject) => ({ type: "CalendarPicker", name: "when", label: "When", ...extra });
const item = (id: string, extra: JsonObject = {}): JsonObject => ({
  id,
  "main-content": { title: `Item ${id}` },
  "on-click-action": navigate("B"),
  ...extra,
});
/** Screen A holding a NavigationList (`list` merged in) and `others`, then terminal screen B. */
const listFlow = (list: JsonObject, others: JsonObject[] = [], terminal = false) =>
  flow(
    [
      screen(
        "A",
        [{ type: "NavigationList", name: "menu", "list-items": [item("x")], ...list }, ...others],
        terminal ? { terminal: true } : {},
      ),
      terminalScreen("B"),
    ],
    { version: "6.3" },
  );
const richText = (children: JsonObject[], version: string) =>
  flow([screen("ONLY", [{ type: "RichText", text: "# Terms" }, ...children], { terminal: true })], {
    version,
  });

/** Base64 text decoding to `kb` KiB. */
const base64OfKb = (kb: number) => "A".repeat(Math.ceil((kb * 1024 * 4) / 3));
const dropdownWithImage = (kb: number, version: string) =>
  oneScreen(
    [
      {
        type: "Dropdown",
        name: "pick",
        label: "Pick",
        "data-source": [{ id: "a", title: "A", image: base64OfKb(kb) }],
      },
    ],
    { version },
  );

const cases: RuleCase[] = [
  {
    name: "an option image over 100 KB from 6.0 is INVALID_PROPERTY_VALUE",
    bad: dropdownWithImage(101, "6.0"),
    expected: [
      error(
        "INVALID_PROPERTY_VALUE",
        `${FIRST}/data-source/0/image`,
        "This image is 101 KB (decoded); Dropdown allows at most 100 KB per image.",
      ),
    ],
    good: dropdownWithImage(101, "5.1"),
  },
  {
    name: "an Image over the recommended 300 KB is a warning",
    bad: oneScreen([{ type: "Image", src: base64OfKb(301) }]),
    expected: [
      warning(
        "INVALID_PROPERTY_VALUE",
        `${FIRST}/src`,
        "This image is 301 KB (decoded); Image allows at most 300 KB per image.",
      ),
    ],
    good: oneScreen([{ type: "Image", src: base64OfKb(300) }]),
  },
  {
    name: "a NavigationList item image over 100 KB is INVALID_PROPERTY_VALUE",
    bad: listFlow({ "list-items": [item("x", { start: { image: base64OfKb(101) } })] }),
    expected: [
      error(
        "INVALID_PROPERTY_VALUE",
        `${FIRST}/list-items/0/start/image`,
        "This image is 101 KB (decoded); NavigationList allows at most 100 KB per image.",
      ),
    ],
    good: listFlow({ "list-items": [item("x", { start: { image: base64OfKb(100) } })] }),
  },
  {
    name: "a center caption with side captions is NOT_KEYWORD_SCHEMA_VALIDATION_FAILED",
    bad: flow([
      screen("ONLY", [{ ...done, "center-caption": "Total", "left-caption": "Left" }], { terminal: true }),
    ]),
    expected: [
      error(
        "NOT_KEYWORD_SCHEMA_VALIDATION_FAILED",
        FIRST,
        "Properties 'center-caption' and ['left-caption'] must be present exclusively at Footer.",
      ),
    ],
    good: flow([
      screen("ONLY", [{ ...done, "right-caption": "Total", "left-caption": "Left" }], { terminal: true }),
    ]),
  },
  {
    name: "a pattern without helper-text is INVALID_DEPENDENCIES",
    bad: oneScreen([textInput("code", { pattern: "^\\d{4}$" })]),
    expected: [
      error(
        "INVALID_DEPENDENCIES",
        `${FIRST}/pattern`,
        "Property 'pattern' of TextInput requires 'helper-text' describing the expected format.",
      ),
    ],
    good: oneScreen([textInput("code", { pattern: "^\\d{4}$", "helper-text": "Four digits" })]),
  },
  {
    name: "a pattern on an e-mail input is INVALID_DEPENDENCIES",
    bad: oneScreen([textInput("mail", { pattern: "@", "helper-text": "E-mail", "input-type": "email" })]),
    expected: [
      error(
        "INVALID_DEPENDENCIES",
        `${FIRST}/pattern`,
        "Property 'pattern' of TextInput can only be used with input-type text, number, password, passcode; this one is 'email'.",
      ),
    ],
    good: oneScreen([textInput("mail", { pattern: "@", "helper-text": "E-mail", "input-type": "text" })]),
  },
  {
    name: "a pattern that is no regular expression is a warning",
    bad: oneScreen([textInput("code", { pattern: "([a-z", "helper-text": "Letters" })]),
    expected: [
      warning(
        "INVALID_PROPERTY_VALUE",
        `${FIRST}/pattern`,
        "Property 'pattern' of TextInput does not look like a valid regular expression: ([a-z",
      ),
    ],
    good: oneScreen([textInput("code", { pattern: "([a-z])+", "helper-text": "Letters" })]),
  },
  {
    name: "a minimum above its maximum is MIN_VALUE_GREATER_THAN_MAX",
    bad: oneScreen([textInput("code", { "min-chars": 10, "max-chars": 5 })]),
    expected: [
      error(
        "MIN_VALUE_GREATER_THAN_MAX",
        `${FIRST}/min-chars`,
        "'min-chars' (10) of TextInput is greater than 'max-chars' (5).",
      ),
    ],
    good: oneScreen([textInput("code", { "min-chars": 5, "max-chars": 5 })]),
  },
  {
    name: "a min-date after max-date is MIN_VALUE_GREATER_THAN_MAX",
    bad: oneScreen([datePicker({ "min-date": "2025-02-01", "max-date": "2025-01-01" })]),
    expected: [
      error(
        "MIN_VALUE_GREATER_THAN_MAX",
        `${FIRST}/min-date`,
        "'min-date' (2025-02-01) of DatePicker is after 'max-date' (2025-01-01).",
      ),
    ],
    good: oneScreen([datePicker({ "min-date": "2025-01-01", "max-date": "2025-02-01" })]),
  },
  {
    name: "a Dropdown with images and over 100 options is INVALID_PROPERTY_VALUE",
    bad: oneScreen([
      {
        type: "Dropdown",
        name: "pick",
        label: "Pick",
        "data-source": options(101).map((o) => ({ ...o, image: "aGk=" })),
      },
    ]),
    expected: [
      error(
        "INVALID_PROPERTY_VALUE",
        `${FIRST}/data-source`,
        "A Dropdown whose options have images can have at most 100 options (it has 101).",
      ),
    ],
    good: oneScreen([{ type: "Dropdown", name: "pick", label: "Pick", "data-source": options(101) }]),
  },
  {
    name: "a DatePicker date not written YYYY-MM-DD from 5.0 is INVALID_PROPERTY_VALUE_FORMAT",
    bad: oneScreen([datePicker({ "min-date": "21/10/2024" })]),
    expected: [
      error(
        "INVALID_PROPERTY_VALUE_FORMAT",
        `${FIRST}/min-date`,
        "Invalid date '21/10/2024' in DatePicker: dates are written 'YYYY-MM-DD'.",
      ),
    ],
    good: oneScreen([datePicker({ "min-date": "2024-10-21" })]),
  },
  {
    name: "a DatePicker date that is no timestamp before 5.0 is a warning",
    bad: oneScreen([datePicker({ "min-date": "2024-10-21" })], { version: "4.0" }),
    expected: [
      warning(
        "INVALID_PROPERTY_VALUE_FORMAT",
        `${FIRST}/min-date`,
        "Date '2024-10-21' in DatePicker: before Flow JSON 5.0 dates are timestamps in milliseconds, such as '1693569600000'.",
      ),
    ],
    good: oneScreen([datePicker({ "min-date": "1693569600000" })], { version: "4.0" }),
  },
  {
    name: "a malformed CalendarPicker date in a list is INVALID_PROPERTY_VALUE_FORMAT",
    bad: oneScreen([calendar({ "unavailable-dates": ["2024-11-28", "2024-13-01"] })]),
    expected: [
      error(
        "INVALID_PROPERTY_VALUE_FORMAT",
        `${FIRST}/unavailable-dates/1`,
        "Invalid date '2024-13-01' in CalendarPicker: dates are written 'YYYY-MM-DD'.",
      ),
    ],
    good: oneScreen([calendar({ "unavailable-dates": ["2024-11-28", "2024-12-01"] })]),
  },
  {
    name: "a start/end object in single mode is INVALID_PROPERTY_TYPE",
    bad: oneScreen([calendar({ label: { "start-date": "From", "end-date": "To" } })]),
    expected: [
      error(
        "INVALID_PROPERTY_TYPE",
        `${FIRST}/label`,
        "Property 'label' of CalendarPicker takes a 'start-date'/'end-date' object only in range mode; set \"mode\": \"range\" or give a single value.",
      ),
    ],
    good: oneScreen([calendar({ mode: "range", label: { "start-date": "From", "end-date": "To" } })]),
  },
  {
    name: "a range-only property in single mode is a warning",
    bad: oneScreen([calendar({ "min-days": 2 })]),
    expected: [
      warning(
        "INVALID_DEPENDENCIES",
        `${FIRST}/min-days`,
        "Property 'min-days' of CalendarPicker applies to range mode only.",
      ),
    ],
    good: oneScreen([calendar({ mode: "range", "min-days": 2 })]),
  },
  {
    name: "a NavigationList on a terminal screen is NAVIGATION_LIST_ON_TERMINAL_SCREEN",
    bad: listFlow({}, [done], true),
    expected: [
      error(
        "NAVIGATION_LIST_ON_TERMINAL_SCREEN",
        FIRST,
        "A NavigationList cannot be used on terminal screen 'A'.",
      ),
      error(
        "NAVIGATION_LIST_NOT_ALONE",
        "/screens/0/layout/children/1",
        "A NavigationList cannot share screen 'A' with other components (found Footer).",
      ),
    ],
    good: listFlow({}),
  },
  {
    name: "a NavigationList sharing its screen is NAVIGATION_LIST_NOT_ALONE",
    bad: listFlow({}, [{ type: "TextHeading", text: "Menu" }]),
    expected: [
      error(
        "NAVIGATION_LIST_NOT_ALONE",
        "/screens/0/layout/children/1",
        "A NavigationList cannot share screen 'A' with other components (found TextHeading).",
      ),
    ],
    good: listFlow({ label: "Menu" }),
  },
  {
    name: "actions on both the NavigationList and its items is NOT_KEYWORD_SCHEMA_VALIDATION_FAILED",
    bad: listFlow({ "on-click-action": navigate("B") }),
    expected: [
      error(
        "NOT_KEYWORD_SCHEMA_VALIDATION_FAILED",
        `${FIRST}/on-click-action`,
        "Properties 'on-click-action' and ['list-items[].on-click-action'] must be present exclusively at NavigationList.",
      ),
    ],
    good: listFlow({
      "on-click-action": navigate("B"),
      "list-items": [{ id: "x", "main-content": { title: "X" } }],
    }),
  },
  {
    name: "large media with item 'end' content is NOT_KEYWORD_SCHEMA_VALIDATION_FAILED",
    bad: listFlow({ "media-size": "large", "list-items": [item("x", { end: { title: "$10" } })] }),
    expected: [
      error(
        "NOT_KEYWORD_SCHEMA_VALIDATION_FAILED",
        `${FIRST}/media-size`,
        "Properties 'media-size' (large) and ['list-items[].end'] must be present exclusively at NavigationList.",
      ),
    ],
    good: listFlow({ "media-size": "regular", "list-items": [item("x", { end: { title: "$10" } })] }),
  },
  {
    name: "two badged NavigationList items is INVALID_PROPERTY_VALUE",
    bad: listFlow({ "list-items": [item("x", { badge: "New" }), item("y", { badge: "Hot" })] }),
    expected: [
      error(
        "INVALID_PROPERTY_VALUE",
        `${FIRST}/list-items/1/badge`,
        "Only one item of a NavigationList can have a badge.",
      ),
    ],
    good: listFlow({ "list-items": [item("x", { badge: "New" }), item("y")] }),
  },
  {
    name: "RichText with a Footer before 6.3 is RICH_TEXT_NOT_ALONE",
    bad: richText([done], "6.2"),
    expected: [
      error(
        "RICH_TEXT_NOT_ALONE",
        "/screens/0/layout/children/1",
        "RichText must be alone on screen 'ONLY' (a Footer may join it from Flow JSON 6.3); found Footer.",
      ),
    ],
    good: richText([done], "6.3"),
  },
  {
    name: "RichText with another component is RICH_TEXT_NOT_ALONE",
    bad: richText([{ type: "TextHeading", text: "Terms" }, done], "7.3"),
    expected: [
      error(
        "RICH_TEXT_NOT_ALONE",
        "/screens/0/layout/children/1",
        "RichText must be alone on screen 'ONLY' (only a Footer may join it); found TextHeading.",
      ),
    ],
    good: richText([done], "7.3"),
  },
];

describe("component rules", () => {
  it.each(cases)("$name", (rule) => expectRuleCase(rule));
});
