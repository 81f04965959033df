import { Redacted } from "effect";
import type { InspectionEvent } from "xstate";
import { describe, expect, it } from "vitest";
import { createSignInFlow } from "../../../examples/sign-in/flow.js";
import {
  createMemoryUserRepository,
  exampleUser,
  seedExampleUsers,
} from "../../../examples/sign-in/users.js";
import { createFlowEndpoint, REDACTED } from "../../../src/transport/endpoint/index.js";
import { createFlowClient, sendInProcess, testPrivateKeyPem } from "../../helpers/flow-client.js";

async function inspectedSignIn(redactInspection?: boolean) {
  const users = createMemoryUserRepository();
  await seedExampleUsers(users);
  const events: InspectionEvent[] = [];
  const endpoint = createFlowEndpoint({
    flow: createSignInFlow({ users }),
    privateKey: Redacted.make(testPrivateKeyPem),
    logger: () => undefined,
    inspect: (event) => events.push(event),
    ...(redactInspection === undefined ? {} : { redactInspection }),
  });
  const client = createFlowClient({ send: sendInProcess(endpoint) });
  await client.request({ version: "3.0", action: "INIT", flow_token: "t-inspect" });
  await client.request({
    version: "3.0",
    action: "data_exchange",
    screen: "SIGN_IN",
    flow_token: "t-inspect",
    data: { email: exampleUser.email, password: exampleUser.password },
  });
  return { events, endpoint };
}

describe("createFlowEndpoint inspect option", () => {
  it("passes every actor's events to the inspector with form data and context values redacted", async () => {
    const { events } = await inspectedSignIn();
    const text = JSON.stringify(events);
    expect(events.some((event) => event.type === "@xstate.event")).toBe(true);
    expect(text).toContain('"data_exchange"');
    expect(text).toContain(REDACTED);
    expect(text).not.toContain(exampleUser.password);
    expect(text).not.toContain(exampleUser.email);
  });

  it("shows the values when redaction is turned off", async () => {
    const { events } = await inspectedSignIn(false);
    expect(JSON.stringify(events)).toContain(exampleUser.password);
  });

  it("gives the final context of a completed session for the completion webhook", async () => {
    const { endpoint } = await inspectedSignIn();
    expect(await endpoint.sessionContext("t-inspect")).toMatchObject({ email: exampleUser.email });
    expect(await endpoint.sessionContext("t-unknown")).toBeUndefined();
  });
});

describe("an inspector that throws", () => {
  it("cannot break a request: the reply comes back and the failure is reported once", async () => {
    const logs: unknown[] = [];
    const endpoint = createFlowEndpoint({
      flow: createSignInFlow(),
      privateKey: Redacted.make(testPrivateKeyPem),
      logger: (entry) => logs.push(entry),
      inspect: () => {
        throw new Error("inspector down");
      },
    });
    const client = createFlowClient({ send: sendInProcess(endpoint) });
    for (const token of ["t-a", "t-b"]) {
      const answer = await client.request({ version: "3.0", action: "INIT", flow_token: token });
      expect(answer.reply).toMatchObject({ screen: "SIGN_IN" });
    }
    const warnings = logs.filter((entry) => JSON.stringify(entry).includes("inspect observer threw"));
    expect(warnings).toHaveLength(1);
  });
});
