import { generateKeyPairSync } from "node:crypto";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { CommandIo } from "../../src/cli/command.js";
import { runKeysUpload } from "../../src/cli/keys-upload-command.js";
import { startGraphApiStandIn, type GraphApiStandIn } from "../helpers/graph-api-stand-in.js";

const { publicKey, privateKey } = generateKeyPairSync("rsa", {
  modulusLength: 2048,
  publicKeyEncoding: { type: "spki", format: "pem" },
  privateKeyEncoding: { type: "pkcs8", format: "pem" },
});

describe("flowmachine keys upload", () => {
  let graph: GraphApiStandIn;
  let dir: string;
  let out: string;
  let err: string;
  const io = (env: Record<string, string>): CommandIo => ({
    stdout: (text) => void (out += text),
    stderr: (text) => void (err += text),
    cwd: dir,
    env,
  });

  beforeEach(async () => {
    graph = await startGraphApiStandIn();
    dir = await mkdtemp(join(tmpdir(), "flowmachine-keys-"));
    await writeFile(join(dir, "public.pem"), publicKey);
    await writeFile(join(dir, "private.pem"), privateKey);
    out = "";
    err = "";
  });
  afterEach(() => graph.close());

  it("uploads the PEM read relative to the working directory, then reports the signature status", async () => {
    const status = await runKeysUpload(
      ["--phone-number-id", "106540352242922", "--public-key", "public.pem", "--graph-url", graph.url],
      io({ WHATSAPP_ACCESS_TOKEN: graph.accessToken }),
    );
    expect(err).toBe("");
    expect(status).toBe(0);
    const [upload, readBack] = graph.requests;
    expect(upload).toMatchObject({
      method: "POST",
      path: "/106540352242922/whatsapp_business_encryption",
      query: {},
      contentType: "application/x-www-form-urlencoded",
      body: { kind: "form", fields: { business_public_key: publicKey.trim() } },
    });
    expect(upload?.headers["authorization"]).toBe(`Bearer ${graph.accessToken}`);
    expect(readBack).toMatchObject({ method: "GET", path: "/106540352242922/whatsapp_business_encryption" });
    expect(out).toBe(
      "Uploaded the business public key for phone number 106540352242922 (signature status: VALID).\n",
    );
  });

  it("prints JSON with --json and takes the token from --token-env", async () => {
    const args = [
      "--phone-number-id",
      "1",
      "--public-key",
      join(dir, "public.pem"),
      "--graph-url",
      graph.url,
      "--token-env",
      "T",
      "--json",
    ];
    expect(await runKeysUpload(args, io({ T: graph.accessToken }))).toBe(0);
    expect(JSON.parse(out)).toEqual({
      phone_number_id: "1",
      uploaded: true,
      business_public_key_signature_status: "VALID",
    });
  });

  it("refuses a private key (exit 2) and an unreadable file (exit 1) without uploading anything", async () => {
    const env = { WHATSAPP_ACCESS_TOKEN: graph.accessToken };
    expect(
      await runKeysUpload(
        ["--phone-number-id", "1", "--public-key", "private.pem", "--graph-url", graph.url],
        io(env),
      ),
    ).toBe(2);
    expect(err).toMatch(/^flowmachine keys upload: This is a private key: upload the public one/);
    err = "";
    expect(
      await runKeysUpload(
        ["--phone-number-id", "1", "--public-key", "missing.pem", "--graph-url", graph.url],
        io(env),
      ),
    ).toBe(1);
    expect(err).toMatch(/^flowmachine keys upload: cannot read missing\.pem: ENOENT/);
    expect(graph.requests).toHaveLength(0);
  });

  it("exits 2 when an option or the token is missing", async () => {
    expect(
      await runKeysUpload(["--public-key", "public.pem"], io({ WHATSAPP_ACCESS_TOKEN: graph.accessToken })),
    ).toBe(2);
    expect(err).toContain("--phone-number-id and --public-key are required.");
    expect(err).toContain(
      "Usage:\n  flowmachine keys upload --phone-number-id ID --public-key FILE [options]",
    );
    err = "";
    expect(
      await runKeysUpload(
        ["--phone-number-id", "1", "--public-key", "public.pem", "--graph-url", graph.url],
        io({}),
      ),
    ).toBe(2);
    expect(err).toMatch(/the access token is missing: set WHATSAPP_ACCESS_TOKEN/);
    expect(graph.requests).toHaveLength(0);
  });
});
