/**
 * One flow action against the session store: load the session for the flow token, run the machine step,
 * and persist the new snapshot with compare-and-set. When another request for the same token committed
 * first, the step runs again on the state that won, so two requests never both apply; after a few lost
 * races the request fails without writing anything.
 *
 * @example
 * const outcome = await runSessionStep({ flow, store, request, ttlMs, stepOptions });
 * if (outcome.type === "replied") return encrypt(outcome.response);
 */
import {
  FlowCompleted,
  SnapshotInvalid,
  step,
  type Flow,
  type FlowRequest,
  type FlowResponse,
  type StepOptions,
} from "../../machine/index.js";
import type { SessionStore, StoredSession } from "../store/session-store.js";

/** How many times a step is re-run after losing a compare-and-set race before the request gives up. */
export const MAX_STEP_ATTEMPTS = 3;

export interface SessionStepInput {
  readonly flow: Flow;
  readonly store: SessionStore;
  readonly request: FlowRequest;
  readonly ttlMs: number;
  readonly stepOptions: StepOptions;
}

export type SessionStepOutcome =
  | { readonly type: "replied"; readonly response: FlowResponse; readonly completed: boolean }
  /** The token has no session to continue (BACK without one). */
  | { readonly type: "no-session" }
  /** Every attempt lost its race: nothing was written by this request. */
  | { readonly type: "contended" };

/**
 * Runs `request` through the flow with its persisted session. Rejects with the step's typed errors
 * (nothing written), with {@link FlowCompleted} for a tombstoned token, or with the store's
 * `SessionStoreError`.
 */
export async function runSessionStep(input: SessionStepInput): Promise<SessionStepOutcome> {
  const { flow, store, request, ttlMs, stepOptions } = input;
  let stored = await store.get(request.flow_token);
  for (let attempt = 0; attempt < MAX_STEP_ATTEMPTS; attempt += 1) {
    if (stored?.completed === true) throw new FlowCompleted({ flowId: flow.id });
    if (stored === undefined && request.action === "BACK") return { type: "no-session" };
    const result = await step(flow, parseSnapshot(stored), request, stepOptions);
    const written = await store.compareAndSet(request.flow_token, stored?.version, {
      value: JSON.stringify(result.snapshot),
      completed: result.completed,
      ttlMs,
    });
    if (written.ok) return { type: "replied", response: result.response, completed: result.completed };
    stored = written.current;
  }
  return { type: "contended" };
}

/** The persisted snapshot inside a stored session; `step` checks that it belongs to this flow. */
function parseSnapshot(stored: StoredSession | undefined): Parameters<typeof step>[1] {
  if (stored === undefined) return undefined;
  try {
    return JSON.parse(stored.value) as Parameters<typeof step>[1];
  } catch {
    throw new SnapshotInvalid({ problem: "the stored session is not JSON" });
  }
}
