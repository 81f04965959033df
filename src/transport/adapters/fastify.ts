/**
 * `flowmachine/transport/fastify`: serves a flow endpoint or a webhook handler as a fastify plugin (fastify
 * is an optional peer dependency). The plugin replaces fastify's JSON parser inside its own encapsulated
 * context with one that keeps the raw bytes, so the signature is checked over what arrived while the rest
 * of the application keeps parsing JSON as usual.
 *
 * @example
 * const app = Fastify();
 * await app.register(createFastifyPlugin(endpoint, { path: "/flow" }));
 */
import type { FastifyPluginAsync } from "fastify";
import type { RawHttpHandler } from "../raw-http.js";
import { DEFAULT_MAX_BODY_BYTES, EndpointStatus } from "../status-codes.js";

export interface FastifyPluginOptions {
  /** The route's path, e.g. `/flow`. */
  readonly path: string;
  /** Methods to answer; defaults to POST (add GET for a webhook's verification). */
  readonly methods?: readonly ("GET" | "POST")[];
  /** Largest accepted body in bytes; larger requests get 413. Defaults to 1 MiB. */
  readonly maxBodyBytes?: number;
}

/** Builds a fastify plugin that serves `handler` at `options.path`. */
export function createFastifyPlugin(
  handler: RawHttpHandler,
  options: FastifyPluginOptions,
): FastifyPluginAsync {
  const limit = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  return async (fastify) => {
    fastify.removeAllContentTypeParsers();
    fastify.addContentTypeParser("*", { parseAs: "buffer", bodyLimit: limit }, (_request, body, done) => {
      done(null, body);
    });
    fastify.setErrorHandler((error: { code?: string; statusCode?: number }, _request, reply) => {
      const tooLarge = error.code === "FST_ERR_CTP_BODY_TOO_LARGE";
      void reply.code(tooLarge ? EndpointStatus.PayloadTooLarge : (error.statusCode ?? 400)).send();
    });
    fastify.route({
      method: [...(options.methods ?? ["POST"])],
      url: options.path,
      handler: async (request, reply) => {
        const body = request.body instanceof Uint8Array ? request.body : new Uint8Array();
        const url = new URL(request.url, "http://localhost");
        const answer = await handler.handle(body, request.headers, request.method, url.searchParams);
        return reply.code(answer.status).headers(answer.headers).send(answer.body);
      },
    });
  };
}
