/**
 * The screen graph of a flow and the analyses Meta's routing-model rules need: deriving the routing
 * model from `navigate` actions (flows without an endpoint), entry screens, reachability, backward
 * routes, loops, and routes that never reach a terminal screen. The machine compiler reuses these.
 *
 * Every function accepts a {@link RoutingModel} (`{ "A": ["B"] }`) or a {@link ScreenGraph} (a `Map`),
 * runs in time linear in screens plus routes, and does not recurse (no stack limit on large graphs).
 *
 * @example
 * const model = { WELCOME: ["DETAILS"], DETAILS: ["DONE"], DONE: [] };
 * findEntryScreens(model); // ["WELCOME"]
 * findCycles({ A: ["B"], B: ["C"], C: ["A"] }); // [["A", "B", "C"]]
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/flowjson#routing-model
 */
import type { RoutingModel } from "../types.js";
import { indexFlow, isRecord, type ScreenNode } from "./flow-index.js";

/** A screen graph: each screen id to the screens it routes to forward. */
export type ScreenGraph = ReadonlyMap<string, readonly string[]>;

/** A route from one screen to another. */
export interface Route {
  readonly from: string;
  readonly to: string;
}

/** Either form a graph can be given in. */
export type GraphInput = RoutingModel | ScreenGraph;

/**
 * The graph as a `Map`, with every screen that appears only as a target added as a key with no
 * routes, and duplicate targets dropped.
 */
export function toScreenGraph(input: GraphInput): ScreenGraph {
  const entries: Iterable<readonly [string, readonly string[]]> =
    input instanceof Map ? input.entries() : Object.entries(input as RoutingModel);
  const graph = new Map<string, string[]>();
  for (const [from, targets] of entries) {
    const list = graph.get(from) ?? [];
    graph.set(from, list);
    for (const to of Array.isArray(targets) ? targets : []) {
      if (typeof to !== "string") continue;
      if (!list.includes(to)) list.push(to);
      if (!graph.has(to)) graph.set(to, []);
    }
  }
  return graph;
}

/**
 * The screens with no inbound route, in graph key order: candidates for the entry screen.
 *
 * @example
 * findEntryScreens({ SIGN_IN: ["SIGN_UP"], SIGN_UP: [] }); // ["SIGN_IN"]
 */
export function findEntryScreens(input: GraphInput): string[] {
  const graph = toScreenGraph(input);
  const inbound = new Set<string>();
  for (const [from, targets] of graph) for (const to of targets) if (to !== from) inbound.add(to);
  return [...graph.keys()].filter((screen) => !inbound.has(screen));
}

/**
 * Every screen reachable from `from` (the starting screens included).
 *
 * @example
 * findReachableScreens({ A: ["B"], B: [], C: [] }, ["A"]); // Set { "A", "B" }
 */
export function findReachableScreens(input: GraphInput, from: Iterable<string>): Set<string> {
  const graph = toScreenGraph(input);
  const reached = new Set<string>();
  const stack = [...from].filter((screen) => graph.has(screen));
  for (const screen of stack) reached.add(screen);
  while (stack.length > 0) {
    const screen = stack.pop() as string;
    for (const next of graph.get(screen) ?? []) {
      if (!reached.has(next)) {
        reached.add(next);
        stack.push(next);
      }
    }
  }
  return reached;
}

/**
 * Pairs of routes A -> B and B -> A: the second one found (in key order) is the backward route,
 * which Meta rejects because the Back button already goes from B to A.
 *
 * @example
 * findBackwardRoutes({ A: ["B"], B: ["A"] }); // [{ forward: { from: "A", to: "B" }, backward: { from: "B", to: "A" } }]
 */
export function findBackwardRoutes(input: GraphInput): { forward: Route; backward: Route }[] {
  const graph = toScreenGraph(input);
  const seen = new Set<string>();
  const found: { forward: Route; backward: Route }[] = [];
  for (const [from, targets] of graph) {
    for (const to of targets) {
      if (to === from) continue;
      if (seen.has(edgeKey(to, from)))
        found.push({ forward: { from: to, to: from }, backward: { from, to } });
      seen.add(edgeKey(from, to));
    }
  }
  return found;
}

function edgeKey(from: string, to: string): string {
  return JSON.stringify([from, to]);
}

/**
 * The loops of the graph: each strongly connected group of two or more screens, its screens in
 * graph key order (Tarjan's algorithm, iterative). Self-routes are not loops here.
 *
 * @example
 * findCycles({ A: ["B"], B: ["A"], C: [] }); // [["A", "B"]]
 */
