import { describe, expect, it } from "vitest";
import { createSignInFlow } from "../../examples/sign-in/flow.js";
import { createMemoryUserRepository, exampleUser } from "../../examples/sign-in/users.js";
import { step, type FlowRequest, type FlowSnapshot } from "../../src/machine/index.js";

let clock = new Date("2025-03-01T12:00:00Z");

async function setup() {
  clock = new Date("2025-03-01T12:00:00Z");
  const users = createMemoryUserRepository({ now: () => clock });
  await users.add(exampleUser);
  const flow = createSignInFlow({ users });
  let snapshot: FlowSnapshot | undefined;
  const send = async (action: FlowRequest["action"], screen?: string, data?: FlowRequest["data"]) => {
    const result = await step(flow, snapshot, {
      action,
      flow_token: "tok",
      ...(screen === undefined ? {} : { screen }),
      ...(data === undefined ? {} : { data }),
    });
    snapshot = result.snapshot;
    return result.response;
  };
  await send("INIT");
  return { users, send };
}

const signUp = {
  first_name: "Grace",
  last_name: "Hopper",
  email: "grace@example.com",
  terms_agreement: true,
  offers_acceptance: true,
};

describe("the sign-in example's handlers", () => {
  it("opens on SIGN_IN with the welcome message", async () => {
    const users = createMemoryUserRepository();
    const result = await step(createSignInFlow({ users }), undefined, { action: "INIT", flow_token: "tok" });
    expect(result.response).toEqual({
      screen: "SIGN_IN",
      data: { welcome: "Welcome to our service! Please sign in to continue.", default_email: "" },
    });
  });

  it("tells an unknown user to sign up, and a known one that the password is wrong", async () => {
    const { send } = await setup();
    expect(
      await send("data_exchange", "SIGN_IN", { email: "nobody@example.com", password: "x" }),
    ).toMatchObject({
      screen: "SIGN_IN",
      data: { error_message: "User not found. Please sign up first.", default_email: "" },
    });
    expect(
      await send("data_exchange", "SIGN_IN", { email: exampleUser.email, password: "nope" }),
    ).toMatchObject({
      screen: "SIGN_IN",
      data: { error_message: "Incorrect password. Please try again.", default_email: exampleUser.email },
    });
  });

  it("closes the flow on the right password", async () => {
    const { send, users } = await setup();
    expect(
      await send("data_exchange", "SIGN_IN", { email: exampleUser.email, password: exampleUser.password }),
    ).toEqual({
      screen: "SUCCESS",
      data: { extension_message_response: { params: { flow_token: "tok", email: exampleUser.email } } },
    });
    expect(users.signIns.has(exampleUser.email)).toBe(true);
  });

  it("enforces the password rules and the confirmation on sign-up", async () => {
    const { send } = await setup();
    expect(
      await send("data_exchange", "SIGN_UP", {
        ...signUp,
        password: "password",
        confirm_password: "password",
      }),
    ).toEqual({
      screen: "SIGN_UP",
      data: {
        error_message:
          "Password must be at least 8 characters long and contain at least one number and one special character.",
      },
    });
    expect(
      await send("data_exchange", "SIGN_UP", {
        ...signUp,
        password: "Cobol#1959",
        confirm_password: "Cobol#1960",
      }),
    ).toEqual({
      screen: "SIGN_UP",
      data: { error_message: "Passwords do not match. Please try again." },
    });
  });

  it("returns a new user to SIGN_IN with thanks and the e-mail filled in, then signs them in", async () => {
    const { send, users } = await setup();
    expect(
      await send("data_exchange", "SIGN_UP", {
        ...signUp,
        password: "Cobol#1959",
        confirm_password: "Cobol#1959",
      }),
    ).toEqual({
      screen: "SIGN_IN",
      data: {
        welcome: "Thank you for signing up! You can now sign in with your new account.",
        default_email: "grace@example.com",
      },
    });
    expect(await users.find("grace@example.com")).toMatchObject({ firstName: "Grace", offersAccepted: true });
    const done = await send("data_exchange", "SIGN_IN", {
      email: "grace@example.com",
      password: "Cobol#1959",
    });
    expect(done.screen).toBe("SUCCESS");
  });

  it("does not let a sign-up replace an existing account", async () => {
    const { send, users } = await setup();
    const response = await send("data_exchange", "SIGN_UP", {
      ...signUp,
      email: exampleUser.email,
      password: "Hijack#2024",
      confirm_password: "Hijack#2024",
    });
    expect(response).toEqual({
      screen: "SIGN_UP",
      data: { error_message: "An account with this email already exists. Please sign in." },
    });
    expect((await users.find(exampleUser.email))?.password).toBe(exampleUser.password);
  });

  it("allows one password reset per e-mail every 24 hours", async () => {
    const { send } = await setup();
    expect(await send("data_exchange", "FORGOT_PASSWORD", { email: exampleUser.email })).toEqual({
      screen: "SIGN_IN",
      data: {
        welcome: "A password reset link has been sent to your email address. Please check your inbox.",
        default_email: exampleUser.email,
      },
    });
    clock = new Date("2025-03-02T11:59:00Z");
    expect(await send("data_exchange", "FORGOT_PASSWORD", { email: exampleUser.email })).toEqual({
      screen: "FORGOT_PASSWORD",
      data: { error_message: "You can't request a password reset at this time. Please try again later." },
    });
    clock = new Date("2025-03-02T12:00:01Z");
    expect((await send("data_exchange", "FORGOT_PASSWORD", { email: exampleUser.email })).screen).toBe(
      "SIGN_IN",
    );
  });
});
