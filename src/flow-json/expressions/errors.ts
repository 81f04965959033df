/**
 * Errors raised while building Flow JSON refs and expressions. Each is a real `Error` with a `_tag`,
 * usable from plain TypeScript (`catch`) and from Effect (`Effect.catchTag`).
 */
import { Data } from "effect";

/**
 * An expression cannot be written in Flow JSON (a non-finite number, an empty ref name, a `!`
 * applied to nothing). The message says what to write instead.
 *
 * @example
 * try { age.gt(Number.NaN) } catch (error) { if (error instanceof InvalidExpressionError) console.error(error.message) }
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/flowjson
 */
export class InvalidExpressionError extends Data.TaggedError("InvalidExpressionError")<{
  readonly message: string;
}> {}
