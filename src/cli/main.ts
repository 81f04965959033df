/**
 * The `flowmachine` binary: picks a sub-command and runs it with the process's streams.
 *
 * @example
 * // bin/flowmachine.js
 * process.exitCode = await main(process.argv.slice(2));
 */
import type { Command, CommandIo } from "./command.js";
import { compileCommand } from "./compile-command.js";
import { flowsCommand } from "./flows-command.js";
import { formatCommand } from "./format-command.js";
import { graphCommand } from "./graph-command.js";
import { keysCommand } from "./keys-command.js";
import { serveCommand } from "./serve-command.js";
import { validateCommand } from "./validate-command.js";

const commands: Readonly<Record<string, Command>> = {
  validate: validateCommand,
  format: formatCommand,
  compile: compileCommand,
  graph: graphCommand,
  keys: keysCommand,
  flows: flowsCommand,
  serve: serveCommand,
};

function helpText(): string {
  const rows = Object.entries(commands).map(([name, command]) => `  ${name.padEnd(10)} ${command.summary}`);
  return ["Usage: flowmachine COMMAND [options]", "", "Commands:", ...rows, ""].join("\n");
}

/** Runs the CLI with `argv` (without node and the script) and returns the exit status. */
export async function main(argv: readonly string[], io: CommandIo = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    io.stdout(helpText());
    return name === undefined ? 2 : 0;
  }
  const command = commands[name];
  if (command === undefined) {
    io.stderr(`flowmachine: unknown command '${name}'. Run 'flowmachine --help' for the list.\n`);
    return 2;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    io.stdout(command.usage);
    return 0;
  }
  return command.run(rest, io);
}

function processIo(): CommandIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    env: process.env,
  };
}
