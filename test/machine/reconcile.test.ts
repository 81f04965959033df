import { describe, expect, it } from "vitest";
import signIn, { createSignInFlow } from "../../examples/sign-in/flow.js";
import { createMemoryUserRepository } from "../../examples/sign-in/users.js";
import { planReconciliation, positionOf, reconcile, step } from "../../src/machine/index.js";
import { createOrderFlow } from "../helpers/order-flow.js";

describe("planReconciliation", () => {
  const model = signIn.model;

  it("follows navigate edges breadth-first", () => {
    expect(planReconciliation(model, { screen: "SIGN_IN", history: [] }, "TERMS_AND_CONDITIONS")).toEqual([
      { type: "navigate", next: "SIGN_UP" },
      { type: "navigate", next: "TERMS_AND_CONDITIONS" },
    ]);
    expect(planReconciliation(model, { screen: "SIGN_IN", history: [] }, "SIGN_IN")).toEqual([]);
  });

  it("goes back along the history before navigating forward", () => {
    expect(
      planReconciliation(
        model,
        { screen: "TERMS_AND_CONDITIONS", history: ["SIGN_IN", "SIGN_UP"] },
        "FORGOT_PASSWORD",
      ),
    ).toEqual([
      { type: "BACK", flowToken: "" },
      { type: "BACK", flowToken: "" },
      { type: "navigate", next: "FORGOT_PASSWORD" },
    ]);
  });

  it("never goes back silently past a refresh_on_back screen", () => {
    const order = createOrderFlow().flow.model;
    expect(planReconciliation(order, { screen: "DETAILS", history: ["MENU"] }, "ABOUT")).toBeUndefined();
    expect(planReconciliation(order, { screen: "MENU", history: [] }, "ABOUT")).toEqual([
      { type: "navigate", next: "ABOUT" },
    ]);
  });

  it("finds no way to a screen only a handler leads to, or to an unknown screen", () => {
    expect(planReconciliation(model, { screen: "SIGN_IN", history: [] }, "SUCCESS")).toBeUndefined();
    expect(planReconciliation(model, { screen: "FORGOT_PASSWORD", history: [] }, "SIGN_UP")).toBeUndefined();
  });
});

describe("reconcile and the step", () => {
  it("moves a session the way the client did", async () => {
    const moved = await reconcile(signIn, undefined, "TERMS_AND_CONDITIONS");
    expect(positionOf(signIn, moved)).toEqual({
      screen: "TERMS_AND_CONDITIONS",
      history: ["SIGN_IN", "SIGN_UP"],
      completed: false,
    });
    const back = await reconcile(signIn, moved, "FORGOT_PASSWORD");
    expect(positionOf(signIn, back)).toEqual({
      screen: "FORGOT_PASSWORD",
      history: ["SIGN_IN"],
      completed: false,
    });
  });

  it("accepts a submit after the user went back on the client", async () => {
    const flow = createSignInFlow({ users: createMemoryUserRepository() });
    const opened = await step(flow, undefined, { action: "INIT", flow_token: "t" });
    const weak = await step(flow, opened.snapshot, {
      action: "data_exchange",
      screen: "SIGN_UP",
      data: { email: "a@b.c", password: "weak", confirm_password: "weak" },
      flow_token: "t",
    });
    expect(weak.response.screen).toBe("SIGN_UP");
    // The user presses back (SIGN_UP has no refresh_on_back, so no request) and signs in instead.
    const signInAttempt = await step(flow, weak.snapshot, {
      action: "data_exchange",
      screen: "SIGN_IN",
      data: { email: "a@b.c", password: "weak" },
      flow_token: "t",
    });
    expect(signInAttempt.response).toMatchObject({
      screen: "SIGN_IN",
      data: { error_message: "User not found. Please sign up first." },
    });
  });

  it("rejects a screen the client cannot be on", async () => {
    await expect(reconcile(signIn, undefined, "NOWHERE")).rejects.toMatchObject({
      _tag: "ScreenUnreachable",
    });
  });
});
