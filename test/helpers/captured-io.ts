/**
 * A `CommandIo` that keeps what a CLI command prints, for tests that call `main([...], io)`.
 *
 * @example
 * const { io, stdout, stderr } = captureIo({ cwd: dir });
 * expect(await main(["validate", "flow.json"], io)).toBe(0);
 * expect(stdout()).toContain("0 errors");
 */
import type { CommandIo } from "../../src/cli/command.js";
import { repoRoot } from "./shared-path.js";

export interface CapturedIo {
  readonly io: CommandIo;
  readonly stdout: () => string;
  readonly stderr: () => string;
}

export interface CaptureIoOptions {
  /** Defaults to the repository root. */
  readonly cwd?: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
}

export function captureIo(options: CaptureIoOptions = {}): CapturedIo {
  let out = "";
  let err = "";
  return {
    io: {
      stdout: (text) => void (out += text),
      stderr: (text) => void (err += text),
      cwd: options.cwd ?? repoRoot,
      env: options.env ?? {},
    },
    stdout: () => out,
    stderr: () => err,
  };
}
