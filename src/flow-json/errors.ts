/**
 * The errors the Flow JSON language raises. Each is a tagged `Error` (effect `Data.TaggedError`)
 * whose message says what is wrong and where.
 */
import { Data } from "effect";

/** One part of a document that does not fit the Flow JSON model. */
export interface FlowJsonIssue {
  /** RFC 6901 JSON pointer to the offending part (`""` for the whole document). */
  readonly pointer: string;
  readonly message: string;
}

/**
 * The document does not fit the Flow JSON model: a property has the wrong type, is missing, is
 * unknown, or a component `type` / action `name` is not one Flow JSON has.
 *
 * @example
 * try { decodeFlowJson(input); } catch (error) {
 *   if (error instanceof FlowJsonDecodeError) for (const { pointer, message } of error.issues) console.log(pointer, message);
 * }
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/flowjson
 */
export class FlowJsonDecodeError extends Data.TaggedError("FlowJsonDecodeError")<{
  readonly issues: readonly FlowJsonIssue[];
}> {
  override get message(): string {
    const count = this.issues.length === 1 ? "1 problem" : `${this.issues.length} problems`;
    const lines = this.issues.map(
      ({ pointer, message }) => `  ${pointer === "" ? "(document)" : pointer}: ${message}`,
    );
    return [`The document does not fit the Flow JSON model (${count}); fix these properties:`, ...lines].join(
      "\n",
    );
  }
}

/**
 * The text is not JSON. `line` and `column` are 1-based and point at the first character that
 * cannot be read; `offset` is the 0-based index of that character in the text.
 *
 * @example
 * try { parseFlowJsonText("{ \"version\": }"); } catch (error) {
 *   if (error instanceof FlowJsonSyntaxError) console.log(error.line, error.column); // 1 13
 * }
 */
export class FlowJsonSyntaxError extends Data.TaggedError("FlowJsonSyntaxError")<{
  readonly line: number;
  readonly column: number;
  readonly offset: number;
  /** What was expected at that point, e.g. `expected ',' or '}' after a property value`. */
  readonly reason: string;
}> {
  override get message(): string {
    return `Invalid JSON at line ${this.line}, column ${this.column}: ${this.reason}.`;
  }
}
