import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FlowJson } from "../../src/flow-json/types.js";
import { FlowJsonSourceError, GraphApiInputError } from "../../src/graph-api/errors.js";
import { validationErrorsToDiagnostics } from "../../src/graph-api/flow-validation-error.js";
import {
  startGraphApiStandIn,
  type GraphApiStandIn,
  type RecordedRequest,
} from "../helpers/graph-api-stand-in.js";
import { standInClient } from "../helpers/graph-api-stand-in-client.js";
import { readSharedJson, sharedPath } from "../helpers/shared-path.js";

const signin = readSharedJson("fixtures/seed/signin.flow.json") as FlowJson;

function uploadedParts(request: RecordedRequest) {
  if (request.body.kind !== "multipart") throw new Error(`expected multipart, got ${request.body.kind}`);
  return request.body.parts.map((part) => ({
    name: part.name,
    filename: part.filename,
    contentType: part.contentType,
    text: part.data.toString("utf8"),
  }));
}

describe("Flow JSON upload and assets against the Graph API stand-in", () => {
  let graph: GraphApiStandIn;
  beforeEach(async () => {
    graph = await startGraphApiStandIn();
  });
  afterEach(() => graph.close());

  it("uploads a document as the multipart request Meta documents", async () => {
    const { client } = standInClient(graph);
    const flow = graph.addFlow({ wabaId: "1", name: "Sign in" });
    const upload = await client.flows.updateFlowJson(flow.id, signin);
    const request = graph.lastRequest();
    expect(request.method).toBe("POST");
    expect(request.path).toBe(`/${flow.id}/assets`);
    expect(request.query).toEqual({});
    expect(request.contentType).toMatch(/^multipart\/form-data; boundary=/);
    const text = JSON.stringify(signin, null, 2);
    expect(uploadedParts(request)).toEqual([
      { name: "file", filename: "flow.json", contentType: "application/json", text },
      { name: "name", filename: undefined, contentType: undefined, text: "flow.json" },
      { name: "asset_type", filename: undefined, contentType: undefined, text: "FLOW_JSON" },
    ]);
    expect(upload).toEqual({ success: true, valid: true, validation_errors: [], text });
    expect(graph.flows.get(flow.id)?.flowJson).toBe(text);
  });

  it("uploads JSON text and files byte for byte, and machines through toFlowJson()", async () => {
    const { client } = standInClient(graph);
    const flow = graph.addFlow({ wabaId: "1", name: "Sign in" });
    const text =
      '{"version":"7.2",\n"screens":[{"id":"A","terminal":true,"layout":{"type":"SingleColumnLayout","children":[]}}]}';
    await client.flows.updateFlowJson(flow.id, text);
    expect(uploadedParts(graph.lastRequest())[0]?.text).toBe(text);

    const path = sharedPath("fixtures/seed/newsletter.flow.json");
    const { readFile } = await import("node:fs/promises");
    await client.flows.updateFlowJson(flow.id, { path });
    expect(uploadedParts(graph.lastRequest())[0]?.text).toBe(await readFile(path, "utf8"));

    const machine = { toFlowJson: async () => signin };
    await client.flows.updateFlowJson(flow.id, machine);
    expect(uploadedParts(graph.lastRequest())[0]?.text).toBe(JSON.stringify(signin, null, 2));
  });

  it("returns Meta's validation errors with their line and column pointers into the uploaded text", async () => {
    const { client } = standInClient(graph);
    const flow = graph.addFlow({
      wabaId: "1",
      name: "Broken",
      status: "PUBLISHED",
      flowJson: JSON.stringify(signin),
    });
    const broken: FlowJson = {
      version: "7.2",
      screens: [{ id: "SCREEN_1", layout: { type: "SingleColumnLayout", children: [] } }],
    };
    const upload = await client.flows.updateFlowJson(flow.id, broken);
    expect(upload.success).toBe(true);
    expect(upload.valid).toBe(false);
    const lines = upload.text.split("\n");
    const idLine = lines.findIndex((line) => line.includes('"SCREEN_1"')) + 1;
    const idColumn = (lines[idLine - 1] ?? "").indexOf('"SCREEN_1"') + 1;
    expect(upload.validation_errors[0]).toEqual({
      error: "INVALID_PROPERTY_VALUE",
      error_type: "JSON_SCHEMA_ERROR",
      message: "Invalid value found for property 'id' at $root/screens/0/id.",
      line_start: idLine,
      line_end: idLine,
      column_start: idColumn,
      column_end: idColumn + '"SCREEN_1"'.length - 1,
      pointers: [
        {
          line_start: idLine,
          line_end: idLine,
          column_start: idColumn,
          column_end: idColumn + 9,
          path: "screens[0].id",
        },
      ],
    });
    expect(upload.validation_errors[1]).toMatchObject({
      error: "MISSING_TERMINAL_SCREEN",
      pointers: [{ path: "screens" }],
    });
    expect(validationErrorsToDiagnostics(upload.validation_errors)).toEqual([
      {
        code: "INVALID_PROPERTY_VALUE",
        severity: "error",
        pointer: "/screens/0/id",
        message: `Invalid value found for property 'id' at $root/screens/0/id. (line ${idLine}:${idColumn})`,
      },
      {
        code: "MISSING_TERMINAL_SCREEN",
        severity: "error",
        pointer: "/screens",
        message: expect.stringContaining("Missing terminal screen.") as string,
      },
    ]);
    expect(graph.flows.get(flow.id)?.status).toBe("DRAFT");
  });

  it("refuses unreadable sources before any request, with FlowJsonSourceError", async () => {
    const { client } = standInClient(graph);
    const noReader = standInClient(graph, { readFile: undefined as never }).client;
    const flow = graph.addFlow({ wabaId: "1", name: "X" });
    const dir = await mkdtemp(join(tmpdir(), "flowmachine-graph-"));
    await writeFile(join(dir, "bad.json"), "{ nope");
    const cases: [() => Promise<unknown>, string, RegExp][] = [
      [
        () => client.flows.updateFlowJson(flow.id, "{ not json"),
        "string",
        /^The Flow JSON string is not valid JSON/,
      ],
      [() => client.flows.updateFlowJson(flow.id, "[1, 2]"), "string", /must hold a JSON object/],
      [
        () => client.flows.updateFlowJson(flow.id, { path: join(dir, "missing.json") }),
        "file",
        /^Cannot read .*missing\.json/,
      ],
      [
        () => client.flows.updateFlowJson(flow.id, { path: join(dir, "bad.json") }),
        "file",
        /bad\.json is not valid JSON/,
      ],
      [
        () => noReader.flows.updateFlowJson(flow.id, { path: join(dir, "bad.json") }),
        "file",
        /pass a readFile function/,
      ],
      [
        () =>
          client.flows.updateFlowJson(flow.id, {
            toFlowJson: () => Promise.reject(new Error("screen graph has a cycle")),
          }),
        "producer",
        /toFlowJson\(\) failed: screen graph has a cycle/,
      ],
    ];
    for (const [attempt, source, message] of cases) {
      const error = await attempt().then(
        () => undefined,
        (thrown: unknown) => thrown,
      );
      expect(error).toBeInstanceOf(FlowJsonSourceError);
      expect(error).toMatchObject({ _tag: "FlowJsonSourceError", source });
      expect((error as Error).message).toMatch(message);
    }
    expect(graph.requests).toHaveLength(0);
  });

  it("refuses a Flow JSON over Meta's 10 MB limit before sending it", async () => {
    const { client } = standInClient(graph);
    const flow = graph.addFlow({ wabaId: "1", name: "Big" });
    const huge = JSON.stringify({ version: "7.2", screens: [], padding: "x".repeat(10 * 1024 * 1024) });
    const error = await client.flows.updateFlowJson(flow.id, huge).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(GraphApiInputError);
    expect(error).toMatchObject({ field: "flowJson" });
    expect(graph.requests).toHaveLength(0);
  });

  it("lists the assets and downloads the Flow JSON back without sending the token to the download link", async () => {
    const { client } = standInClient(graph);
    const flow = graph.addFlow({ wabaId: "1", name: "Sign in" });
    await client.flows.updateFlowJson(flow.id, signin);
    const assets = await client.flows.listAssets(flow.id);
    expect(graph.lastRequest()).toMatchObject({
      method: "GET",
      path: `/${flow.id}/assets`,
      query: { fields: "name,asset_type,download_url" },
    });
    expect(assets).toEqual([
      { name: "flow.json", asset_type: "FLOW_JSON", download_url: `${graph.url}/asset-download/${flow.id}` },
    ]);

    const downloaded = await client.flows.downloadFlowJson(flow.id);
    expect(downloaded.document).toEqual(signin);
    expect(downloaded.text).toBe(JSON.stringify(signin, null, 2));
    const download = graph.lastRequest();
    expect(download).toMatchObject({ method: "GET", path: `/asset-download/${flow.id}`, version: undefined });
    expect(download.headers["authorization"]).toBeUndefined();

    graph.injectFaults({
      status: 200,
      body: { data: [{ name: "flow.json", asset_type: "FLOW_JSON", download_url: "not a url" }] },
    });
    await expect(client.flows.downloadFlowJson(flow.id)).rejects.toMatchObject({
      _tag: "GraphApiError",
      reason: { _tag: "Undecodable", detail: "the download URL is not absolute" },
    });

    const empty = graph.addFlow({ wabaId: "1", name: "Empty" });
    await expect(client.flows.downloadFlowJson(empty.id)).rejects.toMatchObject({
      _tag: "FlowJsonSourceError",
    });
  });
});
