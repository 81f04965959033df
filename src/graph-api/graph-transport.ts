/**
 * One Graph API call, done carefully: Bearer auth in the header only, a timeout per attempt, retries with
 * backoff for 429, 5xx and network failures, and every answer decoded with a Schema or turned into a
 * {@link GraphApiError} that holds no secret.
 */
import { Redacted, Result, Schema } from "effect";
import {
  GraphApiConfigError,
  GraphApiError,
  GraphApiInputError,
  type GraphApiErrorReason,
} from "./errors.js";
import { GRAPH_API_BASE_URL, GRAPH_API_VERSION } from "./graph-api-version.js";
import { decodeGraphError, describeThrown, formatGraphApiErrorMessage } from "./graph-error-decoding.js";
import { createRetryPolicy, parseRetryAfter, type RetryOptions } from "./retry-policy.js";
import { createSecretScrubber, scrubDeep, type SecretScrubber } from "./secret-scrubber.js";

/** The subset of `fetch` the client needs; the platform `fetch` fits, and so does any wrapper of it. */
export type FetchFunction = (input: string, init: RequestInit) => Promise<Response>;

/** Where the client reports retries; it never passes a secret to it. */
export interface GraphApiLogger {
  readonly warn: (message: string) => void;
}

/** Connection settings shared by every resource of the client. */
export interface GraphTransportOptions {
  /** System-user or user access token; kept `Redacted`, sent only in the Authorization header. */
  readonly accessToken: string | Redacted.Redacted<string>;
  /** Graph API version such as `"v24.0"` (default {@link GRAPH_API_VERSION}). */
  readonly apiVersion?: string;
  /** Graph API origin (default `https://graph.facebook.com`); the test stand-in sets its own. */
  readonly baseUrl?: string;
  /** HTTP client (default the platform `fetch`). */
  readonly fetch?: FetchFunction;
  /** Time limit of one attempt, body included (default 30000 ms). */
  readonly timeoutMs?: number;
  readonly retry?: RetryOptions;
  readonly logger?: GraphApiLogger;
}

/** The body of a request, by encoding. A multipart body lets `fetch` choose the boundary. */
export type GraphRequestBody =
  | { readonly json: unknown }
  | { readonly form: Readonly<Record<string, string>> }
  | { readonly multipart: FormData };

/** One Graph API request, before the version prefix and the auth header are added. */
export interface GraphRequest {
  readonly method: "GET" | "POST" | "DELETE";
  /** Path below the version, built with {@link idSegment} (`/123/publish`). */
  readonly path: string;
  readonly query?: Readonly<Record<string, string | undefined>>;
  readonly body?: GraphRequestBody;
  /** False for requests that create something: see {@link RetryOptions.replayUnsafeRequests}. */
  readonly replaySafe: boolean;
}

/** Bytes fetched from a URL Meta handed out (media, Flow JSON assets). */
export interface DownloadedBytes {
  readonly bytes: Uint8Array<ArrayBuffer>;
  readonly contentType: string | undefined;
}

/** The configured transport, shared by the resource groups of the client. */
export interface GraphTransport {
  readonly baseUrl: string;
  readonly apiVersion: string;
  /** Sends `request` and decodes the 2xx body with `schema`; throws {@link GraphApiError} otherwise. */
  readonly call: <T>(request: GraphRequest, schema: Schema.Decoder<T>) => Promise<T>;
  /** GETs an absolute URL, with the Bearer token only when `withToken` is set. */
  readonly download: (url: string, withToken: boolean) => Promise<DownloadedBytes>;
  /** Removes the access token from a text. */
  readonly scrub: SecretScrubber;
}

/** Checks that an id given by the caller is a non-empty string and returns it. */
export function requireId(field: string, value: string): string {
  if (typeof value !== "string" || value.trim() === "") {
    throw new GraphApiInputError({ field, message: `${field} must be a non-empty id.` });
  }
  return value;
}

/**
 * One path segment holding an id given by the caller: checked non-empty and URI-encoded, so an id can
 * never reach another endpoint.
 *
 * @example
 * `/${idSegment("flowId", flowId)}/publish`
 */
export function idSegment(field: string, value: string): string {
  return encodeURIComponent(requireId(field, value));
}

