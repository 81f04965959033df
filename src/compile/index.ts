/**
 * `flowmachine/compile`: from a flow to the Flow JSON WhatsApp runs (routing model derived from the
 * machine, validated), from any Flow JSON back to a flow, and the screen graph as Mermaid, DOT or JSON.
 *
 * @example
 * import { compileFlow, toMermaid } from "flowmachine/compile";
 * const { flowJson, diagnostics } = compileFlow(signIn);
 */
export { compileFlow, type CompileResult } from "./compile-flow.js";
export type { CompileDiagnostic } from "./compile-diagnostic.js";
export { importFlowJson, type ImportFlowJsonOptions } from "./import-flow-json.js";
export { deriveMachineRoutingModel, checkPinnedRoutingModel } from "./routing-model.js";
export {
  screenEdges,
  screenGraph,
  type ScreenEdge,
  type FlowScreenGraph,
  type FlowScreenGraphNode,
} from "./screen-graph.js";
export { toMermaid } from "./mermaid.js";
export { toDot } from "./dot.js";
export { toGraphJson, toGraphJsonObject, type GraphJsonEdge, type GraphJsonNode } from "./graph-json.js";
export * from "./errors.js";
