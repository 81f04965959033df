/**
 * Reading Flow JSON: from JSON text or an already-parsed value to a checked `FlowJson`, with every
 * problem reported as a JSON pointer and a message.
 */
import { Result, Schema } from "effect";
import { FlowJsonDecodeError } from "./errors.js";
import { toFlowJsonIssues } from "./issue-pointers.js";
import { parseJsonText } from "./json-text.js";
import { FlowJsonSchema } from "./schema/index.js";
import type { FlowJson } from "./types.js";

/** Collect every problem, reject unknown keys, and keep offending values for the messages. */
const decodeOptions = { errors: "all", onExcessProperty: "error", reportInput: true } as const;

const decodeWithSchema = Schema.decodeUnknownResult(FlowJsonSchema, decodeOptions);

/**
 * Checks that `input` is a Flow JSON document, without throwing.
 *
 * Success holds the decoded document; failure holds a `FlowJsonDecodeError` listing every problem
 * (wrong type, missing or unknown property, unknown component `type` or action `name`).
 *
 * @example
 * const result = decodeFlowJsonResult(JSON.parse(text));
 * if (Result.isFailure(result)) for (const issue of result.failure.issues) console.error(issue.pointer, issue.message);
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/flowjson
 */
export function decodeFlowJsonResult(input: unknown): Result.Result<FlowJson, FlowJsonDecodeError> {
  const result = decodeWithSchema(input);
  if (Result.isSuccess(result)) return Result.succeed(result.success);
  return Result.fail(new FlowJsonDecodeError({ issues: toFlowJsonIssues(result.failure.issue) }));
}

/**
 * Checks that `input` is a Flow JSON document and returns it typed.
 *
 * Unknown properties are errors, so a misspelt key never passes silently. The model is the wire
 * format; rules that span the document (routing, references, versions) are the validator's job.
 *
 * @throws FlowJsonDecodeError whose `issues` carry an RFC 6901 pointer and a message each.
 * @example
 * const doc = decodeFlowJson(JSON.parse(readFileSync("flow.json", "utf8")));
 * doc.screens[0]?.id; // "WELCOME"
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/flowjson
 */
export function decodeFlowJson(input: unknown): FlowJson {
  const result = decodeFlowJsonResult(input);
  if (Result.isFailure(result)) throw result.failure;
  return result.success;
}

/**
 * Parses Flow JSON text and decodes it.
 *
 * Syntax errors are reported before the model is checked, with the line and column of the first
 * character that cannot be read.
 *
 * @throws FlowJsonSyntaxError when the text is not JSON; FlowJsonDecodeError when it is JSON but not Flow JSON.
 * @example
 * const doc = parseFlowJsonText(await readFile("flow.json", "utf8"));
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/flowjson
 */
export function parseFlowJsonText(text: string): FlowJson {
  return decodeFlowJson(parseJsonText(text));
}
