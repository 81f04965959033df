import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startGraphApiStandIn, type GraphApiStandIn } from "../helpers/graph-api-stand-in.js";
import { standInClient } from "../helpers/graph-api-stand-in-client.js";

describe("flow migration against the Graph API stand-in", () => {
  let graph: GraphApiStandIn;
  beforeEach(async () => {
    graph = await startGraphApiStandIn();
  });
  afterEach(() => graph.close());

  it("posts to the destination WABA with source_waba_id and source_flow_names as a JSON array in the query", async () => {
    const { client } = standInClient(graph);
    const source = graph.addFlow({ wabaId: "111", name: "Sign in", status: "PUBLISHED" });
    const result = await client.flows.migrate({
      sourceWabaId: "111",
      destinationWabaId: "222",
      sourceFlowNames: ["Sign in", "Gone"],
    });
    expect(graph.lastRequest()).toMatchObject({
      method: "POST",
      path: "/222/migrate_flows",
      query: { source_waba_id: "111", source_flow_names: '["Sign in","Gone"]' },
      body: { kind: "none" },
    });
    const migrated = result.migrated_flows[0];
    expect(migrated).toMatchObject({ source_name: "Sign in", source_id: source.id });
    expect(migrated?.migrated_id).not.toBe(source.id);
    expect(graph.flows.get(migrated?.migrated_id ?? "")).toMatchObject({
      wabaId: "222",
      name: "Sign in",
      status: "PUBLISHED",
    });
    expect(result.failed_flows).toEqual([
      { source_name: "Gone", error_code: "4233041", error_message: expect.any(String) as string },
    ]);
  });

  it("refuses an empty list, more than 100 names and blank names before any request", async () => {
    const { client } = standInClient(graph);
    const names = Array.from({ length: 101 }, (_, index) => `flow ${index}`);
    for (const sourceFlowNames of [[], names, [""]]) {
      await expect(
        client.flows.migrate({ sourceWabaId: "1", destinationWabaId: "2", sourceFlowNames }),
      ).rejects.toMatchObject({
        _tag: "GraphApiInputError",
        field: "sourceFlowNames",
      });
    }
    expect(graph.requests).toHaveLength(0);
  });
});
