import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FlowJson } from "../../src/flow-json/types.js";
import { GraphApiInputError, isMetaErrorKind } from "../../src/graph-api/errors.js";
import type { FlowMessageOptions } from "../../src/graph-api/flow-message.js";
import { startGraphApiStandIn, type GraphApiStandIn } from "../helpers/graph-api-stand-in.js";
import { standInClient } from "../helpers/graph-api-stand-in-client.js";
import { readSharedJson } from "../helpers/shared-path.js";

const PHONE = "106540352242922";
const newsletter = readSharedJson("fixtures/seed/newsletter.flow.json") as FlowJson;

function sentJson(graph: GraphApiStandIn): unknown {
  const request = graph.lastRequest();
  expect(request).toMatchObject({
    method: "POST",
    path: `/${PHONE}/messages`,
    query: {},
    contentType: "application/json",
  });
  return request.body.kind === "json" ? request.body.value : undefined;
}

describe("sending flows against the Graph API stand-in", () => {
  let graph: GraphApiStandIn;
  let flowId: string;
  beforeEach(async () => {
    graph = await startGraphApiStandIn();
    flowId = graph.addFlow({ wabaId: "1", name: "Sign up", status: "PUBLISHED" }).id;
  });
  afterEach(() => graph.close());

  it("sends an interactive flow message that navigates to a screen with data", async () => {
    const { client } = standInClient(graph);
    const sent = await client.messages.sendFlowMessage({
      phoneNumberId: PHONE,
      to: "+1 555 123 4567",
      header: { type: "text", text: "Welcome" },
      body: "Finish signing up",
      footer: "Takes a minute",
      cta: "Sign up",
      flowId,
      screen: "SIGN_UP",
      data: { email: "ada@example.com" },
      flowToken: "token-123",
      replyToMessageId: "wamid.PREVIOUS",
    });
    expect(sentJson(graph)).toEqual({
      messaging_product: "whatsapp",
      recipient_type: "individual",
      to: "+1 555 123 4567",
      type: "interactive",
      context: { message_id: "wamid.PREVIOUS" },
      interactive: {
        type: "flow",
        header: { type: "text", text: "Welcome" },
        body: { text: "Finish signing up" },
        footer: { text: "Takes a minute" },
        action: {
          name: "flow",
          parameters: {
            flow_message_version: "3",
            flow_token: "token-123",
            flow_id: flowId,
            flow_cta: "Sign up",
            mode: "published",
            flow_action: "navigate",
            flow_action_payload: { screen: "SIGN_UP", data: { email: "ada@example.com" } },
          },
        },
      },
    });
    expect(sent.messageId).toMatch(/^wamid\./);
    expect(sent.flowToken).toBe("token-123");
    expect(sent.waId).toBe("15551234567");
  });

  it("sends a draft data_exchange flow by name with a media header and a generated, unpredictable token", async () => {
    const { client } = standInClient(graph);
    const base = {
      phoneNumberId: PHONE,
      to: "15551234567",
      header: { type: "image", link: "https://example.com/banner.png" },
      body: "Sign in",
      cta: "Sign in",
      flowName: "Sign in",
      mode: "draft",
      action: "data_exchange",
    } as const;
    const first = await client.messages.sendFlowMessage(base);
    const parameters = (
      sentJson(graph) as { interactive: { header: unknown; action: { parameters: Record<string, unknown> } } }
    ).interactive;
    expect(parameters.header).toEqual({ type: "image", image: { link: "https://example.com/banner.png" } });
    expect(parameters.action.parameters).toEqual({
      flow_message_version: "3",
      flow_token: first.flowToken,
      flow_name: "Sign in",
      flow_cta: "Sign in",
      mode: "draft",
      flow_action: "data_exchange",
    });
    expect(first.flowToken).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const second = await client.messages.sendFlowMessage(base);
    expect(second.flowToken).not.toBe(first.flowToken);

    await client.messages.sendFlowMessage({
      ...base,
      header: { type: "document", id: "media-1", filename: "terms.pdf" },
    });
    expect((sentJson(graph) as { interactive: { header: unknown } }).interactive.header).toEqual({
      type: "document",
      document: { id: "media-1", filename: "terms.pdf" },
    });
  });

  it("refuses every combination Meta would refuse, before any request", async () => {
    const { client } = standInClient(graph);
    const valid: FlowMessageOptions & { phoneNumberId: string } = {
      phoneNumberId: PHONE,
      to: "15551234567",
      body: "Hi",
      cta: "Open",
      flowId,
      screen: "START",
    };
    const cases: [{ [K in keyof FlowMessageOptions]?: FlowMessageOptions[K] | undefined }, string, RegExp][] =
      [
        [{ action: "data_exchange", data: { a: 1 } }, "screen", /data_exchange takes no screen or data/],
        [{ action: "data_exchange" }, "screen", /data_exchange takes no screen or data/],
        [{ cta: "This label is far too long" }, "cta", /longer than 20 characters/],
        [{ cta: "Book 📅" }, "cta", /contains an emoji/],
        [{ cta: "Go 🇫🇷" }, "cta", /contains an emoji/],
        [{ flowName: "Sign up" }, "flow", /Give only one of flow_id, flow_name, not flow_id and flow_name/],
        [{ flowId: undefined }, "flow", /Give one of flow_id, flow_name/],
        [{ screen: undefined }, "screen", /navigate needs the screen/],
        [{ data: {} }, "data", /must not be empty/],
        [{ body: "" }, "body", /non-empty/],
        [{ header: { type: "video" } }, "header", /Give one of link, id/],
        [{ header: { type: "image", link: "https://x", id: "1" } }, "header", /Give only one of link, id/],
        [{ mode: "test" as never }, "mode", /published or draft/],
      ];
    for (const [change, field, message] of cases) {
      const error = await client.messages
        .sendFlowMessage({ ...valid, ...change } as typeof valid)
        .catch((thrown: unknown) => thrown);
      expect(error, JSON.stringify(change)).toBeInstanceOf(GraphApiInputError);
      expect(error).toMatchObject({ _tag: "GraphApiInputError", field });
      expect((error as Error).message).toMatch(message);
    }
    expect(graph.requests).toHaveLength(0);
    await client.messages.sendFlowMessage({ ...valid, cta: "Twenty chars exactly" });
    expect(graph.requests).toHaveLength(1);
  });

  it("reports blocked and throttled flows as FlowBlocked (132068) and FlowThrottled (132069)", async () => {
    const { client } = standInClient(graph);
    const blocked = graph.addFlow({ wabaId: "1", name: "Blocked", status: "BLOCKED" });
    const throttled = graph.addFlow({ wabaId: "1", name: "Throttled", status: "THROTTLED" });
    const send = (id: string) =>
      client.messages
        .sendFlowMessage({
          phoneNumberId: PHONE,
          to: "1555",
          body: "Hi",
          cta: "Open",
          flowId: id,
          screen: "A",
        })
        .catch((e: unknown) => e);
    const blockedError = await send(blocked.id);
    expect(isMetaErrorKind(blockedError, "FlowBlocked")).toBe(true);
    expect(blockedError).toMatchObject({ reason: { code: 132068, status: 400 }, attempts: 1 });
    expect(isMetaErrorKind(await send(throttled.id), "FlowThrottled")).toBe(true);
  });

  it("sends a template message whose FLOW button carries flow_token and flow_action_data", async () => {
    const { client } = standInClient(graph);
    const sent = await client.messages.sendFlowTemplateMessage({
      phoneNumberId: PHONE,
      to: "15551234567",
      templateName: "sign_up_invite",
      languageCode: "en_US",
      flowToken: "tpl-token",
      flowActionData: { referrer: "spring" },
      components: [{ type: "body", parameters: [{ type: "text", text: "Ada" }] }],
    });
    expect(sentJson(graph)).toEqual({
      messaging_product: "whatsapp",
      recipient_type: "individual",
      to: "15551234567",
      type: "template",
      template: {
        name: "sign_up_invite",
        language: { code: "en_US" },
        components: [
          { type: "body", parameters: [{ type: "text", text: "Ada" }] },
          {
            type: "button",
            sub_type: "flow",
            index: "0",
            parameters: [
              {
                type: "action",
                action: { flow_token: "tpl-token", flow_action_data: { referrer: "spring" } },
              },
            ],
          },
        ],
      },
    });
    expect(sent.flowToken).toBe("tpl-token");

    const generated = await client.messages.sendFlowTemplateMessage({
      phoneNumberId: PHONE,
      to: "1",
      templateName: "t",
      languageCode: "en",
      buttonIndex: 1,
    });
    const button = (
      sentJson(graph) as { template: { components: { index: string; parameters: { action: unknown }[] }[] } }
    ).template.components[0];
    expect(button?.index).toBe("1");
    expect(button?.parameters[0]?.action).toEqual({ flow_token: generated.flowToken });
    await expect(
      client.messages.sendFlowTemplateMessage({
        phoneNumberId: PHONE,
        to: "1",
        templateName: "t",
        languageCode: "en",
        flowActionData: {},
      }),
    ).rejects.toMatchObject({ _tag: "GraphApiInputError", field: "flowActionData" });
  });

  it("creates templates with a FLOW button by flow_id, flow_name or inline flow_json", async () => {
    const { client } = standInClient(graph);
    const created = await client.messages.createFlowTemplate({
      wabaId: "1",
      name: "sign_up_invite",
      language: "en_US",
      category: "MARKETING",
      header: "Hello",
      body: "Hi {{1}}, join us",
      bodyExample: ["Ada"],
      footer: "Reply STOP to opt out",
      button: { text: "Sign up", flowId, navigateScreen: "SIGN_UP", icon: "PROMOTION" },
    });
    expect(created).toEqual({
      id: expect.stringMatching(/^\d+$/) as string,
      status: "PENDING",
      category: "MARKETING",
    });
    expect(graph.lastRequest()).toMatchObject({
      method: "POST",
      path: "/1/message_templates",
      contentType: "application/json",
    });
    expect(graph.lastRequest().body).toEqual({
      kind: "json",
      value: {
        name: "sign_up_invite",
        language: "en_US",
        category: "MARKETING",
        components: [
          { type: "HEADER", format: "TEXT", text: "Hello" },
          { type: "BODY", text: "Hi {{1}}, join us", example: { body_text: [["Ada"]] } },
          { type: "FOOTER", text: "Reply STOP to opt out" },
          {
            type: "BUTTONS",
            buttons: [
              {
                type: "FLOW",
                text: "Sign up",
                flow_id: flowId,
                flow_action: "navigate",
                navigate_screen: "SIGN_UP",
                icon: "PROMOTION",
              },
            ],
          },
        ],
      },
    });

    await client.messages.createFlowTemplate({
      wabaId: "1",
      name: "inline",
      language: "en_US",
      category: "UTILITY",
      body: "Subscribe",
      button: { text: "Subscribe", flowJson: newsletter, navigateScreen: "NEWSLETTER" },
    });
    const inline = (
      graph.lastRequest().body as { value: { components: { buttons?: Record<string, unknown>[] }[] } }
    ).value.components[1]?.buttons?.[0];
    expect(inline).toEqual({
      type: "FLOW",
      text: "Subscribe",
      flow_json: JSON.stringify(newsletter, null, 2),
      flow_action: "navigate",
      navigate_screen: "NEWSLETTER",
    });

    await client.messages.createFlowTemplate({
      wabaId: "1",
      name: "by_name",
      language: "en_US",
      category: "UTILITY",
      body: "Book",
      button: { text: "Book", flowName: "Booking", flowAction: "data_exchange" },
    });
    const byName = (graph.lastRequest().body as { value: { components: { buttons?: unknown[] }[] } }).value
      .components[1]?.buttons?.[0];
    expect(byName).toEqual({
      type: "FLOW",
      text: "Book",
      flow_name: "Booking",
      flow_action: "data_exchange",
    });
  });

  it("refuses invalid templates before any request", async () => {
    const { client } = standInClient(graph);
    const base = {
      wabaId: "1",
      name: "ok_name",
      language: "en_US",
      category: "UTILITY",
      body: "Hi",
    } as const;
    const cases: [Parameters<typeof client.messages.createFlowTemplate>[0], string][] = [
      [{ ...base, button: { text: "Go", flowId: "1", flowName: "x", navigateScreen: "A" } }, "button"],
      [{ ...base, button: { text: "Go", flowId: "1" } }, "button.navigateScreen"],
      [
        { ...base, button: { text: "Go", flowId: "1", flowAction: "data_exchange", navigateScreen: "A" } },
        "button.navigateScreen",
      ],
      [{ ...base, name: "Bad Name", button: { text: "Go", flowId: "1", navigateScreen: "A" } }, "name"],
      [{ ...base, button: { text: "", flowId: "1", navigateScreen: "A" } }, "button.text"],
    ];
    for (const [options, field] of cases) {
      await expect(client.messages.createFlowTemplate(options)).rejects.toMatchObject({
        _tag: "GraphApiInputError",
        field,
      });
    }
    expect(graph.requests).toHaveLength(0);
  });
});
