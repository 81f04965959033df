/**
 * The schema of a whole Flow JSON document.
 *
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/flowjson
 */
import { Schema } from "effect";
import { flowJsonKeyOrder } from "../canonical-order.js";
import { StringListSchema, StringSchema, orderedStruct } from "./primitives.js";
import { ScreenSchema } from "./screen.js";

/** The routing model: screen id to the screens it may go to forward, in the order written. */
export const RoutingModelSchema = Schema.Record(Schema.String, StringListSchema);

/**
 * A whole Flow JSON document. Its decoded type is exactly `FlowJson`; unknown properties anywhere are
 * rejected when decoding through `decodeFlowJson`, so a misspelt key never passes silently.
 *
 * @example
 * const doc = Schema.decodeUnknownSync(FlowJsonSchema)(JSON.parse(text), { onExcessProperty: "error" });
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/flowjson
 */
export const FlowJsonSchema = orderedStruct(flowJsonKeyOrder, {
  version: StringSchema,
  data_api_version: Schema.optionalKey(StringSchema),
  data_channel_uri: Schema.optionalKey(StringSchema),
  routing_model: Schema.optionalKey(RoutingModelSchema),
  screens: Schema.Array(ScreenSchema),
});
