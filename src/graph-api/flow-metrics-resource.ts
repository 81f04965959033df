/**
 * Endpoint metrics of a flow (`GET /{FLOW_ID}?fields=metric.name(...).granularity(...)...`), with each
 * metric's data keys typed.
 */
import { Schema } from "effect";
import { GraphApiInputError } from "./errors.js";
import { idSegment, type GraphTransport } from "./graph-transport.js";

/**
 * The documented metrics and the keys of their data points.
 *
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference (Metrics API)
 */
export const FLOW_METRIC_KEYS = {
  ENDPOINT_REQUEST_COUNT: ["value"],
  ENDPOINT_REQUEST_ERROR: [
    "timeout_error",
    "unexpected_http_status_code",
    "cannot_be_served",
    "no_http_response_error",
  ],
  ENDPOINT_REQUEST_ERROR_RATE: ["value"],
  ENDPOINT_REQUEST_LATENCY_SECONDS_CEIL: ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "10+"],
  ENDPOINT_AVAILABILITY: ["succeeded", "failed"],
} as const;

/** A documented metric name. */
export type FlowMetricName = keyof typeof FLOW_METRIC_KEYS;
/** The data keys of metric `N` (`"succeeded" | "failed"` for ENDPOINT_AVAILABILITY, ...). */
export type FlowMetricKey<N extends FlowMetricName> = (typeof FLOW_METRIC_KEYS)[N][number];
/** Granularities of a metrics read: per day, per hour, or one value for the whole life of the flow. */
export const FLOW_METRIC_GRANULARITIES = ["DAY", "HOUR", "LIFETIME"] as const;
/** One of {@link FLOW_METRIC_GRANULARITIES}. */
export type FlowMetricGranularity = (typeof FLOW_METRIC_GRANULARITIES)[number];

const MetricAnswer = Schema.Struct({
  id: Schema.String,
  metric: Schema.Struct({
    name: Schema.String,
    granularity: Schema.String,
    data_points: Schema.Array(
      Schema.Struct({
        timestamp: Schema.String,
        data: Schema.Array(Schema.Struct({ key: Schema.String, value: Schema.Number })),
      }),
    ),
  }),
});

/** One data point: Meta's `data` list and the same values by key. */
export interface FlowMetricDataPoint<N extends FlowMetricName> {
  /** ISO 8601 start of the period. */
  readonly timestamp: string;
  readonly data: readonly { readonly key: string; readonly value: number }[];
  readonly values: Partial<Record<FlowMetricKey<N>, number>>;
}

/** A metric series of one flow. */
export interface FlowMetric<N extends FlowMetricName> {
  readonly id: string;
  readonly name: N;
  readonly granularity: FlowMetricGranularity;
  readonly data_points: readonly FlowMetricDataPoint<N>[];
}

/** What to ask for. `since`/`until` are dates (`YYYY-MM-DD` or a `Date`, read in UTC). */
export interface FlowMetricOptions<N extends FlowMetricName> {
  readonly name: N;
  readonly granularity: FlowMetricGranularity;
  readonly since?: string | Date;
  readonly until?: string | Date;
}

function dayOf(field: string, value: string | Date): string {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime()))
      throw new GraphApiInputError({ field, message: `${field} is an invalid Date.` });
    return value.toISOString().slice(0, 10);
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    throw new GraphApiInputError({ field, message: `${field} must be a date written YYYY-MM-DD.` });
  }
  return value;
}

/**
 * The `fields=` expression of a metrics read.
 *
 * @example
 * metricFieldsExpression({ name: "ENDPOINT_REQUEST_COUNT", granularity: "DAY", since: "2024-01-01" });
 * // "metric.name(ENDPOINT_REQUEST_COUNT).granularity(DAY).since(2024-01-01)"
 */
export function metricFieldsExpression<N extends FlowMetricName>(options: FlowMetricOptions<N>): string {
  if (!Object.hasOwn(FLOW_METRIC_KEYS, options.name)) {
    throw new GraphApiInputError({
      field: "name",
      message: `Unknown metric; use one of ${Object.keys(FLOW_METRIC_KEYS).join(", ")}.`,
    });
  }
  if (!FLOW_METRIC_GRANULARITIES.includes(options.granularity)) {
    throw new GraphApiInputError({
      field: "granularity",
      message: `Unknown granularity; use ${FLOW_METRIC_GRANULARITIES.join(", ")}.`,
    });
  }
  const since = options.since === undefined ? "" : `.since(${dayOf("since", options.since)})`;
  const until = options.until === undefined ? "" : `.until(${dayOf("until", options.until)})`;
  return `metric.name(${options.name}).granularity(${options.granularity})${since}${until}`;
}

/**
 * `getMetric` bound to a transport. Fewer than 250 endpoint requests give Meta error 139006
 * (`FlowMetricsThresholdNotReached`).
 *
 * @example
 * const series = await client.flows.getMetric(flowId, { name: "ENDPOINT_AVAILABILITY", granularity: "DAY" });
 * for (const point of series.data_points) console.log(point.timestamp, point.values.succeeded, point.values.failed);
 */
export function createFlowMetricsResource(transport: GraphTransport) {
  return {
    getMetric: async <N extends FlowMetricName>(
      flowId: string,
      options: FlowMetricOptions<N>,
    ): Promise<FlowMetric<N>> => {
      const fields = metricFieldsExpression(options);
      const answer = await transport.call(
        { method: "GET", path: `/${idSegment("flowId", flowId)}`, query: { fields }, replaySafe: true },
        MetricAnswer,
      );
      return {
        id: answer.id,
        name: options.name,
        granularity: options.granularity,
        data_points: answer.metric.data_points.map((point) => ({
          timestamp: point.timestamp,
          data: point.data,
          values: Object.fromEntries(point.data.map(({ key, value }) => [key, value])) as Partial<
            Record<FlowMetricKey<N>, number>
          >,
        })),
      };
    },
  };
}
