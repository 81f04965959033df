import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Redacted } from "effect";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createFlowKeyring, decryptFlowRequest } from "../../../src/transport/index.js";
import { generateFlowKeyPair, loadFlowPrivateKey, writeFlowKeyPair } from "../../../src/transport/node.js";
import { encryptRequest } from "../../helpers/whatsapp-client-crypto.js";

let dir = "";
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "flowmachine-keys-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function roundTrip(privateKey: CryptoKey | string, publicKeyPem: string): Promise<void> {
  const client = encryptRequest(publicKeyPem, { version: "3.0", action: "ping" });
  const request = await decryptFlowRequest(client.body, await createFlowKeyring(privateKey));
  expect(request.payload).toEqual({ version: "3.0", action: "ping" });
  expect(client.decryptResponse(await request.encryptResponse({ data: { status: "active" } }))).toEqual({
    data: { status: "active" },
  });
}

describe("generateFlowKeyPair", () => {
  it("makes a 2048-bit pair whose halves work together", async () => {
    const pair = await generateFlowKeyPair();
    expect(pair.publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    expect(Redacted.value(pair.privateKeyPem)).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(JSON.stringify(pair)).not.toContain("PRIVATE KEY");
    const key = await loadFlowPrivateKey(pair.privateKeyPem);
    expect(key.algorithm).toMatchObject({ modulusLength: 2048 });
    await roundTrip(key, pair.publicKeyPem);
  });

  it("encrypts the private half with a passphrase", async () => {
    const passphrase = Redacted.make("s3cret passphrase");
    const pair = await generateFlowKeyPair({ passphrase });
    expect(pair.encrypted).toBe(true);
    expect(Redacted.value(pair.privateKeyPem)).toMatch(/^-----BEGIN ENCRYPTED PRIVATE KEY-----/);
    await roundTrip(await loadFlowPrivateKey(pair.privateKeyPem, { passphrase }), pair.publicKeyPem);
  });
});

describe("writeFlowKeyPair", () => {
  it("writes private.pem with mode 0600 and public.pem, and the files work", async () => {
    const files = await writeFlowKeyPair(join(dir, "nested", "keys"));
    expect(files).toMatchObject({ created: true, encrypted: false });
    expect((await stat(files.privateKeyPath)).mode & 0o777).toBe(0o600);
    expect((await stat(files.publicKeyPath)).mode & 0o777).toBe(0o644);
    await roundTrip(
      await readFile(files.privateKeyPath, "utf8"),
      await readFile(files.publicKeyPath, "utf8"),
    );
  });

  it("refuses to replace existing files by default, even one of the two", async () => {
    await writeFile(join(dir, "public.pem"), "keep me");
    await expect(writeFlowKeyPair(dir)).rejects.toMatchObject({
      _tag: "KeyFileExistsError",
      path: join(dir, "public.pem"),
    });
    expect(await readFile(join(dir, "public.pem"), "utf8")).toBe("keep me");
    await expect(writeFlowKeyPair(dir, { ifExists: "reuse" })).rejects.toMatchObject({
      _tag: "KeyFileExistsError",
    });
  });

  it("reuses an existing pair untouched with ifExists 'reuse'", async () => {
    const first = await writeFlowKeyPair(dir, { passphrase: Redacted.make("pw") });
    const before = await readFile(first.privateKeyPath, "utf8");
    const again = await writeFlowKeyPair(dir, { ifExists: "reuse" });
    expect(again).toMatchObject({ created: false, encrypted: true });
    expect(await readFile(first.privateKeyPath, "utf8")).toBe(before);
  });

  it("replaces both files with ifExists 'overwrite' and keeps the private one at 0600", async () => {
    await writeFile(join(dir, "private.pem"), "old", { mode: 0o644 });
    await writeFile(join(dir, "public.pem"), "old");
    const files = await writeFlowKeyPair(dir, { ifExists: "overwrite" });
    expect((await stat(files.privateKeyPath)).mode & 0o777).toBe(0o600);
    expect(await readFile(files.publicKeyPath, "utf8")).toMatch(/BEGIN PUBLIC KEY/);
  });

  it("rejects an empty passphrase", async () => {
    await expect(writeFlowKeyPair(dir, { passphrase: Redacted.make("") })).rejects.toMatchObject({
      _tag: "CryptoConfigError",
    });
  });
});
