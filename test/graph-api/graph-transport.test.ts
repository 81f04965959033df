import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Redacted } from "effect";
import { GraphApiConfigError, GraphApiError } from "../../src/graph-api/errors.js";
import { createGraphApiClient } from "../../src/graph-api/graph-api-client.js";
import { startGraphApiStandIn, type GraphApiStandIn } from "../helpers/graph-api-stand-in.js";
import { standInClient } from "../helpers/graph-api-stand-in-client.js";

async function failure(promise: Promise<unknown>): Promise<GraphApiError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(GraphApiError);
  return error as GraphApiError;
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("Graph API transport: retries, timeouts and error decoding", () => {
  let graph: GraphApiStandIn;
  let flowId: string;
  beforeEach(async () => {
    graph = await startGraphApiStandIn();
    flowId = graph.addFlow({ wabaId: "1", name: "Flow" }).id;
  });
  afterEach(() => graph.close());

  it("retries a 429 after the Retry-After the server asked for, then succeeds", async () => {
    const { client, sleeps, warnings } = standInClient(graph);
    graph.injectFaults({
      status: 429,
      headers: { "retry-after": "2" },
      body: { error: { message: "Too many calls", code: 80007, type: "OAuthException" } },
    });
    const flow = await client.flows.get(flowId, { fields: ["id", "name"] });
    expect(flow).toEqual({ id: flowId, name: "Flow" });
    expect(graph.requests).toHaveLength(2);
    expect(graph.requests[0]).toEqual(graph.requests[1]);
    expect(sleeps).toEqual([2000]);
    expect(warnings).toEqual([`Graph API GET /${flowId} answered HTTP 429; retry 1 of 3 in 2000 ms.`]);
  });

  it("reads an HTTP-date Retry-After", async () => {
    const { client, sleeps } = standInClient(graph);
    const inAMinute = new Date(Date.now() + 30_000).toUTCString();
    graph.injectFaults({ status: 503, headers: { "retry-after": inAMinute } });
    await client.flows.get(flowId, { fields: ["id"] });
    expect(sleeps).toHaveLength(1);
    expect(sleeps[0]).toBeGreaterThan(20_000);
    expect(sleeps[0]).toBeLessThanOrEqual(30_000);
  });

  it("retries 5xx with exponential backoff and full jitter, then gives up after maxAttempts", async () => {
    const { client, sleeps } = standInClient(graph, {
      retry: { random: () => 0.5, baseDelayMs: 100, maxDelayMs: 300 },
    });
    graph.injectFaults(
      { status: 500 },
      { status: 502, body: "<html>Bad gateway</html>" },
      { status: 503 },
      { status: 500 },
    );
    const error = await failure(client.flows.get(flowId));
    expect(graph.requests).toHaveLength(4);
    expect(sleeps).toEqual([50, 100, 150]);
    expect(error.attempts).toBe(4);
    expect(error.reason).toEqual({ _tag: "HttpStatus", status: 500, bodyExcerpt: "{}" });
    expect(error.message).toBe(
      `Graph API GET /${flowId} answered HTTP 500 without Meta's error envelope: "{}".`,
    );
  });

  it("does not retry a 400 that would fail again", async () => {
    const { client, sleeps } = standInClient(graph);
    graph.injectFaults({
      status: 400,
      body: {
        error: {
          message: "Invalid parameter",
          type: "OAuthException",
          code: 100,
          error_subcode: 2494010,
          fbtrace_id: "AbC",
        },
      },
    });
    const error = await failure(client.flows.get(flowId));
    expect(graph.requests).toHaveLength(1);
    expect(sleeps).toEqual([]);
    expect(error.reason).toEqual({
      _tag: "MetaError",
      status: 400,
      kind: "Other",
      message: "Invalid parameter",
      type: "OAuthException",
      code: 100,
      error_subcode: 2494010,
      fbtrace_id: "AbC",
    });
    expect(error.message).toBe(
      `Graph API GET /${flowId} failed with Meta error 100/2494010: Invalid parameter. [fbtrace_id AbC]`,
    );
  });

  it("does not replay a request that creates something after a 5xx, but does after a 429 or when allowed", async () => {
    const { client } = standInClient(graph);
    const create = () =>
      client.flows.create({ wabaId: "1", name: `F${graph.requests.length}`, categories: ["OTHER"] });
    graph.injectFaults({ status: 500 });
    expect((await failure(create())).attempts).toBe(1);
    graph.injectFaults({ status: 429 });
    await create();
    expect(graph.requests).toHaveLength(3);

    const replaying = standInClient(graph, { retry: { replayUnsafeRequests: true } }).client;
    graph.injectFaults({ status: 500 });
    await replaying.flows.create({ wabaId: "1", name: "Replayed", categories: ["OTHER"] });
    expect(graph.requests).toHaveLength(5);
  });

  it("gives up at once when Retry-After asks for a longer pause than maxRetryAfterMs", async () => {
    const { client, sleeps } = standInClient(graph, { retry: { maxRetryAfterMs: 1000 } });
    graph.injectFaults({ status: 429, headers: { "retry-after": "3600" } });
    const error = await failure(client.flows.get(flowId));
    expect(error.reason).toMatchObject({ _tag: "HttpStatus", status: 429 });
    expect(sleeps).toEqual([]);
  });

  it("turns a network failure into a Transport reason after retrying", async () => {
    const port = await closedPort();
    const sleeps: number[] = [];
    const client = createGraphApiClient({
      accessToken: graph.accessToken,
      baseUrl: `http://127.0.0.1:${port}`,
      retry: { maxAttempts: 3, sleep: async (ms) => void sleeps.push(ms) },
    });
    const error = await failure(client.flows.get("123"));
    expect(error.reason._tag).toBe("Transport");
    expect(error.attempts).toBe(3);
    expect(sleeps).toHaveLength(2);
    expect(error.message).toMatch(
      /^Graph API GET \/123 could not be reached \(TypeError: fetch failed \(.*ECONNREFUSED.*\)\); check the network/,
    );
  });

  it("aborts an attempt that takes longer than timeoutMs", async () => {
    const { client } = standInClient(graph, { timeoutMs: 50, retry: { maxAttempts: 2 } });
    graph.injectFaults({ status: 200, delayMs: 1000 }, { status: 200, delayMs: 1000 });
    const error = await failure(client.flows.get(flowId));
    expect(error.reason).toEqual({ _tag: "Timeout", timeoutMs: 50 });
    expect(error.attempts).toBe(2);
    expect(error.message).toBe(
      `Graph API GET /${flowId} took longer than 50 ms; retry later or raise the timeoutMs option.`,
    );
  });

  it("reports a 2xx body without the documented shape as Undecodable", async () => {
    const { client } = standInClient(graph);
    graph.injectFaults({ status: 200, body: { id: 42 } });
    const shape = await failure(client.flows.get(flowId));
    expect(shape.reason).toMatchObject({ _tag: "Undecodable", status: 200 });
    expect(shape.message).toMatch(/does not have the documented shape \(Expected string\s+at \["id"\]\)\.$/);
    graph.injectFaults({ status: 200, body: "<html>captive portal</html>" });
    expect((await failure(client.flows.get(flowId))).reason).toEqual({
      _tag: "Undecodable",
      status: 200,
      detail: "the body is not JSON",
    });
  });

  it("uses the configured version and fetch, and sends the token only in the Authorization header", async () => {
    const seen: string[] = [];
    const client = createGraphApiClient({
      accessToken: Redacted.make(graph.accessToken),
      baseUrl: `${graph.url}/`,
      apiVersion: "v22.0",
      fetch: (input, init) => {
        seen.push(input);
        return fetch(input, init);
      },
    });
    await client.flows.get(flowId, { fields: ["id"] });
    expect(seen).toEqual([`${graph.url}/v22.0/${flowId}?fields=id`]);
    const request = graph.lastRequest();
    expect(request.version).toBe("v22.0");
    expect(request.headers["authorization"]).toBe(`Bearer ${graph.accessToken}`);
    expect(request.headers["accept"]).toBe("application/json");
    expect(JSON.stringify({ query: request.query, path: request.path })).not.toContain(graph.accessToken);
  });

  it("refuses unusable options with GraphApiConfigError naming the option, never its value", () => {
    const attempts: [() => unknown, string][] = [
      [() => createGraphApiClient({ accessToken: "EAAB tokenQ7x with spaces" }), "accessToken"],
      [() => createGraphApiClient({ accessToken: "EAAB\ntokenQ7x" }), "accessToken"],
      [() => createGraphApiClient({ accessToken: "" }), "accessToken"],
      [() => createGraphApiClient({ accessToken: "EAABtokenQ7xLongEnough", apiVersion: "24" }), "apiVersion"],
      [
        () => createGraphApiClient({ accessToken: "EAABtokenQ7xLongEnough", baseUrl: "graph.facebook.com" }),
        "baseUrl",
      ],
      [() => createGraphApiClient({ accessToken: "EAABtokenQ7xLongEnough", timeoutMs: 0 }), "timeoutMs"],
      [
        () => createGraphApiClient({ accessToken: "EAABtokenQ7xLongEnough", retry: { maxAttempts: 0 } }),
        "retry.maxAttempts",
      ],
    ];
    for (const [attempt, option] of attempts) {
      let thrown: unknown;
      try {
        attempt();
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(GraphApiConfigError);
      expect(thrown).toMatchObject({ _tag: "GraphApiConfigError", option });
      expect(`${String(thrown)} ${JSON.stringify(thrown)}`).not.toContain("tokenQ7x");
    }
  });
});
