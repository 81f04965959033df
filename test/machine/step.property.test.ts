import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createActor } from "xstate";
import {
  isStepError,
  positionOf,
  readFlowSnapshot,
  step,
  type FlowRequest,
  type FlowSnapshot,
} from "../../src/machine/index.js";
import { buildFlow, flowSpecArbitrary, screenId } from "../helpers/random-flow.js";

const requestArbitrary = (screens: number) =>
  fc.record({
    action: fc.constantFrom(
      "INIT",
      "data_exchange",
      "data_exchange",
      "data_exchange",
      "BACK",
      "ping",
      "navigate",
    ),
    screen: fc.option(
      fc.oneof(
        fc.integer({ min: 0, max: screens - 1 }).map(screenId),
        fc.constantFrom("", "SUCCESS", "NOWHERE"),
      ),
      { nil: undefined },
    ),
    go: fc.oneof(
      fc.integer({ min: 0, max: screens - 1 }).map(screenId),
      fc.constantFrom("SUCCESS", "REFRESH", "THROW", "BAD", "SLOW", "NOWHERE"),
    ),
    tamper: fc.constantFrom("none", "none", "none", "hash", "value", "garbage"),
  });

/** A snapshot must survive JSON and start an actor that sits on a screen (or has completed). */
function expectRestorable(flow: ReturnType<typeof buildFlow>, stored: FlowSnapshot): void {
  const revived = JSON.parse(JSON.stringify(stored)) as FlowSnapshot;
  const { machineSnapshot, position } = readFlowSnapshot(flow, revived);
  const actor = createActor(flow.machine, { snapshot: machineSnapshot });
  actor.start();
  expect(positionOf(flow, actor.getSnapshot() as unknown as Record<string, unknown>)).toEqual(position);
  actor.stop();
}

describe("step (property)", () => {
  it("never rejects with an untyped error and never leaves a snapshot the machine cannot restore", async () => {
    await fc.assert(
      fc.asyncProperty(
        flowSpecArbitrary(6).chain((spec) =>
          fc.tuple(
            fc.constant(spec),
            fc.array(requestArbitrary(spec.screens.length), { minLength: 1, maxLength: 12 }),
          ),
        ),
        async ([spec, requests]) => {
          const flow = buildFlow(spec);
          let snapshot: FlowSnapshot | undefined;
          for (const { action, screen, go, tamper } of requests) {
            const request = {
              action,
              flow_token: "token",
              data: { go },
              ...(screen === undefined ? {} : { screen }),
            } as unknown as FlowRequest;
            const given: FlowSnapshot | undefined =
              snapshot === undefined || tamper === "none"
                ? snapshot
                : tamper === "hash"
                  ? { ...snapshot, flowHash: "stale" }
                  : tamper === "value"
                    ? { ...snapshot, value: { [screenId(0)]: "exchanging" } }
                    : { flowId: flow.id, flowHash: flow.hash, status: 42 };
            try {
              const result = await step(flow, given, request, { timeoutMs: 5 });
              expectRestorable(flow, result.snapshot);
              expect(result.completed).toBe(result.response.screen === "SUCCESS");
              snapshot = result.snapshot;
            } catch (error) {
              if (!isStepError(error)) throw error;
              expect(error.message.length).toBeGreaterThan(20);
            }
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
