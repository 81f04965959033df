/**
 * Every path of the sign-in flow (`transitionPaths`: every transition with every example payload),
 * driven as encrypted requests through a real `flowmachine serve` process, each reply compared with
 * what the step gives in-process for the same requests on an identically seeded user repository; then
 * the brief's scenarios one by one.
 */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSignInFlow } from "../../examples/sign-in/flow.js";
import { createMemoryUserRepository, exampleUser, seedExampleUsers } from "../../examples/sign-in/users.js";
import { runPath, transitionPaths, type PathRequest } from "../../src/testing/index.js";
import { createFlowClient, sendOverHttp, type FlowClient } from "../helpers/flow-client.js";
import { withFollowUp } from "../helpers/path-follow-up.js";
import { killCliChildren, seededFlowModule, startServe, tempFolder } from "../helpers/serve-process.js";

let client: FlowClient;
beforeAll(async () => {
  const server = await startServe([seededFlowModule, "--quiet"], { cwd: tempFolder("serve-model") });
  client = createFlowClient({ publicKeyPem: server.publicKeyPem, send: sendOverHttp(server.flowUrl) });
});
afterAll(killCliChildren);

const send = (flow_token: string, request: PathRequest["request"] | Record<string, unknown>) =>
  client.request({ version: "3.0", ...request, flow_token });
const uniqueEmail = (name: string) => `${name}-${randomBytes(4).toString("hex")}@example.com`;
const anyString = expect.any(String) as unknown as string;

describe("the sign-in flow over HTTP: every path", async () => {
  const users = createMemoryUserRepository();
  await seedExampleUsers(users);
  const reference = createSignInFlow({ users });
  const { paths, truncated } = transitionPaths(reference);

  it("enumerates every transition without hitting a bound", () => {
    expect(truncated).toBe(false);
    expect(paths.length).toBeGreaterThanOrEqual(10);
    expect(paths.filter((path) => path.screen === "SUCCESS").length).toBeGreaterThan(0);
    // Every path, once followed up, ends with a request the server has to answer.
    const followed = paths.map((path) => withFollowUp(path, paths));
    expect(followed.every((path) => path.steps.at(-1)?.request === true)).toBe(true);
  });

  // One test, in order: the paths share the server's user repository, as they share the reference's.
  it("answers every request of every path as the step does in-process, then 427 after completion", async () => {
    for (const [index, original] of paths.entries()) {
      const path = withFollowUp(original, paths);
      const token = `model-${index}-${randomBytes(4).toString("hex")}`;
      const expected = await runPath(reference, path, { flowToken: token });
      for (const [step, { request }] of path.requests.entries()) {
        const answer = await send(token, request);
        expect(answer, `${path.description}, request ${step}`).toEqual({
          status: 200,
          reply: expected.responses[step],
        });
      }
      if (path.screen === "SUCCESS") {
        const late = await send(token, { action: "data_exchange", screen: "SIGN_IN", data: {} });
        expect(late, path.description).toEqual({
          status: 427,
          reply: { error_msg: "This form was already submitted." },
        });
      }
    }
  });
});

