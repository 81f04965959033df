/**
 * The HTTP server of `flowmachine serve`: `POST PATH` goes to the data endpoint through the node:http
 * adapter, `GET /healthz` probes the session store, anything else is 404 (405 for a wrong method on a
 * known path). It counts requests in flight so that a stop can let every one of them finish.
 *
 * @example
 * const http = createServeHttpServer({ handler: endpoint, path: "/flow", store });
 * const address = await http.listen(3000, "127.0.0.1");
 * // on SIGTERM:
 * await http.drain(15_000);
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createNodeRequestListener } from "../../transport/adapters/node.js";
import type { RawHttpHandler } from "../../transport/raw-http.js";
import type { SessionStore } from "../../transport/store/session-store.js";
import { HEALTH_PATH } from "./serve-options.js";
import { checkStoreHealth, healthBody } from "./store-health.js";

/** What the server routes to. */
export interface ServeHttpServerOptions {
  /** The data endpoint. */
  readonly handler: RawHttpHandler;
  /** The data endpoint's path. */
  readonly path: string;
  /** The store `/healthz` probes. */
  readonly store: SessionStore;
}

/** A server that can listen and be drained. */
export interface ServeHttpServer {
  readonly server: Server;
  /** Listens on `host:port` (0: a free port) and resolves with the bound address. */
  listen(port: number, host: string): Promise<AddressInfo>;
  /** Requests whose response has not finished yet. */
  readonly inFlight: number;
  /**
   * Stops accepting connections, lets the requests in flight finish (at most `timeoutMs`, then their
   * connections are cut) and resolves when the server is closed.
   */
  drain(timeoutMs: number): Promise<void>;
}

const JSON_TYPE = { "content-type": "application/json" } as const;

function sendJson(response: ServerResponse, status: number, body: unknown, headers: object = {}): void {
  response.writeHead(status, { ...JSON_TYPE, ...headers }).end(`${JSON.stringify(body)}\n`);
}

/** Builds the server; nothing listens until {@link ServeHttpServer.listen}. */
export function createServeHttpServer(options: ServeHttpServerOptions): ServeHttpServer {
  const endpoint = createNodeRequestListener(options.handler);
  let inFlight = 0;
  let draining = false;
  let onIdle: (() => void) | undefined;

  const route = (request: IncomingMessage, response: ServerResponse): void => {
    const path = new URL(request.url ?? "/", "http://localhost").pathname;
    const method = request.method ?? "GET";
    if (path === options.path) {
      if (method === "POST") return endpoint(request, response);
      request.resume();
      return sendJson(response, 405, { error: "the data endpoint answers POST only" }, { allow: "POST" });
    }
    if (path === HEALTH_PATH) {
      request.resume();
      if (method !== "GET" && method !== "HEAD") {
        return sendJson(response, 405, { error: "use GET" }, { allow: "GET, HEAD" });
      }
      void checkStoreHealth(options.store).then((health) =>
        sendJson(response, health.ok ? 200 : 503, healthBody(health), { "cache-control": "no-store" }),
      );
      return;
    }
    request.resume();
    sendJson(response, 404, { error: `not found; the data endpoint is POST ${options.path}` });
  };

  const server = createServer((request, response) => {
    inFlight += 1;
    response.once("close", () => {
      inFlight -= 1;
      if (inFlight === 0) onIdle?.();
    });
    // A connection that sends another request while the server drains is closed after its answer.
    if (draining) response.setHeader("connection", "close");
    route(request, response);
  });
  // Bounds slow clients; WhatsApp itself gives up after 10 s.
  server.requestTimeout = 30_000;
  server.headersTimeout = 15_000;
  // Idle connections outlive the usual proxy and client idle timeouts (60 s on common load balancers),
  // so the other side closes first and never sends a request on a socket this server just closed.
  server.keepAliveTimeout = 65_000;

  return {
    server,
    get inFlight() {
      return inFlight;
    },
    listen: (port, host) =>
      new Promise<AddressInfo>((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => {
          server.off("error", reject);
          resolve(server.address() as AddressInfo);
        });
      }),
    async drain(timeoutMs) {
      draining = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      if (inFlight > 0) {
        let timer: ReturnType<typeof setTimeout> | undefined;
        await Promise.race([
          new Promise<void>((resolve) => (onIdle = resolve)),
          new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs))),
        ]);
        clearTimeout(timer);
      }
      server.closeAllConnections();
      await closed;
    },
  };
}
