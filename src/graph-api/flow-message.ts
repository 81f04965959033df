/**
 * The interactive flow message (`type: "interactive"`, `interactive.type: "flow"`), built and checked
 * against Meta's rules before anything is sent.
 */
import type { JsonObject } from "../flow-json/types.js";
import { GraphApiInputError } from "./errors.js";
import { generateFlowToken } from "./flow-token.js";

/** Meta's limit on the flow button text. */
export const MAX_FLOW_CTA_LENGTH = 20;

/** A header with text, or with an image, video or document given by `link` or uploaded media `id`. */
export type FlowMessageHeader =
  | { readonly type: "text"; readonly text: string }
  | { readonly type: "image" | "video"; readonly link?: string; readonly id?: string }
  | { readonly type: "document"; readonly link?: string; readonly id?: string; readonly filename?: string };

/**
 * Everything a flow message carries. Exactly one of `flowId` and `flowName`; `navigate` (the default
 * action) needs `screen` and may carry `data`; `data_exchange` carries neither, since the endpoint's
 * INIT answer picks the first screen.
 */
export interface FlowMessageOptions {
  /** The recipient's phone number or WhatsApp id. */
  readonly to: string;
  readonly body: string;
  readonly header?: FlowMessageHeader;
  readonly footer?: string;
  /** Button text: at most 20 characters, no emoji. */
  readonly cta: string;
  readonly flowId?: string;
  readonly flowName?: string;
  /** `"draft"` sends an unpublished flow for testing (default `"published"`). */
  readonly mode?: "published" | "draft";
  readonly action?: "navigate" | "data_exchange";
  /** First screen, for `navigate`. */
  readonly screen?: string;
  /** That screen's data, for `navigate`; a non-empty object when given. */
  readonly data?: JsonObject;
  /** Generated with {@link generateFlowToken} when not given. */
  readonly flowToken?: string;
  /** Reply to this message (`context.message_id`). */
  readonly replyToMessageId?: string;
}

/** The request body of `POST /{PHONE_NUMBER_ID}/messages` for a flow message. */
export interface FlowMessagePayload {
  readonly messaging_product: "whatsapp";
  readonly recipient_type: "individual";
  readonly to: string;
  readonly type: "interactive";
  readonly context?: { readonly message_id: string };
  readonly interactive: {
    readonly type: "flow";
    readonly header?: JsonObject;
    readonly body: { readonly text: string };
    readonly footer?: { readonly text: string };
    readonly action: { readonly name: "flow"; readonly parameters: JsonObject };
  };
}

function invalid(field: string, message: string): never {
  throw new GraphApiInputError({ field, message });
}

/** Throws unless `value` is a non-empty string. */
export function requireText(field: string, value: unknown): string {
  if (typeof value !== "string" || value.trim() === "")
    invalid(field, `${field} must be a non-empty string.`);
  return value;
}

/**
 * Checks a flow button text: 1 to 20 characters (code points), no emoji.
 *
 * @example
 * requireFlowCta("Book now!"); // ok
 * requireFlowCta("Book 📅"); // GraphApiInputError
 */
export function requireFlowCta(cta: unknown): string {
  const text = requireText("cta", cta);
  if ([...text].length > MAX_FLOW_CTA_LENGTH) {
    invalid("cta", `The flow CTA "${text}" is longer than ${MAX_FLOW_CTA_LENGTH} characters; shorten it.`);
  }
  if (/\p{Extended_Pictographic}|\p{Regional_Indicator}/u.test(text)) {
    invalid("cta", `The flow CTA "${text}" contains an emoji, which Meta refuses; use plain text.`);
  }
  return text;
}

/**
 * Checks that exactly one of the named alternatives is set and returns it as `[wireKey, value]`.
 *
 * @example
 * requireExactlyOne("flow", { flow_id: "123", flow_name: undefined }); // ["flow_id", "123"]
 */
