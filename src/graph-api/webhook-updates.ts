/**
 * Reads a webhook body (`{"object":"whatsapp_business_account","entry":[...]}`) into typed updates: flow
 * completions, flow status changes, flow alerts, and everything else passed through untouched.
 */
import { Result, Schema } from "effect";
import {
  MessagesValue,
  readFlowCompletion,
  type FlowCompletion,
  type MediaDownloader,
} from "./flow-completion.js";
import { FlowEvent, type FlowAlertEvent, type FlowStatusChangeEvent } from "./flow-events.js";

/** A flow changed status (`flows` field, `FLOW_STATUS_CHANGE`). */
export interface FlowStatusUpdate {
  readonly kind: "flow_status";
  readonly wabaId: string;
  readonly time: Date | undefined;
  readonly event: FlowStatusChangeEvent;
}

/** A health or version alert of a flow (`flows` field, any other event). */
export interface FlowAlertUpdate {
  readonly kind: "flow_alert";
  readonly wabaId: string;
  readonly time: Date | undefined;
  readonly event: FlowAlertEvent;
}

/**
 * Anything this library does not type (other message types, statuses, other fields, events Meta adds
 * later): the change's `value` as received, and the one message concerned when a change mixed a flow
 * completion with other messages.
 */
export interface UnknownUpdate {
  readonly kind: "unknown";
  readonly field: string | undefined;
  readonly wabaId: string | undefined;
  readonly value: unknown;
  readonly item?: unknown;
}

/** Every update the webhook handler dispatches. */
export type WebhookUpdate = FlowCompletion | FlowStatusUpdate | FlowAlertUpdate | UnknownUpdate;

const Envelope = Schema.Struct({
  object: Schema.optionalKey(Schema.String),
  entry: Schema.Array(
    Schema.Struct({
      id: Schema.String,
      time: Schema.optionalKey(Schema.Number),
      changes: Schema.Array(Schema.Struct({ field: Schema.String, value: Schema.Unknown })),
    }),
  ),
});

function messagesUpdates(
  wabaId: string,
  value: unknown,
  downloader: MediaDownloader | undefined,
): WebhookUpdate[] {
  const decoded = Schema.decodeUnknownResult(MessagesValue)(value);
  if (Result.isFailure(decoded)) return [{ kind: "unknown", field: "messages", wabaId, value }];
  const messages = decoded.success.messages ?? [];
  const read = messages.map((message) => ({
    message,
    completion: readFlowCompletion(message, decoded.success, wabaId, downloader),
  }));
  if (read.every((entry) => entry.completion === undefined))
    return [{ kind: "unknown", field: "messages", wabaId, value }];
  return read.map(
    ({ message, completion }) =>
      completion ?? { kind: "unknown", field: "messages", wabaId, value, item: message },
  );
}

function flowsUpdate(wabaId: string, time: Date | undefined, value: unknown): WebhookUpdate {
  const decoded = Schema.decodeUnknownResult(FlowEvent)(value);
  if (Result.isFailure(decoded)) return { kind: "unknown", field: "flows", wabaId, value };
  const event = decoded.success;
  return event.event === "FLOW_STATUS_CHANGE"
    ? { kind: "flow_status", wabaId, time, event }
    : { kind: "flow_alert", wabaId, time, event };
}

/**
 * The typed updates of a parsed webhook body, in the order Meta sent them. Never throws: a body that is
 * not Meta's envelope becomes one {@link UnknownUpdate}.
 *
 * @example
 * for (const update of readWebhookUpdates(JSON.parse(raw), undefined)) if (update.kind === "flow_completion") save(update);
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/flowswebhooks
 */
export function readWebhookUpdates(body: unknown, downloader: MediaDownloader | undefined): WebhookUpdate[] {
  const envelope = Schema.decodeUnknownResult(Envelope)(body);
  if (Result.isFailure(envelope))
    return [{ kind: "unknown", field: undefined, wabaId: undefined, value: body }];
  return envelope.success.entry.flatMap((entry) => {
    const time = entry.time === undefined ? undefined : new Date(entry.time * 1000);
    return entry.changes.flatMap((change): WebhookUpdate[] => {
      if (change.field === "messages") return messagesUpdates(entry.id, change.value, downloader);
      if (change.field === "flows") return [flowsUpdate(entry.id, time, change.value)];
      return [{ kind: "unknown", field: change.field, wabaId: entry.id, value: change.value }];
    });
  });
}
