/**
 * The real data endpoint behind every adapter, on a real server on 127.0.0.1 with signatures on: the
 * seeded sign-in flow goes INIT -> data_exchange -> SUCCESS through each, and a bad signature is 432.
 */
import { Redacted } from "effect";
import express from "express";
import Fastify from "fastify";
import { Hono } from "hono";
import { afterEach, describe, expect, it } from "vitest";
import { createSignInFlow } from "../../../examples/sign-in/flow.js";
import {
  createMemoryUserRepository,
  exampleUser,
  seedExampleUsers,
} from "../../../examples/sign-in/users.js";
import { captureRawBody, createExpressHandler } from "../../../src/transport/adapters/express.js";
import { createFastifyPlugin } from "../../../src/transport/adapters/fastify.js";
import { createFetchHandler } from "../../../src/transport/adapters/fetch.js";
import { createHonoHandler } from "../../../src/transport/adapters/hono.js";
import { createNodeRequestListener } from "../../../src/transport/adapters/node.js";
import { createFlowEndpoint, type FlowEndpoint } from "../../../src/transport/endpoint/index.js";
import { createFlowClient, sendOverHttp, testPrivateKeyPem } from "../../helpers/flow-client.js";
import { listenFetch, listenNode, wrapServer, type RunningServer } from "../../helpers/http-servers.js";

const APP_SECRET = "adapter-app-secret";
const servers: RunningServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function seededEndpoint(): Promise<FlowEndpoint> {
  const users = createMemoryUserRepository();
  await seedExampleUsers(users);
  return createFlowEndpoint({
    flow: createSignInFlow({ users }),
    privateKey: Redacted.make(testPrivateKeyPem),
    appSecret: Redacted.make(APP_SECRET),
    logger: () => undefined,
  });
}

/** Each adapter mounted at /flow the way its documentation shows. */
const adapters: Record<string, (endpoint: FlowEndpoint) => Promise<RunningServer>> = {
  "node:http": (endpoint) => listenNode(createNodeRequestListener(endpoint)),
  "fetch (@hono/node-server)": (endpoint) => listenFetch(createFetchHandler(endpoint)),
  "express, express.json() with captureRawBody in front": (endpoint) => {
    const app = express();
    app.use(express.json({ verify: captureRawBody }));
    app.post("/flow", createExpressHandler(endpoint));
    return listenNode(app);
  },
  hono: (endpoint) => {
    const app = new Hono();
    app.post("/flow", createHonoHandler(endpoint));
    return listenFetch(app.fetch);
  },
  "fastify plugin": async (endpoint) => {
    const app = Fastify();
    await app.register(createFastifyPlugin(endpoint, { path: "/flow" }));
    await app.ready();
    return wrapServer(app.server);
  },
};

describe.each(Object.keys(adapters))("the sign-in endpoint behind the %s adapter", (name) => {
  it("runs INIT -> data_exchange -> SUCCESS with signed requests, and answers 432 to a wrong signature", async () => {
    const server = await adapters[name]!(await seededEndpoint());
    servers.push(server);
    const url = `${server.url}/flow`;
    const client = createFlowClient({ appSecret: APP_SECRET, send: sendOverHttp(url) });
    const token = `adapter-${name.length}`;

    expect(await client.request({ version: "3.0", action: "INIT", flow_token: token })).toMatchObject({
      status: 200,
      reply: { screen: "SIGN_IN" },
    });
    const done = await client.request({
      version: "3.0",
      action: "data_exchange",
      screen: "SIGN_IN",
      flow_token: token,
      data: { email: exampleUser.email, password: exampleUser.password },
    });
    expect(done).toEqual({
      status: 200,
      reply: {
        screen: "SUCCESS",
        data: { extension_message_response: { params: { flow_token: token, email: exampleUser.email } } },
      },
    });

    const forged = createFlowClient({ appSecret: "someone-else", send: sendOverHttp(url) });
    expect((await forged.request({ version: "3.0", action: "ping" })).status).toBe(432);
  });
});
