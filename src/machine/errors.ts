/**
 * The typed errors of `flowmachine/machine`. Every error the step can raise is one of these, so the
 * transport can map each to a status (`FlowCompleted` -> 427, the rest -> a logged failure) and a
 * test can assert on `_tag` and `message`. Messages say what to do next.
 *
 * @example
 * try {
 *   await step(flow, snapshot, request);
 * } catch (error) {
 *   if (error instanceof FlowCompleted) return respond427();
 *   throw error;
 * }
 */
import { Data } from "effect";

/** A flow definition that cannot become a machine (unknown screen, bad id, reserved name, ...). */
export class FlowDefinitionError extends Data.TaggedError("FlowDefinitionError")<{
  readonly flowId: string;
  readonly problem: string;
  readonly message: string;
}> {
  constructor(args: { readonly flowId: string; readonly problem: string }) {
    super({ ...args, message: `Flow '${args.flowId}' cannot be defined: ${args.problem}` });
  }
}

/** The request's `action` is none of `INIT`, `data_exchange` and `BACK`. */
export class UnknownAction extends Data.TaggedError("UnknownAction")<{
  readonly action: string;
  readonly message: string;
}> {
  constructor(args: { readonly action: string }) {
    super({
      ...args,
      message:
        `Unknown action '${args.action}': a flow step accepts INIT, data_exchange and BACK ` +
        `(case-sensitive). Answer 'ping' and error notifications before calling step().`,
    });
  }
}

/** The request is missing something the step needs (a `flow_token`, the `screen` of a data_exchange). */
export class RequestInvalid extends Data.TaggedError("RequestInvalid")<{
  readonly problem: string;
  readonly message: string;
}> {
  constructor(args: { readonly problem: string }) {
    super({ ...args, message: `Invalid flow request: ${args.problem}` });
  }
}

/** The request names a screen the user cannot be on, given the persisted snapshot. */
export class ScreenUnreachable extends Data.TaggedError("ScreenUnreachable")<{
  readonly flowId: string;
  readonly from: string;
  readonly screen: string;
  readonly message: string;
}> {
  constructor(args: {
    readonly flowId: string;
    readonly from: string;
    readonly screen: string;
    readonly known: boolean;
  }) {
    const { known, ...rest } = args;
    super({
      ...rest,
      message: known
        ? `Screen '${args.screen}' cannot be reached from '${args.from}' in flow '${args.flowId}' by navigate ` +
          `actions or going back. The request does not belong to this session: check that the Flow JSON ` +
          `uploaded to Meta is the one compiled from this flow.`
        : `Flow '${args.flowId}' has no screen '${args.screen}'. Upload the Flow JSON compiled from this flow ` +
          `(flowmachine compile) or route the request to the flow it came from.`,
    });
  }
}

/** The current screen does not take this action (no handler, no way back, no INIT). */
export class EventNotAccepted extends Data.TaggedError("EventNotAccepted")<{
  readonly flowId: string;
  readonly screen: string;
  readonly action: string;
  readonly message: string;
}> {
  constructor(args: {
    readonly flowId: string;
    readonly screen: string;
    readonly action: string;
    readonly hint: string;
  }) {
    const { hint, ...rest } = args;
    super({
      ...rest,
      message: `Screen '${args.screen}' of flow '${args.flowId}' does not accept ${args.action}: ${hint}`,
    });
  }
}

/** The flow behind this token has completed; the transport answers 427 and the business sends a new token. */
export class FlowCompleted extends Data.TaggedError("FlowCompleted")<{
  readonly flowId: string;
  readonly message: string;
}> {
  constructor(args: { readonly flowId: string }) {
    super({
      ...args,
      message:
        `Flow '${args.flowId}' has already completed for this flow_token. Answer 427 and send the user a ` +
        `new flow message with a fresh flow_token.`,
    });
  }
}

/** A handler returned something that is not a reply, or a screen its definition does not declare. */
export class ReplyInvalid extends Data.TaggedError("ReplyInvalid")<{
  readonly screen: string;
  readonly problem: string;
  readonly message: string;
}> {
  constructor(args: { readonly screen: string; readonly problem: string }) {
    super({
      ...args,
      message: `The handler of screen '${args.screen}' returned an invalid reply: ${args.problem}`,
    });
  }
}

