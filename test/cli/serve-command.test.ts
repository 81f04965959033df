import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Redacted } from "effect";
import { exampleUser } from "../../examples/sign-in/users.js";
import type { CommandIo } from "../../src/cli/command.js";
import { main } from "../../src/cli/main.js";
import { generateFlowKeyPair, writeFlowKeyPair } from "../../src/transport/adapters/node-key-pair.js";
import { createFlowClient, sendOverHttp } from "../helpers/flow-client.js";
import { useRedisServer } from "../helpers/redis-server.js";
import {
  killCliChildren,
  seededFlowModule,
  startServe,
  tempFolder,
  type ServeChild,
} from "../helpers/serve-process.js";

afterAll(killCliChildren);

const init = (flow_token: string) => ({ version: "3.0", action: "INIT", flow_token });
const signIn = (flow_token: string, email: string, password: string) => ({
  version: "3.0",
  action: "data_exchange",
  screen: "SIGN_IN",
  flow_token,
  data: { email, password },
});
const noStackTrace = /\n\s+at /;

function clientOf(server: ServeChild, appSecret?: string) {
  return createFlowClient({
    publicKeyPem: server.publicKeyPem,
    send: sendOverHttp(server.flowUrl),
    ...(appSecret === undefined ? {} : { appSecret }),
  });
}

async function runInProcess(args: readonly string[], env: Record<string, string> = {}) {
  let stdout = "";
  let stderr = "";
  const io: CommandIo = {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    cwd: tempFolder("serve-args"),
    env,
  };
  const status = await main(["serve", ...args], io);
  return { status, stdout, stderr, cwd: io.cwd };
}

describe("flowmachine serve: arguments", () => {
  it.each([
    [[], "give the MODULE"],
    [["a.ts", "b.ts"], "exactly one MODULE"],
    [["flow.ts", "--nope"], "Unknown option '--nope'"],
    [["flow.ts", "--port"], "--port"],
    [["flow.ts", "--port", "http"], "--port must be a whole number from 0 to 65535"],
    [["flow.ts", "--port", "70000"], "--port must be a whole number"],
    [["flow.ts", "--workers", "0"], "--workers must be a whole number from 1"],
    [["flow.ts", "--session-ttl", "-5"], "--session-ttl"],
    [["flow.ts", "--path", "flow"], "--path must start with /"],
    [["flow.ts", "--path", "/healthz"], "--path cannot be /healthz"],
    [["flow.ts", "--store", "postgres://x"], "--store must be one of memory, sqlite:FILE"],
    [["flow.ts", "--store", "sqlite:"], "--store sqlite: needs a file"],
    [["flow.ts", "--app-secret-env", "FM_UNSET_SECRET"], "environment variable FM_UNSET_SECRET is not set"],
    [["flow.ts", "--passphrase-env", "FM_UNSET_PASS"], "environment variable FM_UNSET_PASS is not set"],
  ])("refuses %j with exit 2 and one line", async (args, problem) => {
    const { status, stderr, stdout } = await runInProcess(args);
    expect(status).toBe(2);
    expect(stderr).toContain(problem);
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stdout).toBe("");
  });

  it("refuses the memory store with more than one worker, since each worker would hold other sessions", async () => {
    const { status, stderr } = await runInProcess([seededFlowModule, "--store", "memory", "--workers", "2"]);
    expect(status).toBe(2);
    expect(stderr).toContain("--store memory keeps sessions inside one process");
    expect(stderr).toContain("use the default SQLite store or redis://");
  });

  it("never echoes a Redis URL it refuses, since it may hold the password", async () => {
    const { status, stderr } = await runInProcess([
      seededFlowModule,
      "--store",
      "redis://:hunter2@cache:99999/0",
    ]);
    expect(status).toBe(2);
    expect(stderr).toContain("not a valid Redis URL");
    expect(stderr).not.toContain("hunter2");
  });

  it("exits 2 with one line for a module that cannot be loaded or has no such export", async () => {
    const missing = await runInProcess(["no-such-flow.ts"]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/^flowmachine serve: Cannot load 'no-such-flow.ts': no file at /);
    const wrongExport = await runInProcess([seededFlowModule, "--export", "nothing"]);
    expect(wrongExport.status).toBe(2);
    expect(wrongExport.stderr).toContain("it has no export 'nothing' (exports: default, slowSignIn)");
    for (const { stderr } of [missing, wrongExport]) expect(stderr).not.toMatch(noStackTrace);
  });

  it("exits 2 with one line for a key that is missing, public, or encrypted without its passphrase", async () => {
    const dir = tempFolder("serve-keys");
    const pair = await generateFlowKeyPair({ passphrase: Redacted.make("a long passphrase") });
    writeFileSync(join(dir, "public.pem"), pair.publicKeyPem);
    writeFileSync(join(dir, "locked.pem"), Redacted.value(pair.privateKeyPem));
    const cases: Array<[string[], Record<string, string>, string]> = [
      [["--private-key", join(dir, "absent.pem")], {}, "no file at"],
      [["--private-key", join(dir, "public.pem")], {}, "--private-key"],
      [["--private-key", join(dir, "locked.pem")], {}, "pass --passphrase-env NAME"],
      [["--private-key", join(dir, "locked.pem"), "--passphrase-env", "P"], { P: "wrong" }, "--private-key"],
    ];
    for (const [args, env, problem] of cases) {
      const { status, stderr } = await runInProcess([seededFlowModule, ...args], env);
      expect(status, stderr).toBe(2);
      expect(stderr).toContain(problem);
      expect(stderr.trim().split("\n")).toHaveLength(1);
      expect(stderr).not.toMatch(noStackTrace);
    }
  });
});

