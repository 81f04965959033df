/**
 * The contract every `flowmachine` sub-command implements: it gets its arguments and the process's
 * streams, and answers with an exit status. Only `cli/` touches `process`.
 */
export interface CommandIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
}

export interface Command {
  /** One line for `flowmachine --help`. */
  readonly summary: string;
  /** Full usage text for `flowmachine COMMAND --help`. */
  readonly usage: string;
  readonly run: (args: readonly string[], io: CommandIo) => Promise<number>;
}
