/**
 * Compiles a flow to the Flow JSON WhatsApp runs: screens in declaration order, `version`,
 * `data_api_version` and the `routing_model` derived from the machine's screen graph. The document then
 * goes through the Flow JSON validator, so a machine WhatsApp would reject fails here, with Meta's error
 * codes and the machine state each diagnostic concerns.
 *
 * @example
 * const { flowJson, diagnostics } = compileFlow(signIn);
 * if (hasErrors(diagnostics)) throw new Error(diagnostics.map((d) => d.message).join("\n"));
 * await graphApi.uploadFlowJson(flowId, compileFlow(signIn)); // anything with toFlowJson()
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/flowjson
 */
import { hasErrors } from "../flow-json/diagnostic.js";
import type { FlowJson, RoutingModel } from "../flow-json/types.js";
import { validateFlowJson } from "../flow-json/validate/validate-flow-json.js";
import type { Flow } from "../machine/index.js";
import { withState, type CompileDiagnostic } from "./compile-diagnostic.js";
import { FlowInvalid } from "./errors.js";
import { checkPinnedRoutingModel, deriveMachineRoutingModel } from "./routing-model.js";
import { screenEdges } from "./screen-graph.js";

/** The compiled document and what the compiler and the validator found. */
export interface CompileResult {
  readonly flowJson: FlowJson;
  readonly diagnostics: readonly CompileDiagnostic[];
  /** The Flow JSON, for anything that accepts `toFlowJson()`; throws {@link FlowInvalid} on errors. */
  toFlowJson(): FlowJson;
}

/** Compiles `flow`; never throws for problems of the flow, which become diagnostics. */
export function compileFlow(flow: Flow): CompileResult {
  const model = flow.model;
  const edges = screenEdges(flow);
  const diagnostics: CompileDiagnostic[] = [];
  let routingModel: RoutingModel | undefined;
  if (model.routingModel === "derive") {
    routingModel = deriveMachineRoutingModel(flow, edges);
  } else if (model.routingModel !== "omit") {
    routingModel = model.routingModel;
    diagnostics.push(...checkPinnedRoutingModel(flow, edges, routingModel));
  }
  const flowJson: FlowJson = {
    version: model.version,
    ...(model.dataApiVersion === undefined ? {} : { data_api_version: model.dataApiVersion }),
    ...model.extra,
    ...(routingModel === undefined ? {} : { routing_model: routingModel }),
    screens: model.screens.map((screen) => screen.screen),
  };
  if (model.origin === "defined") diagnostics.push(...handlerDiagnostics(flow));
  diagnostics.push(...validateFlowJson(flowJson).map((diagnostic) => withState(flowJson, diagnostic)));
  return {
    flowJson,
    diagnostics,
    toFlowJson: () => {
      if (hasErrors(diagnostics)) throw new FlowInvalid({ flowId: flow.id, diagnostics });
      return flowJson;
    },
  };
}

/** Warnings about handlers the layout cannot reach, and data_exchange actions nothing answers. */
function handlerDiagnostics(flow: Flow): CompileDiagnostic[] {
  const diagnostics: CompileDiagnostic[] = [];
  flow.model.screens.forEach((screen, index) => {
    const pointer = `/screens/${index}`;
    if (screen.sendsDataExchange && screen.exchange === undefined) {
      diagnostics.push({
        code: "MISSING_DATA_EXCHANGE_HANDLER",
        severity: "warning",
        pointer,
        message: `Screen ${screen.id} sends data_exchange but has no handler; the step will refuse its requests. Add states.${screen.id}.data_exchange.`,
        state: screen.id,
      });
    }
    if (!screen.sendsDataExchange && screen.exchange !== undefined) {
      diagnostics.push({
        code: "UNUSED_DATA_EXCHANGE_HANDLER",
        severity: "warning",
        pointer,
        message: `Screen ${screen.id} has a data_exchange handler but no data_exchange action in its layout; nothing will call it.`,
        state: screen.id,
      });
    }
  });
  return diagnostics;
}
