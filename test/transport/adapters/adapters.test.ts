import { createHash } from "node:crypto";
import express from "express";
import Fastify from "fastify";
import { Hono } from "hono";
import { afterEach, describe, expect, it } from "vitest";
import { captureRawBody, createExpressHandler } from "../../../src/transport/adapters/express.js";
import { createFastifyPlugin } from "../../../src/transport/adapters/fastify.js";
import { createFetchHandler } from "../../../src/transport/adapters/fetch.js";
import { createHonoHandler } from "../../../src/transport/adapters/hono.js";
import { createNodeRequestListener } from "../../../src/transport/adapters/node.js";
import { readHeader } from "../../../src/transport/crypto/hub-signature.js";
import type { RawHttpHandler } from "../../../src/transport/raw-http.js";
import { listenFetch, listenNode, wrapServer, type RunningServer } from "../../helpers/http-servers.js";

/** Answers with what it saw: the digest of the exact bytes, the method, the query and one header. */
const echo: RawHttpHandler = {
  async handle(rawBody, headers, method, query) {
    const digest = createHash("sha256").update(rawBody).digest("hex");
    const seen = {
      digest,
      method,
      query: query?.toString(),
      signature: readHeader(headers, "X-Hub-Signature-256"),
    };
    return { status: 200, headers: { "content-type": "application/json" }, body: JSON.stringify(seen) };
  },
};

const LIMIT = 4096;
const servers: RunningServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function started(server: Promise<RunningServer>): Promise<RunningServer> {
  const running = await server;
  servers.push(running);
  return running;
}

const adapters: Record<string, (warnings: string[]) => Promise<RunningServer>> = {
  node: () => listenNode(createNodeRequestListener(echo, { maxBodyBytes: LIMIT })),
  fetch: () => listenFetch(createFetchHandler(echo, { maxBodyBytes: LIMIT })),
  "express, handler before any parser": () => {
    const app = express();
    app.post("/flow", createExpressHandler(echo, { maxBodyBytes: LIMIT }));
    app.use(express.json());
    return listenNode(app);
  },
  "express, json parser with captureRawBody in front": () => {
    const app = express();
    app.use(express.json({ verify: captureRawBody }));
    app.post("/flow", createExpressHandler(echo, { maxBodyBytes: LIMIT }));
    return listenNode(app);
  },
  "hono, middleware already read the json": () => {
    const app = new Hono();
    app.use(async (context, next) => {
      if (context.req.header("content-type") === "application/json") await context.req.json();
      await next();
    });
    app.post("/flow", createHonoHandler(echo, { maxBodyBytes: LIMIT }));
    return listenFetch(app.fetch);
  },
  "fastify, plugin beside json routes": async () => {
    const app = Fastify();
    app.post("/json", async (request) => request.body);
    await app.register(createFastifyPlugin(echo, { path: "/flow", maxBodyBytes: LIMIT }));
    await app.ready();
    return wrapServer(app.server);
  },
};

/** A body whose bytes change if it is parsed and serialised again (escaped slash, spacing, unicode). */
const awkwardBody = '{ "encrypted_flow_data": "a\\/b+c==",\n  "note": "caf\u00e9 \ud83d\ude00" }';
const digestOf = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

describe.each(Object.keys(adapters))("%s adapter", (name) => {
  const start = () => started(adapters[name]!([]));

  it("hands the handler the exact bytes, the method, the query and the headers", async () => {
    const server = await start();
    const response = await fetch(`${server.url}/flow?a=1&b=two`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-hub-signature-256": "sha256=abc" },
      body: awkwardBody,
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      digest: digestOf(awkwardBody),
      method: "POST",
      query: "a=1&b=two",
      signature: "sha256=abc",
    });
  });

  it("answers 413 to a body over the limit, declared or streamed", async () => {
    const server = await start();
    const declared = await fetch(`${server.url}/flow`, { method: "POST", body: "x".repeat(LIMIT + 1) });
    expect(declared.status).toBe(413);
    const streamed = await fetch(`${server.url}/flow`, {
      method: "POST",
      body: new ReadableStream({
        start(controller) {
          for (let i = 0; i < 8; i += 1) controller.enqueue(new TextEncoder().encode("y".repeat(1024)));
          controller.close();
        },
      }),
      duplex: "half",
    } as RequestInit);
    expect(streamed.status).toBe(413);
    const fine = await fetch(`${server.url}/flow`, { method: "POST", body: "ok" });
    expect(fine.status).toBe(200);
  });
});

describe("express with a plain json parser in front", () => {
  it("serialises the parsed body again, warns once, and still sees compact JSON byte for byte", async () => {
    const warnings: string[] = [];
    const app = express();
    app.use(express.json());
    app.post("/flow", createExpressHandler(echo, { warn: (message) => warnings.push(message) }));
    const server = await started(listenNode(app));
    const compact = JSON.stringify({
      encrypted_flow_data: "abc",
      encrypted_aes_key: "def",
      initial_vector: "ghi",
    });
    for (let i = 0; i < 2; i += 1) {
      const response = await fetch(`${server.url}/flow`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: compact,
      });
      expect(((await response.json()) as { digest: string }).digest).toBe(digestOf(compact));
    }
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain("captureRawBody");
  });
});

describe("fastify plugin", () => {
  it("leaves JSON parsing of the application's other routes untouched", async () => {
    const app = Fastify();
    app.post("/json", async (request) => ({ parsed: request.body }));
    await app.register(createFastifyPlugin(echo, { path: "/flow" }));
    await app.ready();
    const server = await started(wrapServer(app.server));
    const response = await fetch(`${server.url}/json`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: '{"a":1}',
    });
    expect(await response.json()).toEqual({ parsed: { a: 1 } });
  });
});
