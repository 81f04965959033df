/**
 * The core crypto must run unchanged on Workers, Deno and Bun: WebCrypto and web globals only.
 * This guards the source against Node-only imports and globals slipping in.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../../helpers/shared-path.js";

const folder = join(repoRoot, "src", "transport", "crypto");
const sources = readdirSync(folder).filter((name) => name.endsWith(".ts"));
const entry = readFileSync(join(repoRoot, "src", "transport", "index.ts"), "utf8");

describe("src/transport/crypto portability", () => {
  it.each(sources)("%s uses no node:* module, Buffer or process", (name) => {
    // Code only: doc-comment examples may show `process.env` for the caller's side.
    const text = readFileSync(join(folder, name), "utf8")
      .replace(/\/\*[\s\S]*?\*\//g, "")
      .replace(/^\s*\/\/.*$/gm, "");
    expect(text).not.toMatch(/from\s+["']node:/);
    expect(text).not.toMatch(/\bBuffer\b/);
    expect(text).not.toMatch(/\bprocess\./);
    expect(text).not.toMatch(/from\s+["'](?:crypto|fs|path|buffer)["']/);
  });

  it("the transport entry point does not pull in the Node adapters", () => {
    expect(entry).not.toMatch(/adapters\/node/);
  });
});