export function findCycles(input: GraphInput): string[][] {
  const graph = toScreenGraph(input);
  const order = new Map([...graph.keys()].map((screen, position) => [screen, position] as const));
  const indexOf = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  let counter = 0;
  for (const root of graph.keys()) {
    if (indexOf.has(root)) continue;
    const work: { screen: string; next: number }[] = [{ screen: root, next: 0 }];
    indexOf.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1] as { screen: string; next: number };
      const targets = graph.get(frame.screen) ?? [];
      if (frame.next < targets.length) {
        const to = targets[frame.next++] as string;
        if (!indexOf.has(to)) {
          indexOf.set(to, counter);
          low.set(to, counter++);
          stack.push(to);
          onStack.add(to);
          work.push({ screen: to, next: 0 });
        } else if (onStack.has(to)) {
          low.set(frame.screen, Math.min(low.get(frame.screen) as number, indexOf.get(to) as number));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent !== undefined) {
        low.set(parent.screen, Math.min(low.get(parent.screen) as number, low.get(frame.screen) as number));
      }
      if (low.get(frame.screen) === indexOf.get(frame.screen)) {
        const group: string[] = [];
        let member: string;
        do {
          member = stack.pop() as string;
          onStack.delete(member);
          group.push(member);
        } while (member !== frame.screen);
        if (group.length > 1) cycles.push(group.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0)));
      }
    }
  }
  return cycles;
}

/**
 * Routes that start at one of `entries`, pass through no terminal screen, and end at a screen with no
 * forward route: each such dead end once, as the path of screens leading to it.
 *
 * @example
 * findUnterminatedRoutes({ A: ["B", "C"], B: [], C: [] }, ["A"], new Set(["C"])); // [["A", "B"]]
 */
export function findUnterminatedRoutes(
  input: GraphInput,
  entries: Iterable<string>,
  terminal: ReadonlySet<string>,
): string[][] {
  const graph = toScreenGraph(input);
  const parent = new Map<string, string | undefined>();
  const routes: string[][] = [];
  const stack: string[] = [];
  for (const entry of entries) {
    if (!graph.has(entry) || parent.has(entry)) continue;
    parent.set(entry, undefined);
    stack.push(entry);
  }
  while (stack.length > 0) {
    const screen = stack.pop() as string;
    if (terminal.has(screen)) continue;
    const targets = graph.get(screen) ?? [];
    if (targets.length === 0) {
      const path: string[] = [];
      for (let at: string | undefined = screen; at !== undefined; at = parent.get(at)) path.unshift(at);
      routes.push(path);
    }
    for (const next of targets) {
      if (parent.has(next)) continue;
      parent.set(next, screen);
      stack.push(next);
    }
  }
  return routes;
}

/** A `navigate` action found in a layout, as a route with the pointer of the action. */
export interface NavigateRoute extends Route {
  readonly pointer: string;
}

/** Every `navigate` action to a screen, as routes in document order (self-routes included). */
export function collectNavigateRoutes(screens: readonly ScreenNode[]): NavigateRoute[] {
  const routes: NavigateRoute[] = [];
  for (const screen of screens) {
    if (screen.id === undefined) continue;
    for (const action of screen.actions) {
      if (action.name !== "navigate") continue;
      const next = action.value["next"];
      if (!isRecord(next) || typeof next["name"] !== "string") continue;
      if (next["type"] !== undefined && next["type"] !== "screen") continue;
      routes.push({ from: screen.id, to: next["name"], pointer: action.pointer });
    }
  }
  return routes;
}

/**
 * The routing model Meta generates for a flow without an endpoint: every screen as a key, routing
 * to the distinct screens its `navigate` actions go to, in document order. Navigations to the screen
 * itself or to screens that do not exist are left out. Accepts any JSON value and never throws.
 *
 * @example
 * deriveRoutingModel(flowJson); // { SCREEN_ONE: ["SCREEN_TWO"], SCREEN_TWO: [] }
 */
export function deriveRoutingModel(flow: unknown): RoutingModel {
  const index = indexFlow(flow);
  const graph = new Map<string, string[]>();
  for (const screen of index.screens)
    if (screen.id !== undefined && !graph.has(screen.id)) graph.set(screen.id, []);
  for (const route of collectNavigateRoutes(index.screens)) {
    const targets = graph.get(route.from);
    if (
      targets === undefined ||
      route.to === route.from ||
      !graph.has(route.to) ||
      targets.includes(route.to)
    )
      continue;
    targets.push(route.to);
  }
  return Object.fromEntries(graph);
}
