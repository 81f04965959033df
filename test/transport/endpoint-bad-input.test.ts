/**
 * Bad input over real HTTP against `flowmachine serve` with signatures on: every kind of broken request
 * gets its status, the server keeps serving, and the session it aimed at is left exactly as it was (read
 * from the server's SQLite file). A fast-check property then sends thousands of random and mutated
 * envelopes and sees only 421, 432 and 413 come back, never a 500 or a dropped connection.
 */
import { generateKeyPairSync } from "node:crypto";
import { connect } from "node:net";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exampleUser } from "../../examples/sign-in/users.js";
import { createSqliteSessionStore } from "../../src/transport/store/sqlite-session-store.js";
import type { SessionStore } from "../../src/transport/store/session-store.js";
import { createFlowClient, sendOverHttp, type FlowClient } from "../helpers/flow-client.js";
import {
  killCliChildren,
  seededFlowModule,
  startServe,
  tempFolder,
  type ServeChild,
} from "../helpers/serve-process.js";
import { encryptRequest, signBody, type RequestEnvelope } from "../helpers/whatsapp-client-crypto.js";

const APP_SECRET = "bad-input-app-secret";
const LIMIT = 1024 * 1024;
const anyString = expect.any(String) as unknown as string;

let server: ServeChild;
let client: FlowClient;
let sessions: SessionStore;
beforeAll(async () => {
  const cwd = tempFolder("serve-bad-input");
  server = await startServe(
    [seededFlowModule, "--app-secret-env", "FM_APP_SECRET", "--store", "sqlite:sessions.sqlite", "--quiet"],
    { cwd, env: { FM_APP_SECRET: APP_SECRET } },
  );
  client = createFlowClient({
    publicKeyPem: server.publicKeyPem,
    appSecret: APP_SECRET,
    send: sendOverHttp(server.flowUrl),
  });
  sessions = createSqliteSessionStore({ path: join(cwd, "sessions.sqlite") });
});
afterAll(async () => {
  await sessions.close();
  await killCliChildren();
});

const init = (flow_token: string) => ({ version: "3.0", action: "INIT", flow_token });
/** The request that would complete the flow: a broken copy of it must never do so. */
const completing = (flow_token: string) => ({
  version: "3.0",
  action: "data_exchange",
  screen: "SIGN_IN",
  flow_token,
  data: { email: exampleUser.email, password: exampleUser.password },
});

async function post(body: string | Uint8Array<ArrayBuffer>, headers: Record<string, string>) {
  const response = await fetch(server.flowUrl, { method: "POST", headers, body });
  return { status: response.status, body: await response.text() };
}

const signed = (body: string) => ({
  "content-type": "application/json",
  "x-hub-signature-256": signBody(body, APP_SECRET),
});
const postSigned = (body: string) => post(body, signed(body));

type Field = keyof RequestEnvelope;
const fields: readonly Field[] = ["encrypted_flow_data", "encrypted_aes_key", "initial_vector"];

function envelopeFor(payload: object): RequestEnvelope {
  return encryptRequest(server.publicKeyPem, payload).envelope;
}

function withField(envelope: RequestEnvelope, field: Field, value: unknown): string {
  return JSON.stringify({ ...envelope, [field]: value });
}

/** The field with one bit flipped in byte `index` (from the end when negative). */
function flipped(base64: string, index: number, bit: number): string {
  const bytes = Buffer.from(base64, "base64");
  const at = ((index % bytes.length) + bytes.length) % bytes.length;
  bytes[at] = (bytes[at] as number) ^ (1 << bit);
  return bytes.toString("base64");
}

function truncated(base64: string, keep: number): string {
  return Buffer.from(base64, "base64").subarray(0, keep).toString("base64");
}

const otherPublicKey = generateKeyPairSync("rsa", { modulusLength: 2048 })
  .publicKey.export({ type: "spki", format: "pem" })
  .toString();

