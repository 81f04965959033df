/**
 * The flow machine as actor logic for `xstate/graph` traversal. One event here is one user-level move
 * (a request with its outcome, or a client-side move); it is applied to the real machine with XState's
 * pure `transition`, and a request's handler outcome is fed as the invoked actor's done event, so the
 * machine's own guards pick the target. Handlers never run during traversal.
 *
 * @example
 * const logic = createPathLogic(flow);
 * getShortestPaths(logic, { fromState: initialPathState(flow), events: pathEvents(flow, { allExamples: true }), ... });
 */
import { initialTransition, transition, type ActorLogic, type AnyMachineSnapshot } from "xstate";
import type { JsonObject } from "../flow-json/types.js";
import {
  doneEventType,
  successScreen,
  type ExchangeModel,
  type Flow,
  type FlowMachineContext,
  type HandlerReply,
} from "../machine/index.js";

/**
 * One user-level move of a path. `to` is the screen the move leads to (`SUCCESS` for completion);
 * `example` is the index of the example payload used, null when the outcome declares none.
 */
export type PathEvent =
  | { readonly type: "INIT"; readonly to: string; readonly data: JsonObject; readonly example: number | null }
  | {
      readonly type: "data_exchange";
      readonly to: string;
      readonly data: JsonObject;
      readonly example: number | null;
    }
  | { readonly type: "navigate"; readonly to: string }
  | { readonly type: "BACK"; readonly to: string; readonly silent: boolean }
  | { readonly type: "complete"; readonly to: typeof successScreen };

/** Where a path stands: the machine snapshot, plus the number of moves made to get there. */
export interface PathState {
  readonly status: "active" | "done";
  readonly output: undefined;
  readonly error: undefined;
  /** `undefined` before a flow opened with INIT has been opened. */
  readonly screen: string | undefined;
  readonly history: readonly string[];
  readonly depth: number;
  readonly machine: AnyMachineSnapshot;
}

/** The state before the first move: unopened for flows that open with INIT, on the entry screen otherwise. */
export function initialPathState(flow: Flow): PathState {
  const [machine] = initialTransition(flow.machine);
  return fromMachine(flow, machine, 0, flow.model.init === undefined);
}

function fromMachine(flow: Flow, machine: AnyMachineSnapshot, depth: number, opened: boolean): PathState {
  const value: unknown = machine.value;
  const screen = typeof value === "string" ? value : Object.keys(value as object)[0];
  const history = (machine.context as FlowMachineContext).history;
  return {
    status: machine.status === "done" ? "done" : "active",
    output: undefined,
    error: undefined,
    screen: opened ? (screen ?? flow.model.entry) : undefined,
    history,
    depth,
    machine,
  };
}

/** The actor logic whose `transition` applies one {@link PathEvent} to the flow's machine. */
export function createPathLogic(flow: Flow): ActorLogic<PathState, PathEvent> {
  return {
    transition: (state, event) => applyPathEvent(flow, state, event),
    getInitialSnapshot: () => initialPathState(flow),
    getPersistedSnapshot: (state) => state,
  };
}

/** Applies one move; the machine's guards choose the target from the simulated outcome. */
export function applyPathEvent(flow: Flow, state: PathState, event: PathEvent): PathState {
  const machine = flow.machine;
  const current = state.screen ?? flow.model.entry;
  let next: AnyMachineSnapshot;
  switch (event.type) {
    case "INIT":
    case "data_exchange": {
      const [waiting] = transition(machine, state.machine, {
        type: event.type,
        data: event.data,
        flowToken: "",
      });
      next = transition(machine, waiting, {
        type: doneEventType(current, event.type),
        output: outcome(current, event.to),
      })[0];
      break;
    }
    case "BACK": {
      const [moved] = transition(machine, state.machine, { type: "BACK", flowToken: "" });
      next = event.silent
        ? moved
        : transition(machine, moved, {
            type: doneEventType(event.to, "load"),
            output: outcome(event.to, event.to),
          })[0];
      break;
    }
    case "navigate":
      next = transition(machine, state.machine, { type: "navigate", next: event.to })[0];
      break;
    case "complete":
      next = transition(machine, state.machine, { type: "complete" })[0];
      break;
  }
  return fromMachine(flow, next, state.depth + 1, true);
}

function outcome(current: string, to: string): HandlerReply {
  return to === successScreen
    ? { kind: "complete", params: {} }
    : { kind: "screen", screen: to, data: {}, partial: to === current };
}

/** Options of {@link pathEvents}. */
export interface PathEventsOptions {
  /** One event per example payload (true), or only the first example of each outcome (false). */
  readonly allExamples: boolean;
  /** Offer BACK moves (the state must then tell histories apart). */
  readonly back: boolean;
}

/** The moves possible from a path state: INIT outcomes first, then the layout's and the handlers'. */
export function pathEvents(flow: Flow, options: PathEventsOptions): (state: PathState) => PathEvent[] {
  return (state) => {
    if (state.status === "done") return [];
    const model = flow.model;
    if (state.screen === undefined) {
      const init = model.init;
      if (init === undefined) return [];
      return outcomesOf(model.entry, init).flatMap((to) =>
        examplesFor(init.examples[to], options).map((example): PathEvent => ({
          type: "INIT",
          to,
          ...example,
        })),
      );
    }
    const screen = model.byId.get(state.screen);
    if (screen === undefined) return [];
    const events: PathEvent[] = screen.navigate.map((to): PathEvent => ({ type: "navigate", to }));
    if (screen.completes) events.push({ type: "complete", to: successScreen });
    const exchange = screen.exchange;
    if (exchange !== undefined) {
      for (const to of outcomesOf(screen.id, exchange)) {
        for (const example of examplesFor(exchange.examples[to], options))
          events.push({ type: "data_exchange", to, ...example });
      }
    }
    const previous = state.history[state.history.length - 1];
    if (options.back && previous !== undefined)
      events.push({ type: "BACK", to: previous, silent: !screen.refreshOnBack });
    return events;
  };
}

/**
 * The outcomes a path may take: every declared target, completion when declared, and a refresh of the
 * current screen when it is declared or has an example (a handler need not ever refresh).
 */
function outcomesOf(current: string, exchange: ExchangeModel): string[] {
  const outcomes = exchange.targets.filter((target) => target !== current);
  if (exchange.targets.includes(current) || exchange.examples[current] !== undefined) outcomes.push(current);
  return exchange.complete ? [...outcomes, successScreen] : outcomes;
}

function examplesFor(
  examples: readonly JsonObject[] | undefined,
  options: PathEventsOptions,
): Array<{ readonly data: JsonObject; readonly example: number | null }> {
  if (examples === undefined || examples.length === 0) return [{ data: {}, example: null }];
  return (options.allExamples ? examples : examples.slice(0, 1)).map((data, index) => ({
    data,
    example: index,
  }));
}
