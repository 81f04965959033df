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
