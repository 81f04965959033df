/**
 * Flow preview links with Meta's documented parameters, so a flow can be opened in a browser in a chosen
 * state (interactive, with a token, on a screen, against a phone number's key, with debugging).
 */
import type { JsonObject } from "../flow-json/types.js";
import { GraphApiInputError } from "./errors.js";

/** The parameters of a preview link. */
export interface PreviewUrlOptions {
  /** Clickable preview that calls the endpoint. */
  readonly interactive?: boolean;
  readonly flowToken?: string;
  readonly flowAction?: "navigate" | "data_exchange";
  /** First screen and its data, for `navigate`. */
  readonly flowActionPayload?: { readonly screen: string; readonly data?: JsonObject };
  /** The phone number whose business public key encrypts the endpoint requests. */
  readonly phoneNumber?: string;
  /** Show the request and response of each endpoint call. */
  readonly debug?: boolean;
}

/**
 * Adds the parameters to a `preview_url` (keeping its own `token`, replacing a parameter that is already
 * there); values are URI-encoded, `flow_action_payload` as compact JSON.
 *
 * @example
 * const { preview_url } = await client.flows.getPreview(flowId);
 * buildPreviewUrl(preview_url, { interactive: true, flowAction: "navigate", flowActionPayload: { screen: "SIGN_IN" } });
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/flowsapi
 */
export function buildPreviewUrl(previewUrl: string, options: PreviewUrlOptions): string {
  let url: URL;
  try {
    url = new URL(previewUrl);
  } catch {
    throw new GraphApiInputError({
      field: "previewUrl",
      message: "previewUrl must be the absolute preview_url Meta returned.",
    });
  }
  if (options.flowAction === "data_exchange" && options.flowActionPayload !== undefined) {
    throw new GraphApiInputError({
      field: "flowActionPayload",
      message: "data_exchange takes no flowActionPayload; remove it or use navigate.",
    });
  }
  const added: [string, string | undefined][] = [
    ["interactive", options.interactive === undefined ? undefined : String(options.interactive)],
    ["flow_token", options.flowToken],
    ["flow_action", options.flowAction],
    [
      "flow_action_payload",
      options.flowActionPayload === undefined ? undefined : JSON.stringify(options.flowActionPayload),
    ],
    ["phone_number", options.phoneNumber],
    ["debug", options.debug === undefined ? undefined : String(options.debug)],
  ];
  const names = new Set(added.filter(([, value]) => value !== undefined).map(([name]) => name));
  const kept = url.search
    .replace(/^\?/, "")
    .split("&")
    .filter((pair) => pair !== "" && !names.has(decodeURIComponent(pair.split("=")[0] ?? "")));
  const fresh = added.flatMap(([name, value]) =>
    value === undefined ? [] : [`${name}=${encodeURIComponent(value)}`],
  );
  url.search = [...kept, ...fresh].join("&");
  return url.href;
}
