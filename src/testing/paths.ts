/**
 * The paths of a flow, as sequences of protocol requests that a test drives through `step` or a real
 * endpoint. Three sets, all computed with `xstate/graph` over the flow's machine (see `path-logic.ts`):
 *
 * - `shortestPaths`: `getShortestPaths`, one path to every session state (screen + the screens behind it).
 * - `transitionPaths`: the shortest path to every state, extended by each move possible there, with every
 *   example payload: every transition of the flow is taken at least once.
 * - `simplePaths`: every way through the screens that visits no screen twice, enumerated depth-first over
 *   `getAdjacencyMap` (BACK moves left out: they always revisit a screen).
 *
 * Bounds, so a large flow cannot explode: the traversal stops expanding a state after `maxDepth` moves and
 * after `maxStates` states (breadth-first, so the shallowest states are kept); the simple-path search stops
 * at `maxDepth` moves and after `maxPaths` paths (xstate's own `getSimplePaths` has no bound, hence the
 * search here). Every set is cut to `maxPaths`; `truncated` says whether a bound was hit. Paths that are a
 * prefix of another path are dropped, as xstate's test model does.
 *
 * @example
 * for (const path of transitionPaths(signIn).paths) {
 *   for (const { request, expect } of path.requests) {
 *     const { response } = await post({ ...request, flow_token: token });
 *     assert.equal(response.screen, expect.screen);
 *   }
 * }
 */
import {
  getAdjacencyMap,
  getShortestPaths,
  type AdjacencyValue,
  type StatePath,
  type TraversalOptions,
} from "xstate/graph";
import type { JsonObject } from "../flow-json/types.js";
import { successScreen, type EdgeKind, type Flow, type FlowRequest } from "../machine/index.js";
import {
  createPathLogic,
  initialPathState,
  pathEvents,
  type PathEvent,
  type PathState,
} from "./path-logic.js";

/** Bounds of a path enumeration. */
export interface PathOptions {
  /** Most moves in a path (default 12). */
  readonly maxDepth?: number;
  /** Most paths returned (default 500). */
  readonly maxPaths?: number;
  /** Most session states explored (default 2000). */
  readonly maxStates?: number;
}

/** One move of a path (`back` in a description is a client-side back, with no request). */
export interface PathStep {
  readonly kind: EdgeKind;
  /** The screen the client was on; undefined for INIT. */
  readonly from: string | undefined;
  /** The screen the move leads to (`SUCCESS` for completion). */
  readonly to: string;
  /** The payload sent, for INIT and data_exchange. */
  readonly data?: JsonObject;
  /** True when the move is a request to the endpoint (INIT, data_exchange, BACK of a refresh_on_back screen). */
  readonly request: boolean;
  /** False when no example payload was declared for this outcome (the payload is then `{}`). */
  readonly example: boolean;
}

/** A request of a path (without `flow_token`) and the screen its reply must show. */
export interface PathRequest {
  readonly request: Omit<FlowRequest, "flow_token">;
  readonly expect: { readonly screen: string };
}

/** A path through a flow. */
export interface FlowPath {
  /** E.g. `(open) -INIT-> SIGN_IN -navigate-> SIGN_UP -data_exchange-> SIGN_IN`. */
  readonly description: string;
  readonly steps: readonly PathStep[];
  /** The requests the client sends along the path; client-side moves are folded into them. */
  readonly requests: readonly PathRequest[];
  /** Where the path ends (`SUCCESS` when it completes the flow). */
  readonly screen: string;
}

/** A bounded set of paths. */
export interface FlowPaths {
  readonly paths: readonly FlowPath[];
  /** True when a bound (`maxDepth`, `maxStates`, `maxPaths`) cut the enumeration short. */
  readonly truncated: boolean;
}

const defaults = { maxDepth: 12, maxPaths: 500, maxStates: 2000 };

/** Serialises a session state: screen and the screens behind it (so BACK moves are exact). */
function sessionKey(state: PathState): string {
  return `${state.status}|${state.screen ?? "(unopened)"}|${state.history.join(",")}`;
}

/** Serialises a state by screen only (simple paths visit each screen at most once). */
function screenKey(state: PathState): string {
  return `${state.status}|${state.screen ?? "(unopened)"}`;
}

function traversal(
  flow: Flow,
  options: PathOptions,
  serializeState: (state: PathState) => string,
  events: (state: PathState) => PathEvent[],
) {
  const maxDepth = options.maxDepth ?? defaults.maxDepth;
  const maxStates = options.maxStates ?? defaults.maxStates;
  const bound = { truncated: false };
  let visited = 0;
  const traversalOptions = {
    fromState: initialPathState(flow),
    events,
    serializeState,
    stopWhen: (state: PathState): boolean => {
      visited += 1;
      const stop = state.depth >= maxDepth || visited > maxStates;
      if (stop && events(state).length > 0) bound.truncated = true;
      return stop;
    },
  };
  return { traversalOptions, bound };
}

/** One path to every reachable session state (xstate `getShortestPaths`). */
export function shortestPaths(flow: Flow, options: PathOptions = {}): FlowPaths {
  const events = pathEvents(flow, { allExamples: false, back: true });
  const { traversalOptions, bound } = traversal(flow, options, sessionKey, events);
  const found = getShortestPaths(createPathLogic(flow), traversalOptions).map((path) => movesOf(path));
  return finish(flow, found, options, bound.truncated);
}

