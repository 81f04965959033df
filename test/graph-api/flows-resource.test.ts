import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { GRAPH_API_VERSION } from "../../src/graph-api/graph-api-version.js";
import { GraphApiError, GraphApiInputError, isMetaErrorKind } from "../../src/graph-api/errors.js";
import type { FlowJson } from "../../src/flow-json/types.js";
import { startGraphApiStandIn, type GraphApiStandIn } from "../helpers/graph-api-stand-in.js";
import { standInClient } from "../helpers/graph-api-stand-in-client.js";
import { readSharedJson } from "../helpers/shared-path.js";

const WABA = "102290129340398";
const newsletter = readSharedJson("fixtures/seed/newsletter.flow.json") as FlowJson;

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error("expected a rejection");
    },
    (error: unknown) => error,
  );
}

describe("flows resource against the Graph API stand-in", () => {
  let graph: GraphApiStandIn;
  beforeEach(async () => {
    graph = await startGraphApiStandIn();
  });
  afterEach(() => graph.close());

  it("creates a flow with a JSON body, Flow JSON as a string, and the Bearer token in the header only", async () => {
    const { client } = standInClient(graph);
    const created = await client.flows.create({
      wabaId: WABA,
      name: "Newsletter",
      categories: ["SIGN_UP", "OTHER"],
      flowJson: newsletter,
      endpointUri: "https://example.com/flow",
    });
    expect(created.id).toMatch(/^\d+$/);
    expect(created.validation_errors).toBeUndefined();
    const request = graph.lastRequest();
    expect(request.method).toBe("POST");
    expect(request.version).toBe(GRAPH_API_VERSION);
    expect(request.path).toBe(`/${WABA}/flows`);
    expect(request.query).toEqual({});
    expect(request.contentType).toBe("application/json");
    expect(request.headers["authorization"]).toBe(`Bearer ${graph.accessToken}`);
    expect(request.body).toEqual({
      kind: "json",
      value: {
        name: "Newsletter",
        categories: ["SIGN_UP", "OTHER"],
        flow_json: JSON.stringify(newsletter, null, 2),
        endpoint_uri: "https://example.com/flow",
      },
    });
    expect(graph.flows.get(created.id)?.status).toBe("DRAFT");
  });

  it("creates and publishes at once, and returns the validation errors of an invalid flow_json", async () => {
    const { client } = standInClient(graph);
    const published = await client.flows.create({
      wabaId: WABA,
      name: "A",
      categories: ["OTHER"],
      flowJson: newsletter,
      publish: true,
    });
    expect((graph.lastRequest().body as { value: { publish: boolean } }).value.publish).toBe(true);
    expect(graph.flows.get(published.id)?.status).toBe("PUBLISHED");

    const invalid = await client.flows.create({
      wabaId: WABA,
      name: "B",
      categories: ["OTHER"],
      flowJson: '{\n  "screens": []\n}',
      publish: true,
    });
    expect(invalid.validation_errors?.map((error) => error.error)).toEqual([
      "MISSING_FLOW_JSON_VERSION",
      "MISSING_TERMINAL_SCREEN",
    ]);
    expect(graph.flows.get(invalid.id)?.status).toBe("DRAFT");
  });

  it("clones a flow and reports a duplicate name as Meta error 100", async () => {
    const { client } = standInClient(graph);
    const source = graph.addFlow({ wabaId: WABA, name: "Source", flowJson: JSON.stringify(newsletter) });
    const clone = await client.flows.create({
      wabaId: WABA,
      name: "Clone",
      categories: ["OTHER"],
      cloneFlowId: source.id,
    });
    expect(graph.lastRequest().body).toEqual({
      kind: "json",
      value: { name: "Clone", categories: ["OTHER"], clone_flow_id: source.id },
    });
    expect(graph.flows.get(clone.id)?.flowJson).toBe(source.flowJson);

    const error = await rejection(
      client.flows.create({ wabaId: WABA, name: "Clone", categories: ["OTHER"] }),
    );
    expect(error).toBeInstanceOf(GraphApiError);
    const reason = (error as GraphApiError).reason;
    expect(reason).toMatchObject({
      _tag: "MetaError",
      status: 400,
      code: 100,
      kind: "Other",
      message: "Flow name is not unique",
    });
    expect((error as GraphApiError).message).toMatch(
      /^Graph API POST \/\d+\/flows failed with Meta error 100: Flow name is not unique\./,
    );
  });

  it("refuses bad create input before any request", async () => {
    const { client } = standInClient(graph);
    const cases: [Parameters<typeof client.flows.create>[0], string][] = [
      [{ wabaId: WABA, name: "", categories: ["OTHER"] }, "name"],
      [{ wabaId: WABA, name: "x", categories: [] }, "categories"],
      [{ wabaId: WABA, name: "x", categories: ["OTHER"], publish: true }, "publish"],
      [
        { wabaId: WABA, name: "x", categories: ["OTHER"], endpointUri: "http://insecure.example.com" },
        "endpointUri",
      ],
      [{ wabaId: "", name: "x", categories: ["OTHER"] }, "wabaId"],
    ];
    for (const [options, field] of cases) {
      const error = await rejection(client.flows.create(options));
      expect(error).toBeInstanceOf(GraphApiInputError);
      expect((error as GraphApiInputError)._tag).toBe("GraphApiInputError");
      expect((error as GraphApiInputError).field).toBe(field);
    }
    expect(graph.requests).toHaveLength(0);
  });

  it("gets a flow with every documented field, preview not invalidated unless asked, health per phone number", async () => {
    const { client } = standInClient(graph);
    const flow = graph.addFlow({
      wabaId: WABA,
      name: "Newsletter",
      flowJson: JSON.stringify(newsletter),
      endpointUri: "https://example.com/f",
    });
    const details = await client.flows.get(flow.id);
    expect(graph.lastRequest()).toMatchObject({
      method: "GET",
      path: `/${flow.id}`,
      query: {
        fields:
          "id,name,categories,preview.invalidate(false),status,validation_errors,json_version,data_api_version,endpoint_uri,whatsapp_business_account,application,health_status",
      },
      body: { kind: "none" },
    });
    expect(details).toMatchObject({
      id: flow.id,
      name: "Newsletter",
      status: "DRAFT",
      categories: ["OTHER"],
      json_version: newsletter.version,
      endpoint_uri: "https://example.com/f",
      whatsapp_business_account: { id: WABA },
      health_status: { can_send_message: "AVAILABLE" },
    });
    const firstUrl = details.preview?.preview_url;
    expect((await client.flows.get(flow.id)).preview?.preview_url).toBe(firstUrl);

    const rotated = await client.flows.get(flow.id, {
      fields: ["id", "preview", "health_status"],
      invalidatePreview: true,
      phoneNumberId: "106540352242922",
    });
    expect(graph.lastRequest().query["fields"]).toBe(
      "id,preview.invalidate(true),health_status.phone_number(106540352242922)",
    );
    expect(rotated.preview?.preview_url).not.toBe(firstUrl);
    expect(
      rotated.health_status?.entities?.find((entity) => entity.entity_type === "PHONE_NUMBER"),
    ).toMatchObject({
      id: "106540352242922",
      can_send_message: "BLOCKED",
      errors: [{ error_code: 139002 }],
    });
  });

  it("gets the preview link alone", async () => {
    const { client } = standInClient(graph);
    const flow = graph.addFlow({ wabaId: WABA, name: "P" });
    const preview = await client.flows.getPreview(flow.id, { invalidate: true });
    expect(graph.lastRequest().query).toEqual({ fields: "preview.invalidate(true)" });
    expect(preview.preview_url).toBe(
      `${graph.url}/preview/${flow.id}/?token=${graph.flows.get(flow.id)?.previewToken}`,
    );
    expect(preview.expires_at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it("lists every flow page by page, following paging.cursors.after only while there is a next page", async () => {
    const { client } = standInClient(graph);
    const names = ["one", "two", "three", "four", "five"];
    for (const name of names) graph.addFlow({ wabaId: WABA, name });
    graph.addFlow({ wabaId: "999", name: "elsewhere" });
    const seen: string[] = [];
    for await (const flow of client.flows.list({ wabaId: WABA, limit: 2 })) seen.push(flow.name ?? "");
    expect(seen).toEqual(names);
    const listCalls = graph.requests.filter((request) => request.path === `/${WABA}/flows`);
    expect(listCalls.map((request) => request.query["after"])).toEqual([undefined, "Mg==", "NA=="]);
    expect(listCalls[0]?.query).toEqual({
      fields: "id,name,status,categories,validation_errors,json_version,data_api_version,endpoint_uri",
      limit: "2",
    });

    const first = await client.flows.listPage({ wabaId: WABA, limit: 3 });
    expect(first.data).toHaveLength(3);
    const second = await client.flows.listPage({
      wabaId: WABA,
      limit: 3,
      ...(first.after === undefined ? {} : { after: first.after }),
    });
    expect(second.data.map((flow) => flow.name)).toEqual(["four", "five"]);
    expect(second.after).toBeUndefined();
  });

  it("stops listing when the consumer breaks out of the loop", async () => {
    const { client } = standInClient(graph);
    for (const name of ["a", "b", "c", "d"]) graph.addFlow({ wabaId: WABA, name });
    for await (const flow of client.flows.list({ wabaId: WABA, limit: 1 })) {
      expect(flow.name).toBe("a");
      break;
    }
    expect(graph.requests).toHaveLength(1);
  });

  it("updates metadata with only the given fields, and a published flow goes back to DRAFT", async () => {
    const { client } = standInClient(graph);
    const flow = graph.addFlow({
      wabaId: WABA,
      name: "Old",
      status: "PUBLISHED",
      flowJson: JSON.stringify(newsletter),
    });
    await expect(
      client.flows.updateMetadata(flow.id, {
        name: "New",
        categories: ["SURVEY"],
        endpointUri: "https://example.com/e",
        applicationId: "843",
      }),
    ).resolves.toEqual({ success: true });
    expect(graph.lastRequest()).toMatchObject({
      method: "POST",
      path: `/${flow.id}`,
      contentType: "application/json",
      body: {
        kind: "json",
        value: {
          name: "New",
          categories: ["SURVEY"],
          endpoint_uri: "https://example.com/e",
          application_id: "843",
        },
      },
    });
    expect(graph.flows.get(flow.id)).toMatchObject({
      name: "New",
      status: "DRAFT",
      endpointUri: "https://example.com/e",
      applicationId: "843",
    });

    await client.flows.updateMetadata(flow.id, { endpointUri: "https://example.com/other" });
    expect(graph.lastRequest().body).toEqual({
      kind: "json",
      value: { endpoint_uri: "https://example.com/other" },
    });

    const count = graph.requests.length;
    const error = await rejection(client.flows.updateMetadata(flow.id, {}));
    expect(error).toMatchObject({ _tag: "GraphApiInputError", field: "metadata" });
    expect((error as Error).message).toBe(
      "Give at least one of name, categories, endpointUri or applicationId to update.",
    );
    expect(graph.requests).toHaveLength(count);
  });

  it("publishes, deprecates and deletes under Meta's state rules, with the named error kinds", async () => {
    const { client } = standInClient(graph);
    const empty = graph.addFlow({ wabaId: WABA, name: "Empty" });
    const publishing = await rejection(client.flows.publish(empty.id));
    expect(isMetaErrorKind(publishing, "FlowPublishingError")).toBe(true);
    expect((publishing as GraphApiError).message).toContain("(FlowPublishingError)");
    expect((publishing as GraphApiError).message).toContain("then publish again");
    expect((publishing as GraphApiError).reason).toMatchObject({
      code: 139002,
      error_user_msg: "The flow has validation errors.",
    });

    const deprecatingDraft = await rejection(client.flows.deprecate(empty.id));
    expect(isMetaErrorKind(deprecatingDraft, "FlowDeprecatingError")).toBe(true);

    const ready = graph.addFlow({ wabaId: WABA, name: "Ready", flowJson: JSON.stringify(newsletter) });
    await expect(client.flows.publish(ready.id)).resolves.toEqual({ success: true });
    expect(graph.lastRequest()).toMatchObject({
      method: "POST",
      path: `/${ready.id}/publish`,
      body: { kind: "none" },
    });

    const deleting = await rejection(client.flows.delete(ready.id));
    expect(isMetaErrorKind(deleting, "FlowDeletingError")).toBe(true);
    expect((deleting as GraphApiError).reason).toMatchObject({
      _tag: "MetaError",
      code: 139004,
      status: 400,
    });

    await expect(client.flows.deprecate(ready.id)).resolves.toEqual({ success: true });
    expect(graph.lastRequest()).toMatchObject({ method: "POST", path: `/${ready.id}/deprecate` });
    expect(isMetaErrorKind(await rejection(client.flows.deprecate(ready.id)), "FlowDeprecatingError")).toBe(
      true,
    );
    expect(
      isMetaErrorKind(
        await rejection(client.flows.updateMetadata(ready.id, { name: "x" })),
        "FlowUpdatingError",
      ),
    ).toBe(true);

    await expect(client.flows.delete(empty.id)).resolves.toEqual({ success: true });
    expect(graph.lastRequest()).toMatchObject({
      method: "DELETE",
      path: `/${empty.id}`,
      body: { kind: "none" },
    });
    expect(graph.flows.has(empty.id)).toBe(false);
  });

  it("refuses to publish an endpoint flow without endpoint_uri", async () => {
    const { client } = standInClient(graph);
    const dynamic = { ...newsletter, data_api_version: "3.0", routing_model: {} };
    const flow = graph.addFlow({ wabaId: WABA, name: "Dynamic", flowJson: JSON.stringify(dynamic) });
    const error = await rejection(client.flows.publish(flow.id));
    expect((error as GraphApiError).reason).toMatchObject({
      code: 139002,
      message: "No endpoint URI found",
      error_user_msg: "Set endpoint_uri first.",
    });
  });

  it("encodes ids so they cannot reach another endpoint", async () => {
    const { client } = standInClient(graph);
    const error = await rejection(client.flows.publish("1/../2"));
    expect(error).toBeInstanceOf(GraphApiError);
    expect(graph.lastRequest().path).toBe("/1%2F..%2F2/publish");
  });
});
