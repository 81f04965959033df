import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CommandIo } from "../../src/cli/command.js";
import { main } from "../../src/cli/main.js";
import { flow, oneScreen, terminalScreen, textInput } from "../helpers/flow-documents.js";

let folder = "";

/** Runs the CLI in the temp folder and returns its exit status and what it printed. */
async function run(...argv: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const io: CommandIo = {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    cwd: folder,
    env: {},
  };
  const status = await main(argv, io);
  return { status, stdout, stderr };
}

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), "flowmachine-validate-"));
  const files: Record<string, string> = {
    "good.json": JSON.stringify(oneScreen([])),
    "bad.json": JSON.stringify(flow([terminalScreen("SCREEN_1")])),
    "warned.json": JSON.stringify(oneScreen([textInput("email")], {}, { sensitive: ["password"] })),
    "broken.json": '{ "version": "7.3", ',
  };
  for (const [name, text] of Object.entries(files)) await writeFile(join(folder, name), text);
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe("flowmachine validate", () => {
  it("exits 0 and prints a summary for a valid file", async () => {
    expect(await run("validate", "good.json")).toEqual({
      status: 0,
      stdout: "Checked 1 file: 0 errors, 0 warnings.\n",
      stderr: "",
    });
  });

  it("prints file:pointer: CODE message lines and exits 1 on errors", async () => {
    expect(await run("validate", "good.json", "bad.json")).toEqual({
      status: 1,
      stdout:
        "bad.json:/screens/0/id: PATTERN_MISMATCH Invalid screen id 'SCREEN_1': it should only consist of alphabets and underscores.\n" +
        "Checked 2 files: 1 error, 0 warnings.\n",
      stderr: "",
    });
  });

  it("marks warnings and exits 0 when there are only warnings", async () => {
    expect(await run("validate", "warned.json")).toEqual({
      status: 0,
      stdout:
        "warned.json:/screens/0/sensitive/0: INVALID_PROPERTY_VALUE warning: Sensitive field 'password' is not the name of an input on screen 'ONLY'.\n" +
        "Checked 1 file: 0 errors, 1 warning.\n",
      stderr: "",
    });
  });

  it("prints JSON with --json", async () => {
    const result = await run("validate", "--json", "good.json", "bad.json");
    expect(result.status).toBe(1);
    expect(result.stderr).toBe("");
    expect(JSON.parse(result.stdout)).toEqual([
      { file: "good.json", diagnostics: [] },
      {
        file: "bad.json",
        diagnostics: [
          {
            code: "PATTERN_MISMATCH",
            severity: "error",
            pointer: "/screens/0/id",
            message: "Invalid screen id 'SCREEN_1': it should only consist of alphabets and underscores.",
          },
        ],
      },
    ]);
  });

  it("exits 2 with a one-line message for a file that cannot be read", async () => {
    const result = await run("validate", "missing.json", "good.json");
    expect(result).toEqual({
      status: 2,
      stdout: "Checked 1 file: 0 errors, 0 warnings.\n",
      stderr: "flowmachine validate: cannot read missing.json (ENOENT).\n",
    });
  });

  it("exits 2 with a one-line message for a file that is not JSON", async () => {
    const result = await run("validate", "broken.json");
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^flowmachine validate: broken\.json is not valid JSON: [^\n]+\n$/);
    expect(result.stderr).not.toContain("    at ");
  });

  it("exits 2 without files or with an unknown option", async () => {
    expect(await run("validate")).toEqual({
      status: 2,
      stdout: "",
      stderr: "flowmachine validate: no FILE given. Run 'flowmachine validate --help' for usage.\n",
    });
    expect((await run("validate", "--strict", "good.json")).stderr).toBe(
      "flowmachine validate: unknown option '--strict'. Run 'flowmachine validate --help' for usage.\n",
    );
  });

  it("is listed in the help and has its own usage", async () => {
    expect((await run("--help")).stdout).toContain(
      "validate   check Flow JSON files against Meta's validation rules",
    );
    const usage = await run("validate", "--help");
    expect(usage.status).toBe(0);
    expect(usage.stdout).toContain("Usage: flowmachine validate [--json] FILE...");
  });
});
