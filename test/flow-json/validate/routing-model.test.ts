import { describe, expect, it } from "vitest";
import {
  deriveRoutingModel,
  findBackwardRoutes,
  findCycles,
  findEntryScreens,
  findReachableScreens,
  findUnterminatedRoutes,
  toScreenGraph,
} from "../../../src/flow-json/validate/routing-model.js";
import { readSharedJson } from "../../helpers/shared-path.js";
import { flow, footer, navigate, screen, terminalScreen } from "../../helpers/flow-documents.js";

describe("toScreenGraph", () => {
  it("adds screens that only appear as targets and drops duplicate targets", () => {
    const graph = toScreenGraph({ A: ["B", "B", "C"] });
    expect([...graph.entries()]).toEqual([
      ["A", ["B", "C"]],
      ["B", []],
      ["C", []],
    ]);
  });

  it("accepts a Map", () => {
    expect(toScreenGraph(new Map([["A", ["B"]]])).get("B")).toEqual([]);
  });
});

describe("findEntryScreens", () => {
  it("lists the screens without inbound routes in key order", () => {
    expect(findEntryScreens({ A: ["C"], B: ["C"], C: [] })).toEqual(["A", "B"]);
  });

  it("finds none when every screen is a target", () => {
    expect(findEntryScreens({ A: ["B"], B: ["A"] })).toEqual([]);
  });

  it("does not count a self-route as inbound", () => {
    expect(findEntryScreens({ A: ["A", "B"], B: [] })).toEqual(["A"]);
  });
});

describe("findReachableScreens", () => {
  it("follows routes from the starting screens", () => {
    expect([...findReachableScreens({ A: ["B"], B: ["C"], D: ["A"] }, ["A"])].sort()).toEqual([
      "A",
      "B",
      "C",
    ]);
  });

  it("ignores starting screens that are not in the graph", () => {
    expect(findReachableScreens({ A: [] }, ["Z"]).size).toBe(0);
  });
});

describe("findBackwardRoutes", () => {
  it("reports the second route of a pair as the backward one", () => {
    expect(findBackwardRoutes({ A: ["B"], B: ["A", "C"], C: [] })).toEqual([
      { forward: { from: "A", to: "B" }, backward: { from: "B", to: "A" } },
    ]);
  });

  it("finds nothing in a forward-only graph", () => {
    expect(findBackwardRoutes({ A: ["B", "C"], B: ["C"], C: [] })).toEqual([]);
  });
});

describe("findCycles", () => {
  it("finds each loop once, its screens in key order", () => {
    expect(findCycles({ A: ["B"], B: ["C"], C: ["A", "D"], D: ["E"], E: ["D"] })).toEqual([
      ["D", "E"],
      ["A", "B", "C"],
    ]);
  });

  it("does not report self-routes or acyclic graphs", () => {
    expect(findCycles({ A: ["A", "B"], B: ["C"], C: [] })).toEqual([]);
  });

  it("handles a long chain without recursion", () => {
    const size = 50_000;
    const model: Record<string, string[]> = {};
    for (let at = 0; at < size; at += 1) model[`S${at}`] = [`S${(at + 1) % size}`];
    const cycles = findCycles(model);
    expect(cycles).toHaveLength(1);
    expect(cycles[0]).toHaveLength(size);
  });
});

describe("findUnterminatedRoutes", () => {
  it("returns each dead end reached without passing a terminal screen", () => {
    const model = { A: ["B", "C"], B: ["D"], C: [], D: [] };
    expect(findUnterminatedRoutes(model, ["A"], new Set(["D"]))).toEqual([["A", "C"]]);
  });

  it("accepts routes that pass a terminal screen before their dead end", () => {
    const model = { SIGN_IN: ["SIGN_UP"], SIGN_UP: ["TERMS"], TERMS: [] };
    expect(findUnterminatedRoutes(model, ["SIGN_IN"], new Set(["SIGN_IN"]))).toEqual([]);
  });
});

describe("deriveRoutingModel", () => {
  it("maps every screen to the distinct screens it navigates to", () => {
    const document = flow([
      screen("A", [
        { type: "EmbeddedLink", text: "Help", "on-click-action": navigate("C") },
        footer(navigate("B")),
      ]),
      screen("B", [footer(navigate("C"))]),
      terminalScreen("C", [{ type: "EmbeddedLink", text: "Again", "on-click-action": navigate("C") }]),
    ]);
    expect(deriveRoutingModel(document)).toEqual({ A: ["C", "B"], B: ["C"], C: [] });
  });

  it("leaves out screens that do not exist", () => {
    const model = deriveRoutingModel(readSharedJson("corpus/pywa-flows/pywa.v6_2.navigation-list.flow.json"));
    expect(model["FIRST_SCREEN"]).toEqual(["SECOND_SCREEN", "FIFTH_SCREEN"]);
    expect(Object.keys(model)).toEqual([
      "FIRST_SCREEN",
      "SECOND_SCREEN",
      "THIRD_SCREEN",
      "FIFTH_SCREEN",
      "CONTACT",
    ]);
  });

  it("gives an empty model for a value that is not a flow", () => {
    expect(deriveRoutingModel("not a flow")).toEqual({});
    expect(deriveRoutingModel({ screens: [{ id: 3 }, null] })).toEqual({});
  });
});
