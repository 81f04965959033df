import { describe, expect, it } from "vitest";
import { readWebhookUpdates } from "../../src/graph-api/webhook-updates.js";
import { WABA_ID, completionMessage, envelope, messagesValue } from "../helpers/webhook-deliveries.js";

describe("readWebhookUpdates", () => {
  it("reads a completion without flow_token (iOS, client-only flows) with the token left undefined", () => {
    const [update] = readWebhookUpdates(
      envelope([{ field: "messages", value: messagesValue([completionMessage({ rating: 5 })]) }]),
      undefined,
    );
    expect(update).toMatchObject({
      kind: "flow_completion",
      flowToken: undefined,
      response: { rating: 5 },
      contextMessageId: "wamid.FLOW_MESSAGE",
    });
  });

  it("keeps a change mixing a completion and other messages: the completion typed, the rest as unknown items", () => {
    const text = {
      from: "15551234567",
      id: "wamid.TEXT",
      timestamp: "1718000000",
      type: "text",
      text: { body: "thanks" },
    };
    const value = messagesValue([text, completionMessage({ flow_token: "t" })]);
    const updates = readWebhookUpdates(envelope([{ field: "messages", value }]), undefined);
    expect(updates.map((update) => update.kind)).toEqual(["unknown", "flow_completion"]);
    expect(updates[0]).toEqual({ kind: "unknown", field: "messages", wabaId: WABA_ID, value, item: text });
  });

  it("passes through nfm_reply answers that are not flows, response_json that is not an object, and foreign bodies", () => {
    const otherReply = completionMessage(
      { a: 1 },
      { interactive: { type: "nfm_reply", nfm_reply: { name: "address_message", response_json: "{}" } } },
    );
    const notObject = completionMessage(
      {},
      { interactive: { type: "nfm_reply", nfm_reply: { name: "flow", response_json: "[1,2]" } } },
    );
    const brokenJson = completionMessage(
      {},
      { interactive: { type: "nfm_reply", nfm_reply: { name: "flow", response_json: "{oops" } } },
    );
    for (const message of [otherReply, notObject, brokenJson]) {
      const [update] = readWebhookUpdates(
        envelope([{ field: "messages", value: messagesValue([message]) }]),
        undefined,
      );
      expect(update?.kind).toBe("unknown");
    }
    expect(readWebhookUpdates({ hello: "world" }, undefined)).toEqual([
      { kind: "unknown", field: undefined, wabaId: undefined, value: { hello: "world" } },
    ]);
    expect(readWebhookUpdates(envelope([{ field: "messages", value: { statuses: [] } }]), undefined)).toEqual(
      [{ kind: "unknown", field: "messages", wabaId: WABA_ID, value: { statuses: [] } }],
    );
  });

  it("takes the sender's name from the contact with the same wa_id", () => {
    const value = messagesValue([completionMessage({ flow_token: "t" }, { from: "4400" })], {
      wa_id: "15551234567",
      name: "Someone else",
    });
    const [update] = readWebhookUpdates(envelope([{ field: "messages", value }]), undefined);
    expect(update).toMatchObject({ kind: "flow_completion", from: { waId: "4400", name: undefined } });
  });
});
