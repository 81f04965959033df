/**
 * The Flow JSON builders: one function per component, the five actions, `screen`, `layout` and
 * `flowJson`. Every builder returns the wire type of `types.ts`, so its output is Flow JSON as is.
 */
export type { Authored, BuilderOptions, CamelCase, Widen } from "./authoring.js";
export * from "./actions.js";
export * from "./conditional.js";
export * from "./errors.js";
export * from "./flow-json.js";
export * from "./form.js";
export { isInputComponent, type WithRef } from "./input.js";
export * from "./inputs.js";
export * from "./media.js";
export * from "./navigation.js";
export * from "./screen.js";
export * from "./selection.js";
export * from "./text.js";
export type { PayloadObject, PayloadValue } from "./wire-value.js";
