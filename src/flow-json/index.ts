/**
 * `flowmachine/flow-json`: the Flow JSON language: types, Schema, builders, refs and expressions,
 * versions and validation.
 */
export type * from "./types.js";
export * from "./diagnostic.js";