export function requireExactlyOne<K extends string, V>(
  field: string,
  candidates: Readonly<Record<K, V | undefined>>,
): [K, V] {
  const set = (Object.entries(candidates) as [K, V | undefined][]).filter(
    (entry): entry is [K, V] => entry[1] !== undefined,
  );
  const names = Object.keys(candidates).join(", ");
  if (set.length !== 1) {
    invalid(
      field,
      set.length === 0
        ? `Give one of ${names}.`
        : `Give only one of ${names}, not ${set.map(([key]) => key).join(" and ")}.`,
    );
  }
  const chosen = set[0] as [K, V];
  if (typeof chosen[1] === "string") requireText(chosen[0], chosen[1]);
  return chosen;
}

/** Checks a screen's initial data: a plain, non-empty object when given. */
export function requireActionData(field: string, data: unknown): JsonObject {
  if (data === null || typeof data !== "object" || Array.isArray(data))
    invalid(field, `${field} must be a JSON object.`);
  if (Object.keys(data).length === 0)
    invalid(field, `${field} must not be empty: omit it instead of sending {}.`);
  return data as JsonObject;
}

function headerPayload(header: FlowMessageHeader): JsonObject {
  if (header.type === "text") return { type: "text", text: requireText("header.text", header.text) };
  if (!["image", "video", "document"].includes(header.type)) {
    invalid("header.type", "header.type must be text, image, video or document.");
  }
  const [key, value] = requireExactlyOne("header", { link: header.link, id: header.id });
  const media: JsonObject = { [key]: value };
  if (header.type === "document" && header.filename !== undefined) media["filename"] = header.filename;
  return { type: header.type, [header.type]: media };
}

function actionParameters(options: FlowMessageOptions, flowToken: string): JsonObject {
  const [referenceKey, reference] = requireExactlyOne("flow", {
    flow_id: options.flowId,
    flow_name: options.flowName,
  });
  const action = options.action ?? "navigate";
  if (action !== "navigate" && action !== "data_exchange")
    invalid("action", "action must be navigate or data_exchange.");
  const mode = options.mode ?? "published";
  if (mode !== "published" && mode !== "draft") invalid("mode", "mode must be published or draft.");
  const parameters: JsonObject = {
    flow_message_version: "3",
    flow_token: flowToken,
    [referenceKey]: reference,
    flow_cta: requireFlowCta(options.cta),
    mode,
    flow_action: action,
  };
  if (action === "data_exchange") {
    if (options.screen !== undefined || options.data !== undefined) {
      invalid(
        "screen",
        "data_exchange takes no screen or data: the endpoint's INIT answer chooses them. Remove them, or use navigate.",
      );
    }
    return parameters;
  }
  const screen = typeof options.screen === "string" && options.screen !== "" ? options.screen : undefined;
  if (screen === undefined) invalid("screen", "navigate needs the screen to open first; give screen.");
  parameters["flow_action_payload"] =
    options.data === undefined ? { screen } : { screen, data: requireActionData("data", options.data) };
  return parameters;
}

/**
 * Builds the body of a flow message and the `flow_token` it carries (generated when not given); throws
 * {@link GraphApiInputError} for any combination Meta would refuse.
 *
 * @example
 * const { payload, flowToken } = buildFlowMessage({
 *   to: "15551234567", body: "Finish signing up", cta: "Sign up", flowId: "1234567890", screen: "SIGN_UP",
 * });
 * @see https://developers.facebook.com/docs/whatsapp/cloud-api/messages/interactive-flow-messages
 */
export function buildFlowMessage(options: FlowMessageOptions): {
  payload: FlowMessagePayload;
  flowToken: string;
} {
  const to = requireText("to", options.to);
  const body = requireText("body", options.body);
  const flowToken =
    options.flowToken === undefined ? generateFlowToken() : requireText("flowToken", options.flowToken);
  const parameters = actionParameters(options, flowToken);
  const payload: FlowMessagePayload = {
    messaging_product: "whatsapp",
    recipient_type: "individual",
    to,
    type: "interactive",
    ...(options.replyToMessageId === undefined
      ? {}
      : { context: { message_id: requireText("replyToMessageId", options.replyToMessageId) } }),
    interactive: {
      type: "flow",
      ...(options.header === undefined ? {} : { header: headerPayload(options.header) }),
      body: { text: body },
      ...(options.footer === undefined ? {} : { footer: { text: requireText("footer", options.footer) } }),
      action: { name: "flow", parameters },
    },
  };
  return { payload, flowToken };
}
