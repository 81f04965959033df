/**
 * The five Flow JSON actions. Payloads take refs and expressions directly and render them to their
 * bindings; a left-out payload is written as `{}` (as Meta's own examples and pywa write it).
 *
 * Each builder returns its own wire action type, and each component accepts only the actions Meta
 * allows there, so `footer({ onClickAction: updateData(...) })` does not compile.
 *
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/flowjson
 */
import type {
  CompleteAction,
  DataExchangeAction,
  NavigateAction,
  NextTarget,
  OpenUrlAction,
  UpdateDataAction,
} from "../types.js";
import { DataUpdate } from "../refs.js";
import { type PayloadObject, type PayloadValue, toWirePayload } from "./wire-value.js";

/** Where `navigate` goes: a screen id, a built screen, or a `NextTarget` (`plugin(...)`). */
export type NavigateTarget = string | { readonly id: string } | NextTarget;

function nextOf(target: NavigateTarget): NextTarget {
  if (typeof target === "string") return { type: "screen", name: target };
  if ("id" in target) return { type: "screen", name: target.id };
  return { type: target.type, name: target.name };
}

/**
 * A `navigate` target that opens a plugin instead of a screen.
 *
 * @example
 * navigate(plugin("payments")); // { name: "navigate", next: { type: "plugin", name: "payments" }, payload: {} }
 */
export function plugin(name: string): NextTarget {
  return { type: "plugin", name };
}

/**
 * Moves to another screen on the client, passing `payload` as that screen's data. With an endpoint the
 * edge must also be in the routing model; from 4.0, prefer global refs over payloads.
 *
 * @example
 * embeddedLink({ text: "Sign up", onClickAction: navigate("SIGN_UP") });
 * // on-click-action: { name: "navigate", next: { type: "screen", name: "SIGN_UP" }, payload: {} }
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/flowjson#navigate
 */
export function navigate(target: NavigateTarget, payload: PayloadObject = {}): NavigateAction {
  return { name: "navigate", next: nextOf(target), payload: toWirePayload(payload) };
}

/**
 * Sends `payload` to the data endpoint, which answers with the next screen (or closes the flow).
 *
 * @example
 * footer({ label: "Sign in", onClickAction: dataExchange({ email: email.ref, password: password.ref }) });
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/flowjson#data-exchange
 */
export function dataExchange(payload: PayloadObject = {}): DataExchangeAction {
  return { name: "data_exchange", payload: toWirePayload(payload) };
}

/**
 * Ends the flow; `payload` becomes the completion message's `response_json`. Allowed on a terminal
 * screen's Footer only.
 *
 * @example
 * footer({ label: "Subscribe", onClickAction: complete({ email: email.ref }) });
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/flowjson#complete
 */
export function complete(payload: PayloadObject = {}): CompleteAction {
  return { name: "complete", payload: toWirePayload(payload) };
}

/**
 * Updates the current screen's data on the client (Flow JSON 6.0+), from a payload object or from the
 * typed `update` of data refs.
 *
 * @example
 * updateData(data.state_visibility.update(true), data.pincode_visibility.update(false));
 * updateData({ state_visibility: true }); // the same payload, written by key
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/flowjson#update-data
 */
export function updateData(payload: PayloadObject): UpdateDataAction;
export function updateData(...updates: readonly [DataUpdate, ...DataUpdate[]]): UpdateDataAction;
export function updateData(...updates: readonly (PayloadObject | DataUpdate)[]): UpdateDataAction {
  const payload: Record<string, PayloadValue> = {};
  for (const update of updates) {
    if (update instanceof DataUpdate) payload[update.key] = update.value;
    else Object.assign(payload, update);
  }
  return { name: "update_data", payload: toWirePayload(payload) };
}

/**
 * Opens `url` in the browser (Flow JSON 6.0+); allowed on EmbeddedLink and OptIn only.
 *
 * @example
 * optIn({ name: "terms", label: "I agree", onClickAction: openUrl("https://example.com/terms") });
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/flowjson#open-url
 */
export function openUrl(url: string): OpenUrlAction {
  return { name: "open_url", url };
}
