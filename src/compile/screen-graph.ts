/**
 * The screen graph of a flow, read from its machine with `xstate/graph`'s `toDirectedGraph`: every
 * transition between screens, labelled with its protocol event. Transitions inside a screen (waiting for
 * a handler, loading data) are left out; each screen-level transition carries its kind in `meta`.
 *
 * @example
 * screenEdges(signIn).filter((edge) => edge.kind === "navigate");
 * // [{ source: "SIGN_IN", target: "SIGN_UP", kind: "navigate", silent: false }, ...]
 * @see https://stately.ai/docs/graph
 */
import { toDirectedGraph, type DirectedGraphNode } from "xstate/graph";
import type { EdgeKind, EdgeMeta, Flow } from "../machine/index.js";
import { successScreen } from "../machine/index.js";

/** One screen-level transition; `target` is `SUCCESS` for completion. */
export interface ScreenEdge {
  readonly source: string;
  readonly target: string;
  readonly kind: EdgeKind;
  /** A back move the client makes without a request (the screen has no refresh_on_back). */
  readonly silent: boolean;
}

const edgeKinds: ReadonlySet<string> = new Set<EdgeKind>([
  "INIT",
  "navigate",
  "data_exchange",
  "BACK",
  "complete",
]);

/** Every screen-level transition of the flow's machine, deduplicated, in machine order. */
export function screenEdges(flow: Flow): ScreenEdge[] {
  const edges: ScreenEdge[] = [];
  const seen = new Set<string>();
  const visit = (node: DirectedGraphNode): void => {
    for (const edge of node.edges) {
      const meta = edge.transition.meta as Partial<EdgeMeta> | undefined;
      if (meta?.kind === undefined || !edgeKinds.has(meta.kind)) continue;
      const source = topLevelKey(edge.source.path);
      const target = topLevelKey(edge.target.path);
      if (source === undefined || target === undefined) continue;
      const key = `${source}\u0000${target}\u0000${meta.kind}`;
      if (seen.has(key)) continue;
      seen.add(key);
      edges.push({ source, target, kind: meta.kind, silent: meta.silent === true });
    }
    node.children.forEach(visit);
  };
  visit(toDirectedGraph(flow.machine));
  return edges;
}

function topLevelKey(path: readonly string[]): string | undefined {
  return path[0];
}

/** A screen as drawn in graph exports. */
export interface FlowScreenGraphNode {
  readonly id: string;
  readonly label: string;
  readonly terminal: boolean;
  readonly success: boolean;
}

/** The screen graph as the exports draw it. */
export interface FlowScreenGraph {
  readonly id: string;
  /** `INIT` when the endpoint picks the first screen, `navigate` when the message names it. */
  readonly opensWith: "INIT" | "navigate";
  /** The screens the flow can open on: the INIT handler's targets, or the entry screen. */
  readonly starts: readonly string[];
  readonly nodes: readonly FlowScreenGraphNode[];
  /**
   * Edges a user can see, sorted by source, event, target: silent backs are left out, and so are the
   * self-refreshes of screens whose layout sends no data_exchange.
   */
  readonly edges: readonly ScreenEdge[];
  /** True when some edge completes the flow. */
  readonly completes: boolean;
}

const kindOrder: readonly EdgeKind[] = ["INIT", "navigate", "data_exchange", "BACK", "complete"];

/** The screen graph of a flow, in a stable order (screen declaration order, then event, then target). */
export function screenGraph(flow: Flow): FlowScreenGraph {
  const order = new Map(flow.model.screens.map((screen, index) => [screen.id, index]));
  const rank = (id: string): number => order.get(id) ?? order.size;
  const all = screenEdges(flow);
  const starts = all
    .filter((edge) => edge.kind === "INIT")
    .map((edge) => edge.target)
    .sort((a, b) => rank(a) - rank(b));
  const refreshes = (edge: ScreenEdge): boolean => edge.source === edge.target;
  const sends = (id: string): boolean => flow.model.byId.get(id)?.sendsDataExchange === true;
  const edges = all
    .filter((edge) => !edge.silent && edge.kind !== "INIT" && (!refreshes(edge) || sends(edge.source)))
    .sort(
      (a, b) =>
        rank(a.source) - rank(b.source) ||
        kindOrder.indexOf(a.kind) - kindOrder.indexOf(b.kind) ||
        rank(a.target) - rank(b.target),
    );
  return {
    id: flow.id,
    opensWith: flow.model.init === undefined ? "navigate" : "INIT",
    starts: starts.length > 0 ? starts : [flow.model.entry],
    nodes: flow.model.screens.map((screen) => ({
      id: screen.id,
      label: screen.screen.title ?? screen.id,
      terminal: screen.screen.terminal === true,
      success: screen.screen.terminal === true && screen.screen.success !== false,
    })),
    edges,
    completes: edges.some((edge) => edge.target === successScreen),
  };
}
