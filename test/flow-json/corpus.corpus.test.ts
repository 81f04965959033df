/**
 * Every Flow JSON sample we have (Meta's, pywa's, and the project's seed flows) decodes, and encoding
 * gives back the same document with user data (payloads, routing model) in its original order.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { decodeFlowJson, encodeFlowJson, formatFlowJson } from "../../src/flow-json/index.js";
import { listShared, readSharedJson, sharedPath } from "../helpers/shared-path.js";

const folders = [
  { folder: "corpus/pywa-flows", atLeast: 24 },
  { folder: "corpus/meta-flows", atLeast: 4 },
  { folder: "fixtures/seed", atLeast: 2 },
] as const;

/** The key list of every action payload and of the routing model (the lists themselves sorted). */
function userDataKeyOrders(value: unknown): string[] {
  return collectKeyOrders(value, [])
    .map((keys) => keys.join(","))
    .sort();
}

function collectKeyOrders(value: unknown, found: string[][]): string[][] {
  if (Array.isArray(value)) {
    for (const element of value) collectKeyOrders(element, found);
  } else if (typeof value === "object" && value !== null) {
    for (const [key, entry] of Object.entries(value as Record<string, unknown>)) {
      if ((key === "payload" || key === "routing_model") && typeof entry === "object" && entry !== null) {
        found.push(Object.keys(entry));
      }
      collectKeyOrders(entry, found);
    }
  }
  return found;
}

describe.each(folders)("$folder", ({ folder, atLeast }) => {
  const files = listShared(folder, ".flow.json");

  it(`holds at least ${atLeast} Flow JSON samples`, () => {
    expect(files.length).toBeGreaterThanOrEqual(atLeast);
  });

  it.each(files)("%s decodes and encodes back to the same document", (file) => {
    const input = readSharedJson(`${folder}/${file}`);
    const encoded = encodeFlowJson(decodeFlowJson(input));
    expect(encoded).toEqual(input);
    expect(userDataKeyOrders(encoded)).toEqual(userDataKeyOrders(input));
  });

  it.each(files)("%s formats idempotently", (file) => {
    const once = formatFlowJson(readFileSync(sharedPath(`${folder}/${file}`), "utf8"));
    expect(formatFlowJson(once)).toBe(once);
    expect(JSON.parse(once)).toEqual(readSharedJson(`${folder}/${file}`));
  });
});

describe("seed flows", () => {
  it.each(listShared("fixtures/seed", ".flow.json"))("%s is already in canonical key order", (file) => {
    const text = readFileSync(sharedPath(`fixtures/seed/${file}`), "utf8");
    expect(formatFlowJson(text)).toBe(text.endsWith("\n") ? text : `${text}\n`);
  });
});
