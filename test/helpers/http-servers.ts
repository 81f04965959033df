/**
 * Starts real HTTP servers on 127.0.0.1 (port 0) for tests, and closes them afterwards.
 *
 * @example
 * const server = await listenNode(createNodeRequestListener(handler));
 * await fetch(`${server.url}/flow`, { method: "POST", body });
 * await server.close();
 * const fetchServer = await listenFetch((request) => new Response("ok"));
 */
import { createServer, type RequestListener, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { serve, type ServerType } from "@hono/node-server";

export interface RunningServer {
  readonly url: string;
  close(): Promise<void>;
}

/** Listens with a node:http request listener on a free loopback port. */
export async function listenNode(listener: RequestListener): Promise<RunningServer> {
  return wrapServer(createServer(listener));
}

/** Listens with an already created node:http server on a free loopback port. */
export async function wrapServer(server: Server): Promise<RunningServer> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** Listens with a Fetch API handler (through @hono/node-server) on a free loopback port. */
export async function listenFetch(
  handler: (request: Request) => Response | Promise<Response>,
): Promise<RunningServer> {
  const server: ServerType = serve({ fetch: handler, port: 0, hostname: "127.0.0.1" });
  return wrapServer(server as Server);
}
