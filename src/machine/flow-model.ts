/**
 * The normalised, static description of a flow that the machine, the step, the compiler and the path
 * tester all read: screens in declaration order, their layout edges, handlers and loaders. Built once by
 * `defineFlow(...).createFlow(...)` or `importFlowJson(...)`.
 *
 * @example
 * const model = flow.model;
 * model.byId.get("SIGN_IN")?.navigate; // ["SIGN_UP", "FORGOT_PASSWORD"]
 */
import type { JsonObject, RoutingModel, Screen } from "../flow-json/types.js";
import type { HandlerArgs, HandlerReply, LoadArgs, ScreensRecord } from "./types.js";

/** A data_exchange or INIT handler after normalisation. `run` is absent for imported flows. */
export interface ExchangeModel {
  /** Declared targets, in declaration order (the current screen is always allowed on top of them). */
  readonly targets: readonly string[];
  readonly complete: boolean;
  /** Example payloads per outcome (`SUCCESS` for completion). */
  readonly examples: { readonly [outcome: string]: readonly JsonObject[] };
  readonly run?: (args: HandlerArgs<ScreensRecord, object, string>) => Promise<HandlerReply> | HandlerReply;
}

/** A loader after normalisation. */
export type LoadModel = (args: LoadArgs<object>) => Promise<JsonObject> | JsonObject;

/** One screen after normalisation. */
export interface ScreenModel {
  readonly id: string;
  readonly screen: Screen;
  /** Screens the layout's navigate actions lead to, in document order. */
  readonly navigate: readonly string[];
  /** True when the layout has a `complete` action (client-side completion). */
  readonly completes: boolean;
  /** True when the layout has a `data_exchange` action. */
  readonly sendsDataExchange: boolean;
  readonly refreshOnBack: boolean;
  readonly exchange?: ExchangeModel;
  readonly load?: LoadModel;
}

/** A whole flow after normalisation. */
export interface FlowModel {
  readonly id: string;
  readonly version: string;
  readonly dataApiVersion: string | undefined;
  readonly entry: string;
  readonly screens: readonly ScreenModel[];
  readonly byId: ReadonlyMap<string, ScreenModel>;
  /** The INIT handler, present when the flow can be opened with `flow_action: data_exchange`. */
  readonly init?: ExchangeModel;
  readonly routingModel: "derive" | "omit" | RoutingModel;
  readonly extra: JsonObject;
  readonly initialContext: object;
  /** `imported` flows come from a Flow JSON document and have no handlers. */
  readonly origin: "defined" | "imported";
}

/** The screens that can lead to `id` forward (navigate or data_exchange), in declaration order. */
export function predecessors(model: FlowModel, id: string): string[] {
  return model.screens
    .filter((screen) => screen.id !== id && forwardTargets(screen).includes(id))
    .map((screen) => screen.id);
}

/** The screens `screen` can lead to by navigate or data_exchange, without duplicates. */
export function forwardTargets(screen: ScreenModel): string[] {
  const targets = [...screen.navigate];
  for (const target of screen.exchange?.targets ?? []) if (!targets.includes(target)) targets.push(target);
  return targets;
}

/** True when some refresh_on_back screen can go back to `id`, so `id` needs a data loader state. */
export function isRefreshTarget(model: FlowModel, id: string): boolean {
  return model.screens.some((screen) => screen.refreshOnBack && predecessors(model, screen.id).includes(id));
}

/**
 * The history stack after a move from `from` to `to`: a move to a screen already on the stack returns to
 * it (the stack is cut there), a refresh keeps it, INIT opens a new one, any other move pushes `from`.
 */
export function nextHistory(
  history: readonly string[],
  from: string,
  to: string,
  kind: "INIT" | "navigate" | "data_exchange",
): readonly string[] {
  if (kind === "INIT") return [];
  if (to === from) return history;
  const index = history.indexOf(to);
  return index >= 0 ? history.slice(0, index) : [...history, from];
}
