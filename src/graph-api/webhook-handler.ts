/**
 * The webhook endpoint for flows: answers Meta's verification GET, checks `X-Hub-Signature-256` on every
 * POST, acknowledges at once and dispatches typed updates (completions, status changes, alerts) to
 * listeners afterwards. It speaks plain values (raw body, headers, method, query in; status, headers,
 * body out), so any HTTP adapter can serve it.
 */
import { Redacted } from "effect";
import { GraphApiConfigError } from "./errors.js";
import type { FlowCompletion, MediaDownloader } from "./flow-completion.js";
import type { DownloadedMedia } from "./media-resource.js";
import { verifyWebhookSignature } from "./webhook-signature.js";
import { createWebhookListeners, type WebhookListeners, type WebhookLogger } from "./webhook-listeners.js";
import { readWebhookUpdates, type WebhookUpdate } from "./webhook-updates.js";

/** Request headers; names in any case, repeated headers as arrays (Node's `IncomingHttpHeaders` fits). */
export type WebhookHeaders = Readonly<Record<string, string | readonly string[] | undefined>>;

/** Query parameters as `URLSearchParams` (what the transport adapters pass), a record, or the raw query string. */
export type WebhookQuery =
  URLSearchParams | Readonly<Record<string, string | readonly string[] | undefined>> | string;

/** What to answer. */
export interface WebhookResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** Anything that can download media: a Graph API client, or a function. */
export type WebhookMediaSource =
  | {
      readonly media: {
        readonly download: (
          mediaId: string,
          expected: { readonly sha256?: string },
        ) => Promise<DownloadedMedia>;
      };
    }
  | MediaDownloader;

/** Options of {@link createWebhookHandler}. */
export interface WebhookHandlerOptions {
  /** The Meta app's secret; several during a rotation (any of them is accepted). */
  readonly appSecret: string | Redacted.Redacted<string> | readonly (string | Redacted.Redacted<string>)[];
  /** The verify token entered in the App Dashboard. */
  readonly verifyToken: string | Redacted.Redacted<string>;
  /** Lets completion media be downloaded (`completion.media[key][i].download()`). */
  readonly graphApi?: WebhookMediaSource;
  /** Looks up the final context of the endpoint session a `flow_token` belonged to. */
  readonly sessionContext?: (flowToken: string) => Promise<unknown>;
  /** Default: `console`. */
  readonly logger?: WebhookLogger;
  /** Keeps the platform alive while listeners run after the answer (a Worker's `ctx.waitUntil`). */
  readonly waitUntil?: (work: Promise<unknown>) => void;
  /** Larger bodies are refused with 413 (default 3 MiB). */
  readonly maxBodyBytes?: number;
}

/** A webhook handler: `handle` for the adapter, listener registrations for the application. */
export interface WebhookHandler extends Omit<WebhookListeners, "dispatch" | "dispatchRaw"> {
  readonly handle: (
    rawBody: Uint8Array | string,
    headers: WebhookHeaders,
    method?: string,
    query?: WebhookQuery,
  ) => Promise<WebhookResponse>;
  /** Resolves once every delivery accepted so far has reached its listeners (tests, graceful shutdown). */
  readonly settled: () => Promise<void>;
}

const encoder = new TextEncoder();

function secretsOf(value: WebhookHandlerOptions["appSecret"]): Redacted.Redacted<string>[] {
  const list = (Array.isArray(value) ? value : [value]) as readonly (string | Redacted.Redacted<string>)[];
  const secrets = list.map((secret) => (Redacted.isRedacted(secret) ? secret : Redacted.make(secret)));
  if (
    secrets.length === 0 ||
    secrets.some((secret) => typeof Redacted.value(secret) !== "string" || Redacted.value(secret) === "")
  ) {
    throw new GraphApiConfigError({
      option: "appSecret",
      message: "appSecret must be one or more non-empty strings (App Dashboard > App settings > Basic).",
    });
  }
  return secrets;
}

function header(headers: WebhookHeaders, name: string): string | undefined {
  const key = Object.keys(headers).find((candidate) => candidate.toLowerCase() === name);
  const value = key === undefined ? undefined : headers[key];
  return typeof value === "string" ? value : value?.[0];
}

function queryValue(query: WebhookQuery | undefined, name: string): string | undefined {
  if (query === undefined) return undefined;
  if (typeof query === "string") return new URLSearchParams(query.replace(/^\?/, "")).get(name) ?? undefined;
  if (query instanceof URLSearchParams) return query.get(name) ?? undefined;
  const value = query[name];
  return typeof value === "string" ? value : value?.[0];
}

function constantTimeEqual(a: string, b: string): boolean {
  const left = encoder.encode(a);
  const right = encoder.encode(b);
  let difference = left.length ^ right.length;
  for (let index = 0; index < Math.max(left.length, right.length); index += 1) {
    difference |= (left[index] ?? 0) ^ (right[index] ?? 0);
  }
  return difference === 0;
}

