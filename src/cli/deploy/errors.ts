/**
 * The errors of `flowmachine deploy`. Each is a real `Error` with a `_tag` (effect `Data.TaggedError`)
 * whose message says what to do; none ever holds the access token.
 */
import { Data } from "effect";

/**
 * The lock file exists but cannot be read, is not JSON, or does not have the lock file's shape. Nothing
 * was sent; the CLI exits with 2 and leaves the file as it is.
 *
 * @example
 * new LockFileError({ path: "flowmachine.lock.json", problem: "it is not valid JSON (Unexpected end of JSON input)" });
 */
export class LockFileError extends Data.TaggedError("LockFileError")<{
  readonly path: string;
  readonly problem: string;
  readonly message: string;
}> {
  constructor(args: { readonly path: string; readonly problem: string }) {
    super({
      ...args,
      message: `Cannot use the lock file ${args.path}: ${args.problem}. Fix it, or restore it from version control.`,
    });
  }
}

/**
 * The flow the lock file records no longer answers on the Graph API: it was deleted, or the token cannot
 * read it. Deploy stops rather than create a second flow under the same name.
 *
 * @example
 * new LockedFlowMissingError({ flowId: "1234567890", name: "Sign in", wabaId: "77", lockPath: "flowmachine.lock.json", detail: "..." });
 */
export class LockedFlowMissingError extends Data.TaggedError("LockedFlowMissingError")<{
  readonly flowId: string;
  readonly name: string;
  readonly wabaId: string;
  readonly lockPath: string;
  readonly detail: string;
  readonly message: string;
}> {
  constructor(args: {
    readonly flowId: string;
    readonly name: string;
    readonly wabaId: string;
    readonly lockPath: string;
    readonly detail: string;
  }) {
    super({
      ...args,
      message:
        `${args.lockPath} records flow ${args.flowId} for "${args.name}" in WABA ${args.wabaId}, but the Graph API ` +
        `cannot find it (${args.detail}). If the flow was deleted, remove its entry from ${args.lockPath} and ` +
        `deploy again to create it; otherwise check that the token may read WABA ${args.wabaId}.`,
    });
  }
}