/** Paths that together take every transition, with every example payload, at least once. */
export function transitionPaths(flow: Flow, options: PathOptions = {}): FlowPaths {
  const events = pathEvents(flow, { allExamples: true, back: true });
  const logic = createPathLogic(flow);
  const shortest = traversal(flow, options, sessionKey, events);
  const toState = new Map<string, PathMove[]>();
  for (const path of getShortestPaths(logic, shortest.traversalOptions))
    toState.set(sessionKey(path.state), movesOf(path));
  const adjacency = traversal(flow, options, sessionKey, events);
  const found: PathMove[][] = [];
  for (const [key, moves] of adjacencyOf(flow, adjacency.traversalOptions)) {
    const head = toState.get(key);
    if (head === undefined) continue;
    for (const move of moves) found.push([...head, move]);
  }
  return finish(flow, found, options, shortest.bound.truncated || adjacency.bound.truncated);
}

/** Every path that visits no screen twice, bounded by `maxDepth` and `maxPaths`. */
export function simplePaths(flow: Flow, options: PathOptions = {}): FlowPaths {
  const maxDepth = options.maxDepth ?? defaults.maxDepth;
  const maxPaths = options.maxPaths ?? defaults.maxPaths;
  const events = pathEvents(flow, { allExamples: false, back: false });
  const { traversalOptions, bound } = traversal(
    flow,
    { ...options, maxDepth: Number.POSITIVE_INFINITY },
    screenKey,
    events,
  );
  const adjacency = adjacencyOf(flow, traversalOptions);
  const found: PathMove[][] = [];
  let truncated = bound.truncated;
  const onPath = new Set<string>();
  const moves: PathMove[] = [];
  const search = (key: string): void => {
    const outgoing = adjacency.get(key);
    if (outgoing === undefined) return;
    onPath.add(key);
    for (const move of outgoing) {
      const next = screenKey(move.state);
      if (onPath.has(next)) continue;
      if (found.length >= maxPaths || moves.length >= maxDepth) {
        truncated = true;
        continue;
      }
      moves.push(move);
      found.push([...moves]);
      search(next);
      moves.pop();
    }
    onPath.delete(key);
  };
  search(screenKey(traversalOptions.fromState));
  return finish(flow, found, options, truncated);
}

interface PathMove {
  readonly event: PathEvent;
  readonly state: PathState;
}

/** xstate's adjacency map as serialised state -> the moves out of it. */
function adjacencyOf(
  flow: Flow,
  options: TraversalOptions<PathState, PathEvent, unknown>,
): Map<string, PathMove[]> {
  const map = getAdjacencyMap(createPathLogic(flow), options);
  return new Map(
    (Object.entries(map) as Array<[string, AdjacencyValue<PathState, PathEvent>]>).map(([key, value]) => [
      key,
      Object.values(value.transitions) as PathMove[],
    ]),
  );
}

function movesOf(path: StatePath<PathState, PathEvent>): PathMove[] {
  return path.steps
    .filter((step) => (step.event as { type: string }).type !== "xstate.init")
    .map((step) => ({ event: step.event, state: step.state }));
}

function finish(
  flow: Flow,
  found: readonly PathMove[][],
  options: PathOptions,
  truncated: boolean,
): FlowPaths {
  const maxPaths = options.maxPaths ?? defaults.maxPaths;
  const paths = withoutPrefixes(found.filter((moves) => moves.length > 0)).map((moves) =>
    toFlowPath(flow, moves),
  );
  return { paths: paths.slice(0, maxPaths), truncated: truncated || paths.length > maxPaths };
}

function withoutPrefixes(all: readonly PathMove[][]): PathMove[][] {
  const signature = (moves: readonly PathMove[]): string[] => moves.map((move) => JSON.stringify(move.event));
  const longestFirst = [...all].sort((a, b) => b.length - a.length);
  const kept: Array<{ moves: PathMove[]; events: string[] }> = [];
  for (const moves of longestFirst) {
    const events = signature(moves);
    const covered = kept.some((other) => events.every((event, index) => other.events[index] === event));
    if (!covered) kept.push({ moves, events });
  }
  const order = new Map(all.map((moves, index) => [moves, index]));
  return kept.map((entry) => entry.moves).sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
}

function moveLabel(event: PathEvent): string {
  if (event.type === "BACK" && event.silent) return "back";
  if (
    (event.type === "INIT" || event.type === "data_exchange") &&
    event.example !== null &&
    event.example > 0
  ) {
    return `${event.type}#${event.example + 1}`;
  }
  return event.type;
}

/** Turns moves into steps, the requests a client sends along them, and a description. */
function toFlowPath(flow: Flow, moves: readonly PathMove[]): FlowPath {
  let client: string | undefined = flow.model.init === undefined ? flow.model.entry : undefined;
  const steps: PathStep[] = [];
  const requests: PathRequest[] = [];
  const description: string[] = [client ?? "(open)"];
  for (const { event } of moves) {
    const from = client;
    const isRequest =
      event.type === "INIT" || event.type === "data_exchange" || (event.type === "BACK" && !event.silent);
    const data = event.type === "INIT" || event.type === "data_exchange" ? event.data : undefined;
    const example = event.type === "INIT" || event.type === "data_exchange" ? event.example !== null : true;
    steps.push({
      kind: event.type,
      from,
      to: event.to,
      ...(data === undefined ? {} : { data }),
      request: isRequest,
      example,
    });
    if (isRequest) {
      const request: Omit<FlowRequest, "flow_token"> =
        event.type === "INIT"
          ? { action: "INIT", data: data ?? {} }
          : {
              action: event.type === "BACK" ? "BACK" : "data_exchange",
              screen: from ?? flow.model.entry,
              data: data ?? {},
            };
      requests.push({ request, expect: { screen: event.to } });
    }
    description.push(`-${moveLabel(event)}-> ${event.to}`);
    client = event.to;
  }
  return { description: description.join(" "), steps, requests, screen: client ?? successScreen };
}
