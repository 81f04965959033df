import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import signIn from "../../examples/sign-in/flow.js";
import { importFlowJson, toDot, toGraphJson, toMermaid } from "../../src/compile/index.js";
import { repoRoot, readSharedJson } from "../helpers/shared-path.js";

function golden(name: string): string {
  return readFileSync(join(repoRoot, "test/compile/golden", name), "utf8");
}

describe("screen graph exports of the sign-in flow", () => {
  it("Mermaid stateDiagram-v2", () => {
    expect(toMermaid(signIn)).toBe(golden("sign-in.mmd"));
  });

  it("Graphviz DOT", () => {
    expect(toDot(signIn)).toBe(golden("sign-in.dot"));
  });

  it("toDirectedGraph-shaped JSON", () => {
    expect(toGraphJson(signIn)).toBe(golden("sign-in.graph.json"));
  });

  it("draws the imported seed like the machine, less what a document cannot say", () => {
    const imported = toMermaid(
      importFlowJson(readSharedJson("fixtures/seed/signin.flow.json"), { id: "sign-in" }),
    ).split("\n");
    const machine = golden("sign-in.mmd").split("\n");
    // A routing model does not list returns, and any terminal screen that sends data_exchange may complete.
    const returns = ["  SIGN_UP --> SIGN_IN: data_exchange", "  FORGOT_PASSWORD --> SIGN_IN: data_exchange"];
    expect(machine.filter((line) => !returns.includes(line))).toEqual(
      imported.filter((line) => line !== "  FORGOT_PASSWORD --> [*]: data_exchange"),
    );
    expect(imported).toContain("  FORGOT_PASSWORD --> [*]: data_exchange");
  });
});
