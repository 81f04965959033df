/**
 * A small argument parser for sub-commands: one positional argument and `--name VALUE` /
 * `--name=VALUE` options, each allowed at most once, unknown options rejected.
 *
 * @example
 * parseCommandArgs(["flow.ts", "--out", "flow.json"], ["export", "out"]);
 * // { positional: ["flow.ts"], options: { out: "flow.json" } }
 */

/** Parsed arguments, or the problem to print with the usage. */
export type ParsedArgs =
  | {
      readonly ok: true;
      readonly positional: readonly string[];
      readonly options: Readonly<Record<string, string>>;
    }
  | { readonly ok: false; readonly problem: string };

/** Parses `args`, accepting only the options named in `known`. */
export function parseCommandArgs(args: readonly string[], known: readonly string[]): ParsedArgs {
  const positional: string[] = [];
  const options: Record<string, string> = {};
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] as string;
    if (!arg.startsWith("--")) {
      positional.push(arg);
      continue;
    }
    const [rawName, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (!known.includes(rawName)) return { ok: false, problem: `unknown option --${rawName}` };
    if (rawName in options) return { ok: false, problem: `--${rawName} given twice` };
    const value = inline ?? args[++index];
    if (value === undefined || value === "") return { ok: false, problem: `--${rawName} needs a value` };
    options[rawName] = value;
  }
  return { ok: true, positional, options };
}
