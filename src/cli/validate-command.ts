/**
 * `flowmachine validate FILE...`: checks Flow JSON files with Meta's static rules and prints each
 * file's diagnostics as `file:pointer: CODE message` lines and a summary, or as JSON with `--json`.
 *
 * Exit status: 0 when no file has an error (warnings allowed), 1 when one has, 2 when a file cannot
 * be read or is not JSON, or the arguments are wrong.
 *
 * @example
 * // $ flowmachine validate flow.json
 * // flow.json:/screens/0/id: PATTERN_MISMATCH Invalid screen id 'SCREEN_1': it should only consist of alphabets and underscores.
 * // Checked 1 file: 1 error, 0 warnings.
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/error-codes
 */
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { Diagnostic } from "../flow-json/diagnostic.js";
import { validateFlowJson } from "../flow-json/validate/validate-flow-json.js";
import type { Command, CommandIo } from "./command.js";
import { countOf, formatDiagnosticLine } from "./diagnostic-line.js";

const USAGE = `Usage: flowmachine validate [--json] FILE...

Checks each Flow JSON file against Meta's validation rules (routing model, screens, data model,
bindings, actions, components, versions) and prints one line per problem:

  FILE:POINTER: CODE message

POINTER is an RFC 6901 JSON pointer into the file (empty for the whole document); warnings carry
"warning:" before their message. A summary line follows.

Options:
  --json    print [{ "file", "diagnostics": [{ "code", "severity", "pointer", "message" }] }] instead
  -h, --help

Exit status: 0 no errors (warnings allowed), 1 errors found, 2 a file could not be read or is not JSON.
`;

/** One file's outcome: its diagnostics, or why it could not be checked. */
type FileResult =
  | { readonly file: string; readonly diagnostics: readonly Diagnostic[] }
  | { readonly file: string; readonly failure: string };

/** The `validate` sub-command. */
export const validateCommand: Command = {
  summary: "check Flow JSON files against Meta's validation rules",
  usage: USAGE,
  run: async (args, io) => {
    const json = args.includes("--json");
    const unknown = args.filter((arg) => arg.startsWith("-") && arg !== "--json");
    const files = args.filter((arg) => !arg.startsWith("-"));
    if (unknown.length > 0 || files.length === 0) {
      const problem = unknown.length > 0 ? `unknown option '${unknown[0]}'` : "no FILE given";
      io.stderr(`flowmachine validate: ${problem}. Run 'flowmachine validate --help' for usage.\n`);
      return 2;
    }
    const results = await Promise.all(files.map((file) => checkFile(file, io)));
    for (const result of results) {
      if ("failure" in result) io.stderr(`flowmachine validate: ${result.failure}\n`);
    }
    const checked = results.filter((result) => "diagnostics" in result);
    io.stdout(json ? formatJson(checked) : formatText(checked));
    if (checked.length < results.length) return 2;
    return checked.some((result) => result.diagnostics.some((d) => d.severity === "error")) ? 1 : 0;
  },
};

async function checkFile(file: string, io: CommandIo): Promise<FileResult> {
  let text: string;
  try {
    text = await readFile(resolve(io.cwd, file), "utf8");
  } catch (cause) {
    const code = (cause as { code?: unknown }).code;
    return { file, failure: `cannot read ${file}${typeof code === "string" ? ` (${code})` : ""}.` };
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    return { file, failure: `${file} is not valid JSON: ${reason}` };
  }
  return { file, diagnostics: validateFlowJson(document) };
}

function formatText(results: readonly { file: string; diagnostics: readonly Diagnostic[] }[]): string {
  const lines: string[] = [];
  let errors = 0;
  let warnings = 0;
  for (const { file, diagnostics } of results) {
    for (const d of diagnostics) {
      if (d.severity === "error") errors += 1;
      else warnings += 1;
      lines.push(formatDiagnosticLine(file, d));
    }
  }
  lines.push(
    `Checked ${countOf(results.length, "file")}: ${countOf(errors, "error")}, ${countOf(warnings, "warning")}.`,
  );
  return `${lines.join("\n")}\n`;
}

function formatJson(results: readonly { file: string; diagnostics: readonly Diagnostic[] }[]): string {
  const shaped = results.map(({ file, diagnostics }) => ({
    file,
    diagnostics: diagnostics.map(({ code, severity, pointer, message }) => ({
      code,
      severity,
      pointer,
      message,
    })),
  }));
  return `${JSON.stringify(shaped, null, 2)}\n`;
}
