import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { transition } from "xstate";
import { compileFlow, importFlowJson, screenEdges } from "../../src/compile/index.js";
import type { FlowJson } from "../../src/flow-json/types.js";
import { doneEventType, navigateTargets, type Flow } from "../../src/machine/index.js";
import { buildFlow, flowSpecArbitrary } from "../helpers/random-flow.js";

/** The routing-model rules of the Flow JSON reference, checked on the document alone. */
type Rule =
  "keys" | "self" | "backward-or-loop" | "entry" | "connected" | "terminal" | "branches" | "navigate-routed";

function failingRules(doc: FlowJson, entry: string): Set<Rule> {
  const failing = new Set<Rule>();
  const model = doc.routing_model;
  if (model === undefined) return failing;
  const ids = doc.screens.map((screen) => screen.id);
  const listed = new Set([...Object.keys(model), ...Object.values(model).flat()]);
  if (
    Object.keys(model).some((key) => !ids.includes(key)) ||
    (ids.length > 1 && ids.some((id) => !listed.has(id)))
  ) {
    failing.add("keys");
  }
  for (const [source, targets] of Object.entries(model)) {
    if (targets.includes(source)) failing.add("self");
    if (targets.length > 10) failing.add("branches");
  }
  // A cycle: some screen reaches itself through at least one route.
  const reach = (from: string): Set<string> => {
    const seen = new Set<string>();
    const stack = [...(model[from] ?? [])];
    while (stack.length > 0) {
      const next = stack.pop() as string;
      if (seen.has(next)) continue;
      seen.add(next);
      stack.push(...(model[next] ?? []));
    }
    return seen;
  };
  if (ids.some((id) => (model[id] ?? []).some((target) => target !== id && reach(target).has(id))))
    failing.add("backward-or-loop");
  const inbound = new Set(
    Object.entries(model).flatMap(([source, targets]) => targets.filter((target) => target !== source)),
  );
  if (ids.length > 1 && ids.every((id) => inbound.has(id))) failing.add("entry");
  if (ids.length > 1 && !inbound.has(entry)) {
    const reached = new Set([entry, ...reach(entry)]);
    if (ids.some((id) => !reached.has(id))) failing.add("connected");
  }
  // Every route from a screen without inbound routes passes through a terminal screen (checked when
  // there is a terminal screen at all).
  const terminals = new Set(
    doc.screens.filter((screen) => screen.terminal === true).map((screen) => screen.id),
  );
  if (terminals.size > 0) {
    const seen = new Set<string>();
    const stack = ids.filter((id) => !inbound.has(id));
    while (stack.length > 0) {
      const id = stack.pop() as string;
      if (seen.has(id) || terminals.has(id)) continue;
      seen.add(id);
      const forward = (model[id] ?? []).filter((target) => target !== id);
      if (forward.length === 0) failing.add("terminal");
      stack.push(...forward);
    }
  }
  if (doc.data_api_version !== undefined) {
    for (const screen of doc.screens) {
      for (const target of navigateTargets(screen)) {
        if (target !== screen.id && ids.includes(target) && model[screen.id]?.includes(target) !== true)
          failing.add("navigate-routed");
      }
    }
  }
  return failing;
}

const ruleOfMessage: ReadonlyArray<readonly [RegExp, Rule]> = [
  [/missing in the routing model|Invalid screens? found/, "keys"],
  [/cannot route to itself/, "self"],
  [/Backward route|Loop detected/, "backward-or-loop"],
  [/No entry screen/, "entry"],
  [/not connected with the rest/, "connected"],
  [/end at a terminal screen/, "terminal"],
  [/exceeds the max limit of 10/, "branches"],
  [/Missing direct route/, "navigate-routed"],
];

function reportedRules(flow: Flow): Set<Rule> {
  const reported = new Set<Rule>();
  const compiled = compileFlow(flow);
  // The oracle judges routing models; a flow without an endpoint has none to judge.
  if (compiled.flowJson.routing_model === undefined) return reported;
  for (const diagnostic of compiled.diagnostics) {
    for (const [pattern, rule] of ruleOfMessage) if (pattern.test(diagnostic.message)) reported.add(rule);
  }
  return reported;
}

/** True when the machine, put on `source`, goes to `target` by a navigate or a data_exchange reply. */
function machineTakes(flow: Flow, source: string, target: string): boolean {
  const at = flow.machine.resolveState({ value: { [source]: "idle" }, context: { history: [], values: {} } });
  const [navigated] = transition(flow.machine, at, { type: "navigate", next: target });
  if (JSON.stringify(navigated.value) === JSON.stringify({ [target]: "idle" })) return true;
  const [waiting] = transition(flow.machine, at, { type: "data_exchange", data: {}, flowToken: "" });
  const output = { kind: "screen", screen: target, data: {}, partial: false };
  const [answered] = transition(flow.machine, waiting, {
    type: doneEventType(source, "data_exchange"),
    output,
  });
  return JSON.stringify(answered.value) === JSON.stringify({ [target]: "idle" });
}

describe("derived routing models (property)", () => {
  it("obey every routing rule, or compile reports exactly the rules that fail", () => {
    fc.assert(
      fc.property(flowSpecArbitrary(12), (spec) => {
        const flow = buildFlow(spec);
        const doc = compileFlow(flow).flowJson;
        const failing = failingRules(doc, flow.entry);
        for (const rule of ["keys", "self", "backward-or-loop", "entry"] as const)
          expect(failing.has(rule), rule).toBe(false);
        expect(reportedRules(flow)).toEqual(failing);
      }),
      { numRuns: 300 },
    );
  });

  it("never list a route the machine cannot take", () => {
    fc.assert(
      fc.property(flowSpecArbitrary(10), (spec) => {
        const flow = buildFlow(spec);
        for (const [source, targets] of Object.entries(compileFlow(flow).flowJson.routing_model ?? {})) {
          for (const target of targets)
            expect(machineTakes(flow, source, target), `${source} -> ${target}`).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("survive import and compile again", () => {
    fc.assert(
      fc.property(flowSpecArbitrary(10), (spec) => {
        const flow = buildFlow(spec);
        const first = compileFlow(flow);
        const imported = importFlowJson(first.flowJson, { id: flow.id });
        const second = compileFlow(imported);
        expect(second.flowJson).toEqual(first.flowJson);
        const navigate = (f: Flow) =>
          screenEdges(f)
            .filter((edge) => edge.kind === "navigate" && edge.source !== edge.target)
            .map((edge) => `${edge.source}>${edge.target}`);
        expect(navigate(imported)).toEqual(navigate(flow));
        const errors = (diagnostics: typeof first.diagnostics) =>
          diagnostics.filter(
            (diagnostic) => diagnostic.severity === "error" && diagnostic.code !== "ROUTING_MODEL_MISMATCH",
          );
        expect(errors(second.diagnostics).map((diagnostic) => diagnostic.message)).toEqual(
          errors(first.diagnostics).map((diagnostic) => diagnostic.message),
        );
      }),
      { numRuns: 200 },
    );
  });
});
