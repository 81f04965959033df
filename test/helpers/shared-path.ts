/**
 * Paths into `../shared` (the protocol spec, corpus and fixtures), which CI places beside the checkout.
 *
 * @example
 * const seed = JSON.parse(readFileSync(sharedPath("fixtures/seed/signin.flow.json"), "utf8"));
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root (the folder holding package.json). */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** Absolute path of `relative` inside `../shared`. */
export function sharedPath(relative: string): string {
  return join(repoRoot, "..", "shared", relative);
}

/** Reads and parses a JSON file inside `../shared`. */
export function readSharedJson(relative: string): unknown {
  return JSON.parse(readFileSync(sharedPath(relative), "utf8"));
}

/** The file names in a folder of `../shared` that end with `suffix`, sorted. */
export function listShared(folder: string, suffix: string): string[] {
  return readdirSync(sharedPath(folder))
    .filter((name) => name.endsWith(suffix))
    .sort();
}
