import { describe, expect, it } from "vitest";
import { createSignInFlow } from "../../examples/sign-in/flow.js";
import { step } from "../../src/machine/index.js";

describe("step with an inspect observer", () => {
  it("passes the observer to the actors it creates", async () => {
    const types = new Set<string>();
    await step(
      createSignInFlow(),
      undefined,
      { action: "INIT", flow_token: "t" },
      {
        inspect: (event) => types.add(event.type),
      },
    );
    expect(types).toContain("@xstate.event");
    expect(types).toContain("@xstate.snapshot");
  });

  it("rejects instead of hanging when the observer throws while the actor starts", async () => {
    const started = Date.now();
    const running = step(
      createSignInFlow(),
      undefined,
      { action: "INIT", flow_token: "t" },
      {
        timeoutMs: 10_000,
        inspect: () => {
          throw new Error("inspector down");
        },
      },
    );
    await expect(running).rejects.toBeInstanceOf(Error);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
