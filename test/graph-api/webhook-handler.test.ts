import { createHash } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FlowCompletion } from "../../src/graph-api/flow-completion.js";
import {
  createWebhookHandler,
  type WebhookHandler,
  type WebhookHandlerOptions,
} from "../../src/graph-api/webhook-handler.js";
import type { WebhookUpdate } from "../../src/graph-api/webhook-updates.js";
import { startGraphApiStandIn, type GraphApiStandIn } from "../helpers/graph-api-stand-in.js";
import { standInClient } from "../helpers/graph-api-stand-in-client.js";
import {
  PHONE_NUMBER_ID,
  WABA_ID,
  completionMessage,
  deliver,
  envelope,
  messagesValue,
  serveWebhookHandler,
  type HandlerServer,
} from "../helpers/webhook-deliveries.js";

const SECRET = "6f1c0e4d2b7a9c8e5f3a1b0d9c7e6f5a";
const OLD_SECRET = "0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d";
const VERIFY = "a-verify-token-from-the-dashboard";

describe("webhook handler over real HTTP", () => {
  let handler: WebhookHandler;
  let server: HandlerServer;
  let logged: { level: string; message: string; error?: unknown }[];

  async function start(options: Partial<WebhookHandlerOptions> = {}): Promise<void> {
    logged = [];
    handler = createWebhookHandler({
      appSecret: [SECRET, OLD_SECRET],
      verifyToken: VERIFY,
      logger: {
        warn: (message) => logged.push({ level: "warn", message }),
        error: (message, error) => logged.push({ level: "error", message, error }),
      },
      ...options,
    });
    server = await serveWebhookHandler(handler);
  }

  beforeEach(() => start());
  afterEach(() => server.close());

  it("answers Meta's verification GET with the challenge, 403 on a wrong token or mode", async () => {
    const ok = await fetch(
      `${server.url}?hub.mode=subscribe&hub.verify_token=${VERIFY}&hub.challenge=1158201444`,
    );
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe("1158201444");
    expect(
      (await fetch(`${server.url}?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1`)).status,
    ).toBe(403);
    expect(
      (await fetch(`${server.url}?hub.mode=unsubscribe&hub.verify_token=${VERIFY}&hub.challenge=1`)).status,
    ).toBe(403);
    expect((await fetch(`${server.url}?hub.mode=subscribe&hub.verify_token=${VERIFY}`)).status).toBe(400);
    expect(logged.filter((entry) => entry.level === "warn")).toHaveLength(2);
  });

  it("delivers a signed flow completion, typed, with flow_token taken out of response_json", async () => {
    const completions: FlowCompletion[] = [];
    handler.onFlowCompletion((completion) => void completions.push(completion));
    const payload = envelope([
      {
        field: "messages",
        value: messagesValue([
          completionMessage({ flow_token: "tok-42", email: "ada@example.com", opt_in: true }),
        ]),
      },
    ]);
    const response = await deliver(server.url, payload, SECRET);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("OK");
    await handler.settled();
    expect(completions).toHaveLength(1);
    const { media, ...completion } = completions[0] as FlowCompletion;
    expect(completion).toEqual({
      kind: "flow_completion",
      wabaId: WABA_ID,
      phoneNumberId: PHONE_NUMBER_ID,
      displayPhoneNumber: "15550001111",
      messageId: "wamid.COMPLETION",
      contextMessageId: "wamid.FLOW_MESSAGE",
      from: { waId: "15551234567", name: "Ada Lovelace" },
      timestamp: new Date(1_718_000_123_000),
      flowToken: "tok-42",
      response: { email: "ada@example.com", opt_in: true },
      responseJson: JSON.stringify({ flow_token: "tok-42", email: "ada@example.com", opt_in: true }),
      body: "Sent",
    });
    expect(media).toEqual({});
  });

  it("refuses a missing, wrong or tampered signature with 403 and accepts the previous secret during rotation", async () => {
    const seen: WebhookUpdate[] = [];
    handler.onUpdate((update) => void seen.push(update));
    const payload = envelope([
      { field: "flows", value: { event: "FLOW_STATUS_CHANGE", flow_id: "1", new_status: "DRAFT" } },
    ]);
    expect((await deliver(server.url, payload, undefined)).status).toBe(403);
    expect((await deliver(server.url, payload, "not-the-secret")).status).toBe(403);
    expect((await deliver(server.url, payload, undefined, "sha256=" + "0".repeat(64))).status).toBe(403);
    const body = JSON.stringify(payload);
    const signedOther = await deliver(
      server.url,
      body.replace('"DRAFT"', '"PUBLISHED"'),
      undefined,
      `sha256=${createHash("sha256").update(body).digest("hex")}`,
    );
    expect(signedOther.status).toBe(403);
    expect((await deliver(server.url, payload, OLD_SECRET)).status).toBe(200);
    await handler.settled();
    expect(seen).toHaveLength(1);
    expect(logged.filter((entry) => entry.message.includes("X-Hub-Signature-256"))).toHaveLength(4);
  });

  it("acknowledges before slow listeners finish", async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const steps: string[] = [];
    handler.onFlowStatus(async () => {
      steps.push("listener started");
      await gate;
      steps.push("listener finished");
    });
    const response = await deliver(
      server.url,
      envelope([
        { field: "flows", value: { event: "FLOW_STATUS_CHANGE", flow_id: "1", new_status: "DRAFT" } },
      ]),
      SECRET,
    );
    steps.push(`answered ${response.status}`);
    expect(steps).not.toContain("listener finished");
    release();
    await handler.settled();
    expect(steps.at(-1)).toBe("listener finished");
    expect(steps.indexOf("answered 200")).toBeLessThan(steps.indexOf("listener finished"));
  });

  it("logs a failing listener, still answers 200 and still runs the other listeners", async () => {
    const calls: string[] = [];
    handler.onFlowAlert(() => {
      throw new Error("pager is down");
    });
    handler.onFlowAlert(() => void calls.push("second"));
    const alert = {
      event: "ENDPOINT_AVAILABILITY",
      flow_id: "1",
      message: "down",
      alert_state: "ACTIVATED",
      availability: 75,
      threshold: 90,
    };
    expect((await deliver(server.url, envelope([{ field: "flows", value: alert }]), SECRET)).status).toBe(
      200,
    );
    await handler.settled();
    expect(calls).toEqual(["second"]);
    const failure = logged.find((entry) => entry.level === "error");
    expect(failure?.message).toBe(
      "A webhook flow alert listener failed; the delivery was still acknowledged.",
    );
    expect((failure?.error as Error).message).toBe("pager is down");
  });

  it("types every flows event and passes anything else through untouched", async () => {
    const status: unknown[] = [];
    const alerts: unknown[] = [];
    const unknown: unknown[] = [];
    handler.onFlowStatus((update) => void status.push(update));
    handler.onFlowAlert((update) => void alerts.push(update.event));
    handler.onUnknown((update) => void unknown.push(update));
    const events = [
      {
        event: "FLOW_STATUS_CHANGE",
        message: "Flow Webhook changed status from DRAFT to PUBLISHED",
        flow_id: "61",
        old_status: "DRAFT",
        new_status: "PUBLISHED",
      },
      {
        event: "ENDPOINT_ERROR_RATE",
        flow_id: "61",
        alert_state: "ACTIVATED",
        error_rate: 10,
        threshold: 5,
        errors: [{ error_type: "TIMEOUT", error_rate: 100, error_count: 12 }],
      },
      {
        event: "ENDPOINT_LATENCY",
        flow_id: "61",
        alert_state: "ACTIVATED",
        p50_latency: 900,
        p90_latency: 7500,
        requests_count: 1200,
        threshold: 7000,
      },
      {
        event: "ENDPOINT_AVAILABILITY",
        flow_id: "61",
        alert_state: "DEACTIVATED",
        availability: 99,
        threshold: 90,
      },
      {
        event: "CLIENT_ERROR_RATE",
        flow_id: "61",
        alert_state: "ACTIVATED",
        error_rate: 50,
        threshold: 50,
        errors: [{ error_type: "INVALID_SCREEN_TRANSITION", error_count: 3 }],
      },
      {
        event: "FLOW_VERSION_EXPIRY_WARNING",
        flow_id: "61",
        message: "Flow JSON version 3.0 expires soon",
        warning: "Version 3.0 will be frozen",
      },
    ];
    const other = [
      { field: "flows", value: { event: "FLOW_QUALITY_SCORE", flow_id: "61" } },
      { field: "flows", value: { event: "ENDPOINT_LATENCY", p90_latency: 1 } },
      { field: "account_update", value: { event: "VERIFIED_ACCOUNT" } },
      {
        field: "messages",
        value: messagesValue([
          { from: "1", id: "wamid.T", timestamp: "1", type: "text", text: { body: "hi" } },
        ]),
      },
    ];
    const response = await deliver(
      server.url,
      envelope([...events.map((value) => ({ field: "flows", value })), ...other]),
      SECRET,
    );
    expect(response.status).toBe(200);
    await handler.settled();
    expect(status).toEqual([
      { kind: "flow_status", wabaId: WABA_ID, time: new Date(1_718_000_000_000), event: events[0] },
    ]);
    expect(alerts).toEqual(events.slice(1));
    expect(unknown).toEqual(
      other.map(({ field, value }) => ({ kind: "unknown", field, wabaId: WABA_ID, value })),
    );
  });

  it("iterates updates asynchronously and stops with unsubscribe or break", async () => {
    const received: string[] = [];
    const stop = handler.onFlowStatus((update) => void received.push(update.event.new_status));
    const iterator = handler.updates();
    const change = (status: string) =>
      envelope([
        { field: "flows", value: { event: "FLOW_STATUS_CHANGE", flow_id: "1", new_status: status } },
      ]);
    await deliver(server.url, change("DRAFT"), SECRET);
    await deliver(server.url, change("PUBLISHED"), SECRET);
    await handler.settled();
    stop();
    await deliver(server.url, change("DEPRECATED"), SECRET);
    await handler.settled();
    expect(received).toEqual(["DRAFT", "PUBLISHED"]);
    const collected: string[] = [];
    for await (const update of iterator) {
      if (update.kind === "flow_status") collected.push(update.event.new_status);
      if (collected.length === 3) break;
    }
    expect(collected).toEqual(["DRAFT", "PUBLISHED", "DEPRECATED"]);
    expect(await iterator.next()).toEqual({ value: undefined, done: true });
  });

  it("attaches the endpoint session's final context, and delivers without it when the lookup fails", async () => {
    await server.close();
    await start({
      sessionContext: async (token) => {
        if (token === "broken") throw new Error("store offline");
        return token === "known" ? { screen: "SUCCESS", email: "ada@example.com" } : undefined;
      },
    });
    const completions: FlowCompletion[] = [];
    handler.onFlowCompletion((completion) => void completions.push(completion));
    const messages = ["known", "unknown", "broken"].map((token, index) =>
      completionMessage({ flow_token: token }, { id: `wamid.${index}` }),
    );
    await deliver(server.url, envelope([{ field: "messages", value: messagesValue(messages) }]), SECRET);
    await handler.settled();
    expect(completions.map((completion) => completion.sessionContext)).toEqual([
      { screen: "SUCCESS", email: "ada@example.com" },
      undefined,
      undefined,
    ]);
    expect("sessionContext" in (completions[1] as object)).toBe(false);
    expect(logged.find((entry) => entry.level === "error")?.message).toBe(
      "Looking up the session context of a flow completion failed; delivered without it.",
    );
  });

  it("refuses other methods, unparsable bodies and oversized bodies", async () => {
    const put = await fetch(server.url, { method: "PUT", body: "{}" });
    expect(put.status).toBe(405);
    expect(put.headers.get("allow")).toBe("GET, POST");
    expect((await deliver(server.url, "{not json", SECRET)).status).toBe(400);
    await server.close();
    await start({ maxBodyBytes: 100 });
    expect((await deliver(server.url, { padding: "x".repeat(200) }, SECRET)).status).toBe(413);
  });
});

