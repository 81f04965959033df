/**
 * The screen graph in Graphviz DOT: screens as rounded boxes labelled with title and id, terminal
 * screens with a double border, edges labelled with the protocol event, a start point and a `SUCCESS`
 * end. Stable order, one statement per line, so diffs stay small.
 *
 * @example
 * // flowmachine graph examples/sign-in/flow.ts --format dot | dot -Tsvg > sign-in.svg
 * toDot(signIn);
 * @see https://graphviz.org/doc/info/lang.html
 */
import type { Flow } from "../machine/index.js";
import { successScreen } from "../machine/index.js";
import { screenGraph } from "./screen-graph.js";

const startNode = "__start__";

/** Renders the flow's screen graph as a DOT `digraph` (ends with a newline). */
export function toDot(flow: Flow): string {
  const graph = screenGraph(flow);
  const lines = [
    `digraph ${quote(graph.id)} {`,
    "  rankdir=LR;",
    '  node [shape=box, style=rounded, fontname="Helvetica"];',
    '  edge [fontname="Helvetica", fontsize=10];',
    `  ${quote(startNode)} [shape=point, label=""];`,
  ];
  for (const node of graph.nodes) {
    const attributes = [`label=${quote(`${node.label}\n${node.id}`)}`];
    if (node.terminal) attributes.push("peripheries=2");
    lines.push(`  ${quote(node.id)} [${attributes.join(", ")}];`);
  }
  if (graph.completes)
    lines.push(`  ${quote(successScreen)} [shape=doublecircle, label=${quote(successScreen)}];`);
  for (const start of graph.starts)
    lines.push(`  ${quote(startNode)} -> ${quote(start)} [label=${quote(graph.opensWith)}];`);
  for (const edge of graph.edges) {
    lines.push(`  ${quote(edge.source)} -> ${quote(edge.target)} [label=${quote(edge.kind)}];`);
  }
  lines.push("}");
  return `${lines.join("\n")}\n`;
}

function quote(text: string): string {
  return `"${text.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n")}"`;
}
