/**
 * The step: one decoded data-endpoint request in, the next persisted snapshot and the reply out.
 *
 * 1. Check the action (`INIT`, `data_exchange`, `BACK`) and the snapshot (same flow and version, not
 *    completed). INIT always opens a fresh session; the others start from the snapshot, or from the
 *    entry screen when there is none (a flow opened with `navigate`).
 * 2. Reconcile client-side navigation: when the request names another screen than the snapshot's, replay
 *    the silent backs and navigate edges that lead there (see `planReconciliation`).
 * 3. Send the event to an actor created from the snapshot and wait, under a deadline, until the handler
 *    actor settles; its `AbortSignal` is aborted when the deadline passes.
 * 4. Return the persisted snapshot and the reply; stop the actor. No actor outlives a step, no state is
 *    kept between calls. On any error the caller keeps its old snapshot: nothing was persisted.
 *
 * @example
 * const stored = await sessions.get(request.flow_token);
 * const { snapshot, response, completed } = await step(signIn, stored, request, { timeoutMs: 5_000 });
 * await sessions.set(request.flow_token, snapshot);
 * return response; // encrypt and send
 * @see https://developers.facebook.com/docs/whatsapp/flows/guides/implementingyourflowendpoint#request-handling
 */
import { createActor, type Actor, type AnyStateMachine, type InspectionEvent, type Observer } from "xstate";
import type { JsonObject } from "../flow-json/types.js";
import {
  EventNotAccepted,
  HandlerFailed,
  HandlerTimedOut,
  isStepError,
  RequestInvalid,
  ScreenUnreachable,
  UnknownAction,
} from "./errors.js";
import type { Flow } from "./flow.js";
import { failureEventType, replyEventType, type FlowMachineEvent } from "./flow-machine.js";
import { planReconciliation } from "./reconcile.js";
import { toFlowResponse } from "./reply.js";
import { isJsonObject } from "./screen-data.js";
import {
  assertNotCompleted,
  positionOf,
  readFlowSnapshot,
  toFlowSnapshot,
  type FlowSnapshot,
  type SessionPosition,
} from "./snapshot.js";
import type { FlowRequest, FlowResponse, HandlerReply } from "./types.js";
import { successScreen } from "./types.js";

/** The default deadline for handlers: half of WhatsApp's 10 s, leaving room for the store and crypto. */
export const defaultStepTimeoutMs = 5_000;

/** Options of {@link step}. */
export interface StepOptions {
  /** Deadline for the handler or loader, in milliseconds (default {@link defaultStepTimeoutMs}). */
  readonly timeoutMs?: number;
  /** XState inspection observer, passed to every actor the step creates. */
  readonly inspect?: Observer<InspectionEvent> | ((event: InspectionEvent) => void);
}

/** What a step returns. */
export interface StepResult {
  /** The session to persist under the request's flow_token. */
  readonly snapshot: FlowSnapshot;
  /** The reply to encrypt and send. */
  readonly response: FlowResponse;
  /** True when the reply is `SUCCESS`: the flow closes and the token is spent. */
  readonly completed: boolean;
}

const actions = new Set(["INIT", "data_exchange", "BACK"]);

/**
 * Runs one request through the flow. Rejects only with the typed errors of `errors.ts`
 * ({@link StepError}); on rejection nothing changed and the caller's snapshot stays valid.
 */
export async function step(
  flow: Flow,
  snapshot: FlowSnapshot | undefined,
  request: FlowRequest,
  options: StepOptions = {},
): Promise<StepResult> {
  const action: unknown = (request as { action?: unknown }).action;
  if (typeof action !== "string" || !actions.has(action)) throw new UnknownAction({ action: String(action) });
  if (typeof request.flow_token !== "string" || request.flow_token === "") {
    throw new RequestInvalid({ problem: "flow_token must be a non-empty string" });
  }
  if (request.data !== undefined && !isJsonObject(request.data)) {
    throw new RequestInvalid({ problem: "data must be a JSON object when present" });
  }
  const restored = restore(flow, snapshot, request.action);
  const actor = createActor(flow.machine, {
    ...(restored === undefined ? {} : { snapshot: restored.machineSnapshot }),
    ...(options.inspect === undefined ? {} : { inspect: options.inspect }),
  });
  const outcome = listen(actor);
  actor.start();
  try {
    const position = restored?.position ?? { screen: flow.model.entry, history: [], completed: false };
    const handled = prepare(flow, actor, position, request);
    actor.send(handled.event);
    const settled = await settle(actor, options.timeoutMs ?? defaultStepTimeoutMs);
    if (settled === "timeout") {
      throw new HandlerTimedOut({
        screen: handled.screen,
        action: request.action,
        timeoutMs: options.timeoutMs ?? defaultStepTimeoutMs,
      });
    }
    if (outcome.failure !== undefined) {
      const cause = outcome.failure.error;
      throw isStepError(cause)
        ? cause
        : new HandlerFailed({ screen: handled.screen, action: request.action, cause });
    }
    const reply = outcome.reply;
    if (reply === undefined) {
      throw new EventNotAccepted({
        flowId: flow.id,
        screen: handled.screen,
        action: request.action,
        hint: "the machine took no transition for it",
      });
    }
    return {
      snapshot: toFlowSnapshot(flow, actor.getPersistedSnapshot()),
      response: toFlowResponse(reply, request.flow_token),
      completed: reply.kind === "complete",
    };
  } finally {
    actor.stop();
  }
}

