/**
 * The routing model, derived from the screen graph: the forward edges (navigate and data_exchange)
 * found by a depth-first search from the entry screen, with returns to a screen already on the way (back
 * edges of the search) and self-refreshes left out. WhatsApp allows the way back implicitly, so listing
 * it would be rejected as a backward route or a loop. The seed sign-in flow shows why: SIGN_UP answers
 * with SIGN_IN, yet SIGN_UP -> SIGN_IN is not in its routing model.
 *
 * @example
 * deriveMachineRoutingModel(signIn, screenEdges(signIn));
 * // { SIGN_IN: ["SIGN_UP", "FORGOT_PASSWORD"], SIGN_UP: ["TERMS_AND_CONDITIONS"], FORGOT_PASSWORD: [], TERMS_AND_CONDITIONS: [] }
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/flowjson#routing-model
 */
import type { RoutingModel } from "../flow-json/types.js";
import type { Flow } from "../machine/index.js";
import { escapePointer } from "../machine/layout-actions.js";
import type { CompileDiagnostic } from "./compile-diagnostic.js";
import type { ScreenEdge } from "./screen-graph.js";

/** The screen-to-screen edges that can appear in a routing model, per source, in machine order. */
export function forwardAdjacency(flow: Flow, edges: readonly ScreenEdge[]): Map<string, string[]> {
  const adjacency = new Map<string, string[]>(flow.model.screens.map((screen) => [screen.id, []]));
  for (const edge of edges) {
    if (edge.kind !== "navigate" && edge.kind !== "data_exchange") continue;
    const targets = adjacency.get(edge.source);
    if (edge.source === edge.target || targets === undefined || !adjacency.has(edge.target)) continue;
    if (!targets.includes(edge.target)) targets.push(edge.target);
  }
  return adjacency;
}

/**
 * Derives the routing model: every screen is a key (declaration order); the search starts at the entry
 * screen, then at the other screens INIT can open. A screen none of them reaches keeps no routes, so the
 * validator reports it as not connected.
 */
export function deriveMachineRoutingModel(flow: Flow, edges: readonly ScreenEdge[]): RoutingModel {
  const adjacency = forwardAdjacency(flow, edges);
  const initTargets = edges.filter((edge) => edge.kind === "INIT").map((edge) => edge.target);
  const roots = [flow.model.entry, ...initTargets];
  const state = new Map<string, "open" | "closed">();
  const kept = new Map<string, string[]>(flow.model.screens.map((screen) => [screen.id, []]));
  const visit = (id: string): void => {
    state.set(id, "open");
    for (const target of adjacency.get(id) ?? []) {
      if (state.get(target) === "open") continue; // back edge: the way back is implicit
      kept.get(id)?.push(target);
      if (!state.has(target)) visit(target);
    }
    state.set(id, "closed");
  };
  for (const root of roots) if (!state.has(root)) visit(root);
  return Object.fromEntries(flow.model.screens.map((screen) => [screen.id, kept.get(screen.id) ?? []]));
}

/**
 * Compares a pinned routing model with the machine: an edge the machine cannot take, or a forward edge
 * of the machine the model leaves out, is a `ROUTING_MODEL_MISMATCH` error.
 */
export function checkPinnedRoutingModel(
  flow: Flow,
  edges: readonly ScreenEdge[],
  pinned: RoutingModel,
): CompileDiagnostic[] {
  const diagnostics: CompileDiagnostic[] = [];
  const adjacency = forwardAdjacency(flow, edges);
  for (const [source, targets] of Object.entries(pinned)) {
    targets.forEach((target, index) => {
      if (source === target || !flow.model.byId.has(source) || !flow.model.byId.has(target)) return;
      if (adjacency.get(source)?.includes(target) !== true) {
        diagnostics.push({
          code: "ROUTING_MODEL_MISMATCH",
          severity: "error",
          pointer: `/routing_model/${escapePointer(source)}/${index}`,
          message:
            `The routing model lets ${source} go to ${target}, but no navigate action or data_exchange target ` +
            `of ${source} leads there; add it to the handler's targets or remove the route.`,
          state: source,
        });
      }
    });
  }
  const derived = deriveMachineRoutingModel(flow, edges);
  for (const [source, targets] of Object.entries(derived)) {
    for (const target of targets) {
      if (pinned[source]?.includes(target) !== true) {
        diagnostics.push({
          code: "ROUTING_MODEL_MISMATCH",
          severity: "error",
          pointer: `/routing_model/${escapePointer(source)}`,
          message: `${source} can go to ${target}, but the pinned routing model does not list that route; add it.`,
          state: source,
        });
      }
    }
  }
  return diagnostics;
}