function reply(status: number, body: string, extra: Record<string, string> = {}): WebhookResponse {
  return { status, headers: { "content-type": "text/plain; charset=utf-8", ...extra }, body };
}

function downloaderOf(source: WebhookMediaSource | undefined): MediaDownloader | undefined {
  if (source === undefined) return undefined;
  if (typeof source === "function") return source;
  return (mediaId, expected) => source.media.download(mediaId, expected);
}

/**
 * Makes the webhook handler. A POST is answered 200 as soon as its signature is checked and its body
 * parsed; listeners run afterwards, and their failures are logged, never turned into an error status
 * (which would make Meta redeliver for days).
 *
 * @example
 * const webhook = createWebhookHandler({ appSecret: process.env.APP_SECRET!, verifyToken: process.env.VERIFY_TOKEN!, graphApi: client });
 * webhook.onFlowCompletion(async (completion) => db.saveAnswers(completion.flowToken, completion.response));
 * webhook.onFlowAlert((alert) => pager.notify(alert.event.event, alert.event.message));
 * // node:http: const res = await webhook.handle(body, req.headers, req.method, url.search);
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/flowswebhooks
 */
export function createWebhookHandler(options: WebhookHandlerOptions): WebhookHandler {
  const secrets = secretsOf(options.appSecret);
  const verifyToken = Redacted.isRedacted(options.verifyToken)
    ? options.verifyToken
    : Redacted.make(options.verifyToken);
  if (typeof Redacted.value(verifyToken) !== "string" || Redacted.value(verifyToken) === "") {
    throw new GraphApiConfigError({
      option: "verifyToken",
      message: "verifyToken must be the non-empty token entered in the App Dashboard.",
    });
  }
  const maxBodyBytes = options.maxBodyBytes ?? 3 * 1024 * 1024;
  const logger: WebhookLogger = options.logger ?? console;
  const downloader = downloaderOf(options.graphApi);
  const listeners = createWebhookListeners(logger);
  const inFlight = new Set<Promise<void>>();

  async function withSessionContext(completion: FlowCompletion): Promise<FlowCompletion> {
    if (options.sessionContext === undefined || completion.flowToken === undefined) return completion;
    try {
      const context = await options.sessionContext(completion.flowToken);
      return context === undefined ? completion : { ...completion, sessionContext: context };
    } catch (error) {
      logger.error(
        "Looking up the session context of a flow completion failed; delivered without it.",
        error,
      );
      return completion;
    }
  }

  async function deliver(body: unknown, updates: readonly WebhookUpdate[]): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, 0));
    await listeners.dispatchRaw(body);
    for (const update of updates) {
      await listeners.dispatch(update.kind === "flow_completion" ? await withSessionContext(update) : update);
    }
  }

  function verify(query: WebhookQuery | undefined): WebhookResponse {
    const challenge = queryValue(query, "hub.challenge");
    const token = queryValue(query, "hub.verify_token") ?? "";
    if (
      queryValue(query, "hub.mode") !== "subscribe" ||
      !constantTimeEqual(token, Redacted.value(verifyToken))
    ) {
      logger.warn("Refused a webhook verification request: wrong hub.mode or hub.verify_token.");
      return reply(403, "Forbidden");
    }
    if (challenge === undefined) return reply(400, "Missing hub.challenge");
    return reply(200, challenge);
  }

  async function receive(rawBody: Uint8Array | string, headers: WebhookHeaders): Promise<WebhookResponse> {
    const bytes = typeof rawBody === "string" ? encoder.encode(rawBody) : new Uint8Array(rawBody);
    if (bytes.byteLength > maxBodyBytes) return reply(413, "Payload Too Large");
    if (!(await verifyWebhookSignature(bytes, header(headers, "x-hub-signature-256"), secrets))) {
      logger.warn("Refused a webhook delivery: missing or invalid X-Hub-Signature-256.");
      return reply(403, "Forbidden");
    }
    let body: unknown;
    try {
      body = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
    } catch {
      return reply(400, "The body is not JSON");
    }
    const work = deliver(body, readWebhookUpdates(body, downloader)).catch((error: unknown) =>
      logger.error("Dispatching a webhook delivery failed.", error),
    );
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
    options.waitUntil?.(work);
    return reply(200, "OK");
  }

  const { dispatch: _dispatch, dispatchRaw: _dispatchRaw, ...registrations } = listeners;
  return {
    ...registrations,
    handle: async (rawBody, headers, method = "POST", query) => {
      const verb = method.toUpperCase();
      if (verb === "GET") return verify(query);
      if (verb === "POST") return receive(rawBody, headers);
      return reply(405, "Method Not Allowed", { allow: "GET, POST" });
    },
    settled: async () => {
      while (inFlight.size > 0) await Promise.all([...inFlight]);
    },
  };
}