function restore(flow: Flow, snapshot: FlowSnapshot | undefined, action: FlowRequest["action"]) {
  if (snapshot === undefined) return undefined;
  if (action === "INIT") {
    // Re-opening starts a new session, but a spent token stays spent.
    const completed =
      isJsonObject(snapshot) && snapshot["flowId"] === flow.id && snapshot["status"] === "done";
    if (completed) assertNotCompleted(flow, { screen: successScreen, history: [], completed: true });
    return undefined;
  }
  const restored = readFlowSnapshot(flow, snapshot);
  assertNotCompleted(flow, restored.position);
  return restored;
}

interface Outcome {
  reply?: HandlerReply;
  failure?: { readonly error: unknown };
}

function listen(actor: Actor<AnyStateMachine>): Outcome {
  const outcome: Outcome = {};
  actor.on(replyEventType, (event: { reply?: HandlerReply }) => {
    if (event.reply !== undefined) outcome.reply = event.reply;
  });
  actor.on(failureEventType, (event: { error?: unknown }) => {
    outcome.failure = { error: event.error };
  });
  // An error observer from the start: a machine error must never go unreported or escape the step.
  actor.subscribe({
    error: (error: unknown) => {
      outcome.failure ??= { error };
    },
  });
  return outcome;
}

/** Reconciles the client's position and builds the event for the request; sends the reconciling moves. */
function prepare(
  flow: Flow,
  actor: Actor<AnyStateMachine>,
  position: SessionPosition,
  request: FlowRequest,
): { readonly event: FlowMachineEvent; readonly screen: string } {
  const model = flow.model;
  const data: JsonObject = request.data ?? {};
  if (request.action === "INIT") {
    if (model.init === undefined) {
      throw new EventNotAccepted({
        flowId: flow.id,
        screen: model.entry,
        action: "INIT",
        hint: "the flow has no INIT handler; send it with flow_action 'navigate' or give createFlow an 'init'",
      });
    }
    return { event: { type: "INIT", data, flowToken: request.flow_token }, screen: model.entry };
  }
  const requested = request.screen === undefined || request.screen === "" ? undefined : request.screen;
  if (requested === undefined && request.action === "data_exchange") {
    throw new RequestInvalid({ problem: "a data_exchange request must name its screen" });
  }
  const screen = requested ?? position.screen;
  if (screen !== position.screen) {
    const moves = planReconciliation(model, position, screen);
    if (moves === undefined) {
      throw new ScreenUnreachable({
        flowId: flow.id,
        from: position.screen,
        screen,
        known: model.byId.has(screen),
      });
    }
    for (const move of moves)
      actor.send({ ...move, ...(move.type === "BACK" ? { flowToken: request.flow_token } : {}) });
  }
  const current = model.byId.get(screen);
  const reached = positionOf(flow, actor.getSnapshot() as unknown as { readonly [key: string]: unknown });
  if (current === undefined || reached.screen !== screen) {
    throw new ScreenUnreachable({
      flowId: flow.id,
      from: position.screen,
      screen,
      known: current !== undefined,
    });
  }
  if (request.action === "data_exchange") {
    if (current.exchange?.run === undefined) {
      throw new EventNotAccepted({
        flowId: flow.id,
        screen,
        action: "data_exchange",
        hint:
          current.exchange === undefined
            ? "give it a data_exchange handler in createFlow({ states })"
            : "the flow was imported from Flow JSON and has no handler; define it with defineFlow to serve it",
      });
    }
    return { event: { type: "data_exchange", data, flowToken: request.flow_token }, screen };
  }
  if (!current.refreshOnBack || reached.history.length === 0) {
    throw new EventNotAccepted({
      flowId: flow.id,
      screen,
      action: "BACK",
      hint: current.refreshOnBack
        ? "there is no earlier screen in this session to go back to"
        : "WhatsApp only sends BACK for screens with refresh_on_back: true",
    });
  }
  return { event: { type: "BACK", flowToken: request.flow_token }, screen };
}

/** Waits until the actor rests on an `idle` screen or completed, or until the deadline. */
function settle(actor: Actor<AnyStateMachine>, timeoutMs: number): Promise<"settled" | "timeout"> {
  return new Promise((resolve) => {
    let finished = false;
    const subscription: { current?: { unsubscribe(): void } } = {};
    // Created first: the actor may report an error synchronously while we subscribe.
    const timer = setTimeout(() => done("timeout"), timeoutMs);
    function done(result: "settled" | "timeout"): void {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      subscription.current?.unsubscribe();
      resolve(result);
    }
    const check = (): void => {
      const snapshot = actor.getSnapshot() as { status: string; value: unknown };
      if (snapshot.status !== "active" || isIdle(snapshot.value)) done("settled");
    };
    subscription.current = actor.subscribe({
      next: check,
      complete: () => done("settled"),
      error: () => done("settled"),
    });
    if (finished) subscription.current.unsubscribe();
    else check();
  });
}

function isIdle(value: unknown): boolean {
  if (!isJsonObject(value)) return false;
  return Object.values(value).every((substate) => substate === "idle");
}
