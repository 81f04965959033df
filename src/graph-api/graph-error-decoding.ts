/**
 * Turns a failed Graph API answer into a {@link GraphApiErrorReason}: Meta's error envelope when the body
 * has one (decoded with a Schema), the bare HTTP status with an excerpt otherwise.
 */
import { Result, Schema } from "effect";
import { adviceFor, metaErrorKindOf, type GraphApiErrorReason, type MetaErrorDetails } from "./errors.js";

/**
 * Meta's error envelope.
 *
 * @see https://developers.facebook.com/docs/graph-api/guides/error-handling
 */
export const MetaErrorEnvelope = Schema.Struct({
  error: Schema.Struct({
    message: Schema.String,
    type: Schema.optionalKey(Schema.String),
    code: Schema.Number,
    error_subcode: Schema.optionalKey(Schema.Number),
    fbtrace_id: Schema.optionalKey(Schema.String),
    is_transient: Schema.optionalKey(Schema.Boolean),
    error_user_title: Schema.optionalKey(Schema.String),
    error_user_msg: Schema.optionalKey(Schema.String),
    error_data: Schema.optionalKey(Schema.Struct({ details: Schema.optionalKey(Schema.String) })),
  }),
});

const EXCERPT_LENGTH = 300;

/**
 * The reason for a non-2xx answer with body `bytes`; `scrub` runs on the whole text before it is cut to
 * an excerpt, so that not even part of a secret survives.
 */
export function decodeGraphError(
  status: number,
  bytes: Uint8Array,
  scrub: (text: string) => string,
): GraphApiErrorReason {
  const text = scrub(new TextDecoder().decode(bytes));
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { _tag: "HttpStatus", status, bodyExcerpt: text.slice(0, EXCERPT_LENGTH) };
  }
  const envelope = Schema.decodeUnknownResult(MetaErrorEnvelope)(json);
  if (Result.isFailure(envelope))
    return { _tag: "HttpStatus", status, bodyExcerpt: text.slice(0, EXCERPT_LENGTH) };
  const { error_data, ...error } = envelope.success.error;
  const details: MetaErrorDetails = {
    _tag: "MetaError",
    status,
    kind: metaErrorKindOf(error.code),
    ...error,
    ...(error_data?.details === undefined ? {} : { details: error_data.details }),
  };
  return details;
}

/** `Name: message` of something thrown by `fetch`, with its cause (undici hides ECONNREFUSED there). */
export function describeThrown(thrown: unknown): string {
  const describe = (value: unknown): string =>
    value instanceof Error
      ? `${value.name}: ${value.message}`
      : typeof value === "string"
        ? value
        : "unknown error";
  const cause = thrown instanceof Error ? (thrown as Error & { cause?: unknown }).cause : undefined;
  return cause === undefined ? describe(thrown) : `${describe(thrown)} (${describe(cause)})`;
}

function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** The message of a {@link GraphApiError}: which call, what happened, what to do. */
export function formatGraphApiErrorMessage(call: string, reason: GraphApiErrorReason): string {
  switch (reason._tag) {
    case "Transport":
      return `Graph API ${call} could not be reached (${reason.detail}); check the network and the baseUrl option.`;
    case "Timeout":
      return `Graph API ${call} took longer than ${reason.timeoutMs} ms; retry later or raise the timeoutMs option.`;
    case "HttpStatus":
      return `Graph API ${call} answered HTTP ${reason.status} without Meta's error envelope: ${JSON.stringify(reason.bodyExcerpt)}.`;
    case "Undecodable":
      return `Graph API ${call} answered HTTP ${reason.status} with a body that does not have the documented shape (${reason.detail}).`;
    case "MetaError": {
      const code =
        reason.error_subcode === undefined ? `${reason.code}` : `${reason.code}/${reason.error_subcode}`;
      const kind = reason.kind === "Other" ? "" : ` (${reason.kind})`;
      const user = reason.error_user_msg === undefined ? "" : ` ${reason.error_user_msg}`;
      const advice = adviceFor(reason.kind);
      const trace = reason.fbtrace_id === undefined ? "" : ` [fbtrace_id ${reason.fbtrace_id}]`;
      return `Graph API ${call} failed with Meta error ${code}${kind}: ${sentence(reason.message)}${user}${advice === "" ? "" : ` ${advice}`}${trace}`;
    }
  }
}
