/**
 * Routing-model rules (§4), on the given `routing_model` or, without one (and without an endpoint),
 * on the model derived from `navigate` actions: every screen present and every listed screen real,
 * no self-route, no backward route, no loop, an entry screen, everything connected and reachable,
 * every route ending at a terminal screen, at most 10 branches per screen, and every `navigate` of
 * the layout present in the model.
 *
 * Choices where Meta's documentation is silent (each documented where it is made):
 * - a screen missing from the model counts as "missing" only when it appears nowhere in it (neither as
 *   a key nor as a target) and the flow has more than one screen: Meta's own one-screen samples carry
 *   `"routing_model": {}`;
 * - "all routes must end at a terminal screen" means every route from the entry passes through a
 *   terminal screen: Meta's sign-in template routes from its terminal entry to a non-terminal
 *   terms screen with no forward route;
 * - several screens without an inbound route is a warning (the endpoint's INIT answer, or the message
 *   sender, may choose the first screen); screens not connected to the rest are an error.
 *
 * @example
 * // "routing_model": { "A": ["B"], "B": ["A"] }
 * // INVALID_ROUTING_MODEL at /routing_model/B/0: "Backward route [B -> A] corresponding to forward route [A -> B] is not allowed in the routing model. Only forward routes can be specified."
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/flowjson#routing-model
 */
import type { DiagnosticCollector } from "./diagnostic-collector.js";
import { isRecord, type FlowIndex, type JsonRecord } from "./flow-index.js";
import { appendPointer } from "./json-pointer.js";
import { describeType } from "./scalar-checks.js";
import {
  collectNavigateRoutes,
  findBackwardRoutes,
  findCycles,
  findEntryScreens,
  findReachableScreens,
  findUnterminatedRoutes,
  type NavigateRoute,
} from "./routing-model.js";
import type { ValidationRule } from "./validation-rule.js";

/** Meta's limit on forward routes from one screen. */
export const MAX_BRANCHES_PER_SCREEN = 10;

interface Analysis {
  readonly explicit: boolean;
  /** Screen id -> forward routes, keys in screen order. Mutated as bad routes are set aside. */
  readonly graph: Map<string, string[]>;
  readonly edgePointers: Map<string, string>;
  /** Screens already reported, so later rules do not report them again. */
  readonly reported: Set<string>;
  readonly index: FlowIndex;
  readonly out: DiagnosticCollector;
}

/** Reports every routing-model problem of the document. */
export const checkRoutingModel: ValidationRule = (index, out) => {
  const document = index.document;
  if (document === undefined) return;
  const navigate = collectNavigateRoutes(index.screens);
  const analysis: Analysis = {
    explicit: Object.hasOwn(document, "routing_model"),
    graph: new Map([...index.screenById.keys()].map((id) => [id, []])),
    edgePointers: new Map(),
    reported: new Set(),
    index,
    out,
  };
  if (analysis.explicit) {
    const raw = document["routing_model"];
    if (!isRecord(raw)) {
      out.error(
        "INVALID_PROPERTY_TYPE",
        "/routing_model",
        `Property 'routing_model' must be an object, not ${describeType(raw)}.`,
      );
      return;
    }
    readExplicitModel(raw, analysis);
    checkNavigateRoutesListed(navigate, analysis);
  } else {
    // With an endpoint the missing routing_model is the error (document rules); its routes are unknown.
    if (index.hasEndpoint) return;
    for (const route of navigate) {
      const targets = analysis.graph.get(route.from);
      if (targets === undefined || route.to === route.from || !analysis.graph.has(route.to)) continue;
      if (!targets.includes(route.to)) targets.push(route.to);
      if (!analysis.edgePointers.has(edgeKey(route.from, route.to)))
        analysis.edgePointers.set(edgeKey(route.from, route.to), route.pointer);
    }
  }
  analyse(analysis);
};

function edgeKey(from: string, to: string): string {
  return JSON.stringify([from, to]);
}

