/**
 * `flowmachine/transport/hono`: serves a flow endpoint or a webhook handler as a hono handler (hono is an
 * optional peer dependency). Hono keeps the body it has read, so even after a middleware called
 * `c.req.json()` the handler still gets the exact bytes for the signature check.
 *
 * @example
 * const app = new Hono();
 * app.post("/flow", createHonoHandler(endpoint));
 */
import type { Context } from "hono";
import type { RawHttpHandler } from "../raw-http.js";
import { declaredLengthExceeds } from "../read-body.js";
import { DEFAULT_MAX_BODY_BYTES, EndpointStatus } from "../status-codes.js";

export interface HonoHandlerOptions {
  /** Largest accepted body in bytes; larger requests get 413. Defaults to 1 MiB. */
  readonly maxBodyBytes?: number;
}

/** Wraps `handler` as a hono handler. */
export function createHonoHandler(
  handler: RawHttpHandler,
  options: HonoHandlerOptions = {},
): (context: Context) => Promise<Response> {
  const limit = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  return async (context) => {
    const tooLarge = new Response(null, { status: EndpointStatus.PayloadTooLarge });
    if (declaredLengthExceeds(context.req.header("content-length"), limit)) return tooLarge;
    const body = new Uint8Array(await context.req.arrayBuffer());
    if (body.byteLength > limit) return tooLarge;
    const url = new URL(context.req.url);
    const reply = await handler.handle(body, context.req.header(), context.req.method, url.searchParams);
    return new Response(reply.body === "" ? null : reply.body, {
      status: reply.status,
      headers: reply.headers,
    });
  };
}
