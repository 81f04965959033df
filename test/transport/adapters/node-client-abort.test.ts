/**
 * A client that closes its connection before its body has arrived (a phone losing signal, a load
 * balancer giving up) must cost only that connection: the node:http listener used to let the body
 * read's "aborted" rejection escape, which ends a Node process (and so a `serve` worker with every
 * request it was answering).
 */
import { connect } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createFlowEndpoint } from "../../../src/transport/endpoint/index.js";
import { createNodeRequestListener } from "../../../src/transport/node.js";
import { createSignInFlow } from "../../../examples/sign-in/flow.js";
import { createFlowClient, sendOverHttp, testPrivateKeyPem } from "../../helpers/flow-client.js";
import { listenNode, type RunningServer } from "../../helpers/http-servers.js";

const escaped: unknown[] = [];
const onRejection = (reason: unknown) => escaped.push(reason);

let server: RunningServer;
beforeEach(async () => {
  escaped.length = 0;
  process.on("unhandledRejection", onRejection);
  const endpoint = createFlowEndpoint({
    flow: createSignInFlow(),
    privateKey: testPrivateKeyPem,
    logger: () => undefined,
  });
  server = await listenNode(createNodeRequestListener(endpoint));
});
afterEach(async () => {
  process.off("unhandledRejection", onRejection);
  await server.close();
});

/** Sends the headers and part of a body, then resets the connection; resolves once it is closed. */
function abortMidBody(url: string): Promise<void> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => {
      socket.write(
        "POST /flow HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n" +
          'Content-Length: 4096\r\n\r\n{"encrypted_flow_data":"',
      );
      setTimeout(() => socket.resetAndDestroy(), 50);
    });
    socket.once("close", () => resolve());
    socket.once("error", reject);
  });
}

describe("createNodeRequestListener when the client goes away mid-body", () => {
  it("lets no rejection escape and keeps answering other clients", async () => {
    for (let attempt = 0; attempt < 5; attempt += 1) await abortMidBody(server.url);
    // Give the server's socket events time to run (the crash, when it happened, came on the next tick).
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(escaped).toEqual([]);
    const client = createFlowClient({ send: sendOverHttp(`${server.url}/flow`) });
    const answer = await client.request({ version: "3.0", action: "ping" });
    expect(answer).toEqual({ status: 200, reply: { data: { status: "active" } } });
  });
});
