import { describe, expect, it } from "vitest";
import type { InspectionEvent } from "xstate";
import { step, type FlowRequest, type FlowSnapshot } from "../../src/machine/index.js";
import { createOrderFlow } from "../helpers/order-flow.js";

const token = "token-1";

function request(action: FlowRequest["action"], screen?: string, data?: FlowRequest["data"]): FlowRequest {
  return {
    action,
    flow_token: token,
    ...(screen === undefined ? {} : { screen }),
    ...(data === undefined ? {} : { data }),
  };
}

/** Stores and restores the snapshot as a session store would. */
function persisted(snapshot: FlowSnapshot): FlowSnapshot {
  return JSON.parse(JSON.stringify(snapshot)) as FlowSnapshot;
}

async function atDetails() {
  const { flow, calls } = createOrderFlow();
  const opened = await step(flow, undefined, request("INIT"));
  const details = await step(
    flow,
    persisted(opened.snapshot),
    request("data_exchange", "MENU", { item: "tea" }),
  );
  return { flow, calls, snapshot: persisted(details.snapshot) };
}

describe("step", () => {
  it("answers INIT with the entry screen and the data of its loader", async () => {
    const { flow } = createOrderFlow();
    const result = await step(flow, undefined, request("INIT"));
    expect(result.response).toEqual({ screen: "MENU", data: { greeting: "Welcome" } });
    expect(result.completed).toBe(false);
    expect(result.snapshot).toMatchObject({ flowId: "order", flowHash: flow.hash, value: { MENU: "idle" } });
  });

  it("moves to the handler's screen and remembers what it learned", async () => {
    const { snapshot } = await atDetails();
    expect(snapshot).toMatchObject({
      value: { DETAILS: "idle" },
      context: { history: ["MENU"], values: { item: "tea" } },
    });
  });

  it("keeps the user on the screen with a snackbar", async () => {
    const { flow } = createOrderFlow();
    const opened = await step(flow, undefined, request("INIT"));
    const result = await step(
      flow,
      persisted(opened.snapshot),
      request("data_exchange", "MENU", { item: "" }),
    );
    expect(result.response).toEqual({ screen: "MENU", data: { error_message: "Pick an item" } });
  });

  it("sends per-field errors as the data field the Form binds error-messages to", async () => {
    const { flow, snapshot } = await atDetails();
    const result = await step(flow, snapshot, request("data_exchange", "DETAILS", { qty: "0" }));
    expect(result.response).toEqual({ screen: "DETAILS", data: { errors: { qty: "At least 1" } } });
  });

  it("accepts a partial refresh of the same screen", async () => {
    const { flow, snapshot } = await atDetails();
    const result = await step(flow, snapshot, request("data_exchange", "DETAILS", { mode: "partial" }));
    expect(result.response).toEqual({ screen: "DETAILS", data: { item: "coffee" } });
  });

  it("completes with the params and the request's flow_token, which the author cannot override", async () => {
    const { flow, snapshot } = await atDetails();
    const confirm = await step(flow, snapshot, request("data_exchange", "DETAILS", { qty: "2" }));
    expect(confirm.response).toEqual({ screen: "CONFIRM", data: { summary: "2 x tea" } });
    const done = await step(flow, persisted(confirm.snapshot), request("data_exchange", "CONFIRM", {}));
    expect(done.completed).toBe(true);
    expect(done.response).toEqual({
      screen: "SUCCESS",
      data: { extension_message_response: { params: { flow_token: token, item: "tea" } } },
    });
    expect(done.snapshot).toMatchObject({ status: "done", context: { values: { orders: 1 } } });
  });

  it("refuses any request once the flow completed, INIT included", async () => {
    const { flow, snapshot } = await atDetails();
    const confirm = await step(flow, snapshot, request("data_exchange", "DETAILS", { qty: "2" }));
    const done = await step(flow, persisted(confirm.snapshot), request("data_exchange", "CONFIRM", {}));
    for (const again of [request("data_exchange", "CONFIRM", {}), request("INIT")]) {
      await expect(step(flow, persisted(done.snapshot), again)).rejects.toMatchObject({
        _tag: "FlowCompleted",
        message: expect.stringContaining("Answer 427") as unknown,
      });
    }
  });

  it("answers BACK on a refresh_on_back screen with the previous screen and fresh data", async () => {
    const { flow, calls, snapshot } = await atDetails();
    const result = await step(flow, snapshot, request("BACK", "DETAILS"));
    expect(result.response).toEqual({ screen: "MENU", data: { greeting: "Back for more tea?" } });
    expect(calls.loads).toEqual(["MENU", "MENU"]);
    expect(result.snapshot).toMatchObject({ value: { MENU: "idle" }, context: { history: [] } });
  });

  it("takes BACK without a screen as coming from the snapshot's screen", async () => {
    const { flow, snapshot } = await atDetails();
    const result = await step(flow, snapshot, request("BACK"));
    expect(result.response.screen).toBe("MENU");
  });

  it("refuses BACK from a screen without refresh_on_back, or with nothing behind it", async () => {
    const { flow } = createOrderFlow();
    const opened = await step(flow, undefined, request("INIT"));
    await expect(step(flow, persisted(opened.snapshot), request("BACK", "MENU"))).rejects.toMatchObject({
      _tag: "EventNotAccepted",
      message: expect.stringContaining("refresh_on_back") as unknown,
    });
  });

  it("reconciles client-side navigation before handling the request", async () => {
    const { flow } = createOrderFlow();
    const opened = await step(flow, undefined, request("INIT"));
    // MENU -navigate-> ABOUT is client-side; the user went back and submitted MENU: nothing to replay.
    const result = await step(
      flow,
      persisted(opened.snapshot),
      request("data_exchange", "MENU", { item: "tea" }),
    );
    expect(result.response.screen).toBe("DETAILS");
  });

  it("starts a flow opened with navigate from the entry screen", async () => {
    const { flow } = createOrderFlow();
    const result = await step(flow, undefined, request("data_exchange", "MENU", { item: "tea" }));
    expect(result.response.screen).toBe("DETAILS");
    expect(result.snapshot).toMatchObject({ context: { history: ["MENU"] } });
  });

  it("rejects a screen that cannot be reached and leaves the snapshot alone", async () => {
    const { flow } = createOrderFlow();
    const opened = persisted((await step(flow, undefined, request("INIT"))).snapshot);
    const before = JSON.stringify(opened);
    await expect(step(flow, opened, request("data_exchange", "CONFIRM", {}))).rejects.toMatchObject({
      _tag: "ScreenUnreachable",
      message: expect.stringContaining("cannot be reached from 'MENU'") as unknown,
    });
    await expect(step(flow, opened, request("data_exchange", "NOWHERE", {}))).rejects.toMatchObject({
      _tag: "ScreenUnreachable",
      message: expect.stringContaining("has no screen 'NOWHERE'") as unknown,
    });
    expect(JSON.stringify(opened)).toBe(before);
  });

  it("refuses data_exchange on a screen without a handler", async () => {
    const { flow } = createOrderFlow();
    const opened = persisted((await step(flow, undefined, request("INIT"))).snapshot);
    await expect(step(flow, opened, request("data_exchange", "ABOUT", {}))).rejects.toMatchObject({
      _tag: "EventNotAccepted",
      message: expect.stringContaining("give it a data_exchange handler") as unknown,
    });
  });

  it("reports a handler's data that does not match the target screen", async () => {
    const { flow, snapshot } = await atDetails();
    await expect(
      step(flow, snapshot, request("data_exchange", "DETAILS", { mode: "bad" })),
    ).rejects.toMatchObject({
      _tag: "ReplyDataInvalid",
      screen: "CONFIRM",
      problems: ["'summary' must be a string, got number"],
    });
  });

  it("reports a reply to an undeclared screen, or something that is no reply", async () => {
    const { flow, snapshot } = await atDetails();
    await expect(
      step(flow, snapshot, request("data_exchange", "DETAILS", { mode: "undeclared" })),
    ).rejects.toMatchObject({
      _tag: "ReplyInvalid",
      message: expect.stringContaining("add 'MENU' to 'targets'") as unknown,
    });
    await expect(
      step(flow, snapshot, request("data_exchange", "DETAILS", { mode: "garbage" })),
    ).rejects.toMatchObject({
      _tag: "ReplyInvalid",
    });
  });

  it("wraps a handler's exception", async () => {
    const { flow, snapshot } = await atDetails();
    const failure = step(flow, snapshot, request("data_exchange", "DETAILS", { mode: "throw" }));
    await expect(failure).rejects.toMatchObject({
      _tag: "HandlerFailed",
      screen: "DETAILS",
      action: "data_exchange",
      message: expect.stringContaining("stock service unavailable") as unknown,
    });
  });

  it("gives up at the deadline and aborts the handler's signal", async () => {
    const { flow, calls, snapshot } = await atDetails();
    await expect(
      step(flow, snapshot, request("data_exchange", "DETAILS", { mode: "slow" }), { timeoutMs: 20 }),
    ).rejects.toMatchObject({ _tag: "HandlerTimedOut", timeoutMs: 20 });
    expect(calls.signals.at(-1)?.aborted).toBe(true);
  });

  it("rejects unknown actions and incomplete requests", async () => {
    const { flow } = createOrderFlow();
    await expect(
      step(flow, undefined, { action: "ping", flow_token: token } as unknown as FlowRequest),
    ).rejects.toMatchObject({
      _tag: "UnknownAction",
      action: "ping",
    });
    await expect(step(flow, undefined, { action: "INIT", flow_token: "" })).rejects.toMatchObject({
      _tag: "RequestInvalid",
    });
    await expect(step(flow, undefined, request("data_exchange", undefined, {}))).rejects.toMatchObject({
      _tag: "RequestInvalid",
      message: expect.stringContaining("must name its screen") as unknown,
    });
  });

  it("tells a snapshot of another flow or version from its own", async () => {
    const { flow } = createOrderFlow();
    const snapshot = persisted((await step(flow, undefined, request("INIT"))).snapshot);
    await expect(
      step(flow, { ...snapshot, flowHash: "0000" }, request("data_exchange", "MENU", {})),
    ).rejects.toMatchObject({
      _tag: "SnapshotMismatch",
      message: expect.stringContaining("another version of flow 'order'") as unknown,
    });
    await expect(
      step(flow, { ...snapshot, flowId: "other" }, request("data_exchange", "MENU", {})),
    ).rejects.toMatchObject({
      _tag: "SnapshotMismatch",
      message: expect.stringContaining("belongs to flow 'other'") as unknown,
    });
    await expect(
      step(flow, { ...snapshot, value: { NOPE: "idle" } }, request("data_exchange", "MENU", {})),
    ).rejects.toMatchObject({
      _tag: "SnapshotInvalid",
    });
  });

  it("opens a new session on INIT over an unfinished one", async () => {
    const { flow, snapshot } = await atDetails();
    const result = await step(flow, snapshot, request("INIT"));
    expect(result.response).toEqual({ screen: "MENU", data: { greeting: "Welcome" } });
    expect(result.snapshot).toMatchObject({ context: { history: [], values: { item: "" } } });
  });

  it("passes the inspection observer to the actors it creates", async () => {
    const { flow } = createOrderFlow();
    const events: InspectionEvent[] = [];
    await step(flow, undefined, request("data_exchange", "MENU", { item: "tea" }), {
      inspect: (event) => events.push(event),
    });
    const types = new Set(events.map((event) => event.type));
    expect(types).toContain("@xstate.actor");
    expect(
      events.some((event) => event.type === "@xstate.event" && event.event.type === "data_exchange"),
    ).toBe(true);
    expect(events.filter((event) => event.type === "@xstate.actor").length).toBeGreaterThanOrEqual(2);
  });

  it("keeps snapshots small and free of screens", async () => {
    const { snapshot } = await atDetails();
    const text = JSON.stringify(snapshot);
    expect(text.length).toBeLessThan(2048);
    expect(text).not.toContain("layout");
  });
});
