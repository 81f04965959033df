import { describe, expect, it } from "vitest";
import { importFlowJson } from "../../src/compile/index.js";
import { readSharedJson } from "../helpers/shared-path.js";

describe("importFlowJson", () => {
  it("takes the first screen no route leads to as the entry", () => {
    const flow = importFlowJson(readSharedJson("corpus/pywa-flows/pywa.v4_0.forward-refs.flow.json"));
    expect(flow.entry).toBe("SELECT_SERVICES");
    expect(flow.model.origin).toBe("imported");
  });

  it("turns routes no navigate action explains into data_exchange targets, and opens endpoint flows with INIT", () => {
    const flow = importFlowJson(readSharedJson("fixtures/seed/signin.flow.json"), { id: "seed" });
    expect(flow.id).toBe("seed");
    expect(flow.model.init?.targets).toEqual(["SIGN_IN"]);
    expect(flow.model.byId.get("SIGN_IN")?.exchange).toEqual({ targets: [], complete: true, examples: {} });
    expect(flow.model.byId.get("SIGN_UP")?.exchange?.targets).toEqual([]);
    expect(flow.model.byId.get("SIGN_IN")?.navigate).toEqual(["SIGN_UP", "FORGOT_PASSWORD"]);
  });

  it.each([
    ["null", null, "not a JSON object"],
    ["no version", { screens: [] }, "'version' must be a string"],
    ["no screens", { version: "7.3", screens: [] }, "'screens' must be a non-empty array"],
    ["a screen without id", { version: "7.3", screens: [{ layout: {} }] }, "screens[0] has no string 'id'"],
    [
      "a screen without layout",
      { version: "7.3", screens: [{ id: "A" }] },
      "screen 'A' has no 'layout' object",
    ],
    [
      "a bad routing model",
      { version: "7.3", routing_model: { A: "B" }, screens: [{ id: "A", layout: {} }] },
      "'routing_model' must map",
    ],
    [
      "duplicate ids",
      {
        version: "7.3",
        screens: [
          { id: "A", layout: {} },
          { id: "A", layout: {} },
        ],
      },
      "used twice",
    ],
  ])("refuses %s", (_, document, message) => {
    expect(() => importFlowJson(document)).toThrow(
      expect.objectContaining({
        _tag: "FlowJsonUnreadable",
        message: expect.stringContaining(message) as unknown,
      }),
    );
  });
});
