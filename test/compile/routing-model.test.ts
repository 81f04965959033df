import { describe, expect, it } from "vitest";
import { compileFlow, deriveMachineRoutingModel, screenEdges } from "../../src/compile/index.js";
import type { Screen } from "../../src/flow-json/types.js";
import { defineFlow, type HandlerArgs, type ScreensRecord } from "../../src/machine/index.js";

type Edges = Record<string, { navigate?: string[]; exchange?: string[]; terminal?: boolean }>;

/** A flow from an edge list: navigate edges as links, exchange edges as handler targets. */
function flowOf(edges: Edges, options: { routingModel?: Record<string, string[]>; initial?: string } = {}) {
  const screens: Record<string, Screen> = {};
  const states: Record<string, unknown> = {};
  for (const [id, { navigate = [], exchange, terminal }] of Object.entries(edges)) {
    screens[id] = {
      id,
      ...(terminal === true ? { terminal: true } : {}),
      layout: {
        type: "SingleColumnLayout",
        children: [
          ...navigate.map((name) => ({
            type: "EmbeddedLink" as const,
            text: name,
            "on-click-action": {
              name: "navigate" as const,
              next: { type: "screen" as const, name },
              payload: {},
            },
          })),
          ...(exchange === undefined
            ? []
            : [
                {
                  type: "Footer" as const,
                  label: "Go",
                  "on-click-action": { name: "data_exchange" as const, payload: {} },
                },
              ]),
        ],
      },
    };
    if (exchange !== undefined) {
      states[id] = {
        data_exchange: {
          targets: exchange,
          run: ({ reply }: HandlerArgs<ScreensRecord, object, string>) => reply.refresh(),
        },
      };
    }
  }
  return defineFlow({
    id: "routes",
    version: "7.3",
    screens,
    ...(options.routingModel === undefined ? {} : { routingModel: options.routingModel }),
  }).createFlow({ states, ...(options.initial === undefined ? {} : { initial: options.initial }) } as never);
}

describe("deriveMachineRoutingModel", () => {
  it("keeps forward edges and leaves out returns to a screen on the way and self-refreshes", () => {
    const flow = flowOf({
      A: { navigate: ["B"], exchange: ["A", "C"] },
      B: { exchange: ["A", "C"] },
      C: { exchange: ["B", "D"] },
      D: { terminal: true },
    });
    expect(deriveMachineRoutingModel(flow, screenEdges(flow))).toEqual({
      A: ["B", "C"],
      B: ["C"],
      C: ["D"],
      D: [],
    });
  });

  it("keeps cross edges to screens already finished, which cannot close a loop", () => {
    const flow = flowOf({
      A: { navigate: ["B", "C"] },
      B: { navigate: ["D"] },
      C: { navigate: ["D"] },
      D: { terminal: true },
    });
    expect(compileFlow(flow).flowJson.routing_model).toBeUndefined();
    expect(deriveMachineRoutingModel(flow, screenEdges(flow))).toEqual({
      A: ["B", "C"],
      B: ["D"],
      C: ["D"],
      D: [],
    });
  });

  it("searches from the entry screen first", () => {
    const flow = flowOf({ A: { exchange: ["B"] }, B: { exchange: ["A"], terminal: true } }, { initial: "B" });
    expect(deriveMachineRoutingModel(flow, screenEdges(flow))).toEqual({ A: [], B: ["A"] });
  });
});

describe("compileFlow diagnostics", () => {
  it("reports a navigate loop with Meta's code, pointing at the machine state", () => {
    const flow = flowOf({ A: { navigate: ["B"], exchange: [] }, B: { navigate: ["A"], terminal: true } });
    const { diagnostics } = compileFlow(flow);
    expect(diagnostics).toContainEqual({
      code: "INVALID_ROUTING_MODEL",
      severity: "error",
      pointer: "/screens/1/layout/children/0/on-click-action",
      message:
        "Missing direct route from screen 'B' to screen 'A' in the routing model, while it exists in the navigate screen action of screen 'B'.",
      state: "B",
    });
    expect(() => compileFlow(flow).toFlowJson()).toThrow(expect.objectContaining({ _tag: "FlowInvalid" }));
  });

  it("reports screens the entry cannot reach", () => {
    const flow = flowOf({ A: { exchange: [], terminal: true }, B: { exchange: ["A"] } });
    expect(compileFlow(flow).diagnostics).toContainEqual(
      expect.objectContaining({
        code: "INVALID_ROUTING_MODEL",
        message: expect.stringContaining("not connected with the rest of the screens: B") as unknown,
      }),
    );
  });

  it("reports more than ten branches for a screen", () => {
    const targets = ["B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L"];
    const edges: Edges = { A: { exchange: targets } };
    for (const id of targets) edges[id] = { terminal: true };
    expect(compileFlow(flowOf(edges)).diagnostics).toContainEqual(
      expect.objectContaining({
        pointer: "/routing_model/A",
        state: "A",
        message: expect.stringContaining("max limit of 10") as unknown,
      }),
    );
  });

  it("checks a pinned routing model against the machine", () => {
    const flow = flowOf(
      { A: { navigate: ["B"], exchange: ["C"] }, B: { terminal: true }, C: { terminal: true } },
      { routingModel: { A: ["B", "D"], B: [], C: [] } },
    );
    const mismatches = compileFlow(flow).diagnostics.filter(
      (diagnostic) => diagnostic.code === "ROUTING_MODEL_MISMATCH",
    );
    expect(mismatches.map((diagnostic) => [diagnostic.pointer, diagnostic.state])).toEqual([
      ["/routing_model/A", "A"],
    ]);
    expect(mismatches[0]?.message).toContain("A can go to C");
  });

  it("warns about handlers nothing calls and data_exchange actions nothing answers", () => {
    const flow = defineFlow({
      id: "w",
      version: "7.3",
      screens: {
        A: {
          id: "A",
          terminal: true,
          layout: {
            type: "SingleColumnLayout",
            children: [
              { type: "Footer", label: "Go", "on-click-action": { name: "data_exchange", payload: {} } },
            ],
          },
        },
        B: { id: "B", layout: { type: "SingleColumnLayout", children: [] } },
      },
    }).createFlow({ states: { B: { data_exchange: { run: ({ reply }) => reply.refresh() } } } });
    const codes = compileFlow(flow).diagnostics.filter((diagnostic) => diagnostic.severity === "warning");
    expect(codes.map((diagnostic) => [diagnostic.code, diagnostic.state])).toEqual([
      ["MISSING_DATA_EXCHANGE_HANDLER", "A"],
      ["UNUSED_DATA_EXCHANGE_HANDLER", "B"],
    ]);
  });
});
