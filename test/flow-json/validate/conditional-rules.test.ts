import { describe, it } from "vitest";
import {
  complete,
  error,
  expectRuleCase,
  flow,
  footer,
  screen,
  terminalScreen,
  type JsonObject,
  type RuleCase,
} from "../../helpers/flow-documents.js";

const DATA: JsonObject = {
  flag: { type: "boolean", __example__: true },
  choice: { type: "string", __example__: "a" },
};
const body = (text: string) => ({ type: "TextBody", text });
const done = footer(complete(), "Done");
const when = (then: JsonObject[], otherwise?: JsonObject[]): JsonObject => ({
  type: "If",
  condition: "${data.flag}",
  then,
  ...(otherwise === undefined ? {} : { else: otherwise }),
});
const switchOn = (cases: JsonObject): JsonObject => ({ type: "Switch", value: "${data.choice}", cases });

/** A one-screen flow with DATA whose terminal screen holds `children` and a completing Footer. */
const withFooter = (children: JsonObject[], version = "7.3") =>
  flow([terminalScreen("ONLY", children, { data: DATA })], { version });
/** A one-screen flow with DATA whose terminal screen holds exactly `children` (Footers in branches). */
const exactly = (children: JsonObject[]) => flow([screen("ONLY", children, { terminal: true, data: DATA })]);
const FIRST = "/screens/0/layout/children/0";
const chips: JsonObject = {
  type: "ChipsSelector",
  name: "topics",
  label: "Topics",
  "data-source": [
    { id: "a", title: "A" },
    { id: "b", title: "B" },
  ],
};
const carousel: JsonObject = {
  type: "ImageCarousel",
  images: [{ src: "aGVsbG8=", "alt-text": "A picture" }],
};

const cases: RuleCase[] = [
  {
    name: "a component Meta does not list for If branches is INVALID_ENUM_VALUE",
    bad: withFooter([when([carousel])]),
    expected: [
      error(
        "INVALID_ENUM_VALUE",
        `${FIRST}/then/0/type`,
        "Component 'ImageCarousel' is not allowed inside If.",
      ),
    ],
    good: withFooter([when([body("Shown")]), carousel]),
  },
  {
    name: "ChipsSelector inside If before 7.1 is INVALID_ENUM_VALUE",
    bad: withFooter([when([chips])], "6.3"),
    expected: [
      error(
        "INVALID_ENUM_VALUE",
        `${FIRST}/then/0/type`,
        "Component 'ChipsSelector' is allowed inside If only from Flow JSON version 7.1; this flow uses 6.3.",
      ),
    ],
    good: withFooter([when([chips])], "7.1"),
  },
  {
    name: "an If inside a Switch is INVALID_ENUM_VALUE",
    bad: withFooter([switchOn({ a: [when([body("x")])] })]),
    expected: [
      error("INVALID_ENUM_VALUE", `${FIRST}/cases/a/0/type`, "Component 'If' is not allowed inside Switch."),
    ],
    good: withFooter([when([switchOn({ a: [body("x")] })])]),
  },
  {
    name: "a fourth level of If is INVALID_ENUM_VALUE",
    bad: withFooter([when([when([when([when([body("deep")])])])])]),
    expected: [
      error(
        "INVALID_ENUM_VALUE",
        `${FIRST}/then/0/then/0/then/0/type`,
        "If components can be nested at most 3 levels deep.",
      ),
    ],
    good: withFooter([when([when([when([body("deep")])])])]),
  },
  {
    name: "a condition of literals only is INVALID_PROPERTY_VALUE",
    bad: withFooter([{ ...when([body("x")]), condition: "true" }]),
    expected: [
      error(
        "INVALID_PROPERTY_VALUE",
        `${FIRST}/condition`,
        "Invalid If condition: The condition needs at least one dynamic operand (${data.x}, ${form.x} or a global reference); a condition of literals only is always the same.",
      ),
    ],
    good: withFooter([when([body("x")])]),
  },
  {
    name: "an empty 'then' is MIN_ITEMS_REQUIRED",
    bad: withFooter([when([], [body("x")])]),
    expected: [
      error(
        "MIN_ITEMS_REQUIRED",
        `${FIRST}/then`,
        "Property 'then' of If must have at least 1 item(s) (it has 0).",
      ),
    ],
    good: withFooter([when([body("x")], [body("y")])]),
  },
  {
    name: "a Footer in 'then' without one in 'else' is MISSING_FOOTER_IN_IF_ELSE_BRANCHES",
    bad: exactly([when([done])]),
    expected: [
      error(
        "MISSING_FOOTER_IN_IF_ELSE_BRANCHES",
        FIRST,
        "If has a Footer in 'then' but not in 'else' ('else' is missing). When one branch has a Footer, both 'then' and 'else' must have one.",
      ),
    ],
    good: exactly([when([done], [done])]),
  },
  {
    name: "a Footer below the first branch level is INVALID_ENUM_VALUE",
    bad: exactly([when([when([done], [done])], [body("no")])]),
    expected: [
      error(
        "INVALID_ENUM_VALUE",
        `${FIRST}/then/0/then/0/type`,
        "A Footer can only be used at the first nesting level of If or Switch.",
      ),
      error(
        "INVALID_ENUM_VALUE",
        `${FIRST}/then/0/else/0/type`,
        "A Footer can only be used at the first nesting level of If or Switch.",
      ),
    ],
    good: exactly([when([when([body("a")], [body("b")]), done], [done])]),
  },
  {
    name: "a Footer both inside and outside branches is MORE_THAN_ONE_FOOTER",
    bad: exactly([when([done], [done]), done]),
    expected: [
      error(
        "MORE_THAN_ONE_FOOTER",
        "/screens/0/layout/children/1",
        "A screen with a Footer inside If or Switch branches cannot have another Footer outside them.",
      ),
    ],
    good: exactly([when([done], [done])]),
  },
  {
    name: "a Footer in some Switch cases only is MISSING_FOOTER_IN_SWITCH_BRANCHES",
    bad: exactly([switchOn({ a: [done], b: [body("b")], c: [body("c")] })]),
    expected: [
      error(
        "MISSING_FOOTER_IN_SWITCH_BRANCHES",
        FIRST,
        "Switch cases 'b', 'c' have no Footer. When one case has a Footer, all cases must have one.",
      ),
    ],
    good: exactly([switchOn({ a: [done], b: [done], c: [done] })]),
  },
  {
    name: "a Switch without cases is MIN_ITEMS_REQUIRED",
    bad: withFooter([switchOn({})]),
    expected: [error("MIN_ITEMS_REQUIRED", `${FIRST}/cases`, "Switch 'cases' must have at least one case.")],
    good: withFooter([switchOn({ default: [body("x")] })]),
  },
  {
    name: "a static Switch value is INVALID_PROPERTY_VALUE",
    bad: withFooter([{ ...switchOn({ a: [body("x")] }), value: "a" }]),
    expected: [
      error(
        "INVALID_PROPERTY_VALUE",
        `${FIRST}/value`,
        "Property 'value' of Switch must be a dynamic reference such as ${data.x}.",
      ),
    ],
    good: withFooter([switchOn({ a: [body("x")] })]),
  },
];

describe("If and Switch rules", () => {
  it.each(cases)("$name", (rule) => expectRuleCase(rule));
});
