import { describe, expect, it } from "vitest";
import { buildPreviewUrl } from "../../src/graph-api/preview-url.js";

const base =
  "https://business.facebook.com/wa/manage/flows/550979837390010/preview/?token=b9d6ee3a-6e3b-4f7e";

describe("buildPreviewUrl", () => {
  it("adds the documented parameters, URI-encoded, keeping Meta's token", () => {
    const url = buildPreviewUrl(base, {
      interactive: true,
      flowToken: "AQAAAAACS5FpgQ_cAAAAAD0QI3s.",
      flowAction: "navigate",
      flowActionPayload: { screen: "SIGN_IN", data: { welcome: "Hi & welcome", n: 1 } },
      phoneNumber: "+15551234567",
      debug: false,
    });
    expect(url).toBe(
      "https://business.facebook.com/wa/manage/flows/550979837390010/preview/?token=b9d6ee3a-6e3b-4f7e" +
        "&interactive=true&flow_token=AQAAAAACS5FpgQ_cAAAAAD0QI3s.&flow_action=navigate" +
        "&flow_action_payload=%7B%22screen%22%3A%22SIGN_IN%22%2C%22data%22%3A%7B%22welcome%22%3A%22Hi%20%26%20welcome%22%2C%22n%22%3A1%7D%7D" +
        "&phone_number=%2B15551234567&debug=false",
    );
    const parsed = new URL(url);
    expect(JSON.parse(parsed.searchParams.get("flow_action_payload") ?? "")).toEqual({
      screen: "SIGN_IN",
      data: { welcome: "Hi & welcome", n: 1 },
    });
  });

  it("replaces a parameter that is already there and leaves the link alone without options", () => {
    expect(buildPreviewUrl(`${base}&interactive=false`, { interactive: true })).toBe(
      `${base}&interactive=true`,
    );
    expect(buildPreviewUrl(base, {})).toBe(base);
  });

  it("refuses a payload with data_exchange and a relative link", () => {
    expect(() =>
      buildPreviewUrl(base, { flowAction: "data_exchange", flowActionPayload: { screen: "A" } }),
    ).toThrow(expect.objectContaining({ _tag: "GraphApiInputError", field: "flowActionPayload" }));
    expect(() => buildPreviewUrl("/preview", {})).toThrow(
      expect.objectContaining({ _tag: "GraphApiInputError", field: "previewUrl" }),
    );
  });
});
