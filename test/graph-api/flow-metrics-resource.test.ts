import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { GraphApiInputError, isMetaErrorKind } from "../../src/graph-api/errors.js";
import { metricFieldsExpression } from "../../src/graph-api/flow-metrics-resource.js";
import { startGraphApiStandIn, type GraphApiStandIn } from "../helpers/graph-api-stand-in.js";
import { standInClient } from "../helpers/graph-api-stand-in-client.js";

describe("flow metrics against the Graph API stand-in", () => {
  let graph: GraphApiStandIn;
  beforeEach(async () => {
    graph = await startGraphApiStandIn();
  });
  afterEach(() => graph.close());

  it("asks for metric.name().granularity().since().until() and types the data points by key", async () => {
    const { client } = standInClient(graph);
    const flow = graph.addFlow({ wabaId: "1", name: "Metered" });
    graph.metrics.set(`${flow.id}:ENDPOINT_AVAILABILITY`, [
      {
        timestamp: "2024-03-01T08:00:00+0000",
        data: [
          { key: "succeeded", value: 980 },
          { key: "failed", value: 20 },
        ],
      },
      {
        timestamp: "2024-03-02T08:00:00+0000",
        data: [
          { key: "succeeded", value: 1000 },
          { key: "failed", value: 0 },
        ],
      },
      {
        timestamp: "2024-03-09T08:00:00+0000",
        data: [
          { key: "succeeded", value: 1 },
          { key: "failed", value: 1 },
        ],
      },
    ]);
    const series = await client.flows.getMetric(flow.id, {
      name: "ENDPOINT_AVAILABILITY",
      granularity: "DAY",
      since: "2024-03-01",
      until: new Date(Date.UTC(2024, 2, 5, 23, 0)),
    });
    expect(graph.lastRequest()).toMatchObject({
      method: "GET",
      path: `/${flow.id}`,
      query: {
        fields: "metric.name(ENDPOINT_AVAILABILITY).granularity(DAY).since(2024-03-01).until(2024-03-05)",
      },
    });
    expect(series.id).toBe(flow.id);
    expect(series.name).toBe("ENDPOINT_AVAILABILITY");
    expect(series.data_points.map((point) => point.values)).toEqual([
      { succeeded: 980, failed: 20 },
      { succeeded: 1000, failed: 0 },
    ]);
    const first = series.data_points[0];
    const succeeded: number | undefined = first?.values.succeeded;
    expect(succeeded).toBe(980);
    expect(first?.timestamp).toBe("2024-03-01T08:00:00+0000");
  });

  it("reports fewer than 250 requests as FlowMetricsThresholdNotReached (139006)", async () => {
    const { client } = standInClient(graph);
    const flow = graph.addFlow({ wabaId: "1", name: "Quiet" });
    const error = await client.flows
      .getMetric(flow.id, { name: "ENDPOINT_REQUEST_COUNT", granularity: "LIFETIME" })
      .catch((e: unknown) => e);
    expect(isMetaErrorKind(error, "FlowMetricsThresholdNotReached")).toBe(true);
    expect((error as Error).message).toContain("not had enough endpoint requests");
    expect(graph.lastRequest().query).toEqual({
      fields: "metric.name(ENDPOINT_REQUEST_COUNT).granularity(LIFETIME)",
    });
  });

  it("refuses unknown metrics, granularities and malformed dates before any request", async () => {
    const { client } = standInClient(graph);
    const attempts: [() => Promise<unknown>, string][] = [
      [() => client.flows.getMetric("1", { name: "REQUESTS" as never, granularity: "DAY" }), "name"],
      [
        () => client.flows.getMetric("1", { name: "ENDPOINT_REQUEST_COUNT", granularity: "WEEK" as never }),
        "granularity",
      ],
      [
        () =>
          client.flows.getMetric("1", {
            name: "ENDPOINT_REQUEST_COUNT",
            granularity: "DAY",
            since: "01/02/2024",
          }),
        "since",
      ],
      [
        () =>
          client.flows.getMetric("1", {
            name: "ENDPOINT_REQUEST_COUNT",
            granularity: "DAY",
            until: new Date("nope"),
          }),
        "until",
      ],
    ];
    for (const [attempt, field] of attempts) {
      const error = await attempt().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(GraphApiInputError);
      expect(error).toMatchObject({ field });
    }
    expect(graph.requests).toHaveLength(0);
  });

  it("writes the fields expression of each documented metric", () => {
    expect(
      metricFieldsExpression({ name: "ENDPOINT_REQUEST_LATENCY_SECONDS_CEIL", granularity: "HOUR" }),
    ).toBe("metric.name(ENDPOINT_REQUEST_LATENCY_SECONDS_CEIL).granularity(HOUR)");
  });
});
