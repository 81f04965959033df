/**
 * Handler replies: the `reply` helpers every handler receives, the run-time check of what a handler
 * returned (declared target, data matching the target screen), and the wire reply built from it.
 *
 * @example
 * // inside a handler
 * return reply.screen("SIGN_IN", { welcome: "Thanks!", default_email: email });
 * return reply.refresh({ errorMessage: "Incorrect password. Please try again." });
 * return reply.complete({ email });
 * @see https://developers.facebook.com/docs/whatsapp/flows/guides/implementingyourflowendpoint#data_exchange_request
 */
import type { JsonObject } from "../flow-json/types.js";
import { ReplyDataInvalid, ReplyInvalid } from "./errors.js";
import type { ExchangeModel, FlowModel } from "./flow-model.js";
import { fieldErrorsDataKey } from "./layout-actions.js";
import { checkScreenData, errorMessageKey, isJsonObject } from "./screen-data.js";
import type {
  CompleteReply,
  FlowResponse,
  HandlerReply,
  ReplyBuilder,
  ReplyOptions,
  ScreenReply,
  ScreensRecord,
  SuccessResponse,
} from "./types.js";
import { successScreen } from "./types.js";

/** The `reply` helpers for a handler running on screen `current`. */
export function createReplyBuilder(
  model: FlowModel,
  current: string,
): ReplyBuilder<ScreensRecord, object, string> {
  const screenReply = (
    screen: string,
    data: JsonObject,
    partial: boolean,
    options: ReplyOptions<object> | undefined,
  ): ScreenReply => ({
    kind: "screen",
    screen,
    data: withFieldErrors(model, screen, data, options?.fieldErrors),
    partial,
    ...(options?.errorMessage === undefined ? {} : { errorMessage: options.errorMessage }),
    ...(options?.context === undefined ? {} : { context: options.context }),
  });
  return {
    screen: (screen: string, data?: JsonObject, options?: ReplyOptions<object>) =>
      screenReply(screen, data ?? {}, false, options),
    refresh: (options?: ReplyOptions<object> & { readonly data?: JsonObject }) =>
      screenReply(current, options?.data ?? {}, true, options),
    complete: (params?: JsonObject, options?: { readonly context?: object }): CompleteReply => ({
      kind: "complete",
      params: params ?? {},
      ...(options?.context === undefined ? {} : { context: options.context }),
    }),
  } as ReplyBuilder<ScreensRecord, object, string>;
}

function withFieldErrors(
  model: FlowModel,
  screen: string,
  data: JsonObject,
  fieldErrors: { readonly [field: string]: string } | undefined,
): JsonObject {
  if (fieldErrors === undefined) return data;
  const target = model.byId.get(screen);
  const key = target === undefined ? undefined : fieldErrorsDataKey(target.screen);
  if (key === undefined) {
    throw new ReplyInvalid({
      screen,
      problem:
        `fieldErrors needs a Form on screen '${screen}' whose 'error-messages' is bound to a data field ` +
        `(e.g. "\${data.errors}"); add one, or use errorMessage for a snackbar`,
    });
  }
  return { ...data, [key]: { ...fieldErrors } };
}

/**
 * Checks what a handler on `current` returned: a reply built by the helpers, a declared target (or the
 * current screen), completion only when declared, and data matching the target screen (all of it, unless
 * `allowPartial` and the reply refreshes the current screen).
 * Throws {@link ReplyInvalid} or {@link ReplyDataInvalid}; returns the reply unchanged otherwise.
 */
export function checkReply(
  model: FlowModel,
  current: string,
  exchange: ExchangeModel,
  reply: unknown,
  options: { readonly allowPartial: boolean },
): HandlerReply {
  if (!isJsonObjectLike(reply) || (reply["kind"] !== "screen" && reply["kind"] !== "complete")) {
    throw new ReplyInvalid({
      screen: current,
      problem: "return reply.screen(...), reply.refresh(...) or reply.complete(...) from the handler",
    });
  }
  const context = reply["context"];
  if (context !== undefined && !isJsonObjectLike(context)) {
    throw new ReplyInvalid({ screen: current, problem: "'context' must be an object of values to remember" });
  }
  if (reply["kind"] === "complete") {
    if (!exchange.complete) {
      throw new ReplyInvalid({
        screen: current,
        problem: `it completed the flow; declare 'complete: true' on the handler of '${current}' first`,
      });
    }
    if (!isJsonObject(reply["params"])) {
      throw new ReplyInvalid({ screen: current, problem: "the completion params must be a JSON object" });
    }
    return reply as unknown as CompleteReply;
  }
  const screen = reply["screen"];
  const data = reply["data"];
  if (typeof screen !== "string" || !isJsonObject(data)) {
    throw new ReplyInvalid({
      screen: current,
      problem: "a screen reply needs a screen id and a data object",
    });
  }
  if (screen !== current && !exchange.targets.includes(screen)) {
    throw new ReplyInvalid({
      screen: current,
      problem:
        `it answered with '${screen}', which is not among its targets [${exchange.targets.join(", ")}]; ` +
        `add '${screen}' to 'targets' so the screen graph and the routing model know about it`,
    });
  }
  const target = model.byId.get(screen);
  if (target === undefined) {
    throw new ReplyInvalid({ screen: current, problem: `the flow has no screen '${screen}'` });
  }
  const errorMessage = reply["errorMessage"];
  if (errorMessage !== undefined && typeof errorMessage !== "string") {
    throw new ReplyInvalid({ screen: current, problem: "errorMessage must be a string" });
  }
  const partial = options.allowPartial && reply["partial"] === true && screen === current;
  const problems = checkScreenData(target.screen, data, { partial });
  if (problems.length > 0) throw new ReplyDataInvalid({ screen, problems });
  return reply as unknown as ScreenReply;
}

function isJsonObjectLike(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The wire reply for a checked handler reply; `flow_token` is always the request's. */
export function toFlowResponse(reply: HandlerReply, flowToken: string): FlowResponse {
  if (reply.kind === "complete") {
    const { flow_token: _authorsToken, ...params } = reply.params;
    const response: SuccessResponse = {
      screen: successScreen,
      data: { extension_message_response: { params: { flow_token: flowToken, ...params } } },
    };
    return response;
  }
  const data: JsonObject =
    reply.errorMessage === undefined
      ? { ...reply.data }
      : { ...reply.data, [errorMessageKey]: reply.errorMessage };
  return { screen: reply.screen, data };
}
