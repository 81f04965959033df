/**
 * The sign-in flow as a machine: SIGN_IN, SIGN_UP, FORGOT_PASSWORD and TERMS_AND_CONDITIONS, with the
 * handlers of the product brief.
 *
 * - INIT opens SIGN_IN with a welcome message (and the e-mail the flow learned, if any).
 * - SIGN_IN: an unknown e-mail or a wrong password keeps the user there with a snackbar; the right
 *   password completes the flow.
 * - SIGN_UP: a weak password, two passwords that differ or an e-mail already registered keep the user
 *   there with a snackbar; otherwise the account is created and the user returns to SIGN_IN with a
 *   thank-you message and the e-mail filled in.
 * - FORGOT_PASSWORD: one reset request per e-mail per 24 hours; after a request the user returns to
 *   SIGN_IN, told to check the inbox.
 *
 * The default export uses an empty in-memory repository; `createSignInFlow` takes your own.
 *
 * @example
 * const users = createMemoryUserRepository();
 * const flow = createSignInFlow({ users });
 * const { response } = await step(flow, undefined, { action: "INIT", flow_token: "t-1" });
 * @see https://developers.facebook.com/docs/whatsapp/flows/guides/implementingyourflowendpoint
 */
import type { JsonObject } from "../../src/flow-json/types.js";
import { defineFlow, type Flow } from "../../src/machine/index.js";
import { signInScreens } from "./screens.js";
import { createMemoryUserRepository, exampleUser, type UserRepository } from "./users.js";

/** What the flow remembers between requests. */
export interface SignInContext {
  /** The e-mail the user signed up or asked a reset for, used to fill in SIGN_IN. */
  readonly email: string;
}

/** Options of {@link createSignInFlow}. */
export interface SignInFlowOptions {
  readonly users?: UserRepository;
}

const welcome = "Welcome to our service! Please sign in to continue.";
const passwordRule = /^(?=.*\d)(?=.*[^A-Za-z0-9]).{8,}$/;
const resetInterval = 24 * 60 * 60 * 1000;

function text(data: JsonObject, field: string): string {
  const value = data[field];
  return typeof value === "string" ? value.trim() : "";
}

/** Builds the sign-in flow on top of `users`. */
export function createSignInFlow(options: SignInFlowOptions = {}): Flow<typeof signInScreens, SignInContext> {
  const users = options.users ?? createMemoryUserRepository();
  return defineFlow({
    id: "sign-in",
    version: "7.2",
    dataApiVersion: "3.0",
    screens: signInScreens,
    context: { email: "" },
  }).createFlow({
    initial: "SIGN_IN",
    states: {
      SIGN_IN: {
        load: ({ context }) => ({ welcome, default_email: context.email }),
        data_exchange: {
          complete: true,
          examples: {
            SIGN_IN: [
              { email: "nobody@example.com", password: "Whatever#1" },
              { email: exampleUser.email, password: "Wrong#password1" },
            ],
            SUCCESS: { email: exampleUser.email, password: exampleUser.password },
          },
          run: async ({ data, reply, signal }) => {
            const user = await users.find(text(data, "email"), { signal });
            if (user === undefined) {
              return reply.screen(
                "SIGN_IN",
                { welcome, default_email: "" },
                { errorMessage: "User not found. Please sign up first." },
              );
            }
            if (user.password !== (typeof data["password"] === "string" ? data["password"] : "")) {
              return reply.screen(
                "SIGN_IN",
                { welcome, default_email: user.email },
                { errorMessage: "Incorrect password. Please try again." },
              );
            }
            await users.recordSignIn(user.email, { signal });
            return reply.complete({ email: user.email }, { context: { email: user.email } });
          },
        },
      },
      SIGN_UP: {
        data_exchange: {
          targets: ["SIGN_IN"],
          examples: {
            SIGN_IN: {
              first_name: "Grace",
              last_name: "Hopper",
              email: "grace@example.com",
              password: "Cobol#1959",
              confirm_password: "Cobol#1959",
              terms_agreement: true,
              offers_acceptance: false,
            },
            SIGN_UP: [
              { email: "grace@example.com", password: "short", confirm_password: "short" },
              { email: "grace@example.com", password: "Cobol#1959", confirm_password: "Cobol#1960" },
              { email: exampleUser.email, password: "Another#pass1", confirm_password: "Another#pass1" },
            ],
          },
          run: async ({ data, reply, signal }) => {
            const email = text(data, "email");
            const password = typeof data["password"] === "string" ? data["password"] : "";
            if (!passwordRule.test(password)) {
              return reply.refresh({
                errorMessage:
                  "Password must be at least 8 characters long and contain at least one number and one special character.",
              });
            }
            if (password !== data["confirm_password"]) {
              return reply.refresh({ errorMessage: "Passwords do not match. Please try again." });
            }
            if ((await users.find(email, { signal })) !== undefined) {
              return reply.refresh({
                errorMessage: "An account with this email already exists. Please sign in.",
              });
            }
            await users.add(
              {
                email,
                password,
                firstName: text(data, "first_name"),
                lastName: text(data, "last_name"),
                offersAccepted: data["offers_acceptance"] === true,
              },
              { signal },
            );
            return reply.screen(
              "SIGN_IN",
              {
                welcome: "Thank you for signing up! You can now sign in with your new account.",
                default_email: email,
              },
              { context: { email } },
            );
          },
        },
      },
      FORGOT_PASSWORD: {
        data_exchange: {
          targets: ["SIGN_IN"],
          examples: {
            SIGN_IN: { email: "grace@example.com" },
            FORGOT_PASSWORD: { email: exampleUser.email },
          },
          run: async ({ data, reply, signal }) => {
            const email = text(data, "email");
            const last = await users.lastResetRequest(email, { signal });
            if (last !== undefined && users.now().getTime() - last.getTime() < resetInterval) {
              return reply.refresh({
                errorMessage: "You can't request a password reset at this time. Please try again later.",
              });
            }
            await users.recordResetRequest(email, { signal });
            return reply.screen(
              "SIGN_IN",
              {
                welcome:
                  "A password reset link has been sent to your email address. Please check your inbox.",
                default_email: email,
              },
              { context: { email } },
            );
          },
        },
      },
    },
  });
}

/** The sign-in flow with an empty in-memory user repository. */
const signIn: Flow<typeof signInScreens, SignInContext> = createSignInFlow();
export default signIn;
