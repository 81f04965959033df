/**
 * `flowmachine format FILE [--write]`: prints a Flow JSON file in canonical form (canonical key order,
 * two-space indent, trailing newline), or rewrites the file in place.
 *
 * Exit status: 0 on success; 1 when the document does not fit the Flow JSON model (one
 * `file:pointer: message` line per problem on stderr); 2 when the file cannot be read or is not JSON,
 * or the arguments are wrong.
 *
 * @example
 * // flowmachine format flows/signin.flow.json --write
 */
import { readFile, writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { FlowJsonDecodeError, FlowJsonSyntaxError } from "../flow-json/errors.js";
import { formatFlowJson } from "../flow-json/encode.js";
import type { Command, CommandIo } from "./command.js";

const usage = `Usage: flowmachine format FILE [--write]

Prints FILE, a Flow JSON document, in canonical form: keys in Meta's documented order (user data such
as payloads and the routing model keeps its order), two-space indent, trailing newline.

Options:
  -w, --write   rewrite FILE in place instead of printing it

Exit status: 0 done; 1 the document does not fit the Flow JSON model (problems are listed as
FILE:POINTER: MESSAGE); 2 FILE cannot be read or is not JSON.
`;

export const formatCommand: Command = {
  summary: "print a Flow JSON file in canonical form (--write rewrites it)",
  usage,
  run: runFormat,
};

async function runFormat(args: readonly string[], io: CommandIo): Promise<number> {
  const write = args.includes("--write") || args.includes("-w");
  const files = args.filter((arg) => arg !== "--write" && arg !== "-w");
  const unknownOption = files.find((arg) => arg.startsWith("-") && arg !== "-");
  if (unknownOption !== undefined || files.length !== 1) {
    const problem =
      unknownOption !== undefined ? `unknown option '${unknownOption}'` : "expected exactly one FILE";
    io.stderr(`flowmachine format: ${problem}. Run 'flowmachine format --help' for usage.\n`);
    return 2;
  }
  const file = files[0] ?? "";
  const path = resolve(io.cwd, file);

  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    io.stderr(`flowmachine format: cannot read ${file}: ${describeIoError(error)}\n`);
    return 2;
  }

  let formatted: string;
  try {
    formatted = formatFlowJson(text);
  } catch (error) {
    if (error instanceof FlowJsonSyntaxError) {
      io.stderr(`${file}:${error.line}:${error.column}: not JSON: ${error.reason}.\n`);
      return 2;
    }
    if (error instanceof FlowJsonDecodeError) {
      for (const issue of error.issues) {
        io.stderr(`${file}:${issue.pointer === "" ? "" : `${issue.pointer}:`} ${issue.message}\n`);
      }
      return 1;
    }
    throw error;
  }

  if (!write) {
    io.stdout(formatted);
    return 0;
  }
  if (formatted === text) {
    io.stderr(`${file}: already in canonical form\n`);
    return 0;
  }
  try {
    await writeFile(path, formatted, "utf8");
  } catch (error) {
    io.stderr(`flowmachine format: cannot write ${file}: ${describeIoError(error)}\n`);
    return 2;
  }
  io.stderr(`${file}: formatted\n`);
  return 0;
}

/** One line for a file-system error: the OS reason without the stack. */
function describeIoError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = error.message.split("\n")[0] ?? "";
    return code === undefined
      ? reason
      : reason.replace(new RegExp(`^${code}: `), "").replace(/, \w+ '.*'$/, "") + ` (${code})`;
  }
  return String(error);
}