type Outcome =
  | {
      readonly kind: "response";
      readonly status: number;
      readonly headers: Headers;
      readonly bytes: Uint8Array<ArrayBuffer>;
    }
  | { readonly kind: "transport"; readonly detail: string }
  | { readonly kind: "timeout" };

/** Meta's tokens are long runs of visible ASCII; 16 characters is far below any real one. */
const TOKEN_PATTERN = /^[\x21-\x7e]{16,}$/;

function resolveToken(token: string | Redacted.Redacted<string>): Redacted.Redacted<string> {
  const redacted = Redacted.isRedacted(token) ? token : Redacted.make(token);
  const value = Redacted.value(redacted);
  if (typeof value !== "string" || !TOKEN_PATTERN.test(value)) {
    throw new GraphApiConfigError({
      option: "accessToken",
      message:
        "accessToken must be at least 16 visible ASCII characters without spaces; copy the token again from Meta's Business Manager.",
    });
  }
  return redacted;
}

function resolveBaseUrl(baseUrl: string): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new GraphApiConfigError({ option: "baseUrl", message: "baseUrl must be an absolute http(s) URL." });
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new GraphApiConfigError({ option: "baseUrl", message: "baseUrl must be an absolute http(s) URL." });
  }
  return url.href.replace(/\/+$/, "");
}

