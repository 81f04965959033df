import { describe, expect, it } from "vitest";
import { compileFlow, importFlowJson, screenEdges } from "../../src/compile/index.js";
import type { FlowJson } from "../../src/flow-json/types.js";
import { navigateTargets } from "../../src/machine/index.js";
import { listShared, readSharedJson } from "../helpers/shared-path.js";

const folders = ["corpus/pywa-flows", "corpus/meta-flows", "fixtures/seed"];
const documents = folders.flatMap((folder) =>
  listShared(folder, ".flow.json").map(
    (name) => [`${folder}/${name}`, readSharedJson(`${folder}/${name}`) as FlowJson] as const,
  ),
);

describe("importFlowJson over the corpus", () => {
  it("finds the documents", () => {
    expect(documents.length).toBeGreaterThanOrEqual(30);
  });

  it.each(documents)("%s compiles back to itself, without errors", (_, doc) => {
    const flow = importFlowJson(doc);
    const { flowJson, diagnostics } = compileFlow(flow);
    expect(flowJson).toEqual(doc);
    expect(diagnostics.filter((diagnostic) => diagnostic.severity === "error")).toEqual([]);
  });

  it.each(documents)("%s becomes a machine whose states and navigate edges mirror it", (_, doc) => {
    const flow = importFlowJson(doc);
    const ids = doc.screens.map((screen) => screen.id);
    expect(Object.keys(flow.machine.root.states)).toEqual([...ids, "SUCCESS"]);
    const edges = screenEdges(flow);
    for (const screen of doc.screens) {
      const navigate = edges
        .filter((edge) => edge.source === screen.id && edge.kind === "navigate")
        .map((edge) => edge.target);
      expect(navigate).toEqual(
        navigateTargets(screen).filter((target) => ids.includes(target) && target !== screen.id),
      );
      for (const target of doc.routing_model?.[screen.id] ?? []) {
        const routed = edges.some(
          (edge) =>
            edge.source === screen.id &&
            edge.target === target &&
            (edge.kind === "navigate" || edge.kind === "data_exchange"),
        );
        expect(routed, `${screen.id} -> ${target}`).toBe(true);
      }
    }
  });
});
