/**
 * `flowmachine/transport/fetch`: serves a flow endpoint or a webhook handler as `(Request) => Promise<Response>`,
 * for Cloudflare Workers, Deno, Bun, Next.js route handlers and anything else built on the Fetch API.
 * The body is read as raw bytes under the size limit, so the signature is checked over what arrived.
 *
 * @example
 * const endpoint = createFlowEndpoint({ flow: signIn, privateKey });
 * export default { fetch: createFetchHandler(endpoint) }; // Cloudflare Workers
 * // Next.js: export const POST = createFetchHandler(endpoint);
 */
import type { RawHttpHandler } from "../raw-http.js";
import { declaredLengthExceeds, readBody, streamChunks, TOO_LARGE } from "../read-body.js";
import { DEFAULT_MAX_BODY_BYTES, EndpointStatus } from "../status-codes.js";

export interface FetchHandlerOptions {
  /** Largest accepted body in bytes; larger requests get 413. Defaults to 1 MiB. */
  readonly maxBodyBytes?: number;
}

/** Wraps `handler` as a Fetch API handler. */
export function createFetchHandler(
  handler: RawHttpHandler,
  options: FetchHandlerOptions = {},
): (request: Request) => Promise<Response> {
  const limit = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  return async (request) => {
    const tooLarge = new Response(null, { status: EndpointStatus.PayloadTooLarge });
    if (declaredLengthExceeds(request.headers.get("content-length"), limit)) return tooLarge;
    const body = await readBody(request.body === null ? [] : streamChunks(request.body), limit);
    if (body === TOO_LARGE) return tooLarge;
    const url = new URL(request.url);
    const reply = await handler.handle(
      body,
      Object.fromEntries(request.headers),
      request.method,
      url.searchParams,
    );
    return new Response(reply.body === "" ? null : reply.body, {
      status: reply.status,
      headers: reply.headers,
    });
  };
}
