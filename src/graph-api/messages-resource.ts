/**
 * Sending flows: interactive flow messages, template messages with a FLOW button, and creating such
 * templates. Every input is checked before the request is made.
 */
import { Schema } from "effect";
import { buildFlowMessage, type FlowMessageOptions } from "./flow-message.js";
import {
  buildFlowTemplate,
  buildFlowTemplateMessage,
  type CreateFlowTemplateOptions,
  type FlowTemplateMessageOptions,
} from "./flow-template.js";
import type { FlowJsonFileReader } from "./flow-json-source.js";
import { idSegment, type GraphTransport } from "./graph-transport.js";

/** Meta's answer to `POST /{PHONE_NUMBER_ID}/messages`. */
export const SentMessageAnswer = Schema.Struct({
  messaging_product: Schema.String,
  contacts: Schema.optionalKey(Schema.Array(Schema.Struct({ input: Schema.String, wa_id: Schema.String }))),
  messages: Schema.NonEmptyArray(
    Schema.Struct({ id: Schema.String, message_status: Schema.optionalKey(Schema.String) }),
  ),
});

/** A sent flow message: Meta's answer, the message id (`wamid...`) and the `flow_token` it carries. */
export interface SentFlowMessage {
  /** The wamid; the completion webhook's `context.id` names it. */
  readonly messageId: string;
  readonly flowToken: string;
  readonly waId: string | undefined;
  readonly answer: typeof SentMessageAnswer.Type;
}

/** Meta's answer to a template creation. */
export const CreatedTemplate = Schema.Struct({
  id: Schema.String,
  status: Schema.optionalKey(Schema.String),
  category: Schema.optionalKey(Schema.String),
});
/** The decoded shape of {@link CreatedTemplate}. */
export type CreatedTemplate = typeof CreatedTemplate.Type;

/** Which phone number sends. */
export interface SenderOptions {
  readonly phoneNumberId: string;
}

/**
 * The sending calls of a client, bound to a transport. A message send is not retried after a 5xx or a
 * network error unless `retry.replayUnsafeRequests` is set, since Meta may already have sent it.
 *
 * @example
 * const sent = await client.messages.sendFlowMessage({
 *   phoneNumberId, to: "15551234567", body: "Sign in to continue", cta: "Sign in",
 *   flowId: "1234567890", action: "data_exchange", mode: "draft",
 * });
 * console.log(sent.messageId, sent.flowToken);
 * @see https://developers.facebook.com/docs/whatsapp/cloud-api/messages/interactive-flow-messages
 */
export function createMessagesResource(transport: GraphTransport, readFile?: FlowJsonFileReader) {
  const send = async (
    phoneNumberId: string,
    payload: unknown,
    flowToken: string,
  ): Promise<SentFlowMessage> => {
    const path = `/${idSegment("phoneNumberId", phoneNumberId)}/messages`;
    const answer = await transport.call(
      { method: "POST", path, body: { json: payload }, replaySafe: false },
      SentMessageAnswer,
    );
    return { messageId: answer.messages[0].id, flowToken, waId: answer.contacts?.[0]?.wa_id, answer };
  };

  return {
    /** `POST /{PHONE_NUMBER_ID}/messages` with an interactive flow message. */
    sendFlowMessage: async (options: FlowMessageOptions & SenderOptions): Promise<SentFlowMessage> => {
      idSegment("phoneNumberId", options.phoneNumberId);
      const { payload, flowToken } = buildFlowMessage(options);
      return send(options.phoneNumberId, payload, flowToken);
    },

    /** `POST /{PHONE_NUMBER_ID}/messages` with a template message whose FLOW button opens the flow. */
    sendFlowTemplateMessage: async (
      options: FlowTemplateMessageOptions & SenderOptions,
    ): Promise<SentFlowMessage> => {
      idSegment("phoneNumberId", options.phoneNumberId);
      const { payload, flowToken } = buildFlowTemplateMessage(options);
      return send(options.phoneNumberId, payload, flowToken);
    },

    /** `POST /{WABA_ID}/message_templates` with a FLOW button (`flow_id`, `flow_name` or inline `flow_json`). */
    createFlowTemplate: async (options: CreateFlowTemplateOptions): Promise<CreatedTemplate> => {
      const path = `/${idSegment("wabaId", options.wabaId)}/message_templates`;
      const body = await buildFlowTemplate(options, readFile);
      return transport.call(
        { method: "POST", path, body: { json: body }, replaySafe: false },
        CreatedTemplate,
      );
    },
  };
}

/** The sending calls of a client. */
export type MessagesResource = ReturnType<typeof createMessagesResource>;