/** The data of a reply does not match the target screen's `data` declaration. */
export class ReplyDataInvalid extends Data.TaggedError("ReplyDataInvalid")<{
  readonly screen: string;
  readonly problems: readonly string[];
  readonly message: string;
}> {
  constructor(args: { readonly screen: string; readonly problems: readonly string[] }) {
    super({
      ...args,
      message:
        `Reply data for screen '${args.screen}' does not match its data declaration (WhatsApp would show ` +
        `payload-schema-error): ${args.problems.join("; ")}. Fix the handler or the screen's 'data'.`,
    });
  }
}

/** A handler (or data loader) threw or rejected. */
export class HandlerFailed extends Data.TaggedError("HandlerFailed")<{
  readonly screen: string;
  readonly action: string;
  readonly cause: unknown;
  readonly message: string;
}> {
  constructor(args: { readonly screen: string; readonly action: string; readonly cause: unknown }) {
    const reason = args.cause instanceof Error ? args.cause.message : String(args.cause);
    super({
      ...args,
      message: `The ${args.action} handler of screen '${args.screen}' failed: ${reason}. See 'cause'; the snapshot was not changed.`,
    });
  }
}

/** A handler did not settle before the step's deadline; its AbortSignal has been aborted. */
export class HandlerTimedOut extends Data.TaggedError("HandlerTimedOut")<{
  readonly screen: string;
  readonly action: string;
  readonly timeoutMs: number;
  readonly message: string;
}> {
  constructor(args: { readonly screen: string; readonly action: string; readonly timeoutMs: number }) {
    super({
      ...args,
      message:
        `The ${args.action} handler of screen '${args.screen}' did not finish within ${args.timeoutMs} ms ` +
        `(WhatsApp gives up after 10 s). Make it faster, honour its AbortSignal, or raise 'timeoutMs'.`,
    });
  }
}

/** The persisted snapshot belongs to another flow, or to another version of this one. */
export class SnapshotMismatch extends Data.TaggedError("SnapshotMismatch")<{
  readonly expected: { readonly flowId: string; readonly flowHash: string };
  readonly found: { readonly flowId: unknown; readonly flowHash: unknown };
  readonly message: string;
}> {
  constructor(args: {
    readonly expected: { readonly flowId: string; readonly flowHash: string };
    readonly found: { readonly flowId: unknown; readonly flowHash: unknown };
  }) {
    const sameFlow = args.found.flowId === args.expected.flowId;
    super({
      ...args,
      message: sameFlow
        ? `The session was started with another version of flow '${args.expected.flowId}' ` +
          `(hash ${String(args.found.flowHash)}, now ${args.expected.flowHash}). Answer 427 so the user gets a new message.`
        : `The session belongs to flow '${String(args.found.flowId)}', not '${args.expected.flowId}'. ` +
          `Route each flow's requests to its own endpoint or session store.`,
    });
  }
}

/** The persisted snapshot is not one this library wrote (corrupt, hand-edited, or mid-step). */
export class SnapshotInvalid extends Data.TaggedError("SnapshotInvalid")<{
  readonly problem: string;
  readonly message: string;
}> {
  constructor(args: { readonly problem: string }) {
    super({
      ...args,
      message: `The persisted snapshot cannot be restored: ${args.problem}. Discard it and answer 427.`,
    });
  }
}

/** Every error `step()` and `reconcile()` can reject with. */
export type StepError =
  | UnknownAction
  | RequestInvalid
  | ScreenUnreachable
  | EventNotAccepted
  | FlowCompleted
  | ReplyInvalid
  | ReplyDataInvalid
  | HandlerFailed
  | HandlerTimedOut
  | SnapshotMismatch
  | SnapshotInvalid;

const stepErrorTags: ReadonlySet<string> = new Set([
  "UnknownAction",
  "RequestInvalid",
  "ScreenUnreachable",
  "EventNotAccepted",
  "FlowCompleted",
  "ReplyInvalid",
  "ReplyDataInvalid",
  "HandlerFailed",
  "HandlerTimedOut",
  "SnapshotMismatch",
  "SnapshotInvalid",
]);

/** True for the typed errors `step()` rejects with. */
export function isStepError(error: unknown): error is StepError {
  return (
    error instanceof Error &&
    "_tag" in error &&
    typeof error._tag === "string" &&
    stepErrorTags.has(error._tag)
  );
}
