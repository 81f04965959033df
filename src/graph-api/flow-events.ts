/**
 * The `flows` webhook field: status changes and the endpoint/client health alerts of a WABA's flows, as a
 * union discriminated on `event`, keys as Meta sends them.
 */
import { Schema } from "effect";

const common = {
  flow_id: Schema.String,
  /** Meta's human-readable description. */
  message: Schema.optionalKey(Schema.String),
};

/** `ACTIVATED` when a threshold is crossed, `DEACTIVATED` when the metric recovers. */
const alertFields = {
  alert_state: Schema.optionalKey(Schema.String),
  threshold: Schema.optionalKey(Schema.Number),
};

/**
 * A flow changed status (`DRAFT`, `PUBLISHED`, `DEPRECATED`, `BLOCKED`, `THROTTLED`); sent on creation
 * with only `new_status`, and possibly with a `warning` about a version freeze.
 *
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/flowswebhooks
 */
export const FlowStatusChangeEvent = Schema.Struct({
  event: Schema.Literal("FLOW_STATUS_CHANGE"),
  ...common,
  old_status: Schema.optionalKey(Schema.String),
  new_status: Schema.String,
  warning: Schema.optionalKey(Schema.String),
});
/** The decoded shape of {@link FlowStatusChangeEvent}. */
export type FlowStatusChangeEvent = typeof FlowStatusChangeEvent.Type;

const ErrorBreakdown = Schema.Struct({
  error_type: Schema.String,
  error_rate: Schema.optionalKey(Schema.Number),
  error_count: Schema.optionalKey(Schema.Number),
});

/** The share of failed requests crossed 5, 10 or 50 % (endpoint: over 30 min; client: over 60 min). */
export const ErrorRateEvent = Schema.Struct({
  event: Schema.Literals(["ENDPOINT_ERROR_RATE", "CLIENT_ERROR_RATE"]),
  ...common,
  ...alertFields,
  error_rate: Schema.optionalKey(Schema.Number),
  errors: Schema.optionalKey(Schema.Array(ErrorBreakdown)),
});
/** The decoded shape of {@link ErrorRateEvent}. */
export type ErrorRateEvent = typeof ErrorRateEvent.Type;

/** The endpoint's p90 latency crossed 1, 5 or 7 s over 30 min (thresholds in ms). */
export const EndpointLatencyEvent = Schema.Struct({
  event: Schema.Literal("ENDPOINT_LATENCY"),
  ...common,
  ...alertFields,
  p50_latency: Schema.optionalKey(Schema.Number),
  p90_latency: Schema.optionalKey(Schema.Number),
  requests_count: Schema.optionalKey(Schema.Number),
});
/** The decoded shape of {@link EndpointLatencyEvent}. */
export type EndpointLatencyEvent = typeof EndpointLatencyEvent.Type;

/** The endpoint answered fewer than 90 % of health checks and requests over 10 min (or recovered). */
export const EndpointAvailabilityEvent = Schema.Struct({
  event: Schema.Literal("ENDPOINT_AVAILABILITY"),
  ...common,
  ...alertFields,
  availability: Schema.optionalKey(Schema.Number),
});
/** The decoded shape of {@link EndpointAvailabilityEvent}. */
export type EndpointAvailabilityEvent = typeof EndpointAvailabilityEvent.Type;

/** A Flow JSON version the flow uses will be frozen or expire. */
export const FlowVersionExpiryWarningEvent = Schema.Struct({
  event: Schema.Literal("FLOW_VERSION_EXPIRY_WARNING"),
  ...common,
  warning: Schema.optionalKey(Schema.String),
});
/** The decoded shape of {@link FlowVersionExpiryWarningEvent}. */
export type FlowVersionExpiryWarningEvent = typeof FlowVersionExpiryWarningEvent.Type;

/** Every alert (everything but a status change). */
export const FlowAlertEvent = Schema.Union([
  ErrorRateEvent,
  EndpointLatencyEvent,
  EndpointAvailabilityEvent,
  FlowVersionExpiryWarningEvent,
]);
/** The decoded shape of {@link FlowAlertEvent}. */
export type FlowAlertEvent = typeof FlowAlertEvent.Type;

/** Any value of the `flows` field. */
export const FlowEvent = Schema.Union([FlowStatusChangeEvent, FlowAlertEvent]);
/** The decoded shape of {@link FlowEvent}. */
export type FlowEvent = typeof FlowEvent.Type;
