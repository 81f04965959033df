/**
 * Makes a path of `transitionPaths` end with a request. A path that ends with client-side moves (a
 * navigate or a back with no request after it) leaves the server nothing to check; it gets one more
 * request from the screen it ended on: a refusal found among the other paths, which leaves the user on
 * that screen whatever the users hold, so the server has to place the session there to answer it.
 *
 * @example
 * const { paths } = transitionPaths(flow);
 * for (const path of paths.map((each) => withFollowUp(each, paths))) await drive(path);
 */
import type { FlowPath } from "../../src/testing/index.js";

/** `path`, or `path` with a follow-up request when it ends with client-side moves and one exists. */
export function withFollowUp(path: FlowPath, all: readonly FlowPath[]): FlowPath {
  const last = path.steps.at(-1);
  if (last === undefined || last.request || path.screen === "SUCCESS") return path;
  const followUp = all
    .flatMap((other) => other.requests)
    .find(
      ({ request, expect: outcome }) =>
        request.action === "data_exchange" &&
        request.screen === path.screen &&
        outcome.screen === path.screen,
    );
  if (followUp === undefined) return path;
  return {
    description: `${path.description} -data_exchange-> ${path.screen}`,
    steps: [
      ...path.steps,
      {
        kind: "data_exchange",
        from: path.screen,
        to: path.screen,
        data: followUp.request.data ?? {},
        request: true,
        example: true,
      },
    ],
    requests: [...path.requests, followUp],
    screen: path.screen,
  };
}