describe("flowmachine serve: one process", () => {
  it("creates the development key pair once, answers /healthz and 404, and reuses the pair on the next start", async () => {
    const cwd = tempFolder("serve-dev-key");
    const first = await startServe([seededFlowModule], { cwd });
    expect(first.stdout()).toContain(
      "Public key:  .flowmachine/public.pem (development key pair, created now)",
    );
    expect(first.stdout()).toContain(
      "flowmachine keys upload --phone-number-id <PHONE_NUMBER_ID> --public-key .flowmachine/public.pem",
    );
    expect(first.stdout()).toContain("Store:       sqlite .flowmachine/sessions.sqlite");
    await first.waitForError(/warning: No app secret configured: X-Hub-Signature-256 is not checked/);
    expect(readFileSync(join(cwd, ".flowmachine", ".gitignore"), "utf8")).toBe("*\n");
    expect(statSync(join(cwd, ".flowmachine", "private.pem")).mode & 0o777).toBe(0o600);

    const health = await fetch(`${first.origin}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: "ok", store: "sqlite" });
    const missing = await fetch(`${first.origin}/nothing-here`);
    expect(missing.status).toBe(404);
    expect((await fetch(first.flowUrl)).status).toBe(405);
    expect((await fetch(`${first.origin}/healthz`, { method: "POST" })).status).toBe(405);
    expect((await clientOf(first).request(init("dev-1"))).status).toBe(200);
    first.signal("SIGTERM");
    expect(await first.exited()).toEqual({ code: 0, signal: null });

    const second = await startServe([seededFlowModule], { cwd });
    expect(second.stdout()).toContain("(development key pair, reused)");
    expect(second.publicKeyPem).toBe(first.publicKeyPem);
    expect(await clientOf(second).request(init("dev-2"))).toMatchObject({
      status: 200,
      reply: { screen: "SIGN_IN" },
    });
    second.signal("SIGINT");
    expect(await second.exited()).toEqual({ code: 0, signal: null });
  });

  it("finishes a request in flight on SIGTERM, refuses new connections, then exits 0", async () => {
    const cwd = tempFolder("serve-drain");
    const server = await startServe([seededFlowModule, "--export", "slowSignIn", "--quiet"], { cwd });
    const client = clientOf(server);
    await client.request(init("drain-1"));
    const inFlight = client.request(signIn("drain-1", "slow@example.com", "Whatever#1"));
    await server.waitForOutput(/slow lookup started/);
    server.signal("SIGTERM");
    await server.waitForOutput(/Stopping: finishing 1 request\(s\) in flight/);
    await expect(fetch(`${server.origin}/healthz`)).rejects.toThrow();
    expect(await inFlight).toMatchObject({
      status: 200,
      reply: { screen: "SIGN_IN", data: { error_message: "User not found. Please sign up first." } },
    });
    expect(await server.exited()).toEqual({ code: 0, signal: null });
    expect(server.stdout()).toMatch(/Stopped\.\n$/);
    expect(server.stdout()).not.toContain('"kind":"request"');
  });

  it("serves with an encrypted --private-key, and a second SIGTERM ends a slow drain at once", async () => {
    const cwd = tempFolder("serve-own-key");
    await writeFlowKeyPair(join(cwd, "keys"), { passphrase: Redacted.make("key pass phrase") });
    const server = await startServe(
      [
        seededFlowModule,
        "--export",
        "slowSignIn",
        "--private-key",
        "keys/private.pem",
        "--passphrase-env",
        "KEY_PASS",
        "--quiet",
      ],
      { cwd, env: { KEY_PASS: "key pass phrase", SLOW_LOOKUP_MS: "20000" } },
    );
    expect(server.stdout()).toContain("Public key:  keys/public.pem\n");
    expect(existsSync(join(cwd, ".flowmachine", "private.pem"))).toBe(false);
    expect(readFileSync(join(cwd, ".flowmachine", ".gitignore"), "utf8")).toBe("*\n");
    const client = createFlowClient({
      publicKeyPem: readFileSync(join(cwd, "keys", "public.pem"), "utf8"),
      send: sendOverHttp(server.flowUrl),
    });
    expect((await client.request(init("own-key"))).reply).toMatchObject({ screen: "SIGN_IN" });

    const stuck = client.request(signIn("own-key", "slow@example.com", "Whatever#1"));
    stuck.catch(() => undefined);
    await server.waitForOutput(/slow lookup started/);
    server.signal("SIGTERM");
    await server.waitForOutput(/Stopping: finishing 1 request\(s\) in flight/);
    server.signal("SIGTERM");
    expect(await server.exited(5_000)).toEqual({ code: 143, signal: null });
    expect(server.stderr()).toContain("SIGTERM again; exiting without waiting");
    await expect(stuck).rejects.toThrow();
  });

  it("keeps every session across a SIGKILL with the default SQLite store", async () => {
    const cwd = tempFolder("serve-restart");
    const before = await startServe([seededFlowModule, "--quiet"], { cwd });
    const ongoing = clientOf(before);
    expect((await ongoing.request(init("restart-open"))).status).toBe(200);
    const wrong = await ongoing.request(signIn("restart-open", exampleUser.email, "Wrong#1234"));
    expect(wrong.reply).toMatchObject({
      screen: "SIGN_IN",
      data: { error_message: "Incorrect password. Please try again." },
    });
    await ongoing.request(init("restart-done"));
    expect(
      (await ongoing.request(signIn("restart-done", exampleUser.email, exampleUser.password))).reply,
    ).toMatchObject({
      screen: "SUCCESS",
    });
    before.signal("SIGKILL");
    expect((await before.exited()).signal).toBe("SIGKILL");

    const after = await startServe([seededFlowModule, "--quiet"], { cwd });
    const resumed = clientOf(after);
    // The completed flow stays completed: its tombstone survived the kill.
    const late = await resumed.request(signIn("restart-done", exampleUser.email, exampleUser.password));
    expect(late).toEqual({ status: 427, reply: { error_msg: "This form was already submitted." } });
    // The flow in progress goes on where it was.
    const done = await resumed.request(signIn("restart-open", exampleUser.email, exampleUser.password));
    expect(done).toMatchObject({
      status: 200,
      reply: {
        screen: "SUCCESS",
        data: { extension_message_response: { params: { flow_token: "restart-open" } } },
      },
    });
    after.signal("SIGTERM");
    expect((await after.exited()).code).toBe(0);
  });
});

describe("flowmachine serve: Redis store", () => {
  const password = "s3cret-pass";
  const redis = useRedisServer({ password, appendOnly: true });

  it("masks the password, and answers /healthz with 503 while Redis is down and 200 once it is back", async () => {
    const cwd = tempFolder("serve-redis");
    const url = `redis://127.0.0.1:${redis().port}/0`;
    const server = await startServe([seededFlowModule, "--store", url, "--quiet"], {
      cwd,
      env: { REDIS_PASSWORD: password },
    });
    expect(server.stdout()).toContain(`Store:       redis ${url} (password from $REDIS_PASSWORD)`);
    const health = async (): Promise<[number, unknown]> => {
      const response = await fetch(`${server.origin}/healthz`);
      return [response.status, await response.json()];
    };
    expect(await health()).toEqual([200, { status: "ok", store: "redis" }]);
    const client = clientOf(server);
    expect((await client.request(init("redis-1"))).status).toBe(200);
    await client.request(init("redis-done"));
    await client.request(signIn("redis-done", exampleUser.email, exampleUser.password));

    await redis().stop();
    expect(await health()).toEqual([503, { status: "unavailable", store: "redis", reason: "unavailable" }]);
    await redis().start();
    await expect
      .poll(health, { timeout: 10_000, interval: 100 })
      .toEqual([200, { status: "ok", store: "redis" }]);
    // Sessions written before the outage are still there: the completed one stays completed.
    expect((await client.request(init("redis-done"))).status).toBe(427);
    const done = await client.request(signIn("redis-1", exampleUser.email, exampleUser.password));
    expect(done.reply).toMatchObject({ screen: "SUCCESS" });
    server.signal("SIGTERM");
    expect((await server.exited()).code).toBe(0);
    expect(server.stdout() + server.stderr()).not.toContain(password);
  });

  it("shows a password given in the URL as ***", async () => {
    const cwd = tempFolder("serve-redis-url");
    const server = await startServe(
      [seededFlowModule, "--store", `redis://:${password}@127.0.0.1:${redis().port}/1`, "--quiet"],
      { cwd },
    );
    expect(server.stdout()).toContain(`Store:       redis redis://:***@127.0.0.1:${redis().port}/1`);
    expect(server.stdout() + server.stderr()).not.toContain(password);
    server.signal("SIGTERM");
    expect((await server.exited()).code).toBe(0);
  });
});
