/**
 * `flowmachine/transport/node`: serves a flow endpoint or a webhook handler as a `node:http` request
 * listener. The body is read as raw bytes under the size limit (413 beyond it), so the signature is
 * checked over exactly what arrived. A client that goes away before its body has arrived only loses its
 * own connection: the listener never lets a rejection escape (it would end the process).
 *
 * @example
 * import { createServer } from "node:http";
 * const endpoint = createFlowEndpoint({ flow: signIn, privateKey });
 * createServer(createNodeRequestListener(endpoint)).listen(3000, "127.0.0.1");
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { RawHttpHandler, RawHttpResponse } from "../raw-http.js";
import { declaredLengthExceeds, readBody, TOO_LARGE } from "../read-body.js";
import { DEFAULT_MAX_BODY_BYTES, EndpointStatus } from "../status-codes.js";

export interface NodeRequestListenerOptions {
  /** Largest accepted body in bytes; larger requests get 413. Defaults to 1 MiB. */
  readonly maxBodyBytes?: number;
}

/** Wraps `handler` as a `node:http` request listener. */
export function createNodeRequestListener(
  handler: RawHttpHandler,
  options: NodeRequestListenerOptions = {},
): (request: IncomingMessage, response: ServerResponse) => void {
  const limit = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  return (request, response) => {
    answerNodeRequest(handler, request, response, limit).catch(() => {
      // A failed body read is handled in answerNodeRequest; this guards against a handler breaking its
      // contract: nobody is left to answer, and an unhandled rejection would take the whole server down.
      response.destroy();
    });
  };
}

/** Reads `request` under `limit`, runs `handler` and writes its reply; used by the express adapter too. */
export async function answerNodeRequest(
  handler: RawHttpHandler,
  request: IncomingMessage,
  response: ServerResponse,
  limit: number,
  alreadyRead?: Uint8Array,
): Promise<void> {
  let body: Uint8Array | typeof TOO_LARGE;
  try {
    body =
      alreadyRead ??
      (declaredLengthExceeds(request.headers["content-length"], limit)
        ? TOO_LARGE
        : await readBody(request, limit));
  } catch {
    // The client closed the connection before its body arrived ("aborted"): nobody is left to answer.
    response.destroy();
    return;
  }
  if (body === TOO_LARGE) {
    writeReply(response, {
      status: EndpointStatus.PayloadTooLarge,
      headers: { connection: "close" },
      body: "",
    });
    request.resume();
    return;
  }
  const url = new URL(request.url ?? "/", "http://localhost");
  writeReply(
    response,
    await handler.handle(body, request.headers, request.method ?? "POST", url.searchParams),
  );
}

function writeReply(response: ServerResponse, reply: RawHttpResponse): void {
  response.writeHead(reply.status, reply.headers).end(reply.body);
}
