/**
 * Journeys through the seeded sign-in flow (test/helpers/sign-in-seeded-flow.ts) for load and fault
 * tests: request sequences whose every reply is known in advance whichever process answers and however
 * many run at once, because they only read the example user every process seeds (sign-ups that fail,
 * a refused reset, a wrong then the right password). Between them they cross every screen that sends a
 * request, reconcile client-side moves (SIGN_UP back to SIGN_IN) and complete the flow.
 *
 * @example
 * for (const journey of signInJourneys) {
 *   for (const { request, expect } of journey.steps) {
 *     const { reply } = await client.request({ version: "3.0", ...request, flow_token: token });
 *     assert.equal(reply.screen, expect.screen);
 *   }
 * }
 */
import { exampleUser } from "../../examples/sign-in/users.js";
import { defaultEndpointMessages } from "../../src/transport/endpoint/index.js";

/** A request without its flow token (the load generator adds `version` and `flow_token`). */
export interface JourneyRequest {
  readonly action: "INIT" | "data_exchange" | "BACK";
  readonly screen?: string;
  readonly data: Readonly<Record<string, unknown>>;
}

/** One request and the reply the flow gives to it. */
export interface JourneyStep {
  readonly request: JourneyRequest;
  /** The screen of the reply, and the handler's snackbar when it shows one (a committed step all the same). */
  readonly expect: { readonly screen: string; readonly errorMessage?: string };
}

export interface Journey {
  readonly name: string;
  readonly steps: readonly JourneyStep[];
}

/** The flow's entry screen, where the endpoint answers an INIT it cannot serve. */
export const ENTRY_SCREEN = "SIGN_IN";

const welcome = "Welcome to our service! Please sign in to continue.";
const wrongPassword = "Incorrect password. Please try again.";

const init: JourneyStep = { request: { action: "INIT", data: {} }, expect: { screen: ENTRY_SCREEN } };

function signIn(email: string, password: string): JourneyRequest {
  return { action: "data_exchange", screen: "SIGN_IN", data: { email, password } };
}

function signUp(email: string, password: string, confirm: string): JourneyRequest {
  return {
    action: "data_exchange",
    screen: "SIGN_UP",
    data: {
      first_name: "Load",
      last_name: "Test",
      email,
      password,
      confirm_password: confirm,
      terms_agreement: true,
      offers_acceptance: false,
    },
  };
}

const completes: JourneyStep = {
  request: signIn(exampleUser.email, exampleUser.password),
  expect: { screen: "SUCCESS" },
};

/** A wrong password for the example user: a committed step that leaves the user on SIGN_IN. */
export const wrongPasswordStep: JourneyStep = {
  request: signIn(exampleUser.email, "Not#the-password1"),
  expect: { screen: "SIGN_IN", errorMessage: wrongPassword },
};

/** The journeys the load generator cycles through. */
export const signInJourneys: readonly Journey[] = [
  { name: "wrong then right password", steps: [init, wrongPasswordStep, completes] },
  {
    name: "failed sign-ups, back to sign in",
    steps: [
      init,
      {
        request: signUp("weak@example.com", "short", "short"),
        expect: {
          screen: "SIGN_UP",
          errorMessage:
            "Password must be at least 8 characters long and contain at least one number and one special character.",
        },
      },
      {
        request: signUp("mismatch@example.com", "Sturdy#2024", "Sturdy#2025"),
        expect: { screen: "SIGN_UP", errorMessage: "Passwords do not match. Please try again." },
      },
      {
        request: signUp(exampleUser.email, "Another#pass1", "Another#pass1"),
        expect: {
          screen: "SIGN_UP",
          errorMessage: "An account with this email already exists. Please sign in.",
        },
      },
      {
        request: signIn("nobody@example.com", "Whatever#1"),
        expect: { screen: "SIGN_IN", errorMessage: "User not found. Please sign up first." },
      },
      completes,
    ],
  },
  {
    name: "refused reset, then sign in",
    steps: [
      init,
      {
        request: { action: "data_exchange", screen: "FORGOT_PASSWORD", data: { email: exampleUser.email } },
        expect: {
          screen: "FORGOT_PASSWORD",
          errorMessage: "You can't request a password reset at this time. Please try again later.",
        },
      },
      wrongPasswordStep,
      completes,
    ],
  },
];

/** The snackbars the endpoint itself shows when it could not run a step (nothing, or not surely, saved). */
export const endpointFailureMessages: ReadonlySet<string> = new Set([
  defaultEndpointMessages.failure,
  defaultEndpointMessages.unavailable,
]);

/** The 427 message for a token whose flow is already complete. */
export const completedMessage = defaultEndpointMessages.completed;

/** The welcome line SIGN_IN shows after INIT (for tests that check a whole reply). */
export const signInWelcome = welcome;

/** A decrypted reply as the tests read it. */
export interface ReplyShape {
  readonly screen?: unknown;
  readonly data?: { readonly error_message?: unknown } & Readonly<Record<string, unknown>>;
  readonly error_msg?: unknown;
}

/** The reply's screen and snackbar, when it has them. */
export function readReply(reply: unknown): { screen: unknown; errorMessage: unknown; errorMsg: unknown } {
  const shape = (typeof reply === "object" && reply !== null ? reply : {}) as ReplyShape;
  return { screen: shape.screen, errorMessage: shape.data?.error_message, errorMsg: shape.error_msg };
}

/** What a continuation request (a wrong password from SIGN_IN) found: a live session, or a finished one. */
export type ContinuationOutcome = "continued" | "completed" | `unexpected: ${string}`;

/**
 * Classifies the answer to {@link wrongPasswordStep} sent on a token after a fault: `continued` when the
 * session was restored and moved on (200, SIGN_IN with the handler's message), `completed` for a flow
 * that had finished (427 with the completed message); anything else says what came back.
 */
export function classifyContinuation(answer: { status: number; reply: unknown }): ContinuationOutcome {
  const { screen, errorMessage, errorMsg } = readReply(answer.reply);
  if (answer.status === 200 && screen === "SIGN_IN" && errorMessage === wrongPassword) return "continued";
  if (answer.status === 427 && errorMsg === completedMessage) return "completed";
  return `unexpected: ${answer.status} ${JSON.stringify(answer.reply)}`;
}
