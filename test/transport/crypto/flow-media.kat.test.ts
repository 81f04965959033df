/**
 * PhotoPicker/DocumentPicker decryption against the recorded CDN file, served by a real HTTP server
 * on 127.0.0.1, and every failing check on files built with the WhatsApp-client stand-in.
 */
import { createCipheriv, createHash, randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decryptFlowMedia, MediaDecryptionError, type FlowMediaItem } from "../../../src/transport/index.js";
import { kat } from "../../helpers/crypto-kat.js";
import { encryptMedia, sha256Base64 } from "../../helpers/whatsapp-client-crypto.js";

const files = new Map<string, Buffer>();
let server: Server;
let base = "";

beforeAll(async () => {
  server = createServer((request, response) => {
    const file = files.get(request.url ?? "");
    if (file === undefined) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "content-type": "application/octet-stream" });
    // Several chunks, so the download is read as a stream.
    for (let offset = 0; offset < file.length; offset += 100)
      response.write(file.subarray(offset, offset + 100));
    response.end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
});

function serve(path: string, content: Buffer): string {
  files.set(path, content);
  return `${base}${path}`;
}

async function failedCheck(item: FlowMediaItem, options = {}): Promise<string> {
  const error = await decryptFlowMedia(item, options).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(MediaDecryptionError);
  expect((error as MediaDecryptionError)._tag).toBe("MediaDecryptionError");
  return (error as MediaDecryptionError).check;
}

describe("decryptFlowMedia against the known answer", () => {
  it("downloads, verifies and decrypts the recorded CDN file", async () => {
    const cdnUrl = serve("/kat.enc", Buffer.from(kat.media_upload.cdn_file_base64, "base64"));
    const item: FlowMediaItem = {
      media_id: "790aba14-5f4f-4a4e-9c0a-1bd4f1a6e0f3",
      cdn_url: cdnUrl,
      file_name: "Report.PDF",
      encryption_metadata: kat.media_upload.encryption_metadata,
    };
    const media = await decryptFlowMedia(item);
    expect(Buffer.from(media.bytes).toString("base64")).toBe(kat.media_upload.expected_plaintext_base64);
    expect(media).toMatchObject({
      mediaId: item.media_id,
      filename: "Report.PDF",
      mimeType: "application/pdf",
    });
  });

  it("uses the injected fetch", async () => {
    const requested: string[] = [];
    const item: FlowMediaItem = {
      cdn_url: "https://mmg.whatsapp.net/v/t62/kat.enc",
      file_name: "kat.pdf",
      encryption_metadata: kat.media_upload.encryption_metadata,
    };
    const fetch = async (url: string): Promise<Response> => {
      requested.push(url);
      return new Response(Buffer.from(kat.media_upload.cdn_file_base64, "base64"));
    };
    const media = await decryptFlowMedia(item, { fetch });
    expect(requested).toEqual([item.cdn_url]);
    expect(media.mediaId).toBeUndefined();
    expect(Buffer.from(media.bytes).toString("base64")).toBe(kat.media_upload.expected_plaintext_base64);
  });
});

