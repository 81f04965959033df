/**
 * Errors raised while building Flow JSON with the builders. Each is a real `Error` with a `_tag`,
 * usable from plain TypeScript (`catch`) and from Effect (`Effect.catchTag`).
 */
import { Data } from "effect";

/**
 * A `form(...)` cannot gather its inputs' initial values or error messages: two inputs share a name,
 * or a value is given both on an input and on the Form. The message names the input and the fix.
 *
 * @example
 * try { form({ name: "f", children: [a, b] }) } catch (error) { if (error instanceof FormConflictError) console.error(error.message) }
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/flowjson#forms
 */
export class FormConflictError extends Data.TaggedError("FormConflictError")<{
  readonly message: string;
  /** The Form's name. */
  readonly form: string;
  /** The input whose value or name conflicts. */
  readonly input: string;
}> {}

/**
 * A screen data example from which no schema can be inferred (an empty array, an array of arrays,
 * `null`, a function, a ref). The message gives the path of the offending value.
 *
 * @example
 * try { defineScreenData({ items: [] }) } catch (error) { if (error instanceof InvalidDataExampleError) console.error(error.path) }
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/flowjson#dynamic-properties
 */
export class InvalidDataExampleError extends Data.TaggedError("InvalidDataExampleError")<{
  readonly message: string;
  /** Where the value sits in the declaration, e.g. `countries[0].title`. */
  readonly path: string;
}> {}
