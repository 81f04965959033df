import { describe, expect, it } from "vitest";
import signIn from "../../examples/sign-in/flow.js";
import { importFlowJson } from "../../src/compile/index.js";
import { shortestPaths, simplePaths, transitionPaths, runPath } from "../../src/testing/index.js";
import { buildFlow, generateFlowSpec } from "../helpers/random-flow.js";
import { createOrderFlow } from "../helpers/order-flow.js";
import { readSharedJson } from "../helpers/shared-path.js";

describe("path enumeration", () => {
  it("reaches every session state of the sign-in flow by a shortest path", () => {
    const { paths, truncated } = shortestPaths(signIn);
    expect(truncated).toBe(false);
    expect(paths.map((path) => path.description)).toEqual([
      "(open) -INIT-> SIGN_IN -navigate-> FORGOT_PASSWORD",
      "(open) -INIT-> SIGN_IN -data_exchange-> SUCCESS",
      "(open) -INIT-> SIGN_IN -navigate-> SIGN_UP -navigate-> TERMS_AND_CONDITIONS",
    ]);
  });

  it("folds client-side moves into the requests that follow them", () => {
    const path = transitionPaths(signIn).paths.find(
      (candidate) =>
        candidate.description === "(open) -INIT-> SIGN_IN -navigate-> SIGN_UP -data_exchange-> SIGN_IN",
    );
    expect(path?.requests).toEqual([
      { request: { action: "INIT", data: {} }, expect: { screen: "SIGN_IN" } },
      {
        request: {
          action: "data_exchange",
          screen: "SIGN_UP",
          data: expect.objectContaining({ email: "grace@example.com" }) as unknown,
        },
        expect: { screen: "SIGN_IN" },
      },
    ]);
    expect(path?.steps.map((step) => [step.kind, step.request, step.example])).toEqual([
      ["INIT", true, false],
      ["navigate", false, true],
      ["data_exchange", true, true],
    ]);
  });

  it("takes every example payload once in the transition paths", () => {
    const descriptions = transitionPaths(signIn).paths.map((path) => path.description);
    expect(descriptions).toContain("(open) -INIT-> SIGN_IN -data_exchange#2-> SIGN_IN");
    expect(descriptions).toContain("(open) -INIT-> SIGN_IN -navigate-> SIGN_UP -data_exchange#3-> SIGN_UP");
    expect(descriptions).toContain("(open) -INIT-> SIGN_IN -navigate-> SIGN_UP -back-> SIGN_IN");
  });

  it("asks for BACK on refresh_on_back screens", () => {
    const { flow } = createOrderFlow();
    const back = transitionPaths(flow).paths.find((path) =>
      path.steps.some((step) => step.kind === "BACK" && step.request),
    );
    expect(back?.requests.at(-1)).toEqual({
      request: { action: "BACK", screen: "DETAILS", data: {} },
      expect: { screen: "MENU" },
    });
  });

  it("lists the simple paths of a static flow without INIT", () => {
    const flow = importFlowJson(readSharedJson("corpus/pywa-flows/pywa.v6_2.navigation-list.flow.json"));
    const { paths } = simplePaths(flow);
    expect(paths.map((path) => path.description)).toEqual([
      "FIRST_SCREEN -navigate-> SECOND_SCREEN -navigate-> CONTACT -complete-> SUCCESS",
      "FIRST_SCREEN -navigate-> FIFTH_SCREEN -navigate-> CONTACT -complete-> SUCCESS",
      "FIRST_SCREEN -data_exchange-> THIRD_SCREEN -navigate-> CONTACT -complete-> SUCCESS",
    ]);
    expect(paths[0]?.requests).toEqual([]);
  });

  it("stays within its bounds on a large flow and says so", () => {
    const flow = buildFlow(generateFlowSpec(60, 3));
    const simple = simplePaths(flow, { maxDepth: 6, maxPaths: 40 });
    expect(simple.truncated).toBe(true);
    expect(simple.paths.length).toBeLessThanOrEqual(40);
    expect(Math.max(...simple.paths.map((path) => path.steps.length))).toBeLessThanOrEqual(6);
    const shortest = shortestPaths(flow, { maxDepth: 4, maxStates: 100 });
    expect(shortest.truncated).toBe(true);
    expect(Math.max(...shortest.paths.map((path) => path.steps.length))).toBeLessThanOrEqual(5);
  });
});

describe("runPath", () => {
  it("drives every transition path of the order flow through the step", async () => {
    for (const path of transitionPaths(createOrderFlow().flow).paths) {
      const { flow } = createOrderFlow();
      const result = await runPath(flow, path);
      expect(result.responses.map((response) => response.screen)).toEqual(
        path.requests.map((request) => request.expect.screen),
      );
    }
  });

  it("fails with PathFailed when a reply goes elsewhere", async () => {
    const path = transitionPaths(signIn).paths.find((candidate) => candidate.screen === "SUCCESS");
    if (path === undefined) throw new Error("no completing path");
    // The default export has no users: the example sign-in cannot succeed.
    await expect(runPath(signIn, path)).rejects.toMatchObject({
      _tag: "PathFailed",
      expected: "SUCCESS",
      actual: "SIGN_IN",
      request: 1,
    });
  });
});