function readExplicitModel(raw: JsonRecord, analysis: Analysis): void {
  const { graph, out, index } = analysis;
  const mentioned = new Set<string>();
  for (const [from, targets] of Object.entries(raw)) {
    const keyPointer = appendPointer("/routing_model", from);
    const known = graph.has(from);
    if (known) mentioned.add(from);
    else
      out.error("INVALID_ROUTING_MODEL", keyPointer, `Invalid screens found in the routing model: ${from}.`);
    if (!Array.isArray(targets)) {
      out.error(
        "INVALID_PROPERTY_TYPE",
        keyPointer,
        `Routes of screen '${from}' must be an array of screen ids, not ${describeType(targets)}.`,
      );
      continue;
    }
    targets.forEach((to: unknown, position) => {
      const pointer = appendPointer(keyPointer, position);
      if (typeof to !== "string") {
        out.error(
          "INVALID_PROPERTY_TYPE",
          pointer,
          `A route target must be a screen id string, not ${describeType(to)}.`,
        );
      } else if (!graph.has(to)) {
        out.error("INVALID_ROUTING_MODEL", pointer, `Invalid screens found in the routing model: ${to}.`);
      } else if (to === from) {
        mentioned.add(to);
        out.error(
          "INVALID_ROUTING_MODEL",
          pointer,
          `Screen '${from}' cannot route to itself in the routing model. To refresh it, return the same screen from the endpoint.`,
        );
      } else if (known) {
        mentioned.add(to);
        const list = graph.get(from) as string[];
        if (!list.includes(to)) list.push(to);
        if (!analysis.edgePointers.has(edgeKey(from, to)))
          analysis.edgePointers.set(edgeKey(from, to), pointer);
      }
    });
  }
  const missing = [...graph.keys()].filter((id) => !mentioned.has(id));
  if (missing.length > 0 && index.screenById.size > 1) {
    for (const id of missing) analysis.reported.add(id);
    out.error(
      "INVALID_ROUTING_MODEL",
      "/routing_model",
      `Following screens are missing in the routing model: ${missing.join(", ")}.`,
    );
  }
}

function checkNavigateRoutesListed(navigate: readonly NavigateRoute[], analysis: Analysis): void {
  const severity = analysis.index.hasEndpoint ? "error" : "warning";
  const seen = new Set<string>();
  for (const route of navigate) {
    const targets = analysis.graph.get(route.from);
    if (targets === undefined || route.from === route.to || !analysis.graph.has(route.to)) continue;
    if (targets.includes(route.to) || seen.has(edgeKey(route.from, route.to))) continue;
    seen.add(edgeKey(route.from, route.to));
    analysis.out.report(
      severity,
      "INVALID_ROUTING_MODEL",
      route.pointer,
      `Missing direct route from screen '${route.from}' to screen '${route.to}' in the routing model, while it exists in the navigate screen action of screen '${route.from}'.`,
    );
  }
}

