/**
 * Drives every path of the sign-in example (`transitionPaths` from flowmachine/testing, each ending with
 * a request) through one or more real endpoints, spreading each flow's requests over them in turn, and
 * checks every reply against the step run in-process on an identically seeded user repository. A path
 * that completes the flow is then sent one more request, which must be refused with 427.
 *
 * @example
 * const result = await checkSignInPaths([clientA, clientB], "two-instances");
 * expect(result.mismatches).toEqual([]);
 */
import { createSignInFlow } from "../../examples/sign-in/flow.js";
import { createMemoryUserRepository, seedExampleUsers } from "../../examples/sign-in/users.js";
import { runPath, transitionPaths } from "../../src/testing/index.js";
import type { FlowClient } from "./flow-client.js";
import { withFollowUp } from "./path-follow-up.js";
import { completedMessage } from "./sign-in-journeys.js";

export interface SignInPathsResult {
  readonly paths: number;
  readonly requests: number;
  /** The tokens of the paths that ended with SUCCESS. */
  readonly completedTokens: readonly string[];
  /** Every token used, one per path. */
  readonly tokens: readonly string[];
  /** One line per reply that differed from the in-process step. */
  readonly mismatches: readonly string[];
}

/** Runs every path in order; request `n` (counting across all paths) goes to `clients[n % length]`. */
export async function checkSignInPaths(
  clients: readonly FlowClient[],
  tokenPrefix: string,
): Promise<SignInPathsResult> {
  const users = createMemoryUserRepository();
  await seedExampleUsers(users);
  const reference = createSignInFlow({ users });
  const { paths, truncated } = transitionPaths(reference);
  if (truncated) throw new Error("transitionPaths hit a bound: the sign-in flow grew; raise the bounds");
  const mismatches: string[] = [];
  const tokens: string[] = [];
  const completedTokens: string[] = [];
  let sent = 0;
  const next = (): FlowClient => clients[sent++ % clients.length] as FlowClient;
  for (const [index, original] of paths.entries()) {
    const path = withFollowUp(original, paths);
    const token = `${tokenPrefix}-path-${index}`;
    tokens.push(token);
    const expected = await runPath(reference, path, { flowToken: token });
    for (const [step, { request }] of path.requests.entries()) {
      const answer = await next().request({ version: "3.0", ...request, flow_token: token });
      const want = { status: 200, reply: expected.responses[step] };
      if (JSON.stringify(answer) !== JSON.stringify(want)) {
        mismatches.push(`${path.description}, request ${step}: ${JSON.stringify(answer)}`);
      }
    }
    if (path.screen === "SUCCESS") {
      completedTokens.push(token);
      const late = await next().request({
        version: "3.0",
        action: "data_exchange",
        screen: "SIGN_IN",
        data: {},
        flow_token: token,
      });
      if (
        late.status !== 427 ||
        JSON.stringify(late.reply) !== JSON.stringify({ error_msg: completedMessage })
      ) {
        mismatches.push(`${path.description}, after completion: ${JSON.stringify(late)}`);
      }
    }
  }
  return { paths: paths.length, requests: sent, completedTokens, tokens, mismatches };
}
