/**
 * Message templates with a FLOW button: the template definition (`POST /{WABA_ID}/message_templates`)
 * and the template message that opens the flow (`flow_token`, `flow_action_data`).
 */
import type { JsonObject } from "../flow-json/types.js";
import { GraphApiInputError } from "./errors.js";
import { requireActionData, requireExactlyOne, requireText } from "./flow-message.js";
import { resolveFlowJson, type FlowJsonFileReader, type FlowJsonSource } from "./flow-json-source.js";
import { generateFlowToken } from "./flow-token.js";

/**
 * The FLOW button of a template: exactly one of `flowId`, `flowName` and `flowJson` (a document, JSON
 * text, `{ path }` or a machine, sent inline as a string); `navigate` (the default) needs `navigateScreen`.
 */
export interface FlowTemplateButton {
  readonly text: string;
  readonly flowId?: string;
  readonly flowName?: string;
  readonly flowJson?: FlowJsonSource;
  readonly flowAction?: "navigate" | "data_exchange";
  readonly navigateScreen?: string;
  readonly icon?: "DOCUMENT" | "PROMOTION" | "REVIEW";
}

/** A template whose only button opens a flow. */
export interface CreateFlowTemplateOptions {
  readonly wabaId: string;
  /** Lower-case letters, digits and underscores. */
  readonly name: string;
  /** Language code such as `en_US`. */
  readonly language: string;
  readonly category: "MARKETING" | "UTILITY";
  readonly body: string;
  /** Sample values for `{{1}}`, `{{2}}`, ... in `body` (Meta requires them when the body has variables). */
  readonly bodyExample?: readonly string[];
  /** Text header. */
  readonly header?: string;
  readonly footer?: string;
  readonly button: FlowTemplateButton;
}

function invalid(field: string, message: string): never {
  throw new GraphApiInputError({ field, message });
}

async function flowButton(button: FlowTemplateButton, readFile?: FlowJsonFileReader): Promise<JsonObject> {
  const [key, reference] = requireExactlyOne<"flow_id" | "flow_name" | "flow_json", FlowJsonSource>(
    "button",
    {
      flow_id: button.flowId,
      flow_name: button.flowName,
      flow_json: button.flowJson,
    },
  );
  const value =
    key === "flow_json" ? (await resolveFlowJson(reference, readFile)).text : (reference as string);
  const action = button.flowAction ?? "navigate";
  if (action !== "navigate" && action !== "data_exchange")
    invalid("button.flowAction", "flowAction must be navigate or data_exchange.");
  const result: JsonObject = {
    type: "FLOW",
    text: requireText("button.text", button.text),
    [key]: value,
    flow_action: action,
  };
  if (action === "navigate") {
    result["navigate_screen"] = requireText("button.navigateScreen", button.navigateScreen);
  } else if (button.navigateScreen !== undefined) {
    invalid(
      "button.navigateScreen",
      "navigateScreen goes with navigate only; data_exchange lets the endpoint choose the screen.",
    );
  }
  if (button.icon !== undefined) result["icon"] = button.icon;
  return result;
}

/**
 * Builds the body of `POST /{WABA_ID}/message_templates` for a template with one FLOW button; throws
 * {@link GraphApiInputError} before anything is sent when a rule is broken.
 *
 * @example
 * const body = await buildFlowTemplate({
 *   wabaId, name: "sign_up_invite", language: "en_US", category: "MARKETING", body: "Join us!",
 *   button: { text: "Sign up", flowId: "1234567890", navigateScreen: "SIGN_UP" },
 * });
 * @see https://developers.facebook.com/docs/whatsapp/business-management-api/message-templates
 */
export async function buildFlowTemplate(
  options: CreateFlowTemplateOptions,
  readFile?: FlowJsonFileReader,
): Promise<JsonObject> {
  if (typeof options.name !== "string" || !/^[a-z0-9_]{1,512}$/.test(options.name)) {
    invalid("name", "Template names use lower-case letters, digits and underscores only (at most 512).");
  }
  if (options.category !== "MARKETING" && options.category !== "UTILITY")
    invalid("category", "category must be MARKETING or UTILITY.");
  const body: JsonObject = { type: "BODY", text: requireText("body", options.body) };
  if (options.bodyExample !== undefined) body["example"] = { body_text: [[...options.bodyExample]] };
  const components: JsonObject[] = [
    ...(options.header === undefined
      ? []
      : [{ type: "HEADER", format: "TEXT", text: requireText("header", options.header) }]),
    body,
    ...(options.footer === undefined
      ? []
      : [{ type: "FOOTER", text: requireText("footer", options.footer) }]),
    { type: "BUTTONS", buttons: [await flowButton(options.button, readFile)] },
  ];
  return {
    name: options.name,
    language: requireText("language", options.language),
    category: options.category,
    components,
  };
}

/** A template message that opens the flow of its FLOW button. */
export interface FlowTemplateMessageOptions {
  readonly to: string;
  readonly templateName: string;
  readonly languageCode: string;
  /** Generated with {@link generateFlowToken} when not given (Meta would otherwise use `"unused"`). */
  readonly flowToken?: string;
  /** Data of the first screen; a non-empty object when given. */
  readonly flowActionData?: JsonObject;
  /** Position of the FLOW button among the template's buttons (default 0). */
  readonly buttonIndex?: number;
  /** Other components of the message (header or body parameters), sent before the button. */
  readonly components?: readonly JsonObject[];
  readonly replyToMessageId?: string;
}

/**
 * Builds the body of `POST /{PHONE_NUMBER_ID}/messages` for a template message whose FLOW button carries
 * `flow_token` and `flow_action_data`.
 *
 * @example
 * const { payload, flowToken } = buildFlowTemplateMessage({ to: "15551234567", templateName: "sign_up_invite", languageCode: "en_US" });
 * @see https://developers.facebook.com/docs/whatsapp/flows/guides/sendingaflow
 */
export function buildFlowTemplateMessage(options: FlowTemplateMessageOptions): {
  payload: JsonObject;
  flowToken: string;
} {
  const flowToken =
    options.flowToken === undefined ? generateFlowToken() : requireText("flowToken", options.flowToken);
  const index = options.buttonIndex ?? 0;
  if (!Number.isInteger(index) || index < 0 || index > 9)
    invalid("buttonIndex", "buttonIndex must be an integer from 0 to 9.");
  const action: JsonObject = { flow_token: flowToken };
  if (options.flowActionData !== undefined)
    action["flow_action_data"] = requireActionData("flowActionData", options.flowActionData);
  const button: JsonObject = {
    type: "button",
    sub_type: "flow",
    index: String(index),
    parameters: [{ type: "action", action }],
  };
  const payload: JsonObject = {
    messaging_product: "whatsapp",
    recipient_type: "individual",
    to: requireText("to", options.to),
    type: "template",
    template: {
      name: requireText("templateName", options.templateName),
      language: { code: requireText("languageCode", options.languageCode) },
      components: [...(options.components ?? []), button],
    },
  };
  if (options.replyToMessageId !== undefined) payload["context"] = { message_id: options.replyToMessageId };
  return { payload, flowToken };
}
