/**
 * `flowmachine/transport/express`: serves a flow endpoint or a webhook handler as an express route handler
 * (express is an optional peer dependency).
 *
 * The raw-body pitfall: the signature covers the exact bytes Meta sent, and a JSON body parser placed in
 * front (`app.use(express.json())`) consumes them. Mount the handler before any body parser, or keep the
 * bytes with `express.json({ verify: captureRawBody })`. If neither is done, the parsed body is serialised
 * again, which matches Meta's compact JSON in practice, and a warning says how to make it exact.
 *
 * @example
 * const app = express();
 * app.post("/flow", createExpressHandler(endpoint));   // before app.use(express.json())
 * app.use(express.json({ verify: captureRawBody }));    // or: any order, bytes kept
 */
import type { IncomingMessage } from "node:http";
import type { RequestHandler } from "express";
import type { RawHttpHandler } from "../raw-http.js";
import { DEFAULT_MAX_BODY_BYTES } from "../status-codes.js";
import { answerNodeRequest } from "./node.js";

export interface ExpressHandlerOptions {
  /** Largest accepted body in bytes; larger requests get 413. Defaults to 1 MiB. */
  readonly maxBodyBytes?: number;
  /** Where the re-serialisation warning goes; defaults to `console.warn`. */
  readonly warn?: (message: string) => void;
}

type RequestWithBody = IncomingMessage & { rawBody?: unknown; body?: unknown };

/** A body-parser `verify` hook that keeps the raw bytes on `req.rawBody` for the flowmachine handlers. */
export function captureRawBody(request: IncomingMessage, _response: unknown, buffer: Buffer): void {
  (request as RequestWithBody).rawBody = buffer;
}

/** Wraps `handler` as an express route handler that works with or without a body parser in front. */
export function createExpressHandler(
  handler: RawHttpHandler,
  options: ExpressHandlerOptions = {},
): RequestHandler {
  const limit = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const warn = options.warn ?? ((message: string) => console.warn(message));
  let warned = false;
  return (request, response, next) => {
    const alreadyRead = bodyReadByParser(request);
    if (alreadyRead?.reserialised === true && !warned) {
      warned = true;
      warn(
        "flowmachine: a body parser consumed the request before the flow handler; the body was serialised " +
          "again for the signature check. Mount the handler before express.json(), or use " +
          "express.json({ verify: captureRawBody }).",
      );
    }
    answerNodeRequest(handler, request, response, limit, alreadyRead?.bytes).catch(next);
  };
}

function bodyReadByParser(
  request: RequestWithBody,
): { bytes: Uint8Array; reserialised: boolean } | undefined {
  if (request.rawBody instanceof Uint8Array) return { bytes: request.rawBody, reserialised: false };
  if (!request.readableEnded) return undefined;
  const { body } = request;
  if (body instanceof Uint8Array) return { bytes: body, reserialised: false };
  if (typeof body === "string") return { bytes: new TextEncoder().encode(body), reserialised: false };
  return {
    bytes: new TextEncoder().encode(body === undefined ? "" : JSON.stringify(body)),
    reserialised: true,
  };
}
