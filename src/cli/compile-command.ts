/**
 * `flowmachine compile MODULE [--export NAME] [--out FILE]`: loads a flow (TypeScript or JavaScript
 * module, no build step; or a Flow JSON file), compiles it and prints the Flow JSON (two-space indent).
 * Diagnostics go to stderr as `pointer: CODE message`. Exit 0 when valid, 1 when the document has errors,
 * 2 when the module cannot be loaded or the arguments are wrong.
 *
 * @example
 * // flowmachine compile examples/sign-in/flow.ts --out sign-in.flow.json
 * await compileCommand.run(["examples/sign-in/flow.ts"], io);
 */
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { compileFlow, type CompileDiagnostic } from "../compile/index.js";
import { hasErrors } from "../flow-json/diagnostic.js";
import { parseCommandArgs } from "./command-args.js";
import type { Command } from "./command.js";
import { loadFlow, ModuleLoadError } from "./load-module.js";

const usage = `Usage: flowmachine compile MODULE [--export NAME] [--out FILE]

Loads MODULE (a .ts/.js module exporting a flow or a Flow JSON document, or a .json file), compiles it and
prints the Flow JSON. Diagnostics go to stderr as 'pointer: CODE message'.

Options:
  --export NAME   the export to compile (default: the default export)
  --out FILE      write the Flow JSON to FILE instead of stdout

Exit status: 0 valid, 1 the Flow JSON has errors, 2 the module cannot be loaded.
`;

/** One diagnostic as a stderr line. */
export function formatDiagnostic(diagnostic: CompileDiagnostic): string {
  const pointer = diagnostic.pointer === "" ? "(root)" : diagnostic.pointer;
  const state = diagnostic.state === undefined ? "" : ` [state ${diagnostic.state}]`;
  const severity = diagnostic.severity === "warning" ? " [warning]" : "";
  return `${pointer}: ${diagnostic.code} ${diagnostic.message}${state}${severity}\n`;
}

/** The `compile` sub-command (registered in `main.ts`). */
export const compileCommand: Command = {
  summary: "Compile a flow module to Flow JSON (routing model derived, validated)",
  usage,
  run: async (args, io) => {
    const parsed = parseCommandArgs(args, ["export", "out"]);
    if (!parsed.ok || parsed.positional.length !== 1) {
      io.stderr(`flowmachine compile: ${parsed.ok ? "give exactly one MODULE" : parsed.problem}\n\n${usage}`);
      return 2;
    }
    const [specifier] = parsed.positional as [string];
    const exportName = parsed.options["export"];
    let flow;
    try {
      flow = await loadFlow(specifier, { cwd: io.cwd, ...(exportName === undefined ? {} : { exportName }) });
    } catch (error) {
      if (!(error instanceof ModuleLoadError)) throw error;
      io.stderr(`flowmachine compile: ${error.message}\n`);
      return 2;
    }
    const result = compileFlow(flow);
    const text = `${JSON.stringify(result.flowJson, null, 2)}\n`;
    const out = parsed.options["out"];
    if (out === undefined) io.stdout(text);
    else writeFileSync(resolve(io.cwd, out), text);
    for (const diagnostic of result.diagnostics) io.stderr(formatDiagnostic(diagnostic));
    return hasErrors(result.diagnostics) ? 1 : 0;
  },
};
