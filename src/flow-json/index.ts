/**
 * `flowmachine/flow-json`: the Flow JSON language: types, Schema, builders, refs and expressions,
 * versions and validation.
 */
export type * from "./types.js";
export * from "./diagnostic.js";
export * from "./schema/index.js";
export { FlowJsonDecodeError, FlowJsonSyntaxError, type FlowJsonIssue } from "./errors.js";
export { decodeFlowJson, decodeFlowJsonResult, parseFlowJsonText } from "./decode.js";
export { encodeFlowJson, formatFlowJson } from "./encode.js";
export { parseJsonText } from "./json-text.js";
export { formatJsonPointer } from "./json-pointer.js";
export * from "./canonical-order.js";
export * from "./builders/index.js";
export * from "./expressions/index.js";
export * from "./refs.js";
export * from "./screen-data.js";
export * from "./versions.js";
export type * from "./property-spec.js";
export { defineProperties, lookupProperty } from "./property-spec.js";
export type * from "./component-spec.js";
export * from "./component-catalog.js";
export { CAROUSEL_ITEM, CHIPS_ITEM, DATA_SOURCE_ITEM, NAVIGATION_ITEM } from "./list-item-catalog.js";
export * from "./validate/diagnostic-codes.js";
export { validateFlowJson, type ValidateFlowJsonOptions } from "./validate/validate-flow-json.js";
export {
  deriveRoutingModel,
  findBackwardRoutes,
  findCycles,
  findEntryScreens,
  findReachableScreens,
  findUnterminatedRoutes,
  toScreenGraph,
  type GraphInput,
  type Route,
  type ScreenGraph,
} from "./validate/routing-model.js";