function analyse(analysis: Analysis): void {
  const { graph, out, index } = analysis;
  checkBranches(analysis);
  for (const { forward, backward } of findBackwardRoutes(graph)) {
    out.error(
      "INVALID_ROUTING_MODEL",
      routePointer(analysis, backward.from, backward.to),
      `Backward route [${backward.from} -> ${backward.to}] corresponding to forward route [${forward.from} -> ${forward.to}] is not allowed in the routing model. Only forward routes can be specified.`,
    );
    const list = graph.get(backward.from) as string[];
    list.splice(list.indexOf(backward.to), 1);
  }
  for (const cycle of findCycles(graph)) {
    const first = cycle[0] as string;
    const inCycle = new Set(cycle);
    const next = (graph.get(first) ?? []).find((to) => inCycle.has(to)) ?? first;
    out.error(
      "INVALID_ROUTING_MODEL",
      routePointer(analysis, first, next),
      `Loop detected in the routing model for screens: ${cycle.join(", ")}.`,
    );
  }
  const entries = findEntryScreens(graph);
  const modelPointer = analysis.explicit ? "/routing_model" : "/screens";
  if (entries.length === 0 && graph.size > 0) {
    out.error(
      "INVALID_ROUTING_MODEL",
      modelPointer,
      "No entry screen found in the routing model. Expected a screen with no inbound edges as the entry screen.",
    );
    return;
  }
  const main = checkConnected(analysis, entries);
  const entry = entries.find((id) => main.has(id));
  for (const other of entries) {
    if (other === entry || !main.has(other) || analysis.reported.has(other)) continue;
    out.warning(
      "INVALID_ROUTING_MODEL",
      screenPointer(analysis, other),
      `Invalid screen found in the routing model: ${other}. It is not the destination of any route, so only one of '${entry}' and '${other}' can be the entry screen.`,
    );
  }
  const reachable = findReachableScreens(graph, entries);
  for (const id of graph.keys()) {
    if (reachable.has(id) || analysis.reported.has(id) || !main.has(id)) continue;
    out.error(
      "INVALID_ROUTING_MODEL",
      screenPointer(analysis, id),
      `Screen '${id}' cannot be reached from the entry screen.`,
    );
  }
  const terminal = new Set(
    index.screens
      .filter((screen) => screen.terminal && screen.id !== undefined)
      .map((screen) => screen.id as string),
  );
  if (terminal.size === 0) return;
  for (const route of findUnterminatedRoutes(graph, entries, terminal)) {
    const last = route[route.length - 1] as string;
    out.error(
      "INVALID_ROUTING_MODEL",
      screenPointer(analysis, last),
      `Route ${route.join(" -> ")} does not end at a terminal screen. All routes must end at a terminal screen.`,
    );
  }
}

function checkBranches(analysis: Analysis): void {
  for (const [from, targets] of analysis.graph) {
    if (targets.length <= MAX_BRANCHES_PER_SCREEN) continue;
    const advice = analysis.explicit ? "" : " Reduce navigate actions for the screen.";
    analysis.out.error(
      "INVALID_ROUTING_MODEL",
      screenPointer(analysis, from),
      `Number of branches exceeds the max limit of ${MAX_BRANCHES_PER_SCREEN} for screen: ${from}.${advice}`,
    );
  }
}

/** Finds the weakly connected group holding the entry and reports the screens outside it. */
function checkConnected(analysis: Analysis, entries: readonly string[]): Set<string> {
  const { graph } = analysis;
  const neighbours = new Map<string, string[]>([...graph.keys()].map((id) => [id, []]));
  for (const [from, targets] of graph) {
    for (const to of targets) {
      neighbours.get(from)?.push(to);
      neighbours.get(to)?.push(from);
    }
  }
  const start = entries.find((id) => !analysis.reported.has(id)) ?? graph.keys().next().value;
  const main = new Set<string>();
  const stack = start === undefined ? [] : [start];
  for (const id of stack) main.add(id);
  while (stack.length > 0) {
    for (const next of neighbours.get(stack.pop() as string) ?? []) {
      if (!main.has(next)) {
        main.add(next);
        stack.push(next);
      }
    }
  }
  const apart = [...graph.keys()].filter((id) => !main.has(id) && !analysis.reported.has(id));
  if (apart.length > 0) {
    for (const id of apart) analysis.reported.add(id);
    const message = analysis.explicit
      ? `Following screens are not connected with the rest of the screens: ${apart.join(", ")}.`
      : `Following screens are not connected to any of the screens: ${apart.join(", ")}. A connection is formed by the navigate screen action.`;
    analysis.out.error("INVALID_ROUTING_MODEL", screenPointer(analysis, apart[0] as string), message);
  }
  return main;
}

function routePointer(analysis: Analysis, from: string, to: string): string {
  return analysis.edgePointers.get(edgeKey(from, to)) ?? screenPointer(analysis, from);
}

function screenPointer(analysis: Analysis, id: string): string {
  const raw = analysis.index.document?.["routing_model"];
  if (analysis.explicit && isRecord(raw) && Object.hasOwn(raw, id))
    return appendPointer("/routing_model", id);
  return analysis.index.screenById.get(id)?.pointer ?? "/screens";
}
