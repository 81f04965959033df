import { Redacted } from "effect";
import { describe, expect, it } from "vitest";
import { createSignInFlow } from "../../../examples/sign-in/flow.js";
import {
  createMemoryUserRepository,
  exampleUser,
  seedExampleUsers,
} from "../../../examples/sign-in/users.js";
import { complete, dataExchange, footer, screen, textInput } from "../../../src/flow-json/index.js";
import { defineFlow } from "../../../src/machine/index.js";
import { createFlowToken } from "../../../src/transport/crypto/flow-token.js";
import { createFlowEndpoint, type FlowEndpointOptions } from "../../../src/transport/endpoint/index.js";
import type { EndpointLogEntry, EndpointRequestLog } from "../../../src/transport/endpoint/index.js";
import { createMemorySessionStore } from "../../../src/transport/store/memory-session-store.js";
import type { SessionStore } from "../../../src/transport/store/session-store.js";
import { SessionStoreError } from "../../../src/transport/store/errors.js";
import { createFlowClient, sendInProcess, testPrivateKeyPem } from "../../helpers/flow-client.js";
import { signJwt } from "../../helpers/whatsapp-client-crypto.js";

const APP_SECRET = "test-app-secret";
/** vitest's asymmetric matcher, typed for the places it stands in. */
const anyString = expect.any(String) as unknown as string;

/** Options to change; `undefined` removes a default (such as the app secret). */
type Overrides = { [K in keyof FlowEndpointOptions]?: FlowEndpointOptions[K] | undefined };

function endpointWith(overrides: Overrides = {}) {
  const logs: EndpointLogEntry[] = [];
  const endpoint = createFlowEndpoint({
    flow: createSignInFlow(),
    privateKey: Redacted.make(testPrivateKeyPem),
    appSecret: Redacted.make(APP_SECRET),
    logger: (entry) => logs.push(entry),
    ...(overrides as Partial<FlowEndpointOptions>),
  });
  const client = createFlowClient({ send: sendInProcess(endpoint), appSecret: APP_SECRET });
  const requests = () => logs.filter((entry): entry is EndpointRequestLog => entry.kind === "request");
  return { endpoint, client, logs, requests };
}

async function signedInFlow(overrides: Overrides = {}) {
  const users = createMemoryUserRepository();
  await seedExampleUsers(users);
  return endpointWith({ flow: createSignInFlow({ users }), ...overrides });
}

const init = (flow_token: string) => ({ version: "3.0", action: "INIT", flow_token });
const signIn = (flow_token: string, password: string) => ({
  version: "3.0",
  action: "data_exchange",
  screen: "SIGN_IN",
  flow_token,
  data: { email: exampleUser.email, password },
});

describe("createFlowEndpoint: health checks and notifications", () => {
  it("answers a ping with an encrypted status, without a flow token", async () => {
    const { client, requests } = endpointWith();
    expect(await client.request({ version: "3.0", action: "ping" })).toEqual({
      status: 200,
      reply: { data: { status: "active" } },
    });
    expect(requests()[0]).toMatchObject({ outcome: "ping", status: 200, token: undefined });
  });

  it.each(["error", "error_key"])(
    "acknowledges an error notification sent as data.%s and logs its type",
    async (key) => {
      const { client, requests } = endpointWith();
      const answer = await client.request({
        version: "3.0",
        action: "data_exchange",
        screen: "SIGN_IN",
        flow_token: "t-notify",
        data: { [key]: "payload-schema-error", error_message: "bad data" },
      });
      expect(answer).toEqual({ status: 200, reply: { data: { acknowledged: true } } });
      expect(requests()[0]).toMatchObject({
        outcome: "error-notification",
        notification: "payload-schema-error",
      });
    },
  );
});

