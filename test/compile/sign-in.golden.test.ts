import { describe, expect, it } from "vitest";
import signIn from "../../examples/sign-in/flow.js";
import { signInScreens } from "../../examples/sign-in/screens.js";
import { compileFlow } from "../../src/compile/index.js";
import { readSharedJson } from "../helpers/shared-path.js";

describe("compileFlow(signIn)", () => {
  const seed = readSharedJson("fixtures/seed/signin.flow.json");

  it("gives the seed sign-in Flow JSON, routing model included", () => {
    const { flowJson, diagnostics } = compileFlow(signIn);
    expect(flowJson).toEqual(seed);
    expect(diagnostics).toEqual([]);
  });

  it("leaves SIGN_UP -> SIGN_IN out of the routing model although SIGN_UP answers with SIGN_IN", () => {
    const { flowJson } = compileFlow(signIn);
    expect(signIn.model.byId.get("SIGN_UP")?.exchange?.targets).toContain("SIGN_IN");
    expect(flowJson.routing_model?.["SIGN_UP"]).toEqual(["TERMS_AND_CONDITIONS"]);
  });

  it("keeps the screens as written, in declaration order, and offers toFlowJson()", () => {
    const result = compileFlow(signIn);
    expect(result.flowJson.screens).toEqual(Object.values(signInScreens));
    expect(result.toFlowJson()).toBe(result.flowJson);
  });
});
