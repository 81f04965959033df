/**
 * Builds the XState v5 machine of a flow: one top-level state per screen (key = screen id, Flow JSON in
 * `meta.screen`, title in `description`, tags `terminal` / `success` / `sensitive`), plus the final state
 * `SUCCESS`. Inside each screen, `idle` waits for the user; `exchanging`, `opening` and `loading` invoke
 * the data_exchange handler, the INIT handler and the data loader as `fromPromise` actors, whose outcome
 * picks one of the statically declared targets through guards. Every target is static, so `xstate/graph`
 * sees every possible next screen.
 *
 * Events: `INIT`, `data_exchange`, `BACK` (from a request, or a silent client-side back when the step
 * reconciles), `navigate` and `complete` (client-side moves taken from the layout).
 *
 * @example
 * const machine = buildFlowMachine(flow.model);
 * toDirectedGraph(machine); // screens, substates and their edges
 * @see https://stately.ai/docs/machines
 */
import { assign, emit, fromPromise, setup, type AnyEventObject, type AnyStateMachine } from "xstate";
import type { JsonObject } from "../flow-json/types.js";
import { EventNotAccepted } from "./errors.js";
import type { ExchangeModel, FlowModel, ScreenModel } from "./flow-model.js";
import { isRefreshTarget, nextHistory, predecessors } from "./flow-model.js";
import { checkReply, createReplyBuilder } from "./reply.js";
import type { HandlerReply } from "./types.js";
import { successScreen } from "./types.js";

/** The machine's context: the stack of screens behind the current one, and what the flow learned. */
export interface FlowMachineContext {
  readonly history: readonly string[];
  readonly values: object;
}

/** The events a flow machine takes. */
export type FlowMachineEvent =
  | { readonly type: "INIT"; readonly data: JsonObject; readonly flowToken: string }
  | { readonly type: "data_exchange"; readonly data: JsonObject; readonly flowToken: string }
  | { readonly type: "BACK"; readonly flowToken: string }
  | { readonly type: "navigate"; readonly next: string }
  | { readonly type: "complete" };

/** What a transition means at the screen level; compile and the graph exports read it from `meta`. */
export type EdgeKind = "INIT" | "navigate" | "data_exchange" | "BACK" | "complete";

/** The `meta` of every screen-level transition. `silent` marks a client-side back (no request). */
export interface EdgeMeta {
  readonly kind: EdgeKind;
  readonly from: string;
  readonly to: string;
  readonly silent?: boolean;
}

/** The event emitted when a handler or loader produced a checked reply. */
export const replyEventType = "flowmachine.reply";
/** The event emitted when a handler or loader failed; the machine went back to `idle`. */
export const failureEventType = "flowmachine.failure";

/** The id of the invoked actor of a screen's handler (`opening`: INIT, `exchanging`, `loading`). */
export function invokeId(screen: string, purpose: "INIT" | "data_exchange" | "load"): string {
  return `${screen}:${purpose}`;
}

/** The type of the done event of an invoked actor, for pure transitions in path testing. */
export function doneEventType(screen: string, purpose: "INIT" | "data_exchange" | "load"): string {
  return `xstate.done.actor.${invokeId(screen, purpose)}`;
}

interface HandlerInput {
  readonly data: JsonObject;
  readonly flowToken: string;
  readonly values: object;
}

type Args = {
  readonly context: FlowMachineContext;
  readonly event: { readonly type: string } & Record<string, unknown>;
};
type DoneArgs = { readonly context: FlowMachineContext; readonly event: AnyEventObject };

function outputOf(event: AnyEventObject): HandlerReply {
  return (event as unknown as { readonly output: HandlerReply }).output;
}
type Transition = Record<string, unknown>;

/** Builds the machine for a normalised flow. */
export function buildFlowMachine(model: FlowModel): AnyStateMachine {
  const actors: Record<string, ReturnType<typeof fromPromise<HandlerReply, HandlerInput>>> = {};
  const states: Record<string, unknown> = {};
  for (const screen of model.screens) {
    states[screen.id] = screenState(model, screen, actors);
  }
  states[successScreen] = { type: "final", description: "The flow completed" };
  const initialValues = JSON.stringify(model.initialContext);
  const config = {
    id: model.id,
    initial: model.entry,
    context: (): FlowMachineContext => ({ history: [], values: JSON.parse(initialValues) as object }),
    states,
  };
  return setup({ actors }).createMachine(config as never) as unknown as AnyStateMachine;
}

