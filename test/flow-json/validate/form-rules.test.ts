import { describe, it } from "vitest";
import {
  complete,
  error,
  expectRuleCase,
  flow,
  footer,
  oneScreen,
  options,
  screen,
  textInput,
  warning,
  type JsonObject,
  type RuleCase,
} from "../../helpers/flow-documents.js";

const done = footer(complete(), "Done");
const form = (children: JsonObject[], extra: JsonObject = {}): JsonObject => ({
  type: "Form",
  name: "details",
  children,
  ...extra,
});
/** A one-screen flow whose terminal screen is `children` (the Footer goes inside the Form). */
const formScreen = (children: JsonObject[], version = "7.3") =>
  flow([screen("ONLY", children, { terminal: true })], { version });
const checkboxes: JsonObject = {
  type: "CheckboxGroup",
  name: "topics",
  label: "Topics",
  "data-source": options(2),
};
const photos: JsonObject = { type: "PhotoPicker", name: "photos", label: "Photos" };
const FORM = "/screens/0/layout/children/0";

const cases: RuleCase[] = [
  {
    name: "an input outside a Form before 4.0 is KEYWORD_ONE_OF",
    bad: oneScreen([textInput("email")], { version: "3.1" }),
    expected: [
      error(
        "KEYWORD_ONE_OF",
        "/screens/0/layout/children/0",
        "Component 'TextInput' must be inside a Form before Flow JSON version 4.0; this flow uses 3.1.",
      ),
    ],
    good: formScreen([form([textInput("email"), done])], "3.1"),
  },
  {
    name: "an input outside the screen's Form is COMPONENTS_OUTSIDE_FORM",
    bad: formScreen([form([textInput("email"), done]), textInput("phone")]),
    expected: [
      error(
        "COMPONENTS_OUTSIDE_FORM",
        "/screens/0/layout/children/1",
        "Component 'TextInput' is outside the Form 'details'. When a screen has a Form, all its input components must be inside it.",
      ),
    ],
    good: formScreen([form([textInput("email"), textInput("phone"), done])]),
  },
  {
    name: "a Form inside a Form is INVALID_ENUM_VALUE",
    bad: formScreen([form([form([textInput("email")], { name: "inner" }), done])]),
    expected: [error("INVALID_ENUM_VALUE", `${FORM}/children/0/type`, "A Form cannot contain another Form.")],
    good: formScreen([form([textInput("email"), done])]),
  },
  {
    name: "two inputs with one name on a screen is DUPLICATE_FORM_COMPONENT_NAMES",
    bad: oneScreen([
      textInput("email"),
      { type: "If", condition: "${form.email} != ''", then: [textInput("email")] },
    ]),
    expected: [
      error(
        "DUPLICATE_FORM_COMPONENT_NAMES",
        "/screens/0/layout/children/1/then/0/name",
        "Duplicate component name 'email' on screen 'ONLY'. Names must be unique across the Form and all If/Switch branches.",
      ),
    ],
    good: oneScreen([
      textInput("email"),
      { type: "If", condition: "${form.email} != ''", then: [textInput("confirm")] },
    ]),
  },
  {
    name: "a picker in init-values is NATIVE_COMPONENT_IN_FORM_INIT_VALUES",
    bad: formScreen([form([photos, textInput("note"), done], { "init-values": { photos: "x" } })]),
    expected: [
      error(
        "NATIVE_COMPONENT_IN_FORM_INIT_VALUES",
        `${FORM}/init-values/photos`,
        "PhotoPicker 'photos' cannot be given an initial value in 'init-values'.",
      ),
    ],
    good: formScreen([form([photos, textInput("note"), done], { "init-values": { note: "x" } })]),
  },
  {
    name: "an init-values entry of the wrong type is INVALID_PROPERTY_TYPE",
    bad: formScreen([form([checkboxes, done], { "init-values": { topics: "o0" } })]),
    expected: [
      error(
        "INVALID_PROPERTY_TYPE",
        `${FORM}/init-values/topics`,
        "The initial value of CheckboxGroup 'topics' must be an array of strings, not string.",
      ),
    ],
    good: formScreen([form([checkboxes, done], { "init-values": { topics: ["o0"] } })]),
  },
  {
    name: "an init-values entry naming no input of the Form is a warning",
    bad: formScreen([form([textInput("email"), done], { "init-values": { nick: "Ada" } })]),
    expected: [
      warning(
        "INVALID_PROPERTY_VALUE",
        `${FORM}/init-values/nick`,
        "'init-values' names 'nick', which is no input of the Form 'details'.",
      ),
    ],
    good: formScreen([form([textInput("email"), done], { "init-values": { email: "ada@example.com" } })]),
  },
  {
    name: "an error message that is not a string is INVALID_PROPERTY_TYPE",
    bad: formScreen([form([textInput("email"), done], { "error-messages": { email: 3 } })]),
    expected: [
      error(
        "INVALID_PROPERTY_TYPE",
        `${FORM}/error-messages/email`,
        "The error message for 'email' must be a string, not number.",
      ),
    ],
    good: formScreen([form([textInput("email"), done], { "error-messages": { email: "Invalid e-mail" } })]),
  },
  {
    name: "an error-messages entry naming no input of the Form is a warning",
    bad: formScreen([form([textInput("email"), done], { "error-messages": { mail: "Invalid" } })]),
    expected: [
      warning(
        "INVALID_PROPERTY_VALUE",
        `${FORM}/error-messages/mail`,
        "'error-messages' names 'mail', which is no input of the Form 'details'.",
      ),
    ],
    good: formScreen([form([textInput("email"), done], { "error-messages": { email: "Invalid" } })]),
  },
];

describe("Form rules", () => {
  it.each(cases)("$name", (rule) => expectRuleCase(rule));
});
