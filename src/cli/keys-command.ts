/**
 * `flowmachine keys`: the data endpoint's encryption keys. A command group: each sub-command is one
 * row of `keysSubcommands` (`generate` here; `upload` and others plug in the same way).
 */
import { relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { Redacted } from "effect";
import { KeyFileExistsError } from "../transport/crypto/errors.js";
import { writeFlowKeyPair } from "../transport/adapters/node-key-pair.js";
import type { Command, CommandIo } from "./command.js";
import { keysUploadSummary, keysUploadUsage, runKeysUpload } from "./keys-upload-command.js";

const generateUsage = `Usage: flowmachine keys generate [--out DIR] [--passphrase-env NAME] [--force]

Writes a 2048-bit RSA key pair for the data endpoint:
  DIR/private.pem  the private key (PKCS#8 PEM, file mode 0600); keep it secret
  DIR/public.pem   the public key (SPKI PEM); upload it for each phone number

Options:
  --out DIR              folder to write to (default: the current folder)
  --passphrase-env NAME  encrypt private.pem with the passphrase held in environment variable NAME
  --force                replace existing key files (clients keep using the old public key until
                         the new one is uploaded and they re-fetch it)
`;

function uploadHelp(publicKeyPath: string): string[] {
  const lines = [
    "Upload public.pem for every phone number that sends this flow (one call per number):",
    `  curl -X POST "https://graph.facebook.com/<API_VERSION>/<PHONE_NUMBER_ID>/whatsapp_business_encryption" \\`,
    `    -H "Authorization: Bearer <SYSTEM_USER_ACCESS_TOKEN>" \\`,
    `    --data-urlencode "business_public_key@${publicKeyPath}"`,
  ];
  if (keysSubcommands.upload !== undefined)
    lines.push("or use 'flowmachine keys upload' (see 'flowmachine keys --help').");
  return lines;
}

async function runGenerate(args: readonly string[], io: CommandIo): Promise<number> {
  let values: {
    out?: string | undefined;
    "passphrase-env"?: string | undefined;
    force?: boolean | undefined;
  };
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: { out: { type: "string" }, "passphrase-env": { type: "string" }, force: { type: "boolean" } },
      allowPositionals: false,
      strict: true,
    }));
  } catch (error) {
    io.stderr(`flowmachine keys generate: ${(error as Error).message}\n\n${generateUsage}`);
    return 2;
  }
  const passphraseEnv = values["passphrase-env"];
  let passphrase: Redacted.Redacted<string> | undefined;
  if (passphraseEnv !== undefined) {
    const value = io.env[passphraseEnv];
    if (value === undefined || value === "") {
      io.stderr(
        `flowmachine keys generate: environment variable ${passphraseEnv} is not set or empty; export the passphrase in it first.\n`,
      );
      return 2;
    }
    passphrase = Redacted.make(value);
  }
  const dir = resolve(io.cwd, values.out ?? ".");
  let files;
  try {
    files = await writeFlowKeyPair(dir, {
      ifExists: values.force === true ? "overwrite" : "fail",
      ...(passphrase === undefined ? {} : { passphrase }),
    });
  } catch (error) {
    if (error instanceof KeyFileExistsError) {
      io.stderr(`flowmachine keys generate: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
  const shown = (path: string): string => relative(io.cwd, path) || path;
  const protection =
    passphraseEnv === undefined ? "unencrypted" : `encrypted with the passphrase in $${passphraseEnv}`;
  io.stdout(
    [
      `Wrote ${shown(files.privateKeyPath)} (private key, PKCS#8, mode 0600, ${protection})`,
      `Wrote ${shown(files.publicKeyPath)} (public key, SPKI)`,
      "",
      "Keep private.pem secret and out of version control; the data endpoint loads it at start-up.",
      ...uploadHelp(shown(files.publicKeyPath)),
      "",
    ].join("\n"),
  );
  return 0;
}

/** `flowmachine keys generate`: writes a new key pair. */
export const keysGenerateCommand: Command = {
  summary: "Write a new RSA key pair (private.pem, public.pem) for the data endpoint",
  usage: generateUsage,
  run: runGenerate,
};

/** The `keys` sub-commands, by name; add a row to add one. */
export const keysSubcommands: Readonly<Record<string, Command>> = {
  generate: keysGenerateCommand,
  upload: { summary: keysUploadSummary, usage: keysUploadUsage, run: runKeysUpload },
};

function keysUsage(): string {
  const rows = Object.entries(keysSubcommands).map(
    ([name, command]) => `  ${name.padEnd(10)} ${command.summary}`,
  );
  const details = Object.values(keysSubcommands).map((command) => command.usage);
  return ["Usage: flowmachine keys SUBCOMMAND [options]", "", "Subcommands:", ...rows, "", ...details].join(
    "\n",
  );
}

/**
 * `flowmachine keys`: dispatches to the sub-command named by the first argument.
 *
 * @example
 * // flowmachine keys generate --out keys --passphrase-env KEY_PASSPHRASE
 * await keysCommand.run(["generate", "--out", "keys"], io);
 */
export const keysCommand: Command = {
  summary: "Manage the data endpoint's encryption keys (keys generate)",
  get usage() {
    return keysUsage();
  },
  run: async (args, io) => {
    const [name, ...rest] = args;
    const subcommand = name === undefined ? undefined : keysSubcommands[name];
    if (subcommand === undefined) {
      const problem = name === undefined ? "missing sub-command" : `unknown sub-command '${name}'`;
      io.stderr(`flowmachine keys: ${problem}.\n\n${keysUsage()}`);
      return 2;
    }
    return subcommand.run(rest, io);
  },
};
