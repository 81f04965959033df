/**
 * The shapes a flow author and the transport see: the authoring config given to
 * `defineFlow(...).createFlow(...)`, the handler arguments and replies, the decoded protocol request
 * and the reply the step returns.
 *
 * @example
 * const request: FlowRequest = { action: "data_exchange", screen: "SIGN_IN", data: { email: "a@b.c" }, flow_token: "t-1" };
 * @see https://developers.facebook.com/docs/whatsapp/flows/guides/implementingyourflowendpoint
 */
import type { JsonObject, RoutingModel, Screen } from "../flow-json/types.js";
import type { DataOf } from "./screen-data.js";

/** The screens of a flow, keyed by screen id; key order is the order of `screens` in the Flow JSON. */
export type ScreensRecord = { readonly [id: string]: Screen };

/** The screen ids of a screens record. */
export type ScreenId<S extends ScreensRecord> = Extract<keyof S, string>;

/** The reserved screen name of a completion reply. */
export const successScreen = "SUCCESS";

// -------------------------------------------------------------------------------------------------
// Replies a handler returns
// -------------------------------------------------------------------------------------------------

/** Options of a screen reply. */
export interface ReplyOptions<C> {
  /** Shown as a snackbar (sent as `data.error_message`). */
  readonly errorMessage?: string;
  /** Per-field messages, sent as the data field the screen's Form binds `error-messages` to. */
  readonly fieldErrors?: { readonly [field: string]: string };
  /** What the flow learned; merged into the context. */
  readonly context?: Partial<C>;
}

/** A reply that shows a screen (another one, or the same one refreshed). */
export interface ScreenReply {
  readonly kind: "screen";
  readonly screen: string;
  readonly data: JsonObject;
  /** True for a same-screen refresh that sends only some fields. */
  readonly partial: boolean;
  readonly errorMessage?: string;
  readonly context?: object;
}

/** A reply that completes the flow; `params` become the completion message (`flow_token` is added). */
export interface CompleteReply {
  readonly kind: "complete";
  readonly params: JsonObject;
  readonly context?: object;
}

/** What a data_exchange or INIT handler returns. Build it with the `reply` helpers. */
export type HandlerReply = ScreenReply | CompleteReply;

type DataArgs<D, C> =
  Record<string, never> extends D
    ? [data?: D, options?: ReplyOptions<C>]
    : [data: D, options?: ReplyOptions<C>];

/** The reply helpers handed to every handler; they type-check data against the target screen. */
export interface ReplyBuilder<S extends ScreensRecord, C, K extends ScreenId<S>> {
  /** Show `screen` with its full data. */
  screen<T extends ScreenId<S>>(screen: T, ...args: DataArgs<DataOf<S[T]>, C>): ScreenReply;
  /** Stay on the current screen: a snackbar, per-field errors, and/or some of its data. */
  refresh(options?: ReplyOptions<C> & { readonly data?: Partial<DataOf<S[K]>> }): ScreenReply;
  /** Complete the flow (`SUCCESS`); `params` become the completion message. */
  complete(params?: JsonObject, options?: { readonly context?: Partial<C> }): CompleteReply;
}

// -------------------------------------------------------------------------------------------------
// Handlers
// -------------------------------------------------------------------------------------------------

/** What a data_exchange or INIT handler receives. */
export interface HandlerArgs<S extends ScreensRecord, C, K extends ScreenId<S>> {
  /** The screen the request came from (the entry screen for INIT). */
  readonly screen: K;
  /** The action payload (`data` of the request, `{}` for INIT). */
  readonly data: JsonObject;
  /** What the flow has learned so far. */
  readonly context: Readonly<C>;
  readonly flowToken: string;
  /** Aborted when the step's deadline passes; hand it to fetch and database calls. */
  readonly signal: AbortSignal;
  readonly reply: ReplyBuilder<S, C, K>;
}

/** What a screen's data loader receives. */
export interface LoadArgs<C> {
  readonly context: Readonly<C>;
  readonly flowToken: string;
  readonly signal: AbortSignal;
}

