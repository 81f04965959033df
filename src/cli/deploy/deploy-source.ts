/**
 * What `flowmachine deploy` uploads: MODULE loaded with `load-module.ts` and turned into Flow JSON text,
 * checked locally first. A flow machine is compiled (routing model derived, then validated); a Flow JSON
 * document, a builder result (`toFlowJson()`) or a `.json` file is validated as it is. A `.json` file is
 * uploaded byte for byte, so the lines of Meta's validation errors are the file's own lines; anything
 * else is uploaded as two-space JSON, the text `flowmachine compile MODULE` prints.
 *
 * @example
 * const source = await loadDeploySource("examples/sign-in/flow.ts", { cwd: process.cwd() });
 * if (source.flowJson === undefined) printDiagnostics(source.diagnostics);
 * else await client.flows.updateFlowJson(flowId, source.flowJson.text);
 */
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { compileFlow, FlowInvalid } from "../../compile/index.js";
import { hasErrors, type Diagnostic } from "../../flow-json/diagnostic.js";
import type { FlowJson } from "../../flow-json/types.js";
import { validateFlowJson } from "../../flow-json/validate/validate-flow-json.js";
import { hashFlowJson } from "../../graph-api/flow-json-hash.js";
import { serializeFlowJson } from "../../graph-api/flow-json-source.js";
import { isFlow } from "../../machine/index.js";
import { hasToFlowJson, loadExport, ModuleLoadError, type LoadOptions } from "../load-module.js";

/** The Flow JSON to upload, present only when the local checks found no error. */
export interface DeployFlowJson {
  /** The exact text uploaded; Meta's line and column pointers refer to it. */
  readonly text: string;
  /** SHA-256 (hex) of the canonical document (`hashFlowJson`): formatting and key order do not count. */
  readonly hash: string;
}

/** MODULE as deploy sees it. */
export interface DeploySource {
  /** The MODULE argument, which diagnostic lines start with. */
  readonly label: string;
  /** What the compiler and the validator found; warnings do not stop a deploy. */
  readonly diagnostics: readonly Diagnostic[];
  readonly flowJson?: DeployFlowJson;
}

function fromDocument(label: string, document: unknown, fileText: string | undefined): Promise<DeploySource> {
  const diagnostics = validateFlowJson(document);
  return withText(label, diagnostics, fileText ?? (() => serializeFlowJson(document as FlowJson)));
}

async function withText(
  label: string,
  diagnostics: readonly Diagnostic[],
  text: string | (() => string),
): Promise<DeploySource> {
  if (hasErrors(diagnostics)) return { label, diagnostics };
  const uploaded = typeof text === "string" ? text : text();
  return { label, diagnostics, flowJson: { text: uploaded, hash: await hashFlowJson(uploaded) } };
}

/**
 * Loads MODULE and checks it locally. Throws `ModuleLoadError` when it cannot be loaded or its
 * `toFlowJson()` fails for another reason than invalid Flow JSON (which comes back as diagnostics).
 */
export async function loadDeploySource(specifier: string, options: LoadOptions): Promise<DeploySource> {
  const value = await loadExport(specifier, options);
  if (specifier.endsWith(".json")) {
    const text = (await readFile(resolve(options.cwd, specifier), "utf8")).replace(/^\uFEFF/, "");
    return fromDocument(specifier, value, text);
  }
  if (isFlow(value)) {
    const compiled = compileFlow(value);
    return withText(specifier, compiled.diagnostics, () => serializeFlowJson(compiled.flowJson));
  }
  if (hasToFlowJson(value)) {
    let document: unknown;
    try {
      document = await value.toFlowJson();
    } catch (cause) {
      if (cause instanceof FlowInvalid) return { label: specifier, diagnostics: cause.diagnostics };
      const reason = cause instanceof Error ? cause.message : String(cause);
      throw new ModuleLoadError({ specifier, problem: `its toFlowJson() failed: ${reason}`, cause });
    }
    return fromDocument(specifier, document, undefined);
  }
  return fromDocument(specifier, value, undefined);
}