function screenState(
  model: FlowModel,
  screen: ScreenModel,
  actors: Record<string, ReturnType<typeof fromPromise<HandlerReply, HandlerInput>>>,
): Record<string, unknown> {
  const substates: Record<string, unknown> = { idle: {} };
  const on: Record<string, unknown> = {};
  const id = screen.id;
  if (screen.navigate.length > 0) {
    on["navigate"] = screen.navigate.map((to): Transition => ({
      guard: ({ event }: Args) => event["next"] === to,
      target: `#${model.id}.${to}`,
      actions: assign({ history: ({ context }: Args) => nextHistory(context.history, id, to, "navigate") }),
      meta: edgeMeta("navigate", id, to),
    }));
  }
  if (screen.completes) {
    on["complete"] = {
      target: `#${model.id}.${successScreen}`,
      meta: edgeMeta("complete", id, successScreen),
    };
  }
  if (screen.exchange !== undefined) {
    actors[`${id}.data_exchange`] = exchangeActor(model, screen, screen.exchange, "data_exchange");
    on["data_exchange"] = { target: ".exchanging" };
    substates["exchanging"] = invoking(model, id, "data_exchange", `${id}.data_exchange`, screen.exchange);
  }
  if (model.init !== undefined && id === model.entry) {
    actors["INIT"] = exchangeActor(model, screen, model.init, "INIT");
    on["INIT"] = { target: ".opening" };
    substates["opening"] = invoking(model, id, "INIT", "INIT", model.init);
  }
  const back = predecessors(model, id).map((to): Transition => ({
    guard: ({ context }: Args) => context.history[context.history.length - 1] === to,
    target: `#${model.id}.${to}.${screen.refreshOnBack ? "loading" : "idle"}`,
    actions: assign({ history: ({ context }: Args) => context.history.slice(0, -1) }),
    meta: { ...edgeMeta("BACK", id, to), silent: !screen.refreshOnBack },
  }));
  if (back.length > 0) on["BACK"] = back;
  if (isRefreshTarget(model, id)) {
    actors[`${id}.load`] = loadActor(model, screen);
    substates["loading"] = {
      invoke: {
        id: invokeId(id, "load"),
        src: `${id}.load`,
        input: ({ context, event }: Args): HandlerInput => ({
          data: {},
          flowToken: typeof event["flowToken"] === "string" ? event["flowToken"] : "",
          values: context.values,
        }),
        onDone: { target: "idle", actions: emitReply() },
        onError: { target: "idle", actions: emitFailure() },
      },
    };
  }
  const tags = (["terminal", "success"] as const).filter((flag) => flagOf(screen, flag));
  return {
    description: screen.screen.title ?? id,
    meta: { screen: screen.screen },
    tags: (screen.screen.sensitive?.length ?? 0) > 0 ? [...tags, "sensitive"] : tags,
    initial: "idle",
    states: substates,
    on,
  };
}

function flagOf(screen: ScreenModel, flag: "terminal" | "success"): boolean {
  if (flag === "terminal") return screen.screen.terminal === true;
  return screen.screen.terminal === true && screen.screen.success !== false;
}

function edgeMeta(kind: EdgeKind, from: string, to: string): EdgeMeta {
  return { kind, from, to };
}

function invoking(
  model: FlowModel,
  from: string,
  kind: "INIT" | "data_exchange",
  src: string,
  exchange: ExchangeModel,
): Record<string, unknown> {
  const outcomes = [from, ...exchange.targets.filter((target) => target !== from)];
  const onDone: Transition[] = outcomes.map((to) => ({
    guard: ({ event }: DoneArgs) => {
      const output = outputOf(event);
      return output.kind === "screen" && output.screen === to;
    },
    target: to === from ? "idle" : `#${model.id}.${to}`,
    actions: [
      assign(({ context, event }: DoneArgs) => ({
        history: nextHistory(context.history, from, to, kind),
        values: { ...context.values, ...outputOf(event).context },
      })),
      emitReply(),
    ],
    meta: edgeMeta(kind, from, to),
  }));
  if (exchange.complete) {
    onDone.push({
      guard: ({ event }: DoneArgs) => outputOf(event).kind === "complete",
      target: `#${model.id}.${successScreen}`,
      actions: [
        assign(({ context, event }: DoneArgs) => ({
          values: { ...context.values, ...outputOf(event).context },
        })),
        emitReply(),
      ],
      meta: edgeMeta(kind, from, successScreen),
    });
  }
  return {
    invoke: {
      id: invokeId(from, kind),
      src,
      input: ({ context, event }: Args): HandlerInput => ({
        data: (event["data"] ?? {}) as JsonObject,
        flowToken: typeof event["flowToken"] === "string" ? event["flowToken"] : "",
        values: context.values,
      }),
      onDone,
      onError: { target: "idle", actions: emitFailure() },
    },
  };
}

function emitReply(): unknown {
  return emit(({ event }: { readonly event: AnyEventObject }) => ({
    type: replyEventType,
    reply: outputOf(event),
  }));
}

function emitFailure(): unknown {
  return emit(({ event }: { readonly event: AnyEventObject }) => ({
    type: failureEventType,
    error: (event as { readonly error?: unknown }).error,
  }));
}

function exchangeActor(
  model: FlowModel,
  screen: ScreenModel,
  exchange: ExchangeModel,
  action: "INIT" | "data_exchange",
) {
  return fromPromise<HandlerReply, HandlerInput>(async ({ input, signal }) => {
    const run = exchange.run;
    if (run === undefined) {
      throw new EventNotAccepted({
        flowId: model.id,
        screen: screen.id,
        action,
        hint: "the flow was imported from Flow JSON and has no handler; define it with defineFlow to serve it",
      });
    }
    const reply = await run({
      screen: screen.id,
      data: input.data,
      context: input.values,
      flowToken: input.flowToken,
      signal,
      reply: createReplyBuilder(model, screen.id),
    });
    return checkReply(model, screen.id, exchange, reply, { allowPartial: action === "data_exchange" });
  });
}

function loadActor(model: FlowModel, screen: ScreenModel) {
  const asExchange: ExchangeModel = { targets: [], complete: false, examples: {} };
  return fromPromise<HandlerReply, HandlerInput>(async ({ input, signal }) => {
    const data =
      screen.load === undefined
        ? {}
        : await screen.load({ context: input.values, flowToken: input.flowToken, signal });
    return checkReply(
      model,
      screen.id,
      asExchange,
      { kind: "screen", screen: screen.id, data, partial: false },
      { allowPartial: false },
    );
  });
}
