import { describe, it } from "vitest";
import {
  error,
  expectRuleCase,
  flow,
  footer,
  navigate,
  screen,
  terminalScreen,
  warning,
  type JsonObject,
  type RuleCase,
} from "../../helpers/flow-documents.js";

/** A non-terminal screen that asks the endpoint for the next screen. */
const exchange = (id: string, children: JsonObject[] = []) =>
  screen(id, [...children, footer({ name: "data_exchange", payload: {} })]);

/** A flow with an endpoint and the given routing model. */
const endpointFlow = (screens: JsonObject[], routing: JsonObject) =>
  flow(screens, { data_api_version: "3.0", routing_model: routing });

const link = (target: string) => ({
  type: "EmbeddedLink",
  text: "More",
  "on-click-action": navigate(target),
});

const targets = (count: number) =>
  Array.from({ length: count }, (_, position) => `T_${String.fromCharCode(65 + position)}`);

const branching = (count: number) =>
  endpointFlow([exchange("A"), ...targets(count).map((id) => terminalScreen(id))], {
    A: targets(count),
    ...Object.fromEntries(targets(count).map((id) => [id, []])),
  });

const navigationList = (count: number) =>
  flow(
    [
      screen("A", [
        {
          type: "NavigationList",
          name: "menu",
          "list-items": targets(count).map((id) => ({
            id,
            "main-content": { title: id },
            "on-click-action": navigate(id),
          })),
        },
      ]),
      ...targets(count).map((id) => terminalScreen(id)),
    ],
    { version: "6.2" },
  );

