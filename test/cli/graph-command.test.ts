import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { captureIo } from "../helpers/captured-io.js";
import { repoRoot, sharedPath } from "../helpers/shared-path.js";

const capture = () => captureIo();

describe("flowmachine graph", () => {
  it.each([
    ["mermaid", "sign-in.mmd"],
    ["dot", "sign-in.dot"],
    ["json", "sign-in.graph.json"],
  ])("prints the sign-in screen graph as %s", async (format, golden) => {
    const { io, stdout } = capture();
    expect(await main(["graph", "examples/sign-in/flow.ts", "--format", format], io)).toBe(0);
    expect(stdout()).toBe(readFileSync(join(repoRoot, "test/compile/golden", golden), "utf8"));
  });

  it("draws a Flow JSON file, named after the file", async () => {
    const { io, stdout } = capture();
    expect(
      await main(["graph", sharedPath("corpus/pywa-flows/pywa.v6_2.navigation-list.flow.json")], io),
    ).toBe(0);
    expect(stdout()).toContain("%% pywa-v6_2-navigation-list:");
    expect(stdout()).toContain("  CONTACT --> [*]: complete\n");
  });

  it("exits 2 on an unknown format", async () => {
    const { io, stderr } = capture();
    expect(await main(["graph", "examples/sign-in/flow.ts", "--format=svg"], io)).toBe(2);
    expect(stderr()).toContain("unknown format 'svg'");
  });
});
