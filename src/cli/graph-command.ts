/**
 * `flowmachine graph MODULE|FILE.json [--format mermaid|dot|json] [--export NAME]`: prints the screen graph
 * of a flow module or of any Flow JSON file, as Mermaid `stateDiagram-v2` (default), Graphviz DOT, or
 * `toDirectedGraph`-shaped JSON. Exit 2 when the input cannot be loaded or the arguments are wrong.
 *
 * @example
 * // flowmachine graph examples/sign-in/flow.ts --format dot | dot -Tsvg > sign-in.svg
 * await graphCommand.run(["flow.json", "--format", "mermaid"], io);
 */
import { toDot, toGraphJson, toMermaid } from "../compile/index.js";
import type { Flow } from "../machine/index.js";
import { parseCommandArgs } from "./command-args.js";
import type { Command } from "./command.js";
import { loadFlow, ModuleLoadError } from "./load-module.js";

const renderers: Readonly<Record<string, (flow: Flow) => string>> = {
  mermaid: toMermaid,
  dot: toDot,
  json: toGraphJson,
};

const usage = `Usage: flowmachine graph MODULE|FILE.json [--format mermaid|dot|json] [--export NAME]

Prints the screen graph: screens (titles as labels, terminal screens marked) and the events that move
between them (navigate, data_exchange, BACK, complete).

Options:
  --format FORMAT  mermaid (default), dot or json
  --export NAME    the export to draw (default: the default export)
`;

/** The `graph` sub-command (registered in `main.ts`). */
export const graphCommand: Command = {
  summary: "Print the screen graph of a flow as Mermaid, DOT or JSON",
  usage,
  run: async (args, io) => {
    const parsed = parseCommandArgs(args, ["format", "export"]);
    const format = parsed.ok ? (parsed.options["format"] ?? "mermaid") : "";
    const render = renderers[format];
    if (!parsed.ok || parsed.positional.length !== 1 || render === undefined) {
      const problem = !parsed.ok
        ? parsed.problem
        : render === undefined
          ? `unknown format '${format}'`
          : "give exactly one MODULE or FILE.json";
      io.stderr(`flowmachine graph: ${problem}\n\n${usage}`);
      return 2;
    }
    const [specifier] = parsed.positional as [string];
    const exportName = parsed.options["export"];
    try {
      const flow = await loadFlow(specifier, {
        cwd: io.cwd,
        ...(exportName === undefined ? {} : { exportName }),
      });
      io.stdout(render(flow));
      return 0;
    } catch (error) {
      if (!(error instanceof ModuleLoadError)) throw error;
      io.stderr(`flowmachine graph: ${error.message}\n`);
      return 2;
    }
  },
};
