/**
 * The messages between the `serve` cluster primary and its workers (node:cluster IPC). A worker reports
 * `ready` once it listens, `fatal` when it cannot start (bad module, key or store: the primary stops
 * everything and exits with that status), and `warning`s, which the primary prints once however many
 * workers send them. The primary sends `drain` to stop a worker cleanly.
 *
 * @example
 * process.send?.({ type: "ready", flowId: flow.id, port: 3000 } satisfies WorkerMessage);
 */

/** From a worker to the primary. */
export type WorkerMessage =
  | { readonly type: "ready"; readonly flowId: string; readonly host: string; readonly port: number }
  | { readonly type: "fatal"; readonly message: string; readonly exitCode: number }
  | { readonly type: "warning"; readonly message: string };

/** From the primary to a worker. */
export interface DrainMessage {
  readonly type: "drain";
}

/** The environment variable that marks a process as a `serve` worker forked by the primary. */
export const SERVE_WORKER_ENV = "FLOWMACHINE_SERVE_WORKER";

function hasType(value: unknown): value is { type: unknown } {
  return typeof value === "object" && value !== null && "type" in value;
}

/** Narrows an IPC message from a worker. */
export function isWorkerMessage(value: unknown): value is WorkerMessage {
  return hasType(value) && (value.type === "ready" || value.type === "fatal" || value.type === "warning");
}

/** Narrows an IPC message from the primary. */
export function isDrainMessage(value: unknown): value is DrainMessage {
  return hasType(value) && value.type === "drain";
}