describe("createFlowEndpoint: the sign-in flow", () => {
  it("opens SIGN_IN on INIT, refuses a wrong password, completes with the right one, then answers 427", async () => {
    const { client, requests } = await signedInFlow();
    const opened = await client.request(init("t-1"));
    expect(opened.status).toBe(200);
    expect(opened.reply).toMatchObject({ screen: "SIGN_IN", data: { welcome: anyString } });

    const wrong = await client.request(signIn("t-1", "not-it"));
    expect(wrong.reply).toMatchObject({ screen: "SIGN_IN", data: { error_message: anyString } });

    const done = await client.request(signIn("t-1", exampleUser.password));
    expect(done).toEqual({
      status: 200,
      reply: {
        screen: "SUCCESS",
        data: {
          extension_message_response: { params: expect.objectContaining({ flow_token: "t-1" }) as unknown },
        },
      },
    });
    const late = await client.request(signIn("t-1", exampleUser.password));
    expect(late.status).toBe(427);
    expect(late.reply).toEqual({ error_msg: anyString });
    expect(requests().map((entry) => entry.outcome)).toEqual(["reply", "reply", "complete", "refused"]);
  });

  it("applies racing duplicates of the completing request exactly once", async () => {
    const inner = createMemorySessionStore();
    const racers = 3;
    let waiting: (() => void)[] = [];
    let racing = false;
    // Holds every read until all racers have read, so that they all start from the same version.
    const barrier: SessionStore = {
      ...inner,
      kind: "barrier",
      get: async (token) => {
        const stored = await inner.get(token);
        if (!racing) return stored;
        await new Promise<void>((release) => {
          waiting.push(release);
          if (waiting.length === racers) {
            racing = false;
            for (const go of waiting) go();
            waiting = [];
          }
        });
        return stored;
      },
      compareAndSet: (token, version, write) => inner.compareAndSet(token, version, write),
    };
    const { client, requests } = await signedInFlow({ store: barrier });
    await client.request(init("t-race"));
    racing = true;
    const answers = await Promise.all(
      Array.from({ length: racers }, () => client.request(signIn("t-race", exampleUser.password))),
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 427, 427]);
    expect(requests().filter((entry) => entry.outcome === "complete")).toHaveLength(1);
  });

  it("answers 427 to BACK for a token that has no session", async () => {
    const { client } = await signedInFlow();
    const answer = await client.request({
      version: "3.0",
      action: "BACK",
      screen: "SIGN_UP",
      flow_token: "t-none",
    });
    expect(answer.status).toBe(427);
  });

  it("keeps the session and answers the screen the user is on for an unknown action or screen", async () => {
    const { client, endpoint } = await signedInFlow();
    await client.request(init("t-odd"));
    const before = await endpoint.store.get("t-odd");
    const odd = await client.request({
      version: "3.0",
      action: "navigate",
      screen: "SIGN_IN",
      flow_token: "t-odd",
    });
    expect(odd.reply).toMatchObject({ screen: "SIGN_IN", data: { error_message: anyString } });
    const nowhere = await client.request({
      version: "3.0",
      action: "data_exchange",
      screen: "NOWHERE",
      flow_token: "t-odd",
      data: {},
    });
    expect(nowhere.status).toBe(200);
    expect(nowhere.reply).toMatchObject({ screen: "SIGN_IN", data: { error_message: anyString } });
    // Names every object inherits are no screens either: the reply never shows them.
    for (const inherited of ["__proto__", "constructor", "toString"]) {
      const odd = await client.request({
        version: "3.0",
        action: "BACK",
        screen: inherited,
        flow_token: "t-odd",
      });
      expect(odd.reply, inherited).toMatchObject({ screen: "SIGN_IN", data: { error_message: anyString } });
    }
    expect(await endpoint.store.get("t-odd")).toEqual(before);
  });

  it("answers 427 to a request that decrypts but has no flow token", async () => {
    const { client } = endpointWith();
    const answer = await client.request({ version: "3.0", action: "INIT" });
    expect(answer.status).toBe(427);
  });
});

