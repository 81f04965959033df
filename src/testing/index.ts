/**
 * `flowmachine/testing`: the paths of a flow as protocol requests (shortest, simple, every transition),
 * bounded so that large flows stay tractable, and a driver that runs a path through the step.
 *
 * @example
 * import { transitionPaths, runPath } from "flowmachine/testing";
 * for (const path of transitionPaths(flow).paths) await runPath(flow, path);
 */
export {
  shortestPaths,
  simplePaths,
  transitionPaths,
  type FlowPath,
  type FlowPaths,
  type PathOptions,
  type PathRequest,
  type PathStep,
} from "./paths.js";
export { runPath, type RunPathOptions, type RunPathResult } from "./run-path.js";
export {
  createPathLogic,
  initialPathState,
  applyPathEvent,
  pathEvents,
  type PathEvent,
  type PathState,
} from "./path-logic.js";
export * from "./errors.js";
