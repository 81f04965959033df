/**
 * Redaction of XState inspection events before they reach an inspector: form data in events and the
 * values the flow has learned in its context are replaced, keeping their keys (and the event's type,
 * screen and action) so the inspector still shows the shape of what happened.
 *
 * @example
 * createFlowEndpoint({ flow, privateKey, inspect: redactInspection(createBrowserInspector().inspect) });
 */
import type { InspectionEvent } from "xstate";

/** The text that stands in for every redacted value. */
export const REDACTED = "[redacted]";

/** Wraps an inspection observer so that it only ever sees redacted events. */
export function redactInspection(
  inspect: (event: InspectionEvent) => void,
): (event: InspectionEvent) => void {
  return (event) => inspect(redactInspectionEvent(event));
}

/** A copy of `event` with event data and snapshot context values redacted. */
export function redactInspectionEvent(event: InspectionEvent): InspectionEvent {
  switch (event.type) {
    case "@xstate.event":
      return { ...event, event: redactEvent(event.event) };
    case "@xstate.snapshot":
      return { ...event, event: redactEvent(event.event), snapshot: redactSnapshot(event.snapshot) };
    default:
      return event;
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

function redactSnapshot<T>(snapshot: T): T {
  if (typeof snapshot !== "object" || snapshot === null || !("context" in snapshot)) return snapshot;
  return { ...snapshot, context: redactValues(snapshot.context) };
}

function redactValues(value: unknown): unknown {
  if (typeof value !== "object" || value === null) return value === undefined ? undefined : REDACTED;
  if (Array.isArray(value)) return value.map(redactValues);
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, redactValues(inner)]));
}
