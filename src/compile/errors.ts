/**
 * The typed errors of `flowmachine/compile`. Messages say what to do.
 *
 * @example
 * try {
 *   compileFlow(flow).toFlowJson();
 * } catch (error) {
 *   if (error instanceof FlowInvalid) console.error(error.diagnostics);
 * }
 */
import { Data } from "effect";
import type { Diagnostic } from "../flow-json/diagnostic.js";

/** The compiled Flow JSON has errors, so it would be rejected by Meta; see `diagnostics`. */
export class FlowInvalid extends Data.TaggedError("FlowInvalid")<{
  readonly flowId: string;
  readonly diagnostics: readonly Diagnostic[];
  readonly message: string;
}> {
  constructor(args: { readonly flowId: string; readonly diagnostics: readonly Diagnostic[] }) {
    const errors = args.diagnostics.filter((diagnostic) => diagnostic.severity === "error");
    const first = errors[0];
    super({
      ...args,
      message:
        `Flow '${args.flowId}' compiles to Flow JSON that Meta would reject (${errors.length} error(s))` +
        (first === undefined
          ? ""
          : `, first: ${first.pointer || "(document)"}: ${first.code} ${first.message}`) +
        `. Run 'flowmachine compile' to see them all.`,
    });
  }
}

/** The document given to `importFlowJson` is not Flow JSON. */
export class FlowJsonUnreadable extends Data.TaggedError("FlowJsonUnreadable")<{
  readonly problem: string;
  readonly message: string;
}> {
  constructor(args: { readonly problem: string }) {
    super({
      ...args,
      message: `This is not a Flow JSON document: ${args.problem}. Pass the parsed content of a flow.json file.`,
    });
  }
}
