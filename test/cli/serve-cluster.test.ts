import { afterAll, describe, expect, it } from "vitest";
import { exampleUser } from "../../examples/sign-in/users.js";
import { createFlowClient } from "../helpers/flow-client.js";
import {
  isAlive,
  killCliChildren,
  seededFlowModule,
  sendOnFreshConnection,
  spawnCli,
  startServe,
  tempFolder,
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

function workerPids(stdout: string): number[] {
  const match = /Workers: +2 \(pids (\d+), (\d+)\)/.exec(stdout);
  expect(match, stdout).not.toBeNull();
  return [Number(match?.[1]), Number(match?.[2])];
}

describe("flowmachine serve --workers 2", () => {
  it("serves from two workers, replaces one killed with SIGKILL, and drains all of them on SIGTERM", async () => {
    const cwd = tempFolder("serve-cluster");
    const server = await startServe([seededFlowModule, "--export", "slowSignIn", "--workers", "2"], {
      cwd,
      env: { SLOW_LOOKUP_MS: "1000" },
    });
    const pids = workerPids(server.stdout());
    expect(pids.every(isAlive)).toBe(true);
    // The banner and the warning come once, from the primary, not once per worker.
    expect(server.stdout().match(/Listening on/g)).toHaveLength(1);
    await server.waitForError(/warning: No app secret configured/);
    const client = createFlowClient({
      publicKeyPem: server.publicKeyPem,
      send: sendOnFreshConnection(server.flowUrl),
    });

    // Every request on its own connection: sessions live in the shared SQLite file, whichever worker answers.
    for (const token of ["c-1", "c-2", "c-3"]) {
      expect((await client.request(init(token))).status).toBe(200);
      const wrong = await client.request(signIn(token, exampleUser.email, "Wrong#12345"));
      expect(wrong.reply).toMatchObject({
        screen: "SIGN_IN",
        data: { error_message: expect.any(String) as unknown },
      });
    }

    const [victim, survivor] = pids as [number, number];
    process.kill(victim, "SIGKILL");
    const [, replacement] = (await server.waitForOutput(/Replacement worker pid (\d+) ready/)) as [
      string,
      string,
    ];
    expect(server.stdout()).toContain(
      `Worker pid ${victim} exited unexpectedly (signal SIGKILL); starting a replacement`,
    );
    expect(isAlive(Number(replacement))).toBe(true);
    for (const token of ["c-1", "c-2", "c-3"]) {
      const done = await client.request(signIn(token, exampleUser.email, exampleUser.password));
      expect(done).toMatchObject({ status: 200, reply: { screen: "SUCCESS" } });
    }
    const requestLines = server
      .stdout()
      .split("\n")
      .filter((line) => line.includes('"kind":"request"'));
    expect(requestLines.length).toBeGreaterThanOrEqual(9);

    // A slow request in flight when the primary is asked to stop is answered before the workers exit.
    await client.request(init("c-slow"));
    const inFlight = client.request(signIn("c-slow", "slow@example.com", "Whatever#1"));
    await server.waitForOutput(/slow lookup started/);
    server.signal("SIGTERM");
    expect(await inFlight).toMatchObject({ status: 200, reply: { screen: "SIGN_IN" } });
    expect(await server.exited()).toEqual({ code: 0, signal: null });
    expect(server.stderr().match(/warning: No app secret configured/g)).toHaveLength(1);
    expect(server.stdout()).toContain("Stopping (SIGTERM): 2 worker(s) finish their requests in flight");
    expect(server.stdout()).toMatch(/Stopped\.\n$/);
    for (const pid of [survivor, Number(replacement)]) expect(isAlive(pid)).toBe(false);
  });

  it("stops every worker and exits 2 when the workers cannot load the module", async () => {
    const cwd = tempFolder("serve-cluster-bad");
    const cli = spawnCli(
      ["serve", seededFlowModule, "--export", "missing", "--workers", "2", "--port", "0"],
      {
        cwd,
      },
    );
    expect((await cli.exited()).code).toBe(2);
    const lines = cli.stderr().trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("it has no export 'missing'");
    expect(cli.stdout()).not.toContain("Listening on");
  });
});
