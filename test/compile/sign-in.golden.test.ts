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
    // The seed's "Don't have an account? Sign up" link (30 characters) is over the documented 25, as in
    // Meta's own sign-in template: a warning, not an error.
    expect(diagnostics).toEqual([
      expect.objectContaining({
        severity: "warning",
        pointer: "/screens/0/layout/children/3/text",
      }) as unknown,
    ]);
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
