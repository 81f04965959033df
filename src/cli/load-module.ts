/**
 * Loads a user's module (TypeScript or JavaScript, no build step, through tsx) or a JSON file, and picks
 * one export. `loadFlow` then turns that export into a flow: a flow object as is, a Flow JSON document (or
 * anything with `toFlowJson()`) through the importer. Shared by `compile`, `graph`, `serve` and `deploy`.
 *
 * @example
 * const flow = await loadFlow("examples/sign-in/flow.ts", { cwd: process.cwd() });
 * const doc = await loadExport("flow.json", { cwd });
 */
import { existsSync, readFileSync } from "node:fs";
import { basename, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { Data } from "effect";
import { tsImport } from "tsx/esm/api";
import { importFlowJson } from "../compile/index.js";
import { isFlow, type Flow } from "../machine/index.js";

/** The module (or the export asked for) cannot be loaded or is not a flow; the CLI exits with 2. */
export class ModuleLoadError extends Data.TaggedError("ModuleLoadError")<{
  readonly specifier: string;
  readonly problem: string;
  readonly cause?: unknown;
  readonly message: string;
}> {
  constructor(args: { readonly specifier: string; readonly problem: string; readonly cause?: unknown }) {
    super({ ...args, message: `Cannot load '${args.specifier}': ${args.problem}` });
  }
}

/** Options of {@link loadExport} and {@link loadFlow}. */
export interface LoadOptions {
  /** Directory that relative paths are resolved against. */
  readonly cwd: string;
  /** The export to take (default `"default"`); ignored for JSON files. */
  readonly exportName?: string;
}

/** Imports `specifier` (a path) and returns the export asked for; JSON files are parsed whole. */
export async function loadExport(specifier: string, options: LoadOptions): Promise<unknown> {
  const path = resolve(options.cwd, specifier);
  if (!existsSync(path)) throw new ModuleLoadError({ specifier, problem: `no file at ${path}` });
  if (path.endsWith(".json")) {
    try {
      return JSON.parse(readFileSync(path, "utf8")) as unknown;
    } catch (cause) {
      throw new ModuleLoadError({ specifier, problem: "it is not valid JSON", cause });
    }
  }
  let namespace: Record<string, unknown>;
  try {
    namespace = esmExports(
      (await tsImport(pathToFileURL(path).href, { parentURL: import.meta.url })) as Record<string, unknown>,
    );
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new ModuleLoadError({ specifier, problem: `importing it failed: ${reason}`, cause });
  }
  const name = options.exportName ?? "default";
  if (!(name in namespace)) {
    const available = Object.keys(namespace).join(", ") || "none";
    throw new ModuleLoadError({
      specifier,
      problem: `it has no export '${name}' (exports: ${available}); pass --export NAME`,
    });
  }
  return namespace[name];
}

/**
 * A `.ts` file outside a `"type": "module"` package is compiled to CommonJS, and its namespace's
 * `default` is then the whole `module.exports` (marked `__esModule`), not the module's default export:
 * the exports are read from there.
 */
function esmExports(namespace: Record<string, unknown>): Record<string, unknown> {
  const inner = namespace["default"];
  const commonJs =
    typeof inner === "object" && inner !== null && (inner as { __esModule?: unknown }).__esModule === true;
  return commonJs ? (inner as Record<string, unknown>) : namespace;
}

/** Loads an export and returns it as a flow (Flow JSON documents are imported). */
export async function loadFlow(specifier: string, options: LoadOptions): Promise<Flow> {
  const value = await loadExport(specifier, options);
  if (isFlow(value)) return value;
  const document = hasToFlowJson(value) ? value.toFlowJson() : value;
  try {
    return importFlowJson(document, { id: flowIdFromPath(specifier) });
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new ModuleLoadError({
      specifier,
      problem: `the export is neither a flow (defineFlow(...).createFlow(...)) nor Flow JSON: ${reason}`,
      cause,
    });
  }
}

/** `docs/sign-in.flow.json` -> `sign-in`: a flow id for an imported document. */
function flowIdFromPath(specifier: string): string {
  const name = basename(specifier).replace(/(\.flow)?\.(json|[cm]?[jt]s)$/, "");
  return name.replace(/[^A-Za-z0-9_-]+/g, "-").replace(/^-+|-+$/g, "") || "imported";
}

/** True for a builder result or anything else that produces its Flow JSON through `toFlowJson()`. */
export function hasToFlowJson(value: unknown): value is { toFlowJson(): unknown } {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { toFlowJson?: unknown }).toFlowJson === "function"
  );
}