describe("decryptFlowMedia checks, each named when it fails", () => {
  const photo = randomBytes(1000);

  it("decrypts a file made by the stand-in client", async () => {
    const { item, cdnFile } = encryptMedia(photo, { fileName: "IMG_0042.jpg", cdnUrl: `${base}/photo.enc` });
    serve("/photo.enc", cdnFile);
    const media = await decryptFlowMedia(item);
    expect(Buffer.from(media.bytes).equals(photo)).toBe(true);
    expect(media.mimeType).toBe("image/jpeg");
  });

  it("metadata: a missing field, a short key, a non-http URL", async () => {
    const { item } = encryptMedia(photo, { fileName: "a.jpg", cdnUrl: `${base}/nothing` });
    const meta = item.encryption_metadata;
    const cases: FlowMediaItem[] = [
      { ...item, encryption_metadata: { ...meta, hmac_key: undefined as unknown as string } },
      { ...item, encryption_metadata: { ...meta, encryption_key: Buffer.alloc(16).toString("base64") } },
      { ...item, encryption_metadata: { ...meta, iv: "not base64!" } },
      { ...item, cdn_url: "file:///etc/passwd" },
      { ...item, cdn_url: "not a url" },
      { ...item, file_name: undefined as unknown as string },
      { ...item, encryption_metadata: undefined as unknown as FlowMediaItem["encryption_metadata"] },
    ];
    for (const bad of cases) expect(await failedCheck(bad)).toBe("metadata");
  });

  it("download: an HTTP error, a refused connection, a file above maxBytes", async () => {
    const { item, cdnFile } = encryptMedia(photo, { fileName: "a.jpg", cdnUrl: `${base}/missing.enc` });
    expect(await failedCheck(item)).toBe("download");
    expect(await failedCheck({ ...item, cdn_url: "http://127.0.0.1:1/x" })).toBe("download");
    const big = { ...item, cdn_url: serve("/big.enc", cdnFile) };
    expect(await failedCheck(big, { maxBytes: cdnFile.length - 1 })).toBe("download");
    await expect(decryptFlowMedia(big, { maxBytes: cdnFile.length })).resolves.toBeDefined();
  });

  it("encrypted-hash: the CDN file is not the one described", async () => {
    const { item, cdnFile } = encryptMedia(photo, { fileName: "a.jpg", cdnUrl: "" });
    const altered = Buffer.from(cdnFile);
    altered[0] = (altered[0] as number) ^ 1;
    expect(await failedCheck({ ...item, cdn_url: serve("/altered.enc", altered) })).toBe("encrypted-hash");
  });

  it("hmac: the MAC does not match (hash updated to match the altered file)", async () => {
    const { item, cdnFile } = encryptMedia(photo, { fileName: "a.jpg", cdnUrl: "" });
    const altered = Buffer.from(cdnFile);
    altered[5] = (altered[5] as number) ^ 1;
    const forged = {
      ...item,
      cdn_url: serve("/forged.enc", altered),
      encryption_metadata: { ...item.encryption_metadata, encrypted_hash: sha256Base64(altered) },
    };
    expect(await failedCheck(forged)).toBe("hmac");
  });

  it("decrypt: bad PKCS#7 padding under a valid MAC and hash", async () => {
    const key = randomBytes(32);
    const iv = randomBytes(16);
    const cipher = createCipheriv("aes-256-cbc", key, iv).setAutoPadding(false);
    const badPadding = Buffer.concat([cipher.update(Buffer.alloc(32, 0x41)), cipher.final()]);
    // The last plaintext byte is 0x41, which is no PKCS#7 padding.
    const made = encryptMedia(photo, {
      fileName: "a.jpg",
      cdnUrl: "",
      encryptionKey: key,
      iv,
      ciphertext: badPadding,
    });
    expect(await failedCheck({ ...made.item, cdn_url: serve("/padding.enc", made.cdnFile) })).toBe("decrypt");
  });

  it("decrypt: a ciphertext that is not a whole number of blocks", async () => {
    const made = encryptMedia(photo, { fileName: "a.jpg", cdnUrl: "", ciphertext: randomBytes(33) });
    expect(await failedCheck({ ...made.item, cdn_url: serve("/blocks.enc", made.cdnFile) })).toBe("decrypt");
  });

  it("plaintext-hash: the decrypted bytes are not the ones described", async () => {
    const { item, cdnFile } = encryptMedia(photo, { fileName: "a.jpg", cdnUrl: "" });
    const wrong = createHash("sha256").update("something else").digest("base64");
    const described = {
      ...item,
      cdn_url: serve("/plain.enc", cdnFile),
      encryption_metadata: { ...item.encryption_metadata, plaintext_hash: wrong },
    };
    expect(await failedCheck(described)).toBe("plaintext-hash");
  });

  it("names the check in the message, with what to do", async () => {
    const { item } = encryptMedia(photo, { fileName: "a.jpg", cdnUrl: `${base}/gone.enc` });
    await expect(decryptFlowMedia(item)).rejects.toThrow(/could not be downloaded.*20 days/);
  });
});
