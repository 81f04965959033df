import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GraphApiConfigError } from "../../src/graph-api/errors.js";
import { createGraphApiClient } from "../../src/graph-api/graph-api-client.js";
import type { FetchFunction } from "../../src/graph-api/graph-transport.js";
import { startGraphApiStandIn, type GraphApiStandIn } from "../helpers/graph-api-stand-in.js";

/** Every string inside a JSON-able value, keys included. */
function strings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value !== null && typeof value === "object")
    return Object.entries(value).flatMap(([key, item]) => [key, ...strings(item)]);
  return [];
}

const REFUSED_TOKEN =
  "accessToken must be at least 16 visible ASCII characters without spaces; copy the token again from Meta's Business Manager.";

/**
 * Fails when `token` shows up in any form an error or a log line can take. A refused token gets a fixed
 * message that does not depend on it (a short token may well be a substring of any text).
 */
function expectNoLeak(token: string, error: unknown, logs: readonly string[]): void {
  expect(error).toBeInstanceOf(Error);
  if (error instanceof GraphApiConfigError) {
    expect(error).toMatchObject({ option: "accessToken", message: REFUSED_TOKEN });
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      _tag: "GraphApiConfigError",
      option: "accessToken",
      message: REFUSED_TOKEN,
    });
    return;
  }
  const thrown = error as Error;
  const serialised = JSON.stringify(thrown);
  const texts = [
    thrown.message,
    String(thrown),
    serialised,
    thrown.stack ?? "",
    ...strings(JSON.parse(serialised)),
    ...logs,
  ];
  for (const text of texts) {
    expect(text.includes(token), `token found in: ${text}`).toBe(false);
    expect(text.includes(encodeURIComponent(token))).toBe(false);
  }
}

const visibleAscii = fc.string({
  unit: fc.integer({ min: 0x21, max: 0x7e }).map((code) => String.fromCharCode(code)),
  minLength: 16,
  maxLength: 80,
});
const anyToken = fc.oneof(
  visibleAscii,
  fc.string({ minLength: 0, maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 30 }),
);

type Echo = (token: string) => string;
/** The ways a server can answer badly, each allowed to echo the Authorization header or the token. */
const failingAnswer = fc.record({
  status: fc.oneof(fc.integer({ min: 400, max: 599 }), fc.constant(200)),
  echo: fc.constantFrom<Echo>(
    (token) =>
      JSON.stringify({
        error: {
          message: `Malformed access token ${token}`,
          type: "OAuthException",
          code: 190,
          fbtrace_id: token,
        },
      }),
    (token) =>
      JSON.stringify({
        error: { message: "x", code: 100, error_user_msg: `Bearer ${token}`, error_data: { details: token } },
      }),
    (token) => `<html><body>${"padding ".repeat(30)}${token}</body></html>`,
    (token) => JSON.stringify({ unexpected: true, echoed: `Bearer ${token}` }),
    (token) => JSON.stringify({ id: 7, name: token }),
    (token) => `token=${encodeURIComponent(token)}`,
    () => "",
  ),
  retryAfter: fc.option(fc.constantFrom("0", "1", "abc"), { nil: undefined }),
});

describe("the access token never leaks", () => {
  let graph: GraphApiStandIn;
  beforeAll(async () => {
    graph = await startGraphApiStandIn();
  });
  afterAll(() => graph.close());

  it("not from any failing answer, through errors or log lines", async () => {
    await fc.assert(
      fc.asyncProperty(
        anyToken,
        failingAnswer,
        fc.constantFrom("get", "publish", "create"),
        async (token, answer, call) => {
          const logs: string[] = [];
          const fetchFunction: FetchFunction = async (_input, init) => {
            const authorization = new Headers(init.headers).get("authorization") ?? "";
            const headers: Record<string, string> =
              answer.retryAfter === undefined ? {} : { "retry-after": answer.retryAfter };
            return new Response(answer.echo(authorization.replace(/^Bearer /, "")), {
              status: answer.status,
              headers,
            });
          };
          let error: unknown;
          try {
            const client = createGraphApiClient({
              accessToken: token,
              fetch: fetchFunction,
              logger: { warn: (message) => logs.push(message) },
              retry: { maxAttempts: 2, sleep: async () => {} },
            });
            if (call === "get") await client.flows.get("123");
            if (call === "publish") await client.flows.publish("123");
            if (call === "create")
              await client.flows.create({ wabaId: "1", name: "n", categories: ["OTHER"] });
          } catch (thrown) {
            error = thrown;
          }
          if (error === undefined) return;
          expectNoLeak(token, error, logs);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("not from a fetch that throws with the request headers in its message", async () => {
    await fc.assert(
      fc.asyncProperty(visibleAscii, async (token) => {
        const logs: string[] = [];
        const client = createGraphApiClient({
          accessToken: token,
          fetch: async (_input, init) => {
            throw new TypeError(`request failed: ${JSON.stringify(init.headers)}`, {
              cause: new Error(String(new Headers(init.headers).get("authorization"))),
            });
          },
          logger: { warn: (message) => logs.push(message) },
          retry: { maxAttempts: 2, sleep: async () => {} },
        });
        const error = await client.flows.get("1").catch((thrown: unknown) => thrown);
        expect(error).toMatchObject({ _tag: "GraphApiError", reason: { _tag: "Transport" } });
        expect(logs).toHaveLength(1);
        expectNoLeak(token, error, logs);
      }),
      { numRuns: 100 },
    );
  });

  it("not from the real stand-in, which echoes a token it does not accept", async () => {
    await fc.assert(
      fc.asyncProperty(visibleAscii, async (token) => {
        const client = createGraphApiClient({
          accessToken: token,
          baseUrl: graph.url,
          retry: { maxAttempts: 1 },
        });
        const error = await client.flows.get("1").catch((thrown: unknown) => thrown);
        expect(error).toMatchObject({
          reason: { _tag: "MetaError", code: 190, message: "Malformed access token [redacted]" },
        });
        expectNoLeak(token, error, []);
      }),
      { numRuns: 40 },
    );
  });
});
