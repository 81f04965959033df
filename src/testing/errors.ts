/**
 * The typed errors of `flowmachine/testing`.
 *
 * @example
 * await expect(runPath(flow, path)).rejects.toMatchObject({ _tag: "PathFailed" });
 */
import { Data } from "effect";

/** A path did not go where the flow's graph says it goes. */
export class PathFailed extends Data.TaggedError("PathFailed")<{
  readonly path: string;
  readonly request: number;
  readonly expected: string;
  readonly actual: string;
  readonly cause?: unknown;
  readonly message: string;
}> {
  constructor(args: {
    readonly path: string;
    readonly request: number;
    readonly expected: string;
    readonly actual: string;
    readonly cause?: unknown;
  }) {
    const reason =
      args.cause instanceof Error
        ? `${args.cause.message}`
        : `the reply showed '${args.actual}', not '${args.expected}'`;
    super({
      ...args,
      message:
        `Path ${args.path} failed at request ${args.request + 1}: ${reason}. Check that the handler's ` +
        `example payload for '${args.expected}' really leads there (and that the test seeded what it needs).`,
    });
  }
}
