/**
 * The screen graph as a Mermaid `stateDiagram-v2`, readable in a pull request (GitHub renders it):
 * screens labelled with their titles, terminal screens highlighted, edges labelled with the protocol
 * event, completion drawn as the end state. The order is stable: screens as declared, then edges by
 * source, event and target.
 *
 * @example
 * writeFileSync("docs/sign-in.mmd", toMermaid(signIn));
 * @see https://mermaid.js.org/syntax/stateDiagram.html
 */
import type { Flow } from "../machine/index.js";
import { successScreen } from "../machine/index.js";
import { screenGraph } from "./screen-graph.js";

/** Renders the flow's screen graph as Mermaid `stateDiagram-v2` text (ends with a newline). */
export function toMermaid(flow: Flow): string {
  const graph = screenGraph(flow);
  const lines = ["stateDiagram-v2", `  %% ${graph.id}: screens, and the events that move between them`];
  for (const node of graph.nodes) lines.push(`  state "${mermaidText(node.label)}" as ${node.id}`);
  for (const start of graph.starts) lines.push(`  [*] --> ${start}: ${graph.opensWith}`);
  for (const edge of graph.edges) {
    const target = edge.target === successScreen ? "[*]" : edge.target;
    lines.push(`  ${edge.source} --> ${target}: ${edge.kind}`);
  }
  const terminal = graph.nodes.filter((node) => node.terminal).map((node) => node.id);
  if (terminal.length > 0) {
    lines.push("  classDef terminal stroke-width:3px", `  class ${terminal.join(",")} terminal`);
  }
  return `${lines.join("\n")}\n`;
}

function mermaidText(text: string): string {
  return text.replace(/"/g, "#quot;").replace(/\r?\n/g, " ");
}