function encodeQuery(query: Readonly<Record<string, string | undefined>> | undefined): string {
  const pairs = Object.entries(query ?? {}).filter((pair): pair is [string, string] => pair[1] !== undefined);
  if (pairs.length === 0) return "";
  return (
    "?" + pairs.map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`).join("&")
  );
}

function encodeBody(body: GraphRequestBody | undefined): { body?: BodyInit; contentType?: string } {
  if (body === undefined) return {};
  if ("json" in body) return { body: JSON.stringify(body.json), contentType: "application/json" };
  if ("form" in body) {
    return {
      body: new URLSearchParams(body.form).toString(),
      contentType: "application/x-www-form-urlencoded",
    };
  }
  return { body: body.multipart };
}

/**
 * Builds the transport from the client's options; throws {@link GraphApiConfigError} for an unusable
 * token, version, base URL or timeout (naming the option, never echoing a secret).
 */
export function createGraphTransport(options: GraphTransportOptions): GraphTransport {
  const token = resolveToken(options.accessToken);
  const scrub = createSecretScrubber([Redacted.value(token)]);
  const apiVersion = options.apiVersion ?? GRAPH_API_VERSION;
  if (!/^v\d+\.\d+$/.test(apiVersion)) {
    throw new GraphApiConfigError({ option: "apiVersion", message: 'apiVersion must look like "v24.0".' });
  }
  const baseUrl = resolveBaseUrl(options.baseUrl ?? GRAPH_API_BASE_URL);
  const timeoutMs = options.timeoutMs ?? 30_000;
  if (!(timeoutMs > 0) || !Number.isFinite(timeoutMs)) {
    throw new GraphApiConfigError({ option: "timeoutMs", message: "timeoutMs must be a positive number." });
  }
  const fetchFunction: FetchFunction = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const policy = createRetryPolicy(options.retry);
  const warn = (message: string): void => options.logger?.warn(scrub(message));

  async function attempt(url: string, init: RequestInit): Promise<Outcome> {
    const signal = AbortSignal.timeout(timeoutMs);
    try {
      const response = await fetchFunction(url, { ...init, signal });
      const bytes = new Uint8Array(await response.arrayBuffer());
      return { kind: "response", status: response.status, headers: response.headers, bytes };
    } catch (error) {
      if (signal.aborted) return { kind: "timeout" };
      return { kind: "transport", detail: describeThrown(error) };
    }
  }

  function retryable(outcome: Outcome, replaySafe: boolean): boolean {
    if (outcome.kind === "response") {
      if (outcome.status === 429) return true;
      return outcome.status >= 500 && (replaySafe || policy.replayUnsafeRequests);
    }
    return replaySafe || policy.replayUnsafeRequests;
  }

  function describeOutcome(outcome: Outcome): string {
    if (outcome.kind === "response") return `answered HTTP ${outcome.status}`;
    return outcome.kind === "timeout" ? `timed out after ${timeoutMs} ms` : "could not be reached";
  }

  /** Runs attempts until one is final; returns the last outcome and how many attempts were made. */
  async function run(
    label: string,
    url: string,
    init: RequestInit,
    replaySafe: boolean,
  ): Promise<{ outcome: Outcome; attempts: number }> {
    for (let attempts = 1; ; attempts += 1) {
      const outcome = await attempt(url, init);
      const failed = outcome.kind !== "response" || outcome.status >= 400;
      if (!failed || !retryable(outcome, replaySafe)) return { outcome, attempts };
      const retryAfter =
        outcome.kind === "response"
          ? parseRetryAfter(outcome.headers.get("retry-after"), Date.now())
          : undefined;
      const delay = policy.delayBeforeRetry(attempts, retryAfter);
      if (delay === undefined) return { outcome, attempts };
      warn(
        `Graph API ${label} ${describeOutcome(outcome)}; retry ${attempts} of ${policy.maxAttempts - 1} in ${delay} ms.`,
      );
      await policy.sleep(delay);
    }
  }

  function fail(method: string, path: string, attempts: number, reason: GraphApiErrorReason): GraphApiError {
    const clean = scrubDeep(reason, scrub);
    return new GraphApiError({
      method,
      path: scrub(path),
      attempts,
      reason: clean,
      message: scrub(formatGraphApiErrorMessage(`${method} ${path}`, clean)),
    });
  }

  function failure(method: string, path: string, attempts: number, outcome: Outcome): GraphApiError {
    if (outcome.kind === "timeout") return fail(method, path, attempts, { _tag: "Timeout", timeoutMs });
    if (outcome.kind === "transport")
      return fail(method, path, attempts, { _tag: "Transport", detail: outcome.detail });
    return fail(method, path, attempts, decodeGraphError(outcome.status, outcome.bytes, scrub));
  }

  const authorization = (): string => `Bearer ${Redacted.value(token)}`;

  return {
    baseUrl,
    apiVersion,
    scrub,
    call: async (request, schema) => {
      const url = `${baseUrl}/${apiVersion}${request.path}${encodeQuery(request.query)}`;
      const { body, contentType } = encodeBody(request.body);
      const headers: Record<string, string> = { authorization: authorization(), accept: "application/json" };
      if (contentType !== undefined) headers["content-type"] = contentType;
      const init: RequestInit =
        body === undefined ? { method: request.method, headers } : { method: request.method, headers, body };
      const { outcome, attempts } = await run(
        `${request.method} ${request.path}`,
        url,
        init,
        request.replaySafe,
      );
      if (outcome.kind !== "response" || outcome.status < 200 || outcome.status >= 300) {
        throw failure(request.method, request.path, attempts, outcome);
      }
      const status = outcome.status;
      let json: unknown;
      try {
        json = JSON.parse(new TextDecoder().decode(outcome.bytes));
      } catch {
        throw fail(request.method, request.path, attempts, {
          _tag: "Undecodable",
          status,
          detail: "the body is not JSON",
        });
      }
      const decoded = Schema.decodeUnknownResult(schema)(json);
      if (Result.isFailure(decoded)) {
        throw fail(request.method, request.path, attempts, {
          _tag: "Undecodable",
          status,
          detail: decoded.failure.message,
        });
      }
      return decoded.success;
    },
    download: async (url, withToken) => {
      let parsed: URL;
      try {
        parsed = new URL(url);
      } catch {
        throw fail("GET", "download_url", 0, {
          _tag: "Undecodable",
          status: 200,
          detail: "the download URL is not absolute",
        });
      }
      const label = `${parsed.origin}${parsed.pathname}`;
      const headers: Record<string, string> = withToken ? { authorization: authorization() } : {};
      const { outcome, attempts } = await run(`GET ${label}`, url, { method: "GET", headers }, true);
      if (outcome.kind !== "response" || outcome.status < 200 || outcome.status >= 300) {
        throw failure("GET", label, attempts, outcome);
      }
      return { bytes: outcome.bytes, contentType: outcome.headers.get("content-type") ?? undefined };
    },
  };
}
