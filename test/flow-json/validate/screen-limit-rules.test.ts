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
  type JsonObject,
  type RuleCase,
} from "../../helpers/flow-documents.js";

const done = footer(complete(), "Done");
const times = (count: number, make: (position: number) => JsonObject) =>
  Array.from({ length: count }, (_, at) => make(at));
const link = () => ({
  type: "EmbeddedLink",
  text: "Terms",
  "on-click-action": { name: "open_url", url: "https://example.com" },
});
const image = () => ({ type: "Image", src: "aGk=" });
const optIn = (at: number) => ({ type: "OptIn", name: `consent${at}`, label: "I agree" });
const carousel = () => ({ type: "ImageCarousel", images: [{ src: "aGk=", "alt-text": "A picture" }] });
const photoPicker = (at: number) => ({ type: "PhotoPicker", name: `photos${at}`, label: "Photos" });
const documentPicker = (at: number) => ({ type: "DocumentPicker", name: `docs${at}`, label: "Documents" });
const when = (then: JsonObject[], otherwise: JsonObject[]) => ({
  type: "If",
  condition: "${form.consent0}",
  then,
  else: otherwise,
});
const at = (position: number) => `/screens/0/layout/children/${position}`;
const lists = (count: number) =>
  flow([
    screen(
      "A",
      times(count, (position) => ({
        type: "NavigationList",
        name: `menu${position}`,
        "list-items": [{ id: "b", "main-content": { title: "Go" }, "on-click-action": navigate("B") }],
      })),
    ),
    terminalScreen("B"),
  ]);
const carousels = (first: number, second: number) =>
  flow([
    terminalScreen("A", [
      ...times(first, carousel),
      { type: "EmbeddedLink", text: "Next", "on-click-action": navigate("B") },
    ]),
    terminalScreen("B", times(second, carousel)),
  ]);

const cases: RuleCase[] = [
  {
    name: "two Footers on a screen is MAX_FOOTER_PER_SCREEN",
    bad: flow([screen("ONLY", [done, done], { terminal: true })]),
    expected: [
      error(
        "MAX_FOOTER_PER_SCREEN",
        at(1),
        "A screen can have at most 1 Footer component; screen 'ONLY' has 2.",
      ),
    ],
    good: flow([screen("ONLY", [done], { terminal: true })]),
  },
  {
    name: "two Footers in one If branch is MAX_FOOTER_PER_SCREEN; one per branch is fine",
    bad: flow([screen("ONLY", [optIn(0), when([done, done], [done])], { terminal: true })]),
    expected: [
      error(
        "MAX_FOOTER_PER_SCREEN",
        `${at(1)}/then/1`,
        "A screen can have at most 1 Footer component; screen 'ONLY' has 2.",
      ),
    ],
    good: flow([screen("ONLY", [optIn(0), when([done], [done])], { terminal: true })]),
  },
  {
    name: "three EmbeddedLinks is MAX_EMBEDDED_LINK_PER_SCREEN",
    bad: oneScreen(times(3, link)),
    expected: [
      error(
        "MAX_EMBEDDED_LINK_PER_SCREEN",
        at(2),
        "A screen can have at most 2 EmbeddedLink components; screen 'ONLY' has 3.",
      ),
    ],
    good: oneScreen(times(2, link)),
  },
  {
    name: "four Images is MAX_IMAGE_PER_SCREEN; three in each If branch is fine",
    bad: oneScreen(times(4, image)),
    expected: [
      error(
        "MAX_IMAGE_PER_SCREEN",
        at(3),
        "A screen can have at most 3 Image components; screen 'ONLY' has 4.",
      ),
    ],
    good: oneScreen([optIn(0), when(times(3, image), times(3, image))]),
  },
  {
    name: "six OptIns is MAX_OPT_IN_PER_SCREEN",
    bad: oneScreen(times(6, optIn)),
    expected: [
      error(
        "MAX_OPT_IN_PER_SCREEN",
        at(5),
        "A screen can have at most 5 OptIn components; screen 'ONLY' has 6.",
      ),
    ],
    good: oneScreen(times(5, optIn)),
  },
  {
    name: "two PhotoPickers is MAX_PHOTO_PICKER_PER_SCREEN",
    bad: oneScreen(times(2, photoPicker)),
    expected: [
      error(
        "MAX_PHOTO_PICKER_PER_SCREEN",
        at(1),
        "A screen can have at most 1 PhotoPicker component; screen 'ONLY' has 2.",
      ),
    ],
    good: oneScreen(times(1, photoPicker)),
  },
  {
    name: "two DocumentPickers is MAX_DOCUMENT_PICKER_PER_SCREEN",
    bad: oneScreen(times(2, documentPicker)),
    expected: [
      error(
        "MAX_DOCUMENT_PICKER_PER_SCREEN",
        at(1),
        "A screen can have at most 1 DocumentPicker component; screen 'ONLY' has 2.",
      ),
    ],
    good: oneScreen(times(1, documentPicker)),
  },
  {
    name: "a PhotoPicker and a DocumentPicker together is PHOTO_AND_DOCUMENT_PICKER_ON_SCREEN",
    bad: oneScreen([photoPicker(0), documentPicker(0)]),
    expected: [
      error(
        "PHOTO_AND_DOCUMENT_PICKER_ON_SCREEN",
        at(1),
        "A PhotoPicker and a DocumentPicker cannot be on the same screen ('ONLY').",
      ),
    ],
    good: oneScreen([photoPicker(0)]),
  },
  {
    name: "three NavigationLists is MAX_NAVIGATION_LIST_PER_SCREEN",
    bad: lists(3),
    expected: [
      error(
        "MAX_NAVIGATION_LIST_PER_SCREEN",
        at(2),
        "A screen can have at most 2 NavigationList components; screen 'A' has 3.",
      ),
    ],
    good: lists(2),
  },
  {
    name: "three ImageCarousels on a screen is MAX_IMAGE_CAROUSEL_PER_SCREEN",
    bad: oneScreen(times(3, carousel)),
    expected: [
      error(
        "MAX_IMAGE_CAROUSEL_PER_SCREEN",
        at(2),
        "A screen can have at most 2 ImageCarousel components; screen 'ONLY' has 3.",
      ),
    ],
    good: oneScreen(times(2, carousel)),
  },
  {
    name: "four ImageCarousels in a flow is MAX_IMAGE_CAROUSEL_PER_FLOW",
    bad: carousels(2, 2),
    expected: [
      error(
        "MAX_IMAGE_CAROUSEL_PER_FLOW",
        "/screens/1/layout/children/1",
        "A flow can have at most 3 ImageCarousel components; this one has 4.",
      ),
    ],
    good: carousels(2, 1),
  },
];

describe("screen and flow limits", () => {
  it.each(cases)("$name", (rule) => expectRuleCase(rule));
});
