/**
 * Schemas of a screen: its data model (JSON-schema fragments), its layout, and the screen itself.
 *
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/flowjson#screens
 */
import { Schema } from "effect";
import { layoutKeyOrder, screenKeyOrder } from "../canonical-order.js";
import type { DataFieldSchema } from "../types.js";
import { ComponentSchema } from "./containers.js";
import {
  BooleanSchema,
  JsonValueSchema,
  StringListSchema,
  StringSchema,
  oneOfLiterals,
  orderedStruct,
} from "./primitives.js";

/** The value of a JSON-schema keyword the model does not name; any JSON value is one. */
const keywordValue: Schema.Codec<DataFieldSchema[string]> = JsonValueSchema;

const nestedField = Schema.suspend((): Schema.Codec<DataFieldSchema> => ScreenDataFieldSchema);

/**
 * One field of a screen's data model as inferred from the member schemas (checked against
 * `DataFieldSchema`). `type` is required; `items`, `properties`, `required` and `__example__` are
 * checked; any other JSON-schema keyword passes through unchanged.
 */
export const dataFieldStruct = Schema.StructWithRest(
  Schema.Struct({
    type: oneOfLiterals(["string", "number", "integer", "boolean", "object", "array"]),
    items: Schema.optionalKey(
      Schema.Union([nestedField, BooleanSchema]).annotate({ expected: "a schema object or a boolean" }),
    ),
    properties: Schema.optionalKey(Schema.Record(Schema.String, nestedField)),
    required: Schema.optionalKey(StringListSchema),
    __example__: Schema.optionalKey(JsonValueSchema),
  }),
  [Schema.Record(Schema.String, keywordValue)],
);

/**
 * A JSON-schema fragment describing one field of a screen's data, e.g.
 * `{ "type": "string", "__example__": "John" }`.
 *
 * @example
 * Schema.decodeUnknownSync(ScreenDataFieldSchema)({ type: "array", items: { type: "string" }, __example__: [] });
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/flowjson#dynamic-properties
 */
export const ScreenDataFieldSchema: Schema.Codec<DataFieldSchema> = dataFieldStruct;

/** A screen's data model: field name to schema, in the order written. */
export const ScreenDataModelSchema = Schema.Record(Schema.String, ScreenDataFieldSchema);

/** `{ "type": "SingleColumnLayout", "children": [...] }`, the only layout there is. */
export const LayoutSchema = orderedStruct(layoutKeyOrder, {
  type: Schema.Literal("SingleColumnLayout"),
  children: Schema.Array(ComponentSchema),
});

/**
 * One screen of a flow.
 *
 * @example
 * Schema.decodeUnknownSync(ScreenSchema)({
 *   id: "WELCOME", terminal: true,
 *   layout: { type: "SingleColumnLayout", children: [{ type: "TextHeading", text: "Hi" }] },
 * });
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/flowjson#screens
 */
export const ScreenSchema = orderedStruct(screenKeyOrder, {
  id: StringSchema,
  title: Schema.optionalKey(StringSchema),
  data: Schema.optionalKey(ScreenDataModelSchema),
  terminal: Schema.optionalKey(BooleanSchema),
  success: Schema.optionalKey(BooleanSchema),
  refresh_on_back: Schema.optionalKey(BooleanSchema),
  sensitive: Schema.optionalKey(StringListSchema),
  layout: LayoutSchema,
});