describe("completion media through the media API", () => {
  let graph: GraphApiStandIn;
  let server: HandlerServer;
  beforeEach(async () => {
    graph = await startGraphApiStandIn();
  });
  afterEach(async () => {
    await server.close();
    await graph.close();
  });

  it("turns PhotoPicker answers into media objects whose download() checks the SHA-256", async () => {
    const bytes = Buffer.from("a licence photo");
    graph.media.set("1203948576", { bytes, mimeType: "image/jpeg" });
    const { client } = standInClient(graph);
    const handler = createWebhookHandler({ appSecret: SECRET, verifyToken: VERIFY, graphApi: client });
    server = await serveWebhookHandler(handler);
    const completions: FlowCompletion[] = [];
    handler.onFlowCompletion((completion) => void completions.push(completion));
    const picked = [
      {
        file_name: "licence.jpg",
        mime_type: "image/jpeg",
        sha256: createHash("sha256").update(bytes).digest("base64"),
        id: "1203948576",
      },
    ];
    const message = completionMessage({ flow_token: "t", driver_licence: picked, note: "front side" });
    await deliver(server.url, envelope([{ field: "messages", value: messagesValue([message]) }]), SECRET);
    await handler.settled();
    const completion = completions[0] as FlowCompletion;
    expect(Object.keys(completion.media)).toEqual(["driver_licence"]);
    const [photo] = completion.media["driver_licence"] ?? [];
    expect(photo).toMatchObject({ id: "1203948576", fileName: "licence.jpg", mimeType: "image/jpeg" });
    const file = await photo?.download();
    expect(Buffer.from(file?.bytes ?? new Uint8Array())).toEqual(bytes);
    expect(graph.requests.map((request) => request.path)).toEqual([
      "/1203948576",
      "/media-download/1203948576",
    ]);

    const without = createWebhookHandler({
      appSecret: SECRET,
      verifyToken: VERIFY,
      logger: { warn: () => undefined, error: () => undefined },
    });
    const other: FlowCompletion[] = [];
    without.onFlowCompletion((c) => void other.push(c));
    const raw = JSON.stringify(envelope([{ field: "messages", value: messagesValue([message]) }]));
    const { signature } = await import("../helpers/webhook-deliveries.js");
    await without.handle(raw, { "X-Hub-Signature-256": signature(raw, SECRET) }, "POST");
    await without.settled();
    await expect(other[0]?.media["driver_licence"]?.[0]?.download()).rejects.toMatchObject({
      _tag: "MediaDownloadError",
      reason: "NotConfigured",
    });
  });
});