describe("bad input over HTTP", () => {
  const token = "bad-input-session";

  beforeAll(async () => {
    expect((await client.request(init(token))).reply).toMatchObject({ screen: "SIGN_IN" });
  });

  /** Sends `attempt`, checks its answer, then that the session is untouched and the server still answers. */
  async function refused(attempt: () => Promise<{ status: number; body: string }>, status: number) {
    const before = await sessions.get(token);
    const answer = await attempt();
    expect(answer.status).toBe(status);
    if (status !== 200 && status !== 427) expect(answer.body).toBe("");
    expect(await sessions.get(token)).toEqual(before);
    expect((await client.request({ version: "3.0", action: "ping" })).status).toBe(200);
  }

  const envelope = () => envelopeFor(completing(token));
  /** A fresh envelope for the completing request with one field changed by `change`. */
  const changed = (field: Field, change: (value: string) => unknown) => () => {
    const fresh = envelope();
    return withField(fresh, field, change(fresh[field]));
  };
  it.each<[string, () => string]>([
    ["tampered ciphertext", changed("encrypted_flow_data", (value) => flipped(value, 3, 0))],
    ["tampered GCM tag", changed("encrypted_flow_data", (value) => flipped(value, -1, 7))],
    ["tampered AES key", changed("encrypted_aes_key", (value) => flipped(value, 40, 2))],
    ["tampered IV", changed("initial_vector", (value) => flipped(value, 5, 5))],
    [
      "a key wrapped for another public key",
      () => JSON.stringify(encryptRequest(otherPublicKey, completing(token)).envelope),
    ],
    ["flow data shorter than the GCM tag", changed("encrypted_flow_data", (value) => truncated(value, 10))],
    ["a truncated AES key", changed("encrypted_aes_key", (value) => truncated(value, 128))],
    ["a 12-byte IV", changed("initial_vector", (value) => truncated(value, 12))],
    ["non-base64 flow data", changed("encrypted_flow_data", () => "%%% not base64 %%%")],
    ["base64 with whitespace inside", changed("encrypted_aes_key", (value) => ` ${value}`)],
    ["a number instead of the IV", changed("initial_vector", () => 42)],
    ["a missing field", changed("encrypted_aes_key", () => undefined)],
    ["a body that is not JSON", () => "encrypted_flow_data=abc&encrypted_aes_key=def"],
    ["a JSON array", () => "[1,2,3]"],
    ["an empty body", () => ""],
  ])("answers 421 to %s, though signed with the right secret", async (_name, body) => {
    await refused(() => postSigned(body()), 421);
  });

  it("answers 413 to a body over 1 MiB, before reading it whole", async () => {
    const huge = JSON.stringify({ ...envelope(), padding: "x".repeat(LIMIT) });
    await refused(() => postSigned(huge), 413);
  });

  it("keeps serving when clients hang up in the middle of a body", async () => {
    const { hostname, port } = new URL(server.flowUrl);
    for (let index = 0; index < 3; index += 1) {
      await new Promise<void>((resolve, reject) => {
        const socket = connect(Number(port), hostname, () => {
          socket.write(
            `POST /flow HTTP/1.1\r\nHost: ${hostname}\r\nContent-Length: 5000\r\n\r\n{"encrypted_`,
          );
          setTimeout(() => socket.destroy(), 50);
        });
        socket.once("close", () => resolve());
        socket.once("error", reject);
      });
    }
    await refused(() => postSigned(JSON.stringify(envelope()).slice(0, 40)), 421);
  });

  it("answers 432 to a wrong, missing, malformed or borrowed signature", async () => {
    const body = JSON.stringify(envelope());
    const other = JSON.stringify(envelope());
    const headers: Array<Record<string, string>> = [
      { "x-hub-signature-256": signBody(body, "not-the-app-secret") },
      {},
      { "x-hub-signature-256": "sha256=" },
      { "x-hub-signature-256": signBody(body, APP_SECRET).replace("sha256=", "sha1=") },
      { "x-hub-signature-256": signBody(other, APP_SECRET) },
    ];
    for (const header of headers)
      await refused(() => post(body, { "content-type": "application/json", ...header }), 432);
  });

  it("keeps the user on their screen with a message for an unknown action or a screen that does not exist", async () => {
    for (const request of [
      { ...completing(token), action: "navigate" },
      { ...completing(token), action: "init" },
      { ...completing(token), screen: "NO_SUCH_SCREEN" },
    ]) {
      const before = await sessions.get(token);
      expect(await client.request(request)).toEqual({
        status: 200,
        reply: { screen: "SIGN_IN", data: { error_message: "Something went wrong. Please try again." } },
      });
      expect(await sessions.get(token)).toEqual(before);
    }
  });

  it("answers 427 to decrypted requests of the wrong shape, and leaves the session alone", async () => {
    for (const payload of [
      { ...completing(token), data: "ada@example.com" },
      { ...completing(token), data: [exampleUser.email] },
      { ...completing(token), action: 7 },
      { ...completing(token), flow_token: "" },
      [completing(token)],
    ]) {
      const before = await sessions.get(token);
      expect(await client.request(payload)).toEqual({
        status: 427,
        reply: { error_msg: "This form has expired. Please ask for a new one." },
      });
      expect(await sessions.get(token)).toEqual(before);
    }
  });

  it("treats form values of the wrong type as what the user typed, and the flow goes on to completion", async () => {
    const odd = await client.request({ ...completing(token), data: { email: 42, password: null } });
    expect(odd).toEqual({
      status: 200,
      reply: {
        screen: "SIGN_IN",
        data: {
          welcome: anyString,
          default_email: "",
          error_message: "User not found. Please sign up first.",
        },
      },
    });
    expect(await client.request(completing(token))).toMatchObject({
      status: 200,
      reply: { screen: "SUCCESS", data: { extension_message_response: { params: { flow_token: token } } } },
    });
  });
});