describe("the sign-in flow over HTTP: scenarios", () => {
  const signUp = (email: string, password: string, confirm = password) => ({
    action: "data_exchange",
    screen: "SIGN_UP",
    data: {
      first_name: "Lin",
      last_name: "Chen",
      email,
      password,
      confirm_password: confirm,
      terms_agreement: true,
      offers_acceptance: false,
    },
  });
  const signIn = (email: string, password: string) => ({
    action: "data_exchange",
    screen: "SIGN_IN",
    data: { email, password },
  });
  const forgot = (email: string) => ({ action: "data_exchange", screen: "FORGOT_PASSWORD", data: { email } });

  it("signs up, signs in with the new account, completes, then refuses the spent token with 427", async () => {
    const email = uniqueEmail("lin");
    const token = `scenario-signup-${randomBytes(4).toString("hex")}`;
    expect(await send(token, { action: "INIT", data: {} })).toMatchObject({
      status: 200,
      reply: { screen: "SIGN_IN", data: { default_email: "" } },
    });
    const mismatch = await send(token, signUp(email, "Sturdy#2024", "Sturdy#2025"));
    expect(mismatch.reply).toMatchObject({
      screen: "SIGN_UP",
      data: { error_message: "Passwords do not match. Please try again." },
    });
    const created = await send(token, signUp(email, "Sturdy#2024"));
    expect(created).toEqual({
      status: 200,
      reply: {
        screen: "SIGN_IN",
        data: {
          welcome: "Thank you for signing up! You can now sign in with your new account.",
          default_email: email,
        },
      },
    });
    const done = await send(token, signIn(email, "Sturdy#2024"));
    expect(done).toEqual({
      status: 200,
      reply: {
        screen: "SUCCESS",
        data: { extension_message_response: { params: { flow_token: token, email } } },
      },
    });
    for (const late of [signIn(email, "Sturdy#2024"), { action: "INIT", data: {} }]) {
      expect(await send(token, late)).toEqual({
        status: 427,
        reply: { error_msg: "This form was already submitted." },
      });
    }
    const again = await send(`${token}-again`, signUp(email, "Sturdy#2024"));
    expect(again.reply).toMatchObject({
      screen: "SIGN_UP",
      data: { error_message: "An account with this email already exists. Please sign in." },
    });
  });

  it("keeps the user on SIGN_IN after a wrong password and lets the right one through", async () => {
    const token = `scenario-wrong-${randomBytes(4).toString("hex")}`;
    await send(token, { action: "INIT", data: {} });
    const wrong = await send(token, signIn(exampleUser.email, "Not#thepassword1"));
    expect(wrong).toEqual({
      status: 200,
      reply: {
        screen: "SIGN_IN",
        data: {
          welcome: "Welcome to our service! Please sign in to continue.",
          default_email: exampleUser.email,
          error_message: "Incorrect password. Please try again.",
        },
      },
    });
    const right = await send(token, signIn(exampleUser.email, exampleUser.password));
    expect(right.reply).toMatchObject({ screen: "SUCCESS" });
  });

  it("sends one reset link per e-mail within 24 hours", async () => {
    const email = uniqueEmail("reset");
    const first = `scenario-reset-a-${randomBytes(4).toString("hex")}`;
    await send(first, { action: "INIT", data: {} });
    expect((await send(first, forgot(email))).reply).toEqual({
      screen: "SIGN_IN",
      data: {
        welcome: "A password reset link has been sent to your email address. Please check your inbox.",
        default_email: email,
      },
    });
    // The user navigates to FORGOT_PASSWORD again (client-side) and asks once more.
    expect((await send(first, forgot(email))).reply).toEqual({
      screen: "FORGOT_PASSWORD",
      data: { error_message: "You can't request a password reset at this time. Please try again later." },
    });
    const second = `scenario-reset-b-${randomBytes(4).toString("hex")}`;
    await send(second, { action: "INIT", data: {} });
    expect((await send(second, forgot(email))).reply).toMatchObject({
      screen: "FORGOT_PASSWORD",
      data: { error_message: anyString },
    });
  });

  it("goes back client-side, refuses a BACK the screen does not take without losing the session, and 427s a BACK without one", async () => {
    const token = `scenario-back-${randomBytes(4).toString("hex")}`;
    await send(token, { action: "INIT", data: {} });
    // SIGN_UP has no refresh_on_back, so WhatsApp never sends this; the user stays where they were.
    const back = await send(token, { action: "BACK", screen: "SIGN_UP", data: {} });
    expect(back).toEqual({
      status: 200,
      reply: { screen: "SIGN_UP", data: { error_message: "Something went wrong. Please try again." } },
    });
    // SIGN_IN -> SIGN_UP -> back to SIGN_IN, all on the phone: the next request comes from SIGN_IN.
    const wrong = await send(token, signIn("nobody@example.com", "Whatever#1"));
    expect(wrong.reply).toMatchObject({
      screen: "SIGN_IN",
      data: { error_message: "User not found. Please sign up first." },
    });
    expect((await send(token, signIn(exampleUser.email, exampleUser.password))).reply).toMatchObject({
      screen: "SUCCESS",
    });
    expect(await send(`${token}-none`, { action: "BACK", screen: "SIGN_UP", data: {} })).toEqual({
      status: 427,
      reply: { error_msg: "This form has expired. Please ask for a new one." },
    });
  });
});
