/**
 * A flow as `GET /{FLOW_ID}` describes it: the documented fields, decoded with a Schema and kept with
 * Meta's key names, plus the `fields=` expression that asks for them.
 */
import { Schema } from "effect";
import { FlowValidationError } from "./flow-validation-error.js";

/**
 * The documented flow categories.
 *
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/flowsapi
 */
export const FLOW_CATEGORIES = [
  "SIGN_UP",
  "SIGN_IN",
  "APPOINTMENT_BOOKING",
  "LEAD_GENERATION",
  "CONTACT_US",
  "CUSTOMER_SUPPORT",
  "SURVEY",
  "OTHER",
] as const;
/** One of {@link FLOW_CATEGORIES}. */
export type FlowCategory = (typeof FLOW_CATEGORIES)[number];

/** The documented flow statuses; responses are decoded leniently, so a new status does not break reads. */
export type FlowStatus = "DRAFT" | "PUBLISHED" | "DEPRECATED" | "BLOCKED" | "THROTTLED";

/** `preview` of a flow: a web preview link valid until `expires_at` (30 days). */
export const FlowPreview = Schema.Struct({ preview_url: Schema.String, expires_at: Schema.String });
/** The decoded shape of {@link FlowPreview}. */
export type FlowPreview = typeof FlowPreview.Type;

/** One problem reported by `health_status` for an entity (FLOW, WABA, BUSINESS, APP, PHONE_NUMBER). */
export const HealthStatusError = Schema.Struct({
  error_code: Schema.Number,
  error_description: Schema.String,
  possible_solution: Schema.optionalKey(Schema.String),
});

/**
 * Whether the flow can be sent (`AVAILABLE`, `LIMITED`, `BLOCKED`), per entity.
 *
 * @see https://developers.facebook.com/docs/whatsapp/flows/guides/healthmonitoring
 */
export const FlowHealthStatus = Schema.Struct({
  can_send_message: Schema.String,
  entities: Schema.optionalKey(
    Schema.Array(
      Schema.Struct({
        entity_type: Schema.String,
        id: Schema.String,
        can_send_message: Schema.String,
        errors: Schema.optionalKey(Schema.Array(HealthStatusError)),
        additional_info: Schema.optionalKey(Schema.Array(Schema.String)),
      }),
    ),
  ),
});
/** The decoded shape of {@link FlowHealthStatus}. */
export type FlowHealthStatus = typeof FlowHealthStatus.Type;

const IdAndName = Schema.Struct({ id: Schema.String, name: Schema.optionalKey(Schema.String) });

/**
 * A flow as the Graph API returns it. Only `id` is always present: the rest depends on the `fields`
 * asked for. `data_channel_uri` (deprecated since v19.0) is kept for flows that still carry it.
 *
 * @example
 * const flow: FlowDetails = await client.flows.get("1234567890");
 * if (flow.status === "DRAFT") await client.flows.publish(flow.id);
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/flowsapi
 */
export const FlowDetails = Schema.Struct({
  id: Schema.String,
  name: Schema.optionalKey(Schema.String),
  status: Schema.optionalKey(Schema.String),
  categories: Schema.optionalKey(Schema.Array(Schema.String)),
  validation_errors: Schema.optionalKey(Schema.Array(FlowValidationError)),
  json_version: Schema.optionalKey(Schema.String),
  data_api_version: Schema.optionalKey(Schema.String),
  endpoint_uri: Schema.optionalKey(Schema.String),
  data_channel_uri: Schema.optionalKey(Schema.String),
  preview: Schema.optionalKey(FlowPreview),
  whatsapp_business_account: Schema.optionalKey(IdAndName),
  application: Schema.optionalKey(IdAndName),
  health_status: Schema.optionalKey(FlowHealthStatus),
});
/** The decoded shape of {@link FlowDetails}. */
export type FlowDetails = typeof FlowDetails.Type;

/** Field names `GET /{FLOW_ID}` documents. */
export type FlowField =
  | "id"
  | "name"
  | "categories"
  | "preview"
  | "status"
  | "validation_errors"
  | "json_version"
  | "data_api_version"
  | "endpoint_uri"
  | "whatsapp_business_account"
  | "application"
  | "health_status";

/** Every documented field, which `get` asks for by default. */
export const ALL_FLOW_FIELDS: readonly FlowField[] = [
  "id",
  "name",
  "categories",
  "preview",
  "status",
  "validation_errors",
  "json_version",
  "data_api_version",
  "endpoint_uri",
  "whatsapp_business_account",
  "application",
  "health_status",
];

/** The fields `list` asks for by default: Meta's defaults plus versions and endpoint, nothing slow. */
export const LIST_FLOW_FIELDS: readonly FlowField[] = [
  "id",
  "name",
  "status",
  "categories",
  "validation_errors",
  "json_version",
  "data_api_version",
  "endpoint_uri",
];

/** Options shaping the `fields=` expression of a flow read. */
export interface FlowFieldsOptions {
  readonly fields?: readonly FlowField[];
  /**
   * Ask Meta for a new preview URL (`preview.invalidate(true)`); default false, so reading a flow does
   * not rotate a link someone is using.
   */
  readonly invalidatePreview?: boolean;
  /** Check `health_status` against this phone number (`health_status.phone_number(ID)`). */
  readonly phoneNumberId?: string;
}

/**
 * The `fields=` value for a flow read, with the `preview.invalidate(...)` and
 * `health_status.phone_number(...)` modifiers applied.
 *
 * @example
 * flowFieldsExpression(["id", "preview"], { invalidatePreview: true }); // "id,preview.invalidate(true)"
 */
export function flowFieldsExpression(
  defaults: readonly FlowField[],
  options: FlowFieldsOptions = {},
): string {
  const fields = options.fields ?? defaults;
  return [...new Set(fields)]
    .map((field) => {
      if (field === "preview") return `preview.invalidate(${options.invalidatePreview === true})`;
      if (field === "health_status" && options.phoneNumberId !== undefined) {
        return `health_status.phone_number(${options.phoneNumberId})`;
      }
      return field;
    })
    .join(",");
}
