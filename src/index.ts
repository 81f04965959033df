/**
 * `flowmachine`: WhatsApp Flows written once, as XState machines. The root entry re-exports the
 * authoring surface; each folder also has its own subpath (`flowmachine/flow-json`, ...).
 */
export * from "./flow-json/index.js";
export * from "./machine/index.js";
export * from "./compile/index.js";
