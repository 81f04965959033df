import { describe, expect, it } from "vitest";
import { createSignInFlow } from "../../examples/sign-in/flow.js";
import { createMemoryUserRepository, seedExampleUsers } from "../../examples/sign-in/users.js";
import { screenGraph } from "../../src/compile/index.js";
import { transitionPaths, runPath } from "../../src/testing/index.js";

/** A flow over a fresh repository holding what the flow's examples rely on. */
async function seededFlow() {
  const users = createMemoryUserRepository({ now: () => new Date("2025-03-01T12:00:00Z") });
  await seedExampleUsers(users);
  return createSignInFlow({ users });
}

describe("the sign-in flow, path by path", async () => {
  const reference = await seededFlow();
  const { paths, truncated } = transitionPaths(reference);

  it("has a bounded, complete set of paths", () => {
    expect(truncated).toBe(false);
    expect(paths.length).toBeGreaterThan(5);
  });

  it("exercises every screen and every transition of the screen graph", () => {
    const taken = new Set(
      paths.flatMap((path) => path.steps.map((step) => `${step.from ?? "(open)"} ${step.kind} ${step.to}`)),
    );
    const graph = screenGraph(reference);
    const expected = [
      ...graph.starts.map((start) => `(open) ${graph.opensWith} ${start}`),
      ...graph.edges.map((edge) => `${edge.source} ${edge.kind} ${edge.target}`),
    ];
    expect(expected).toHaveLength(10);
    for (const edge of expected) expect(taken).toContain(edge);
    const screens = new Set(paths.flatMap((path) => path.steps.map((step) => step.to)));
    expect([...screens].sort()).toEqual([
      "FORGOT_PASSWORD",
      "SIGN_IN",
      "SIGN_UP",
      "SUCCESS",
      "TERMS_AND_CONDITIONS",
    ]);
  });

  it.each(paths.map((path) => [path.description, path] as const))("%s", async (_, path) => {
    const result = await runPath(await seededFlow(), path);
    expect(result.responses.map((response) => response.screen)).toEqual(
      path.requests.map((request) => request.expect.screen),
    );
  });
});
