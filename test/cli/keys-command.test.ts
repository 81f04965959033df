import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Redacted } from "effect";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { CommandIo } from "../../src/cli/command.js";
import { main } from "../../src/cli/main.js";
import { createFlowKeyring, decryptFlowRequest } from "../../src/transport/index.js";
import { loadFlowPrivateKey } from "../../src/transport/node.js";
import { encryptRequest } from "../helpers/whatsapp-client-crypto.js";

let dir = "";
let out = "";
let err = "";

function io(env: Record<string, string | undefined> = {}): CommandIo {
  return { stdout: (text) => void (out += text), stderr: (text) => void (err += text), cwd: dir, env };
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "flowmachine-cli-keys-"));
  out = "";
  err = "";
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function decryptsWith(privateKey: CryptoKey | string, publicKeyPem: string): Promise<void> {
  const client = encryptRequest(publicKeyPem, { version: "3.0", action: "INIT", flow_token: "tok" });
  const request = await decryptFlowRequest(client.body, await createFlowKeyring(privateKey));
  expect(request.payload).toEqual({ version: "3.0", action: "INIT", flow_token: "tok" });
}

describe("flowmachine keys generate", () => {
  it("writes a working key pair in the current folder and says what to do with the public half", async () => {
    expect(await main(["keys", "generate"], io())).toBe(0);
    const privatePem = await readFile(join(dir, "private.pem"), "utf8");
    const publicPem = await readFile(join(dir, "public.pem"), "utf8");
    expect(privatePem).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(publicPem).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    expect((await stat(join(dir, "private.pem"))).mode & 0o777).toBe(0o600);
    await decryptsWith(privatePem, publicPem);
    expect(out).toContain("Wrote private.pem");
    expect(out).toContain("/<PHONE_NUMBER_ID>/whatsapp_business_encryption");
    expect(out).toContain("business_public_key@public.pem");
    expect(out).not.toContain(privatePem.split("\n")[1]);
    expect(err).toBe("");
  });

  it("writes into --out, encrypted with the passphrase from --passphrase-env", async () => {
    const env = { KEY_PASSPHRASE: "a long passphrase" };
    expect(
      await main(["keys", "generate", "--out", "keys", "--passphrase-env", "KEY_PASSPHRASE"], io(env)),
    ).toBe(0);
    const privatePem = await readFile(join(dir, "keys", "private.pem"), "utf8");
    expect(privatePem).toMatch(/^-----BEGIN ENCRYPTED PRIVATE KEY-----/);
    expect((await stat(join(dir, "keys", "private.pem"))).mode & 0o777).toBe(0o600);
    await expect(createFlowKeyring(privatePem)).rejects.toMatchObject({ problem: "encrypted" });
    const key = await loadFlowPrivateKey(privatePem, { passphrase: Redacted.make(env.KEY_PASSPHRASE) });
    await decryptsWith(key, await readFile(join(dir, "keys", "public.pem"), "utf8"));
    expect(out).toContain("encrypted with the passphrase in $KEY_PASSPHRASE");
    expect(out).not.toContain(env.KEY_PASSPHRASE);
  });

  it("refuses to overwrite existing keys unless --force", async () => {
    await writeFile(join(dir, "private.pem"), "existing");
    expect(await main(["keys", "generate"], io())).toBe(1);
    expect(err).toContain("private.pem already exists");
    expect(await readFile(join(dir, "private.pem"), "utf8")).toBe("existing");
    expect(await main(["keys", "generate", "--force"], io())).toBe(0);
    expect(await readFile(join(dir, "private.pem"), "utf8")).toMatch(/BEGIN PRIVATE KEY/);
    expect((await stat(join(dir, "private.pem"))).mode & 0o777).toBe(0o600);
  });

  it("stops when the passphrase variable is unset", async () => {
    expect(await main(["keys", "generate", "--passphrase-env", "MISSING"], io())).toBe(2);
    expect(err).toContain("environment variable MISSING is not set");
    await expect(stat(join(dir, "private.pem"))).rejects.toThrow();
  });

  it("rejects unknown options with the usage", async () => {
    expect(await main(["keys", "generate", "--bits", "4096"], io())).toBe(2);
    expect(err).toContain("Usage: flowmachine keys generate");
  });
});

describe("flowmachine keys", () => {
  it("lists its sub-commands when none or an unknown one is given", async () => {
    expect(await main(["keys"], io())).toBe(2);
    expect(err).toContain("missing sub-command");
    expect(err).toMatch(/generate\s+Write a new RSA key pair/);
    err = "";
    expect(await main(["keys", "rotate"], io())).toBe(2);
    expect(err).toContain("unknown sub-command 'rotate'");
  });

  it("is listed by flowmachine --help, and keys --help shows every sub-command's usage", async () => {
    expect(await main(["--help"], io())).toBe(0);
    expect(out).toMatch(/keys\s+Manage the data endpoint's encryption keys/);
    out = "";
    expect(await main(["keys", "--help"], io())).toBe(0);
    expect(out).toContain("Usage: flowmachine keys SUBCOMMAND");
    expect(out).toContain("--passphrase-env NAME");
  });
});
