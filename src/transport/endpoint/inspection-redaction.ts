/**
 * Redaction of XState inspection events before they reach an inspector: the values users typed and the
 * values the flow has learned (event payloads, contexts, actor inputs and outputs, action parameters) are
 * replaced, keeping their keys (and an event's type, screen and action) so the inspector still shows the
 * shape of what happened. Actor references are replaced by stand-ins whose snapshots are redacted too,
 * since a live reference would hand the inspector everything.
 *
 * @example
 * createFlowEndpoint({ flow, privateKey, inspect: createBrowserInspector().inspect }); // redacted by default
 */
import type { ActorRefLike, InspectionEvent } from "xstate";

/** The text that stands in for every redacted value. */
export const REDACTED = "[redacted]";

/** Wraps an inspection observer so that it only ever sees redacted events. */
export function redactInspection(
  inspect: (event: InspectionEvent) => void,
): (event: InspectionEvent) => void {
  return (event) => inspect(redactInspectionEvent(event));
}

/** A copy of `event` in which no value a user typed or a flow learned remains. */
export function redactInspectionEvent(event: InspectionEvent): InspectionEvent {
  const actorRef = redactActorRef(event.actorRef);
  switch (event.type) {
    case "@xstate.event":
      return {
        ...event,
        actorRef,
        sourceRef: event.sourceRef === undefined ? undefined : redactActorRef(event.sourceRef),
        event: redactEvent(event.event),
      };
    case "@xstate.snapshot":
    case "@xstate.microstep":
    case "@xstate.transition":
      return {
        ...event,
        actorRef,
        event: redactEvent(event.event),
        snapshot: redactSnapshot(event.snapshot),
      };
    case "@xstate.action":
      return {
        ...event,
        actorRef,
        action: { type: event.action.type, params: redactValues(event.action.params) },
      };
    default:
      return { ...event, actorRef };
  }
}

/** Event fields that describe where the user is, not what they typed: kept as they are. */
const keptEventKeys: ReadonlySet<string> = new Set(["type", "screen", "action"]);

function redactEvent<T extends { type: string }>(event: T): T {
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(event)) {
    copy[key] = keptEventKeys.has(key) ? value : redactValues(value);
  }
  return copy as T;
}

/** Snapshot fields that hold data: a machine's context, a promise actor's input and output, an error. */
const snapshotDataKeys = ["context", "input", "output", "error"] as const;

function redactSnapshot<T>(snapshot: T): T {
  if (typeof snapshot !== "object" || snapshot === null) return snapshot;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(snapshot)) {
    if (key === "children" || key === "machine") continue;
    copy[key] = (snapshotDataKeys as readonly string[]).includes(key) ? redactValues(value) : value;
  }
  return copy as T;
}

/** A stand-in for a live actor reference: its identity, and a redacted snapshot on demand. */
function redactActorRef(actorRef: ActorRefLike): ActorRefLike {
  const id = (actorRef as { id?: unknown }).id;
  return {
    sessionId: actorRef.sessionId,
    send: () => undefined,
    getSnapshot: () => redactSnapshot(actorRef.getSnapshot() as unknown),
    ...({ id, toJSON: () => ({ id, sessionId: actorRef.sessionId }) } as object),
  };
}

function redactValues(value: unknown): unknown {
  if (typeof value !== "object" || value === null) return value === undefined ? undefined : REDACTED;
  if (Array.isArray(value)) return value.map(redactValues);
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, redactValues(inner)]));
}
