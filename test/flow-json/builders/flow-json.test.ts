import { describe, expect, it } from "vitest";
import { flowJson } from "../../../src/flow-json/builders/flow-json.js";
import { screen } from "../../../src/flow-json/builders/screen.js";

const only = screen({ id: "ONLY", terminal: true, layout: [] });

describe("flowJson", () => {
  it("writes data_api_version, routing_model and data_channel_uri with underscores", () => {
    expect(
      flowJson({
        version: "2.1",
        dataApiVersion: "3.0",
        routingModel: { ONLY: [] },
        dataChannelUri: "https://example.com",
        screens: [only],
      }),
    ).toStrictEqual({
      version: "2.1",
      data_api_version: "3.0",
      routing_model: { ONLY: [] },
      data_channel_uri: "https://example.com",
      screens: [only],
    });
  });

  it("leaves out the options not given and keeps an empty routing model", () => {
    expect(flowJson({ version: "7.3", dataApiVersion: undefined, screens: [only] })).toStrictEqual({
      version: "7.3",
      screens: [only],
    });
    expect(flowJson({ version: "6.1", routingModel: {}, screens: [] }).routing_model).toStrictEqual({});
  });
});
