import { createHash } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MediaDownloadError } from "../../src/graph-api/errors.js";
import { sha256Matches } from "../../src/graph-api/media-resource.js";
import { startGraphApiStandIn, type GraphApiStandIn } from "../helpers/graph-api-stand-in.js";
import { standInClient } from "../helpers/graph-api-stand-in-client.js";

const photo = Buffer.from("\u0089PNG fake image bytes for the test");
const photoHex = createHash("sha256").update(photo).digest("hex");
const photoBase64 = createHash("sha256").update(photo).digest("base64");

describe("media downloads against the Graph API stand-in", () => {
  let graph: GraphApiStandIn;
  beforeEach(async () => {
    graph = await startGraphApiStandIn();
    graph.media.set("4490709327384033", { bytes: photo, mimeType: "image/png" });
  });
  afterEach(() => graph.close());

  it("looks the URL up with GET /{MEDIA_ID}, fetches it with the Bearer token and checks the SHA-256", async () => {
    const { client } = standInClient(graph);
    const file = await client.media.download("4490709327384033", { sha256: photoBase64 });
    expect(Buffer.from(file.bytes)).toEqual(photo);
    expect(file).toMatchObject({ id: "4490709327384033", mimeType: "image/png", sha256: photoHex });
    const [lookup, download] = graph.requests;
    expect(lookup).toMatchObject({
      method: "GET",
      path: "/4490709327384033",
      query: {},
      body: { kind: "none" },
    });
    expect(download).toMatchObject({
      method: "GET",
      path: "/media-download/4490709327384033",
      version: undefined,
    });
    expect(download?.headers["authorization"]).toBe(`Bearer ${graph.accessToken}`);
  });

  it("refuses a file whose SHA-256 differs from the announced one", async () => {
    const { client } = standInClient(graph);
    graph.media.set("2", { bytes: photo, mimeType: "image/png", sha256: "0".repeat(64) });
    const error = await client.media.download("2").catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(MediaDownloadError);
    expect(error).toMatchObject({ _tag: "MediaDownloadError", mediaId: "2", reason: "Sha256Mismatch" });
    expect((error as Error).message).toBe(
      "Media 2 does not match its SHA-256; the download is corrupt or was tampered with. Download it again.",
    );
  });

  it("does not send the token to a host that is neither Meta's nor the configured base URL", async () => {
    const { client } = standInClient(graph, { baseUrl: graph.url.replace("127.0.0.1", "localhost") });
    const error = await client.media.download("4490709327384033").catch((thrown: unknown) => thrown);
    expect(error).toMatchObject({ _tag: "MediaDownloadError", reason: "UntrustedHost" });
    expect(graph.requests).toHaveLength(1);
    const trusting = standInClient(graph, {
      baseUrl: graph.url.replace("127.0.0.1", "localhost"),
      trustedMediaHosts: ["127.0.0.1"],
    }).client;
    await expect(trusting.media.download("4490709327384033")).rejects.toMatchObject({
      reason: "UntrustedHost",
    });
  });

  it("compares hex and base64 digests", () => {
    const digest = new Uint8Array(createHash("sha256").update(photo).digest());
    expect(sha256Matches(digest, photoHex)).toBe(true);
    expect(sha256Matches(digest, photoHex.toUpperCase())).toBe(true);
    expect(sha256Matches(digest, photoBase64)).toBe(true);
    expect(
      sha256Matches(digest, photoBase64.replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "")),
    ).toBe(true);
    expect(sha256Matches(digest, "f".repeat(64))).toBe(false);
    expect(sha256Matches(digest, "")).toBe(false);
  });
});
