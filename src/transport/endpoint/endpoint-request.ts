/**
 * The decrypted data-endpoint request, decoded with a Schema and sorted into what the endpoint does with
 * it: a health check, an error notification, or an action for the flow. Unknown fields (such as
 * `flow_token_signature` on data API 4.0) are accepted and ignored by the sort.
 *
 * @example
 * const kind = classifyRequest(decrypted.payload);
 * if (kind.type === "ping") return reply({ data: { status: "active" } });
 * @see https://developers.facebook.com/docs/whatsapp/flows/guides/implementingyourflowendpoint#data_exchange_request
 */
import { Result, Schema } from "effect";
import type { JsonObject } from "../../flow-json/types.js";

const RequestSchema = Schema.Struct({
  version: Schema.optional(Schema.String),
  action: Schema.String,
  screen: Schema.optional(Schema.String),
  data: Schema.optional(Schema.Record(Schema.String, Schema.Unknown)),
  flow_token: Schema.optional(Schema.String),
  flow_token_signature: Schema.optional(Schema.String),
});

const decodeRequest = Schema.decodeUnknownResult(RequestSchema);

/** What the endpoint has to do with one decrypted request. */
export type ClassifiedRequest =
  | { readonly type: "ping" }
  | { readonly type: "error-notification"; readonly token: string | undefined; readonly errorKey: string }
  | { readonly type: "malformed"; readonly token: string | undefined }
  | {
      readonly type: "flow";
      readonly action: string;
      readonly screen: string | undefined;
      readonly data: JsonObject;
      readonly token: string;
      readonly tokenSignature: string | undefined;
      readonly version: string | undefined;
    };

/**
 * Sorts a decrypted payload. Error notifications are recognised before the action (they arrive as INIT
 * or data_exchange), by `data.error` or `data.error_key` as Meta's sample and table disagree.
 */
export function classifyRequest(payload: unknown): ClassifiedRequest {
  const decoded = decodeRequest(payload);
  if (Result.isFailure(decoded)) return { type: "malformed", token: tokenOf(payload) };
  const request = decoded.success;
  if (request.action === "ping") return { type: "ping" };
  const errorKey = request.data?.["error"] ?? request.data?.["error_key"];
  if (typeof errorKey === "string") {
    return { type: "error-notification", token: request.flow_token, errorKey };
  }
  if (request.flow_token === undefined || request.flow_token === "") {
    return { type: "malformed", token: undefined };
  }
  return {
    type: "flow",
    action: request.action,
    screen: request.screen === "" ? undefined : request.screen,
    data: (request.data ?? {}) as JsonObject,
    token: request.flow_token,
    tokenSignature: request.flow_token_signature,
    version: request.version,
  };
}

function tokenOf(payload: unknown): string | undefined {
  if (typeof payload !== "object" || payload === null) return undefined;
  const token = (payload as { flow_token?: unknown }).flow_token;
  return typeof token === "string" && token !== "" ? token : undefined;
}
