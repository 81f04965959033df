/**
 * Client-side navigation, reconciled. The WhatsApp client moves between screens with `navigate` actions
 * and its back button without telling the endpoint; the next request names the screen it comes from.
 * The plan brings the machine there: first silent backs along the history stack (only past screens
 * without `refresh_on_back`, since leaving those sends a BACK request), then the shortest chain of
 * navigate edges (breadth-first). The fewest backs win, then the fewest navigates.
 *
 * @example
 * planReconciliation(flow.model, { screen: "SIGN_UP", history: ["SIGN_IN"] }, "FORGOT_PASSWORD");
 * // [{ type: "BACK" }, { type: "navigate", next: "FORGOT_PASSWORD" }]
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/flowjson#navigate
 */
import { createActor, type InspectionEvent, type Observer } from "xstate";
import { ScreenUnreachable } from "./errors.js";
import type { Flow } from "./flow.js";
import type { FlowModel } from "./flow-model.js";
import { readFlowSnapshot, assertNotCompleted, toFlowSnapshot, type FlowSnapshot } from "./snapshot.js";

/** One client-side move the step replays on the machine. */
export type ReconcileMove =
  | { readonly type: "BACK"; readonly flowToken: string }
  | { readonly type: "navigate"; readonly next: string };

/**
 * The moves from `from` to `target`, or undefined when the user cannot have got there without a request.
 * Pure: reads only the flow's layout edges.
 */
export function planReconciliation(
  model: FlowModel,
  from: { readonly screen: string; readonly history: readonly string[] },
  target: string,
): ReconcileMove[] | undefined {
  if (!model.byId.has(target)) return undefined;
  const backs: ReconcileMove[] = [];
  let start = from.screen;
  for (let popped = 0; ; popped++) {
    const forward = shortestNavigation(model, start, target);
    if (forward !== undefined)
      return [...backs, ...forward.map((next): ReconcileMove => ({ type: "navigate", next }))];
    const previous = from.history[from.history.length - 1 - popped];
    if (previous === undefined || model.byId.get(start)?.refreshOnBack === true) return undefined;
    backs.push({ type: "BACK", flowToken: "" });
    start = previous;
  }
}

function shortestNavigation(model: FlowModel, start: string, target: string): string[] | undefined {
  if (start === target) return [];
  const cameFrom = new Map<string, string>([[start, start]]);
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const current = queue[head] as string;
    for (const next of model.byId.get(current)?.navigate ?? []) {
      if (cameFrom.has(next)) continue;
      cameFrom.set(next, current);
      if (next === target) {
        const path = [next];
        for (let step = current; step !== start; step = cameFrom.get(step) as string) path.unshift(step);
        return path;
      }
      queue.push(next);
    }
  }
  return undefined;
}

/** Options of {@link reconcile}. */
export interface ReconcileOptions {
  /** XState inspection observer, passed to the actor. */
  readonly inspect?: Observer<InspectionEvent> | ((event: InspectionEvent) => void);
}

/**
 * Moves a persisted session to `screen` the way the client did (navigate actions, silent backs) and
 * returns the new snapshot. Without a snapshot it starts from the entry screen (a flow opened with
 * `navigate`). Throws {@link ScreenUnreachable} when the client cannot be there; the input is not changed.
 */
export async function reconcile(
  flow: Flow,
  snapshot: FlowSnapshot | undefined,
  screen: string,
  options: ReconcileOptions = {},
): Promise<FlowSnapshot> {
  const restored = snapshot === undefined ? undefined : readFlowSnapshot(flow, snapshot);
  if (restored !== undefined) assertNotCompleted(flow, restored.position);
  const from = restored?.position ?? { screen: flow.model.entry, history: [] };
  const moves = planReconciliation(flow.model, from, screen);
  if (moves === undefined) {
    throw new ScreenUnreachable({
      flowId: flow.id,
      from: from.screen,
      screen,
      known: flow.model.byId.has(screen),
    });
  }
  const actor = createActor(flow.machine, {
    ...(restored === undefined ? {} : { snapshot: restored.machineSnapshot }),
    ...(options.inspect === undefined ? {} : { inspect: options.inspect }),
  });
  actor.start();
  try {
    for (const move of moves) actor.send(move);
    return toFlowSnapshot(flow, actor.getPersistedSnapshot());
  } finally {
    actor.stop();
  }
}
