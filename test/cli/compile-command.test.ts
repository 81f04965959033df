import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { captureIo } from "../helpers/captured-io.js";
import { readSharedJson, sharedPath } from "../helpers/shared-path.js";

const capture = () => captureIo();

describe("flowmachine compile", () => {
  it("prints the Flow JSON of a TypeScript flow module, with no build step", async () => {
    const { io, stdout, stderr } = capture();
    expect(await main(["compile", "examples/sign-in/flow.ts"], io)).toBe(0);
    expect(JSON.parse(stdout())).toEqual(readSharedJson("fixtures/seed/signin.flow.json"));
    expect(stdout()).toBe(`${JSON.stringify(JSON.parse(stdout()), null, 2)}\n`);
    // Only the seed's over-long link text, which Meta's own template has too, and only as a warning.
    expect(stderr()).toMatch(
      /^\/screens\/0\/layout\/children\/3\/text: INVALID_PROPERTY_VALUE .* \[warning\]\n$/,
    );
  });

  it("writes to --out and compiles a Flow JSON document as well", async () => {
    const dir = mkdtempSync(join(tmpdir(), "flowmachine-compile-"));
    const { io, stdout } = capture();
    const out = join(dir, "flow.json");
    expect(await main(["compile", sharedPath("fixtures/seed/newsletter.flow.json"), "--out", out], io)).toBe(
      0,
    );
    expect(stdout()).toBe("");
    expect(JSON.parse(readFileSync(out, "utf8"))).toEqual(
      readSharedJson("fixtures/seed/newsletter.flow.json"),
    );
  });

  it("exits 1 and prints 'pointer: CODE message' when the Flow JSON has errors", async () => {
    const dir = mkdtempSync(join(tmpdir(), "flowmachine-compile-"));
    const file = join(dir, "loop.flow.json");
    const screen = (id: string, next: string) => ({
      id,
      terminal: true,
      layout: {
        type: "SingleColumnLayout",
        children: [
          {
            type: "Footer",
            label: "Go",
            "on-click-action": { name: "navigate", next: { type: "screen", name: next }, payload: {} },
          },
        ],
      },
    });
    writeFileSync(
      file,
      JSON.stringify({
        version: "7.3",
        data_api_version: "3.0",
        routing_model: { A: ["B"], B: ["A"] },
        screens: [screen("A", "B"), screen("B", "A")],
      }),
    );
    const { io, stderr } = capture();
    expect(await main(["compile", file], io)).toBe(1);
    expect(stderr()).toContain(
      "/routing_model/B/0: INVALID_ROUTING_MODEL Backward route [B -> A] corresponding to forward route [A -> B] is not allowed in the routing model. Only forward routes can be specified. [state B]\n",
    );
  });

  it("exits 2 when the module cannot be loaded, or the export is not a flow", async () => {
    const missing = capture();
    expect(await main(["compile", "examples/nope.ts"], missing.io)).toBe(2);
    expect(missing.stderr()).toContain("Cannot load 'examples/nope.ts': no file at");
    const wrongExport = capture();
    expect(await main(["compile", "examples/sign-in/flow.ts", "--export", "nothing"], wrongExport.io)).toBe(
      2,
    );
    expect(wrongExport.stderr()).toContain("it has no export 'nothing' (exports: ");
    const notAFlow = capture();
    expect(await main(["compile", "examples/sign-in/users.ts", "--export", "exampleUser"], notAFlow.io)).toBe(
      2,
    );
    expect(notAFlow.stderr()).toContain("neither a flow");
  });

  it("exits 2 on bad arguments", async () => {
    const { io, stderr } = capture();
    expect(await main(["compile", "a.ts", "--bogus", "x"], io)).toBe(2);
    expect(stderr()).toContain("unknown option --bogus");
  });
});