describe("createFlowEndpoint: signatures, keys and bodies", () => {
  it("answers 432 to a missing or wrong signature and accepts either secret during a rotation", async () => {
    const { endpoint } = endpointWith({
      appSecret: [Redacted.make("new-secret"), Redacted.make(APP_SECRET)],
    });
    const unsigned = createFlowClient({ send: sendInProcess(endpoint) });
    expect((await unsigned.request(init("t-sig"))).status).toBe(432);
    const wrong = createFlowClient({ send: sendInProcess(endpoint), appSecret: "not-the-secret" });
    expect((await wrong.request(init("t-sig"))).status).toBe(432);
    for (const secret of ["new-secret", APP_SECRET]) {
      const right = createFlowClient({ send: sendInProcess(endpoint), appSecret: secret });
      expect((await right.request(init(`t-${secret}`))).status).toBe(200);
    }
  });

  it("answers 421 to what it cannot decrypt and 413 to an oversized body", async () => {
    const { endpoint } = endpointWith({ appSecret: undefined, maxBodyBytes: 2048 });
    const bodies = [
      "",
      "not json",
      "{}",
      '{"encrypted_flow_data":"@@","encrypted_aes_key":"@@","initial_vector":"@@"}',
    ];
    for (const body of bodies) {
      const answer = await endpoint.handle(new TextEncoder().encode(body), {});
      expect(answer).toMatchObject({ status: 421, body: "" });
    }
    const huge = await endpoint.handle(new Uint8Array(4096), {});
    expect(huge.status).toBe(413);
  });

  it("warns once at start-up when no app secret is configured", () => {
    const { logs } = endpointWith({ appSecret: undefined });
    expect(logs).toEqual([{ kind: "warning", message: expect.stringContaining("appSecret") as unknown }]);
  });

  it("rejects an unusable private key with a clear error on ready and 421 on requests", async () => {
    const { endpoint, client } = endpointWith({
      privateKey: Redacted.make("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----"),
    });
    await expect(endpoint.ready).rejects.toMatchObject({ _tag: "PrivateKeyError" });
    expect((await client.request(init("t-key"))).status).toBe(421);
  });
});

describe("createFlowEndpoint: token checks", () => {
  it("answers 427 to a token its signed-token secret did not make", async () => {
    const secret = Redacted.make("token-secret");
    const { client } = endpointWith({ flowTokenSecret: secret });
    expect((await client.request(init("forged-token"))).status).toBe(427);
    const token = await createFlowToken({ secret, expiresInSeconds: 60 });
    expect((await client.request(init(token))).status).toBe(200);
  });

  it("answers 427 when the validateFlowToken hook refuses", async () => {
    const { client } = endpointWith({ validateFlowToken: (token) => token.startsWith("ok-") });
    expect((await client.request(init("bad-1"))).status).toBe(427);
    expect((await client.request(init("ok-1"))).status).toBe(200);
  });

  it("verifies flow_token_signature when present and requires it when asked", async () => {
    const { client } = endpointWith({ flowTokenSignature: "require" });
    expect((await client.request(init("t-jwt"))).status).toBe(427);
    const forged = signJwt({ flow_token: "t-jwt" }, "wrong-secret");
    expect((await client.request({ ...init("t-jwt"), flow_token_signature: forged })).status).toBe(427);
    const genuine = signJwt({ flow_token: "t-jwt" }, APP_SECRET);
    expect((await client.request({ ...init("t-jwt"), flow_token_signature: genuine })).status).toBe(200);
  });
});

const faultyScreens = {
  ASK: screen({
    id: "ASK",
    title: "Ask",
    layout: [
      textInput({ name: "mode", label: "Mode" }),
      footer({ label: "Go", onClickAction: dataExchange({ mode: "${form.mode}" }) }),
    ],
  }),
  DONE: screen({
    id: "DONE",
    title: "Done",
    terminal: true,
    layout: [footer({ label: "Finish", onClickAction: complete() })],
  }),
};

