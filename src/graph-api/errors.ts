/**
 * Errors of the Graph API client, the message builders and the webhook handler. Every error is a real
 * `Error` with a `_tag` (effect `Data.TaggedError`), usable from Effect code as well; none ever holds
 * the access token or the app secret.
 */
import { Data } from "effect";

/**
 * The named meanings of Meta's error codes for flows (pywa's error classes, one `kind` each). 139005 is
 * not documented by Meta's flows error-code page and is reported as `"Other"`.
 *
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/error-codes
 */
export const metaErrorKinds = {
  139000: "FlowBlockedByIntegrity",
  139001: "FlowUpdatingError",
  139002: "FlowPublishingError",
  139003: "FlowDeprecatingError",
  139004: "FlowDeletingError",
  139006: "FlowMetricsThresholdNotReached",
  132068: "FlowBlocked",
  132069: "FlowThrottled",
} as const;

/** `kind` of a Meta error envelope: one of {@link metaErrorKinds}, or `"Other"`. */
export type MetaErrorKind = (typeof metaErrorKinds)[keyof typeof metaErrorKinds] | "Other";

/** What to do about each named error; appended to the error message. */
const metaErrorAdvice: Readonly<Record<MetaErrorKind, string>> = {
  FlowBlockedByIntegrity: "The flow was blocked by an integrity check; review it against Meta's policies.",
  FlowUpdatingError:
    "The flow cannot be updated in its current state (deprecated, or endpoint_uri with Flow JSON < 3.0); retry if Meta reports a processing error.",
  FlowPublishingError:
    "Fix the validation errors, set endpoint_uri, upload a signed public key, connect an app and a phone number, subscribe to the flows webhook, then publish again.",
  FlowDeprecatingError: "Only a published flow that is not yet deprecated can be deprecated.",
  FlowDeletingError: "Only a DRAFT flow can be deleted; deprecate a published flow instead.",
  FlowMetricsThresholdNotReached: "The flow has not had enough endpoint requests for metrics yet.",
  FlowBlocked: "The flow is blocked; fix its endpoint health before sending it again.",
  FlowThrottled: "The flow is throttled to 10 messages an hour; wait, and fix its endpoint health.",
  Other: "",
};

/** The `kind` for a Meta error code. */
export function metaErrorKindOf(code: number): MetaErrorKind {
  return (metaErrorKinds as Readonly<Record<number, MetaErrorKind>>)[code] ?? "Other";
}

/** Advice for a Meta error kind, or `""`. */
export function adviceFor(kind: MetaErrorKind): string {
  return metaErrorAdvice[kind];
}

/** Meta's error envelope (`{"error":{...}}`), with the fields Meta documents and the derived `kind`. */
export interface MetaErrorDetails {
  readonly _tag: "MetaError";
  readonly status: number;
  readonly kind: MetaErrorKind;
  readonly code: number;
  readonly error_subcode?: number;
  readonly fbtrace_id?: string;
  readonly message: string;
  readonly type?: string;
  readonly is_transient?: boolean;
  readonly error_user_title?: string;
  readonly error_user_msg?: string;
  readonly details?: string;
}

/**
 * What went wrong with a Graph API call: the request never got an answer (`Transport`), took longer than
 * the timeout (`Timeout`), got a non-2xx answer without Meta's envelope (`HttpStatus`), got Meta's error
 * envelope (`MetaError`), or got a 2xx body that does not have the documented shape (`Undecodable`).
 */
export type GraphApiErrorReason =
  | { readonly _tag: "Transport"; readonly detail: string }
  | { readonly _tag: "Timeout"; readonly timeoutMs: number }
  | { readonly _tag: "HttpStatus"; readonly status: number; readonly bodyExcerpt: string }
  | MetaErrorDetails
  | { readonly _tag: "Undecodable"; readonly status: number; readonly detail: string };

/**
 * A Graph API call failed; `reason` says how, `method` and `path` say which call (never with the token,
 * which only ever travels in the Authorization header), `attempts` how many tries were made.
 *
 * @example
 * try {
 *   await client.flows.publish("1234567890");
 * } catch (error) {
 *   if (error instanceof GraphApiError && error.reason._tag === "MetaError" && error.reason.kind === "FlowPublishingError") {
 *     console.error(error.reason.message);
 *   }
 * }
 * @see https://developers.facebook.com/docs/graph-api/guides/error-handling
 */
export class GraphApiError extends Data.TaggedError("GraphApiError")<{
  readonly message: string;
  readonly method: string;
  readonly path: string;
  readonly attempts: number;
  readonly reason: GraphApiErrorReason;
}> {}

/** True when `error` is a {@link GraphApiError} carrying Meta's envelope with the given `kind`. */
export function isMetaErrorKind(error: unknown, kind: MetaErrorKind): error is GraphApiError {
  return error instanceof GraphApiError && error.reason._tag === "MetaError" && error.reason.kind === kind;
}

/**
 * A request's parameters break one of Meta's documented rules; detected before anything is sent.
 *
 * @example
 * // flow_cta over 20 characters
 * new GraphApiInputError({ field: "cta", message: "The flow CTA must be at most 20 characters; shorten it." });
 */
export class GraphApiInputError extends Data.TaggedError("GraphApiInputError")<{
  readonly field: string;
  readonly message: string;
}> {}

/** The client or the webhook handler was configured with an unusable option (say which, never its value). */
export class GraphApiConfigError extends Data.TaggedError("GraphApiConfigError")<{
  readonly option: string;
  readonly message: string;
}> {}

/** A Flow JSON source (document, string, machine or file) could not be turned into Flow JSON text. */
export class FlowJsonSourceError extends Data.TaggedError("FlowJsonSourceError")<{
  readonly source: "document" | "string" | "producer" | "file";
  readonly message: string;
}> {}

/**
 * A media file could not be downloaded safely: its SHA-256 differs from the one Meta announced, its URL
 * points to a host the access token must not be sent to, or no Graph API client was configured.
 */
export class MediaDownloadError extends Data.TaggedError("MediaDownloadError")<{
  readonly mediaId: string;
  readonly reason: "Sha256Mismatch" | "UntrustedHost" | "NotConfigured";
  readonly message: string;
}> {}

/** No matching flow completion arrived in time (see `waitForFlowCompletion`). */
export class FlowCompletionTimeoutError extends Data.TaggedError("FlowCompletionTimeoutError")<{
  readonly timeoutMs: number;
  readonly message: string;
}> {}
