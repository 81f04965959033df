/**
 * `flowmachine/machine`: flows as XState v5 machines. Define a flow from its screens and handlers, run
 * one data-endpoint request at a time with `step`, persist the snapshot it returns.
 *
 * @example
 * import { defineFlow, step } from "flowmachine/machine";
 * const flow = defineFlow({ id: "sign-in", version: "7.2", screens }).createFlow({ states: { ... } });
 * const { snapshot, response } = await step(flow, stored, request);
 */
export { defineFlow, type FlowSetup } from "./define-flow.js";
export { isFlow, type Flow } from "./flow.js";
export type { FlowModel, ScreenModel, ExchangeModel, LoadModel } from "./flow-model.js";
export {
  doneEventType,
  failureEventType,
  invokeId,
  replyEventType,
  type EdgeKind,
  type EdgeMeta,
  type FlowMachineContext,
  type FlowMachineEvent,
} from "./flow-machine.js";
export { step, defaultStepTimeoutMs, type StepOptions, type StepResult } from "./step.js";
export { reconcile, planReconciliation, type ReconcileMove, type ReconcileOptions } from "./reconcile.js";
export { readFlowSnapshot, positionOf, type FlowSnapshot, type SessionPosition } from "./snapshot.js";
export { checkScreenData, type CheckScreenDataOptions, type DataOf, type DataFieldValue } from "./screen-data.js";
export { layoutActions, navigateTargets, type LayoutAction } from "./layout-actions.js";
export { toFlowResponse } from "./reply.js";
export * from "./errors.js";
export * from "./types.js";