const cases: RuleCase[] = [
  {
    name: "a screen absent from the routing model is reported missing",
    bad: endpointFlow([exchange("A"), terminalScreen("B"), terminalScreen("C")], { A: ["B"] }),
    expected: [
      error(
        "INVALID_ROUTING_MODEL",
        "/routing_model",
        "Following screens are missing in the routing model: C.",
      ),
    ],
    good: endpointFlow([exchange("A"), terminalScreen("B"), terminalScreen("C")], { A: ["B", "C"] }),
  },
  {
    name: "a key that is no screen is reported invalid",
    bad: endpointFlow([exchange("A"), terminalScreen("B")], { A: ["B"], B: [], X: [] }),
    expected: [
      error("INVALID_ROUTING_MODEL", "/routing_model/X", "Invalid screens found in the routing model: X."),
    ],
    good: endpointFlow([exchange("A"), terminalScreen("B")], { A: ["B"], B: [] }),
  },
  {
    name: "a target that is no screen is reported invalid",
    bad: endpointFlow([exchange("A"), terminalScreen("B")], { A: ["B", "X"] }),
    expected: [
      error("INVALID_ROUTING_MODEL", "/routing_model/A/1", "Invalid screens found in the routing model: X."),
    ],
    good: endpointFlow([exchange("A"), terminalScreen("B")], { A: ["B"] }),
  },
  {
    name: "a self-route is reported",
    bad: endpointFlow([exchange("A"), terminalScreen("B")], { A: ["A", "B"], B: [] }),
    expected: [
      error(
        "INVALID_ROUTING_MODEL",
        "/routing_model/A/0",
        "Screen 'A' cannot route to itself in the routing model. To refresh it, return the same screen from the endpoint.",
      ),
    ],
    good: endpointFlow([exchange("A"), terminalScreen("B")], { A: ["B"], B: [] }),
  },
  {
    name: "a backward route is reported",
    bad: endpointFlow([exchange("A"), terminalScreen("B")], { A: ["B"], B: ["A"] }),
    expected: [
      error(
        "INVALID_ROUTING_MODEL",
        "/routing_model/B/0",
        "Backward route [B -> A] corresponding to forward route [A -> B] is not allowed in the routing model. Only forward routes can be specified.",
      ),
    ],
    good: endpointFlow([exchange("A"), terminalScreen("B")], { A: ["B"], B: [] }),
  },
  {
    name: "a loop is reported",
    bad: endpointFlow([exchange("A"), exchange("B"), exchange("C"), terminalScreen("D")], {
      A: ["B"],
      B: ["C"],
      C: ["D"],
      D: ["B"],
    }),
    expected: [
      error(
        "INVALID_ROUTING_MODEL",
        "/routing_model/B/0",
        "Loop detected in the routing model for screens: B, C, D.",
      ),
    ],
    good: endpointFlow([exchange("A"), exchange("B"), exchange("C"), terminalScreen("D")], {
      A: ["B"],
      B: ["C"],
      C: ["D"],
      D: [],
    }),
  },
  {
    name: "a model where every screen has an inbound route has no entry screen",
    bad: endpointFlow([exchange("A"), exchange("B"), terminalScreen("C")], { A: ["B"], B: ["C"], C: ["A"] }),
    expected: [
      error(
        "INVALID_ROUTING_MODEL",
        "/routing_model/A/0",
        "Loop detected in the routing model for screens: A, B, C.",
      ),
      error(
        "INVALID_ROUTING_MODEL",
        "/routing_model",
        "No entry screen found in the routing model. Expected a screen with no inbound edges as the entry screen.",
      ),
    ],
    good: endpointFlow([exchange("A"), exchange("B"), terminalScreen("C")], { A: ["B"], B: ["C"], C: [] }),
  },
  {
    name: "screens not connected to the entry's group are reported",
    bad: endpointFlow([exchange("A"), terminalScreen("B"), exchange("C"), terminalScreen("D")], {
      A: ["B"],
      B: [],
      C: ["D"],
      D: [],
    }),
    expected: [
      error(
        "INVALID_ROUTING_MODEL",
        "/routing_model/C",
        "Following screens are not connected with the rest of the screens: C, D.",
      ),
    ],
    good: endpointFlow([exchange("A"), terminalScreen("B"), exchange("C"), terminalScreen("D")], {
      A: ["B", "C"],
      B: [],
      C: ["D"],
      D: [],
    }),
  },
  {
    name: "a second screen without inbound route is a warning",
    bad: endpointFlow([exchange("A"), exchange("B"), terminalScreen("C")], { A: ["C"], B: ["C"], C: [] }),
    expected: [
      warning(
        "INVALID_ROUTING_MODEL",
        "/routing_model/B",
        "Invalid screen found in the routing model: B. It is not the destination of any route, so only one of 'A' and 'B' can be the entry screen.",
      ),
    ],
    good: endpointFlow([exchange("A"), exchange("B"), terminalScreen("C")], { A: ["B"], B: ["C"], C: [] }),
  },
  {
    name: "screens only reachable through a loop without entry are unreachable",
    bad: endpointFlow([exchange("A"), terminalScreen("B"), exchange("C"), exchange("D"), exchange("E")], {
      A: ["B"],
      B: [],
      C: ["D"],
      D: ["E"],
      E: ["C", "B"],
    }),
    expected: [
      error(
        "INVALID_ROUTING_MODEL",
        "/routing_model/C/0",
        "Loop detected in the routing model for screens: C, D, E.",
      ),
      error(
        "INVALID_ROUTING_MODEL",
        "/routing_model/C",
        "Screen 'C' cannot be reached from the entry screen.",
      ),
      error(
        "INVALID_ROUTING_MODEL",
        "/routing_model/D",
        "Screen 'D' cannot be reached from the entry screen.",
      ),
      error(
        "INVALID_ROUTING_MODEL",
        "/routing_model/E",
        "Screen 'E' cannot be reached from the entry screen.",
      ),
    ],
    good: endpointFlow([exchange("A"), terminalScreen("B"), exchange("C"), exchange("D"), exchange("E")], {
      A: ["C"],
      B: [],
      C: ["D"],
      D: ["E"],
      E: ["B"],
    }),
  },
  {
    name: "a route ending at a non-terminal screen is reported",
    bad: endpointFlow([exchange("A"), terminalScreen("B"), exchange("C")], { A: ["B", "C"], B: [], C: [] }),
    expected: [
      error(
        "INVALID_ROUTING_MODEL",
        "/routing_model/C",
        "Route A -> C does not end at a terminal screen. All routes must end at a terminal screen.",
      ),
    ],
    good: endpointFlow([exchange("A"), terminalScreen("B"), exchange("C")], {
      A: ["B", "C"],
      B: [],
      C: ["B"],
    }),
  },
  {
    name: "more than 10 branches from a screen are reported",
    bad: branching(11),
    expected: [
      error(
        "INVALID_ROUTING_MODEL",
        "/routing_model/A",
        "Number of branches exceeds the max limit of 10 for screen: A.",
      ),
    ],
    good: branching(10),
  },
  {
    name: "with an endpoint, a navigate route missing from the model is an error",
    bad: endpointFlow([screen("A", [footer(navigate("B"))]), exchange("C"), terminalScreen("B")], {
      A: ["C"],
      C: ["B"],
      B: [],
    }),
    expected: [
      error(
        "INVALID_ROUTING_MODEL",
        "/screens/0/layout/children/0/on-click-action",
        "Missing direct route from screen 'A' to screen 'B' in the routing model, while it exists in the navigate screen action of screen 'A'.",
      ),
    ],
    good: endpointFlow([screen("A", [footer(navigate("B"))]), exchange("C"), terminalScreen("B")], {
      A: ["B", "C"],
      C: ["B"],
      B: [],
    }),
  },
  {
    name: "without an endpoint, a navigate route missing from a given model is a warning",
    bad: flow(
      [screen("A", [footer(navigate("B"))]), screen("C", [footer(navigate("B"))]), terminalScreen("B")],
      {
        routing_model: { A: ["C"], C: ["B"], B: [] },
      },
    ),
    expected: [
      warning(
        "INVALID_ROUTING_MODEL",
        "/screens/0/layout/children/0/on-click-action",
        "Missing direct route from screen 'A' to screen 'B' in the routing model, while it exists in the navigate screen action of screen 'A'.",
      ),
    ],
    good: flow(
      [screen("A", [footer(navigate("B"))]), screen("C", [footer(navigate("B"))]), terminalScreen("B")],
      {
        routing_model: { A: ["B", "C"], C: ["B"], B: [] },
      },
    ),
  },
  {
    name: "without a model, a screen no navigate connects is reported",
    bad: flow([terminalScreen("A"), terminalScreen("B")]),
    expected: [
      error(
        "INVALID_ROUTING_MODEL",
        "/screens/1",
        "Following screens are not connected to any of the screens: B. A connection is formed by the navigate screen action.",
      ),
    ],
    good: flow([terminalScreen("A", [link("B")]), terminalScreen("B")]),
  },
  {
    name: "without a model, navigating back to the previous screen is a backward route",
    bad: flow([screen("A", [footer(navigate("B"))]), terminalScreen("B", [link("A")])]),
    expected: [
      error(
        "INVALID_ROUTING_MODEL",
        "/screens/1/layout/children/0/on-click-action",
        "Backward route [B -> A] corresponding to forward route [A -> B] is not allowed in the routing model. Only forward routes can be specified.",
      ),
    ],
    good: flow([screen("A", [footer(navigate("B"))]), terminalScreen("B")]),
  },
  {
    name: "without a model, more than 10 navigate targets from a screen are reported",
    bad: navigationList(11),
    expected: [
      error(
        "INVALID_ROUTING_MODEL",
        "/screens/0",
        "Number of branches exceeds the max limit of 10 for screen: A. Reduce navigate actions for the screen.",
      ),
    ],
    good: navigationList(10),
  },
];

describe("routing model rules", () => {
  it.each(cases)("$name", (rule) => expectRuleCase(rule));
});
