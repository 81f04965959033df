/**
 * The options every Graph API command shares (`--graph-url`, `--token-env`, `--json`), the client they
 * configure, and how Graph API failures become exit statuses.
 */
import { readFile } from "node:fs/promises";
import { parseArgs, type ParseArgsConfig } from "node:util";
import {
  GraphApiConfigError,
  GraphApiError,
  GraphApiInputError,
  FlowJsonSourceError,
  MediaDownloadError,
} from "../graph-api/errors.js";
import { createGraphApiClient, type GraphApiClient } from "../graph-api/graph-api-client.js";
import type { CommandIo } from "./command.js";

/** The env var holding the access token unless `--token-env` names another. */
export const DEFAULT_TOKEN_ENV = "WHATSAPP_ACCESS_TOKEN";

/** Option definitions shared by the Graph API commands (for `node:util` `parseArgs`). */
export const graphOptions = {
  "graph-url": { type: "string" },
  "token-env": { type: "string" },
  json: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const satisfies NonNullable<ParseArgsConfig["options"]>;

/** Help text lines for the shared options. */
export const graphOptionsUsage = [
  "  --graph-url URL    Graph API origin (default https://graph.facebook.com)",
  `  --token-env NAME   env var holding the access token (default ${DEFAULT_TOKEN_ENV})`,
  "  --json             print JSON instead of a table",
].join("\n");

/** A command-line mistake: reported with the usage, exit status 2. */
export class UsageError extends Error {
  readonly _tag = "UsageError";
}

type OptionSpec = NonNullable<ParseArgsConfig["options"]>;

/** The parsed values of options `O`: strings for string options, booleans for flags, absent when not given. */
export type OptionValues<O extends OptionSpec> = {
  readonly [K in keyof O]?: O[K] extends { type: "boolean" } ? boolean : string;
};

/**
 * Parses `args` with the shared options plus `extra`; unknown options and missing values are
 * {@link UsageError}s.
 */
export function parseGraphArgs<const O extends OptionSpec>(
  args: readonly string[],
  extra: O,
): { values: OptionValues<typeof graphOptions & O>; positionals: string[] } {
  try {
    const parsed = parseArgs({
      args: [...args],
      options: { ...graphOptions, ...extra },
      allowPositionals: true,
      strict: true,
    });
    return { values: parsed.values, positionals: parsed.positionals };
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : "invalid arguments");
  }
}

/** Makes the client from `--graph-url` and the token env var; a missing token is a {@link UsageError}. */
export function graphClientFor(
  values: { "graph-url"?: string | undefined; "token-env"?: string | undefined },
  io: CommandIo,
): GraphApiClient {
  const tokenEnv = values["token-env"] ?? DEFAULT_TOKEN_ENV;
  const token = io.env[tokenEnv];
  if (token === undefined || token === "") {
    throw new UsageError(
      `the access token is missing: set ${tokenEnv} (or name another variable with --token-env NAME).`,
    );
  }
  return createGraphApiClient({
    accessToken: token,
    ...(values["graph-url"] === undefined ? {} : { baseUrl: values["graph-url"] }),
    readFile: (path) => readFile(path),
    logger: { warn: (message) => io.stderr(`${message}\n`) },
  });
}

/**
 * Runs a command body and maps what it throws to an exit status: usage and input mistakes 2, Graph API
 * and other failures 1; messages go to stderr, prefixed with the command name.
 */
export async function runGraphCommand(
  name: string,
  usage: string,
  io: CommandIo,
  body: () => Promise<void>,
): Promise<number> {
  try {
    await body();
    return 0;
  } catch (error) {
    if (
      error instanceof UsageError ||
      error instanceof GraphApiInputError ||
      error instanceof GraphApiConfigError
    ) {
      io.stderr(`flowmachine ${name}: ${error.message}\n\n${usage}`);
      return 2;
    }
    if (
      error instanceof GraphApiError ||
      error instanceof FlowJsonSourceError ||
      error instanceof MediaDownloadError
    ) {
      io.stderr(`flowmachine ${name}: ${error.message}\n`);
      return 1;
    }
    io.stderr(`flowmachine ${name}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
