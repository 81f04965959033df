/**
 * `examples/send-init.ts` against what `npm start` runs (`flowmachine serve examples/sign-in/flow.ts`),
 * both as real processes in a fresh folder: the script finds the server's public key, and its INIT
 * comes back as the SIGN_IN screen.
 */
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  killCliChildren,
  repoRoot,
  spawnNode,
  startServe,
  tempFolder,
  tsxArgs,
} from "../helpers/serve-process.js";

afterAll(killCliChildren);

describe("examples/send-init.ts", () => {
  it("sends an encrypted INIT to the served sign-in example and prints the SIGN_IN screen", async () => {
    const cwd = tempFolder("send-init");
    const server = await startServe([join(repoRoot, "examples/sign-in/flow.ts")], { cwd });
    const script = spawnNode(tsxArgs(join(repoRoot, "examples/send-init.ts"), [server.flowUrl]), { cwd });
    expect(await script.exited()).toEqual({ code: 0, signal: null });
    expect(script.stdout()).toContain(`POST ${server.flowUrl}`);
    expect(script.stdout()).toContain("HTTP 200");
    const reply = JSON.parse(script.stdout().slice(script.stdout().indexOf("{\n"))) as unknown;
    expect(reply).toEqual({
      screen: "SIGN_IN",
      data: { welcome: "Welcome to our service! Please sign in to continue.", default_email: "" },
    });
    await server.waitForOutput(/"action":"INIT","status":200,.*"outcome":"reply"/);
    server.signal("SIGTERM");
    expect((await server.exited()).code).toBe(0);
  });
});