const faultyFlow = defineFlow({
  id: "faulty",
  version: "7.2",
  dataApiVersion: "3.0",
  screens: faultyScreens,
}).createFlow({
  states: {
    ASK: {
      data_exchange: {
        targets: ["DONE"],
        run: async ({ data, reply, signal }) => {
          if (data["mode"] === "throw") throw new Error("the database is down");
          if (data["mode"] === "hang")
            await new Promise((resolve) => signal.addEventListener("abort", resolve));
          if (data["mode"] === "wrong-data") return reply.screen("DONE", { surprise: 1 });
          return reply.screen("DONE");
        },
      },
    },
  },
});

describe("createFlowEndpoint: failures keep the session", () => {
  const ask = (flow_token: string, mode: string) => ({
    version: "3.0",
    action: "data_exchange",
    screen: "ASK",
    flow_token,
    data: { mode },
  });

  it.each(["throw", "hang", "wrong-data"])(
    "answers the screen the user was on with a message when the handler fails (%s)",
    async (mode) => {
      const { client, endpoint, requests } = endpointWith({ flow: faultyFlow, stepTimeoutMs: 200 });
      await client.request(init("t-fault"));
      const before = await endpoint.store.get("t-fault");
      const answer = await client.request(ask("t-fault", mode));
      expect(answer).toEqual({
        status: 200,
        reply: { screen: "ASK", data: { error_message: anyString } },
      });
      expect(await endpoint.store.get("t-fault")).toEqual(before);
      expect(requests().at(-1)).toMatchObject({
        outcome: "failed",
        error: expect.stringMatching(/Handler|Reply/) as unknown,
      });
      const fine = await client.request(ask("t-fault", "fine"));
      expect(fine.reply).toEqual({ screen: "DONE", data: {} });
    },
  );

  it("answers within its deadline with a message when the store is down, and loses nothing", async () => {
    const inner = createMemorySessionStore();
    let down = false;
    const failing = (operation: "get" | "compareAndSet") =>
      new SessionStoreError({ store: "memory", operation, reason: "unavailable", message: "store down" });
    const flaky: SessionStore = {
      kind: "flaky",
      get: (token) => (down ? Promise.reject(failing("get")) : inner.get(token)),
      compareAndSet: (token, version, write) =>
        down ? Promise.reject(failing("compareAndSet")) : inner.compareAndSet(token, version, write),
      delete: (token) => inner.delete(token),
      close: () => inner.close(),
    };
    const { client, requests } = endpointWith({ flow: faultyFlow, store: flaky });
    await client.request(init("t-store"));
    const before = await inner.get("t-store");
    down = true;
    const answer = await client.request(ask("t-store", "fine"));
    expect(answer).toEqual({
      status: 200,
      reply: { screen: "ASK", data: { error_message: anyString } },
    });
    expect(requests().at(-1)).toMatchObject({ error: "SessionStoreError" });
    down = false;
    expect(await inner.get("t-store")).toEqual(before);
    expect((await client.request(ask("t-store", "fine"))).reply).toEqual({ screen: "DONE", data: {} });
  });
});

describe("createFlowEndpoint: logs", () => {
  it("logs one line per request with a token hash and never the token, a secret or a form value", async () => {
    const { client, logs } = await signedInFlow();
    await client.request(init("t-secret-token"));
    await client.request(signIn("t-secret-token", exampleUser.password));
    const text = JSON.stringify(logs);
    for (const secret of ["t-secret-token", exampleUser.password, exampleUser.email, APP_SECRET]) {
      expect(text).not.toContain(secret);
    }
    expect(logs.filter((entry) => entry.kind === "request")).toHaveLength(2);
    expect((logs[0] as EndpointRequestLog).token).toMatch(/^[0-9a-f]{16}$/);
  });
});
