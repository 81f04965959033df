/**
 * The persisted form of a session: XState's `getPersistedSnapshot()` output plus `flowId` and
 * `flowHash`, so that a redeploy can tell an old session from a new one. Plain JSON: store it with
 * `JSON.stringify`, restore it with `JSON.parse`. It holds the current screen, the stack of screens behind
 * it and the flow's context; never the screens themselves (about 200 bytes for the sign-in flow).
 *
 * @example
 * const { snapshot } = await step(flow, undefined, request);
 * await store.set(request.flow_token, JSON.stringify(snapshot));
 * const again = JSON.parse(await store.get(token)) as FlowSnapshot;
 */
import type { Snapshot } from "xstate";
import { FlowCompleted, SnapshotInvalid, SnapshotMismatch } from "./errors.js";
import type { Flow } from "./flow.js";
import type { FlowMachineContext } from "./flow-machine.js";
import { isJsonObject } from "./screen-data.js";
import { successScreen } from "./types.js";

/** A persisted session: XState's persisted snapshot with the flow's id and version hash. */
export type FlowSnapshot = { readonly flowId: string; readonly flowHash: string } & {
  readonly [key: string]: unknown;
};

/** Where a restored session stands. */
export interface SessionPosition {
  /** The screen the user is on, or `SUCCESS` once the flow completed. */
  readonly screen: string;
  /** The screens behind it, oldest first. */
  readonly history: readonly string[];
  readonly completed: boolean;
}

/** Stamps a persisted machine snapshot with the flow's id and hash. */
export function toFlowSnapshot(flow: Flow, persisted: Snapshot<unknown>): FlowSnapshot {
  return { ...(persisted as object), flowId: flow.id, flowHash: flow.hash };
}

/**
 * Checks a stored snapshot against `flow` and returns the machine's part of it, ready for
 * `createActor(flow.machine, { snapshot })`, with the position it describes.
 * Throws {@link SnapshotMismatch} for another flow or version, {@link SnapshotInvalid} for anything
 * this library did not write. A completed session is returned with `completed: true`.
 */
export function readFlowSnapshot(
  flow: Flow,
  stored: unknown,
): { machineSnapshot: Snapshot<unknown>; position: SessionPosition } {
  if (!isJsonObject(stored)) throw new SnapshotInvalid({ problem: "it is not a JSON object" });
  const { flowId, flowHash, ...machineSnapshot } = stored;
  if (flowId !== flow.id || flowHash !== flow.hash) {
    throw new SnapshotMismatch({
      expected: { flowId: flow.id, flowHash: flow.hash },
      found: { flowId, flowHash },
    });
  }
  return {
    machineSnapshot: machineSnapshot as unknown as Snapshot<unknown>,
    position: positionOf(flow, machineSnapshot),
  };
}

/** Throws {@link FlowCompleted} when the position is past completion. */
export function assertNotCompleted(flow: Flow, position: SessionPosition): void {
  if (position.completed) throw new FlowCompleted({ flowId: flow.id });
}

/** The position a persisted (or live) machine snapshot describes; throws {@link SnapshotInvalid}. */
export function positionOf(flow: Flow, snapshot: { readonly [key: string]: unknown }): SessionPosition {
  const { status, value, context } = snapshot;
  if (status === "done" && value === successScreen) {
    return { screen: successScreen, history: historyOf(flow, context), completed: true };
  }
  if (status !== "active") throw new SnapshotInvalid({ problem: `its status is '${String(status)}'` });
  if (!isJsonObject(value)) throw new SnapshotInvalid({ problem: "its value is not a screen state" });
  const keys = Object.keys(value);
  const screen = keys[0];
  if (keys.length !== 1 || screen === undefined || !flow.model.byId.has(screen)) {
    throw new SnapshotInvalid({ problem: `its value names no screen of flow '${flow.id}'` });
  }
  if (value[screen] !== "idle") {
    throw new SnapshotInvalid({
      problem: `it was taken while screen '${screen}' was ${JSON.stringify(value[screen])}, not idle`,
    });
  }
  return { screen, history: historyOf(flow, context), completed: false };
}

function historyOf(flow: Flow, context: unknown): readonly string[] {
  const machineContext = context as Partial<FlowMachineContext> | undefined;
  const history = machineContext?.history;
  if (!Array.isArray(history) || !history.every((id) => typeof id === "string" && flow.model.byId.has(id))) {
    throw new SnapshotInvalid({ problem: "its context has no valid screen history" });
  }
  if (!isJsonObject(machineContext?.values))
    throw new SnapshotInvalid({ problem: "its context has no values object" });
  return history as readonly string[];
}
