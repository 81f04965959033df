/**
 * The framework-free HTTP shape shared by the data endpoint and the webhook handler: raw body bytes and
 * headers in, a status, headers and a text body out. Adapters (node:http, fetch, express, hono, fastify)
 * translate their framework's request into this shape, so the signature is always checked over the exact
 * bytes that arrived.
 *
 * @example
 * const reply = await handler.handle(bytes, { "x-hub-signature-256": "sha256=..." }, "POST");
 * response.writeHead(reply.status, reply.headers).end(reply.body);
 */
import type { HeadersInput } from "./crypto/hub-signature.js";

/** What a handler answers: sent as is by every adapter. */
export interface RawHttpResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** Anything that answers raw HTTP requests: the data endpoint and the webhook handler both are. */
export interface RawHttpHandler {
  handle(
    rawBody: Uint8Array,
    headers: HeadersInput,
    method?: string,
    query?: URLSearchParams,
  ): Promise<RawHttpResponse>;
}
