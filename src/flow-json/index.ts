/**
 * `flowmachine/flow-json`: the Flow JSON language: types, Schema, builders, refs and expressions,
 * versions and validation.
 */
export type * from "./types.js";
export * from "./diagnostic.js";
export * from "./builders/index.js";
export * from "./expressions/index.js";
export * from "./refs.js";
export * from "./screen-data.js";
