import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { waitForFlowCompletion } from "../../src/graph-api/flow-completion-waiter.js";
import { createWebhookHandler, type WebhookHandler } from "../../src/graph-api/webhook-handler.js";
import { startGraphApiStandIn, type GraphApiStandIn } from "../helpers/graph-api-stand-in.js";
import { standInClient } from "../helpers/graph-api-stand-in-client.js";
import { completionMessage, envelope, messagesValue, signature } from "../helpers/webhook-deliveries.js";

const SECRET = "waiter-app-secret";

async function deliverCompletion(handler: WebhookHandler, contextId: string, token: string): Promise<void> {
  const raw = JSON.stringify(
    envelope([
      {
        field: "messages",
        value: messagesValue([completionMessage({ flow_token: token }, { context: { id: contextId } })]),
      },
    ]),
  );
  const answer = await handler.handle(raw, { "x-hub-signature-256": signature(raw, SECRET) }, "POST");
  expect(answer.status).toBe(200);
  await handler.settled();
}

describe("waitForFlowCompletion", () => {
  let graph: GraphApiStandIn;
  let handler: WebhookHandler;
  beforeEach(async () => {
    graph = await startGraphApiStandIn();
    handler = createWebhookHandler({ appSecret: SECRET, verifyToken: "verify-token" });
  });
  afterEach(() => graph.close());

  it("resolves with the completion of the sent message, matched on context.id, ignoring others", async () => {
    const { client } = standInClient(graph);
    const flowId = graph.addFlow({ wabaId: "1", name: "Rate", status: "PUBLISHED" }).id;
    const sent = await client.messages.sendFlowMessage({
      phoneNumberId: "1",
      to: "15551234567",
      body: "Rate us",
      cta: "Rate",
      flowId,
      screen: "RATE",
    });
    const waiting = waitForFlowCompletion(handler, { messageId: sent.messageId });
    await deliverCompletion(handler, "wamid.SOMEONE_ELSE", "other");
    await deliverCompletion(handler, sent.messageId, sent.flowToken);
    const completion = await waiting;
    expect(completion).toMatchObject({ contextMessageId: sent.messageId, flowToken: sent.flowToken });
  });

  it("matches on flow_token too, and rejects with FlowCompletionTimeoutError when nothing comes", async () => {
    const waiting = waitForFlowCompletion(handler, { flowToken: "tok-7" });
    await deliverCompletion(handler, "wamid.X", "tok-7");
    await expect(waiting).resolves.toMatchObject({ flowToken: "tok-7" });
    await expect(waitForFlowCompletion(handler, { flowToken: "never", timeoutMs: 10 })).rejects.toMatchObject(
      {
        _tag: "FlowCompletionTimeoutError",
        timeoutMs: 10,
        message: "No matching flow completion arrived within 10 ms.",
      },
    );
    await expect(waitForFlowCompletion(handler, {})).rejects.toMatchObject({
      _tag: "GraphApiInputError",
      field: "messageId",
    });
  });
});
