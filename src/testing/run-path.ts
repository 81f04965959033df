/**
 * Drives one path through the step, as the WhatsApp client would: each request in turn (with the
 * snapshot persisted and restored as JSON between requests), checking that every reply shows the
 * screen the path expects. Client-side moves at the end of a path (no request follows them) are checked
 * by reconciling the session to the path's last screen.
 *
 * @example
 * const { paths } = transitionPaths(flow);
 * for (const path of paths) await runPath(createFlowForTest(), path);
 */
import {
  reconcile,
  step,
  successScreen,
  type Flow,
  type FlowResponse,
  type FlowSnapshot,
  type StepOptions,
} from "../machine/index.js";
import { PathFailed } from "./errors.js";
import type { FlowPath } from "./paths.js";

/** Options of {@link runPath}. */
export interface RunPathOptions extends StepOptions {
  /** The flow_token of the session (default `"flowmachine-path"`). */
  readonly flowToken?: string;
}

/** What a path run saw. */
export interface RunPathResult {
  readonly responses: readonly FlowResponse[];
  /** The session after the path, as stored (undefined when the path sent no request and moved nowhere). */
  readonly snapshot: FlowSnapshot | undefined;
}

/** Runs `path` through `step`; rejects with {@link PathFailed} at the first reply that goes elsewhere. */
export async function runPath(
  flow: Flow,
  path: FlowPath,
  options: RunPathOptions = {},
): Promise<RunPathResult> {
  const flowToken = options.flowToken ?? "flowmachine-path";
  let snapshot: FlowSnapshot | undefined;
  const responses: FlowResponse[] = [];
  for (const [index, { request, expect }] of path.requests.entries()) {
    let screen: string;
    try {
      const result = await step(flow, snapshot, { ...request, flow_token: flowToken }, options);
      snapshot = JSON.parse(JSON.stringify(result.snapshot)) as FlowSnapshot;
      responses.push(result.response);
      screen = result.response.screen;
    } catch (cause) {
      throw new PathFailed({
        path: path.description,
        request: index,
        expected: expect.screen,
        actual: "(error)",
        cause,
      });
    }
    if (screen !== expect.screen) {
      throw new PathFailed({
        path: path.description,
        request: index,
        expected: expect.screen,
        actual: screen,
      });
    }
  }
  const last = path.steps[path.steps.length - 1];
  const lastRequest = [...path.steps].reverse().find((candidate) => candidate.request);
  if (last !== undefined && last !== lastRequest && path.screen !== successScreen) {
    try {
      snapshot = await reconcile(
        flow,
        snapshot,
        path.screen,
        options.inspect === undefined ? {} : { inspect: options.inspect },
      );
    } catch (cause) {
      throw new PathFailed({
        path: path.description,
        request: path.requests.length,
        expected: path.screen,
        actual: "(error)",
        cause,
      });
    }
  }
  return { responses, snapshot };
}