/** One request of the property: a body, its headers, and the only status it may get. */
interface Attempt {
  readonly body: string | Uint8Array<ArrayBuffer>;
  readonly headers: Record<string, string>;
  readonly status: 413 | 421 | 432;
}

const withSignature = (body: string | Uint8Array<ArrayBuffer>): Attempt => ({
  body,
  headers: { "content-type": "application/json", "x-hub-signature-256": signBody(body, APP_SECRET) },
  status: 421,
});

function attempts(base: readonly RequestEnvelope[]): fc.Arbitrary<Attempt> {
  const envelope = fc.constantFrom(...base);
  const field = fc.constantFrom(...fields);
  const oddValue = fc.oneof(
    fc.string(),
    fc.base64String(),
    fc.integer(),
    fc.constant(null),
    fc.boolean(),
    fc.array(fc.string(), { maxLength: 3 }),
    fc.dictionary(fc.string(), fc.string(), { maxKeys: 3 }),
  );
  const text = (envelopeValue: RequestEnvelope) => JSON.stringify(envelopeValue);
  return fc.oneof(
    // A flipped bit anywhere in the bytes of one field.
    fc
      .tuple(envelope, field, fc.nat(), fc.integer({ min: 0, max: 7 }))
      .map(([e, f, index, bit]) => withSignature(withField(e, f, flipped(e[f], index, bit)))),
    // One field cut short.
    fc.tuple(envelope, field, fc.nat()).map(([e, f, keep]) => {
      const length = Buffer.from(e[f], "base64").length;
      return withSignature(withField(e, f, truncated(e[f], keep % length)));
    }),
    // One character of one field replaced.
    fc
      .tuple(envelope, field, fc.nat(), fc.string({ minLength: 1, maxLength: 1 }))
      .filter(([e, f, index, char]) => e[f][index % e[f].length] !== char)
      .map(([e, f, index, char]) => {
        const value = e[f];
        const at = index % value.length;
        return withSignature(withField(e, f, value.slice(0, at) + char + value.slice(at + 1)));
      }),
    // One field replaced by any JSON value, or dropped.
    fc.tuple(envelope, field, oddValue).map(([e, f, value]) => withSignature(withField(e, f, value))),
    fc.tuple(envelope, field).map(([e, f]) => withSignature(withField(e, f, undefined))),
    // The body cut short, random JSON, random bytes.
    fc.tuple(envelope, fc.nat()).map(([e, keep]) => withSignature(text(e).slice(0, keep % text(e).length))),
    fc.json().map((json) => withSignature(json)),
    fc.uint8Array({ maxLength: 2048 }).map((bytes) => withSignature(bytes)),
    // A valid envelope without the right signature.
    fc
      .tuple(
        envelope,
        fc.oneof(
          fc.constant(undefined),
          fc.string(),
          fc.string({ unit: fc.constantFrom(..."0123456789abcdef") }).map((hex) => `sha256=${hex}`),
        ),
      )
      .map(([e, header]): Attempt => ({
        body: text(e),
        headers: header === undefined ? {} : { "x-hub-signature-256": header },
        status: 432,
      })),
  );
}

describe("bad input over HTTP: property", () => {
  it("answers only 421, 432 or 413 to thousands of random and mutated envelopes, and keeps serving", async () => {
    const base = Array.from({ length: 6 }, (_, index) => envelopeFor(completing(`property-${index}`)));
    const batch = 8;
    const oversized = fc
      .integer({ min: LIMIT + 1, max: LIMIT + 4096 })
      .map((size): Attempt => ({ body: new Uint8Array(size).fill(0x7b), headers: {}, status: 413 }));
    const requests = fc.array(
      fc.oneof({ arbitrary: attempts(base), weight: 40 }, { arbitrary: oversized, weight: 1 }),
      {
        minLength: batch,
        maxLength: batch,
      },
    );
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(requests, async (group) => {
        const answers = await Promise.all(group.map((attempt) => post(attempt.body, attempt.headers)));
        sent += answers.length;
        for (const [index, answer] of answers.entries()) {
          expect(answer.status).toBe(group[index]?.status);
          expect(answer.body).toBe("");
        }
      }),
      { numRuns: 260, interruptAfterTimeLimit: 60_000 },
    );
    expect(sent).toBeGreaterThanOrEqual(2000);
    // None of the envelopes' sessions was started, and the server still answers.
    for (let index = 0; index < base.length; index += 1) {
      expect(await sessions.get(`property-${index}`)).toBeUndefined();
    }
    expect(await client.request(init("after-property"))).toMatchObject({
      status: 200,
      reply: { screen: "SIGN_IN" },
    });
  }, 90_000);
});
