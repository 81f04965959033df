import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { captureIo } from "../helpers/captured-io.js";
import { formatFlowJson } from "../../src/flow-json/index.js";
import { readSharedJson } from "../helpers/shared-path.js";

const capture = (cwd: string) => captureIo({ cwd });

/** The newsletter seed with its keys reversed everywhere, so that formatting has work to do. */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([key, entry]) => [key, reversedKeys(entry)]),
  );
}

describe("flowmachine format", () => {
  let dir = "";
  let file = "";
  const seed = readSharedJson("fixtures/seed/newsletter.flow.json");
  const scrambledText = JSON.stringify(reversedKeys(seed), null, 4);

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "flowmachine-format-"));
    file = join(dir, "flow.json");
    await writeFile(file, scrambledText);
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("prints the canonical text and leaves the file alone", async () => {
    const run = capture(dir);
    expect(await main(["format", "flow.json"], run.io)).toBe(0);
    expect(run.stdout()).toBe(formatFlowJson(scrambledText));
    expect(run.stderr()).toBe("");
    expect(await readFile(file, "utf8")).toBe(scrambledText);
  });

  it("rewrites the file in place with --write and says so on one line", async () => {
    const run = capture(dir);
    expect(await main(["format", "--write", "flow.json"], run.io)).toBe(0);
    expect(run.stdout()).toBe("");
    expect(run.stderr()).toBe("flow.json: formatted\n");
    const written = await readFile(file, "utf8");
    expect(written).toBe(formatFlowJson(scrambledText));
    expect(JSON.parse(written)).toEqual(seed);

    const again = capture(dir);
    expect(await main(["format", file, "-w"], again.io)).toBe(0);
    expect(again.stderr()).toBe(`${file}: already in canonical form\n`);
  });

  it("exits 1 and lists file:pointer: message lines when the document does not fit the model", async () => {
    const broken = JSON.parse(scrambledText) as {
      screens: { layout: { children: Record<string, unknown>[] } }[];
    };
    const input = broken.screens[0]?.layout.children[0];
    if (input !== undefined) input.required = "yes";
    broken.screens[0]?.layout.children.push({ type: "Slider" });
    await writeFile(file, JSON.stringify(broken));
    const run = capture(dir);
    expect(await main(["format", "flow.json", "--write"], run.io)).toBe(1);
    expect(run.stdout()).toBe("");
    expect(run.stderr().split("\n")).toEqual([
      'flow.json:/screens/0/layout/children/0/required: Expected a boolean or a binding such as ${data.x} or a backtick expression, got "yes".',
      expect.stringMatching(
        /^flow\.json:\/screens\/0\/layout\/children\/4\/type: "Slider" is not a valid component type here;/,
      ),
      "",
    ]);
    expect(await readFile(file, "utf8")).toBe(JSON.stringify(broken));
  });

  it("exits 2 with file:line:column when the file is not JSON", async () => {
    await writeFile(file, '{\n  "version": "7.3",\n  "screens": [,]\n}\n');
    const run = capture(dir);
    expect(await main(["format", "flow.json"], run.io)).toBe(2);
    expect(run.stderr()).toBe("flow.json:3:15: not JSON: expected a value, found ','.\n");
  });

  it("exits 2 with one line when the file cannot be read", async () => {
    const run = capture(dir);
    expect(await main(["format", "missing.json"], run.io)).toBe(2);
    expect(run.stderr()).toBe(
      "flowmachine format: cannot read missing.json: no such file or directory (ENOENT)\n",
    );
  });

  it("exits 2 on wrong arguments and prints usage on --help", async () => {
    const none = capture(dir);
    expect(await main(["format"], none.io)).toBe(2);
    expect(none.stderr()).toMatch(/^flowmachine format: expected exactly one FILE\./);
    const unknown = capture(dir);
    expect(await main(["format", "--check", "flow.json"], unknown.io)).toBe(2);
    expect(unknown.stderr()).toMatch(/unknown option '--check'/);
    const help = capture(dir);
    expect(await main(["format", "--help"], help.io)).toBe(0);
    expect(help.stdout()).toMatch(/^Usage: flowmachine format FILE \[--write\]/);
    const list = capture(dir);
    expect(await main(["--help"], list.io)).toBe(0);
    expect(list.stdout()).toMatch(/\n {2}format +print a Flow JSON file in canonical form/);
  });
});
