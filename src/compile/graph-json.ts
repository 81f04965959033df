/**
 * The screen graph as JSON in the shape of `xstate/graph`'s `toDirectedGraph(...).toJSON()`: a root node
 * whose children are the screens (with their title and terminal flags added), each with its outgoing
 * edges `{ source, target, label: { text: event } }`. Internal states (waiting for a handler) and silent
 * backs are left out; `SUCCESS` is a child when the flow can complete. Stable order, two-space indent.
 *
 * @example
 * JSON.parse(toGraphJson(signIn)).children[0].edges[0];
 * // { source: "SIGN_IN", target: "SIGN_UP", label: { text: "navigate" } }
 * @see https://stately.ai/docs/graph
 */
import type { Flow } from "../machine/index.js";
import { successScreen } from "../machine/index.js";
import { screenGraph } from "./screen-graph.js";

/** One edge, as in `toDirectedGraph` JSON. */
export interface GraphJsonEdge {
  readonly source: string;
  readonly target: string;
  readonly label: { readonly text: string };
}

/** One node, as in `toDirectedGraph` JSON, with the screen's title and flags. */
export interface GraphJsonNode {
  readonly id: string;
  readonly title?: string;
  readonly terminal?: boolean;
  readonly success?: boolean;
  readonly initial?: boolean;
  readonly children: readonly GraphJsonNode[];
  readonly edges: readonly GraphJsonEdge[];
}

/** The screen graph as a `toDirectedGraph`-shaped object. */
export function toGraphJsonObject(flow: Flow): GraphJsonNode {
  const graph = screenGraph(flow);
  const children: GraphJsonNode[] = graph.nodes.map((node) => ({
    id: node.id,
    title: node.label,
    terminal: node.terminal,
    success: node.success,
    initial: graph.starts.includes(node.id),
    children: [],
    edges: graph.edges
      .filter((edge) => edge.source === node.id)
      .map((edge) => ({ source: edge.source, target: edge.target, label: { text: edge.kind } })),
  }));
  if (graph.completes) children.push({ id: successScreen, children: [], edges: [] });
  return { id: graph.id, children, edges: [] };
}

/** The screen graph as JSON text (two-space indent, ends with a newline). */
export function toGraphJson(flow: Flow): string {
  return `${JSON.stringify(toGraphJsonObject(flow), null, 2)}\n`;
}