/** Example payloads per outcome, so that every transition of a path can be driven. */
export type ExchangeExamples<S extends ScreensRecord> = {
  readonly [T in ScreenId<S> | typeof successScreen]?: JsonObject | readonly JsonObject[];
};

/**
 * A data_exchange (or INIT) handler: the screens it may answer with, whether it may complete the flow,
 * and the async function that decides. Every possible outcome is declared, so the screen graph is static.
 */
export interface ExchangeConfig<S extends ScreensRecord, C, K extends ScreenId<S>> {
  /** Screens this handler may answer with (the current screen is always allowed, as a refresh). */
  readonly targets?: readonly ScreenId<S>[];
  /** True when the handler may complete the flow with `reply.complete(...)`. */
  readonly complete?: boolean;
  /** Payloads that lead to each outcome, used by `flowmachine/testing` to drive paths. */
  readonly examples?: ExchangeExamples<S>;
  readonly run: (args: HandlerArgs<S, C, K>) => Promise<HandlerReply> | HandlerReply;
}

/** The run-time part of one screen: its data loader and its data_exchange handler. */
export interface ScreenConfig<S extends ScreensRecord, C, K extends ScreenId<S>> {
  /** Fresh data for this screen when the user comes back to it (BACK) or opens the flow on it (INIT). */
  readonly load?: (args: LoadArgs<C>) => Promise<DataOf<S[K]>> | DataOf<S[K]>;
  readonly data_exchange?: ExchangeConfig<S, C, K>;
}

/** The static options of a flow: what it is called, its Flow JSON version and its screens. */
export interface DefineFlowOptions<S extends ScreensRecord, C> {
  /** Letters, digits, `-` and `_`; becomes the machine id and goes into every snapshot. */
  readonly id: string;
  /** Flow JSON version, e.g. `"7.3"`. */
  readonly version: string;
  /** Defaults to `"3.0"` when the flow talks to an endpoint, absent otherwise. */
  readonly dataApiVersion?: string;
  readonly screens: S;
  /** The initial context (JSON values only: it is persisted with the snapshot). */
  readonly context?: C;
  /**
   * `"derive"` (the default for endpoint flows) computes the routing model from the machine; `"omit"`
   * (the default otherwise) leaves it out; an object pins it as written and compile checks it.
   */
  readonly routingModel?: "derive" | "omit" | RoutingModel;
  /** Extra top-level Flow JSON properties kept as given (e.g. `data_channel_uri` of old documents). */
  readonly extra?: JsonObject;
}

/** The run-time half of a flow: entry screen, INIT handler and per-screen handlers. */
export interface FlowConfig<S extends ScreensRecord, C> {
  /** The entry screen; defaults to the first screen. */
  readonly initial?: ScreenId<S>;
  /** Answers INIT; defaults to the entry screen with the data of its `load` (or none). */
  readonly init?: ExchangeConfig<S, C, ScreenId<S>>;
  readonly states?: { readonly [K in ScreenId<S>]?: ScreenConfig<S, C, K> };
}

// -------------------------------------------------------------------------------------------------
// The protocol side
// -------------------------------------------------------------------------------------------------

/** The actions that reach a flow (ping and error notifications are answered before a flow is involved). */
export type FlowAction = "INIT" | "data_exchange" | "BACK";

/** One decoded data-endpoint request. */
export interface FlowRequest {
  readonly action: FlowAction;
  readonly screen?: string;
  readonly data?: JsonObject;
  readonly flow_token: string;
  readonly version?: string;
}

/** The reply that shows a screen. */
export interface ScreenResponse {
  readonly screen: string;
  readonly data: JsonObject;
}

/** The reply that completes the flow. */
export interface SuccessResponse {
  readonly screen: typeof successScreen;
  readonly data: {
    readonly extension_message_response: { readonly params: JsonObject & { readonly flow_token: string } };
  };
}

/** What the endpoint encrypts and sends back. */
export type FlowResponse = ScreenResponse | SuccessResponse;
